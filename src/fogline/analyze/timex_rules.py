"""Vocabulary, regex fragments and calendar arithmetic behind the time tagger in ``timex``.

Everything here is pure and total: the calendar helpers raise only ``ValueError`` or
``OverflowError`` (out-of-range dates), which the tagger turns into "no value".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

SP = r"\s{1,3}"

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Month names that are also common words or given names: tagged alone only after a trigger.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "april", "june", "august"})
_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_FULL = rf"(?-i:{_FULL})(?![A-Za-z])"
MONTH_ANY = rf"(?-i:{_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
POD = r"(?:morning|afternoon|evening|night)"


def _words(text: str) -> list[str]:
    return text.split()


_SMALL = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
DECADE_WORDS = [w[:-1] + "ies" for w in _TENS]
_UNIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
WORD_NUMBERS: dict[str, int] = {w: i for i, w in enumerate(_SMALL)}
WORD_NUMBERS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
WORD_NUMBERS.update({"a": 1, "an": 1, "hundred": 100, "dozen": 12, "couple": 2})
VAGUE_WORDS = frozenset(
    {"few", "several", "some", "many", "number", "dozens", "scores", "hundreds"}
)

_NUM_WORD = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_SMALL[1:10])}))?"
    rf"|{'|'.join(sorted(_SMALL[1:], key=len, reverse=True))}"
    r"|a\s(?:hundred|dozen|couple\sof)|hundred|dozen|an|a)"
)
_VAGUE = r"(?:a\s(?:few|number\sof)|few|several|some|many|(?:dozens|scores|hundreds)\sof)"
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}}(?:\.\d{{1,3}})?|{_VAGUE}|{_NUM_WORD})"
UNITS = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))"
)

# unit -> (time designator, ISO code, multiplier, length in days)
DUR_CODES: dict[str, tuple[str, str, int, float]] = {
    "second": ("T", "S", 1, 1 / 86400),
    "minute": ("T", "M", 1, 1 / 1440),
    "hour": ("T", "H", 1, 1 / 24),
    "day": ("", "D", 1, 1),
    "week": ("", "W", 1, 7),
    "fortnight": ("", "W", 2, 14),
    "month": ("", "M", 1, 30),
    "quarter": ("", "Q", 1, 91),
    "year": ("", "Y", 1, 365),
    "decade": ("", "DE", 1, 3650),
    "century": ("", "CE", 1, 36500),
}

MONTH_TRIGGERS = frozenset(
    _words(
        "in since by until till through throughout from to of during before after early late "
        "mid last next this end beginning start middle between around"
    )
)
YEAR_TRIGGERS = MONTH_TRIGGERS | {"fiscal", "year", "circa", "spring", "summer", "autumn", "fall"}
YEAR_BLOCK_PREV = frozenset(
    _words(
        "route no number flight room highway road resolution article page pages platform "
        "model version code bus motorway interstate apartment unit building block level "
        "sector grid hill height point channel p pp vol issue chapter section paragraph gate "
        "bay exit suite plot lot item serial id class type series brigade battalion regiment "
        "division squadron base camp zone area km nearly almost some than approximately "
        "roughly over under least most additional another"
    )
)
COUNT_NOUNS = frozenset(
    _words(
        "troops soldiers people persons men women children civilians residents refugees "
        "fighters militants police officers workers employees jobs members voters votes "
        "students prisoners hostages casualties dead deaths wounded injured killed cases "
        "tanks vehicles drones missiles rockets shells rounds bombs aircraft planes ships "
        "guns weapons homes houses buildings units tons tonnes ton tonne kg kilograms lb lbs "
        "pounds dollars euros rubles roubles hryvnias yuan yen km kilometres kilometers "
        "kilometre kilometer metres meters metre meter m mi miles feet ft yards acres "
        "hectares sq square barrels litres liters gallons percent per points words copies "
        "more additional extra new other hours hrs gmt utc bc ad"
    )
)
SEASONS = {"spring": (0, "SP"), "summer": (1, "SU"), "autumn": (2, "FA"), "fall": (2, "FA")}
SEASONS["winter"] = (3, "WI")
_SEASON_CODES = ("SP", "SU", "FA", "WI")

ADVERB_SETS = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W"}
ADVERB_SETS.update({"fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M"})
ADVERB_SETS.update({"annually": "P1Y", "yearly": "P1Y"})
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
ORDINALS["4th"] = 4


def parse_number(text: str) -> float | None:
    """The quantity a number phrase denotes ("three", "2,000", "twenty-five"); None if vague."""
    words = re.split(r"[\s-]+", text.lower().replace(",", "").strip())
    if any(w in VAGUE_WORDS for w in words):
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
        return float(words[0])
    total = 0
    for w in words:
        if w in WORD_NUMBERS:
            n = WORD_NUMBERS[w]
            total = total * n if n == 100 and total else total + n
    return float(total)


def unit_key(unit: str) -> str:
    """The singular key of a unit word: "days" -> "day", "centuries" -> "century"."""
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration for ``n`` units ("P3D", "PT48H", "P2W"); "PXD" style when n is vague."""
    designator, code, mult, _ = DUR_CODES[unit]
    qty = "X" if n is None else fmt_num(n * mult)
    return f"P{designator}{qty}{code}"


def day_str(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def year_str(y: int) -> str:
    if not 0 < y < 10000:
        raise ValueError("year out of range")
    return f"{y:04d}"


def month_str(y: int, m: int) -> str:
    return f"{year_str(y)}-{m:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{year_str(y)}-W{w:02d}"


def weekend(d: date) -> str:
    """The most recent weekend on or before ``d``: that weekend if ``d`` is Sat/Sun."""
    if d.weekday() < 5:
        d = d - timedelta(days=d.weekday() + 1)
    return iso_week(d) + "-WE"


def quarter(y: int, q: int) -> str:
    """Quarter ``q`` (may be out of 1..4; rolls over years) as "YYYY-Qn"."""
    idx = y * 4 + q - 1
    return f"{year_str(idx // 4)}-Q{idx % 4 + 1}"


def pick_year(month: int, anchor: date, lo: int = -9, hi: int = 2) -> int:
    """The year that puts ``month`` between ``lo`` and ``hi`` months from the anchor's month.

    A news reader takes a bare "in March" as this year's, unless that is more than two months
    ahead, in which case it is last year's ("in December", read on 2 January, is last December).
    """
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if lo <= (y - anchor.year) * 12 + month - anchor.month <= hi:
            return y
    return anchor.year


def relative_month(month: int, anchor: date, mod: str) -> int:
    """Year of "last/next/this <month>": strictly before, strictly after, or the anchor's year."""
    if mod in ("last", "past", "previous"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if mod in ("next", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if mod == "this":
        return anchor.year
    return pick_year(month, anchor)


def season(name: str, anchor: date, mod: str) -> str:
    """TIMEX3 season ("2024-SU"); winter belongs to the year of its December.

    "last" is the latest such season before the current one, "next" the first after it,
    otherwise the nearest occurrence ("this fall" read in March is the coming one).
    """
    s, _ = SEASONS[name]
    cur_s = (anchor.month % 12) // 3 - 1
    cur_y = anchor.year - (1 if anchor.month < 3 else 0)
    cur_s = 3 if cur_s < 0 else cur_s
    cur = cur_y * 4 + cur_s
    occ = cur_y * 4 + s
    if mod in ("last", "past", "previous"):
        occ = occ - 4 if occ >= cur else occ
    elif mod in ("next", "coming"):
        occ = occ + 4 if occ <= cur else occ
    else:  # nearest; a tie goes to the future for "this", to the past otherwise
        occ = min(
            (occ - 4, occ, occ + 4), key=lambda o: (abs(o - cur), (o > cur) != (mod == "this"))
        )
    return f"{year_str(occ // 4)}-{_SEASON_CODES[occ % 4]}"


def thanksgiving(year: int, anchor: date) -> date:
    """US Thanksgiving (fourth Thursday of November) of ``year``."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def weekday_date(anchor: date, wd: int, mod: str) -> date:
    """The weekday ``wd`` a news reader means, relative to the publication date ``anchor``."""
    back = (anchor.weekday() - wd) % 7
    if mod in ("next", "coming", "this coming"):
        return anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    if mod in ("last", "past", "previous", "this past"):
        return anchor - timedelta(days=back or 7)
    return anchor - timedelta(days=back)


def period(unit: str, a: date, off: int) -> str:
    """The ``unit`` (week, month, quarter, ...) ``off`` steps from the anchor's, as TIMEX3."""
    if unit == "week":
        return iso_week(date.fromordinal(a.toordinal() + 7 * off))
    if unit == "month":
        return month_str(*add_months(a.year, a.month, off))
    if unit == "quarter":
        return quarter(a.year, (a.month - 1) // 3 + 1 + off)
    if unit == "decade":
        return year_str(a.year + 10 * off)[:3]
    if unit == "century":
        return year_str(a.year + 100 * off)[:2]
    if unit == "day":
        return day_str(a)
    return year_str(a.year + off)


OFFSETS = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "this": 0, "current": 0}
OFFSETS.update({"next": 1, "coming": 1, "following": 1, "": 0})


def shifted(anchor: date, n: float, unit: str, sign: int) -> str:
    """The point ``n`` units before (sign -1) or after (+1) the anchor, at the unit's grain.

    Days and weeks give a day ("two weeks ago" is a date), months a month, years a year,
    decades a decade ("199"), centuries a century ("19"); hours and minutes give the day.
    """
    if unit in ("month",):
        return month_str(*add_months(anchor.year, anchor.month, sign * round(n)))
    if unit == "year":
        return year_str(anchor.year + sign * round(n))
    if unit == "decade":
        return year_str(anchor.year + sign * round(10 * n))[:3]
    if unit == "century":
        return year_str(anchor.year + sign * round(100 * n))[:2]
    days = DUR_CODES[unit][3] * n
    days = int(days) if unit in ("second", "minute", "hour") else round(days)
    return day_str(anchor + timedelta(days=sign * days))


_Y = r"(?:1\d|20)\d{2}"  # a year inside a full date
_YEAR = r"(?:19|20)\d{2}"  # a year standing alone
_PRE = rf"(?P<pre>early|late|mid|the{SP}(?:start|beginning|middle|end){SP}of)[\s-]{{1,3}}"
_ZONE = r"GMT|UTC|local\s{1,3}time|[ECMP][SD]T|CES?T|EES?T|MSK|BST|Zulu|hours|hrs|h"
_APPROX = (
    rf"(?P<approx>nearly|almost|about|around|roughly|approximately|more{SP}than|less{SP}than"
    rf"|at{SP}least|up{SP}to|no{SP}more{SP}than){SP}"
)

# One pattern per rule, compiled with IGNORECASE; case-sensitive parts use (?-i:...).
# A group named "t" gives the span when context words around it must not be part of it.
PATTERNS: dict[str, str] = {
    "iso": rf"(?<![\d-])(?P<y>{_Y})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\d-])",
    "numeric": rf"(?<![\d/.])(?P<mo>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>{_Y}|\d{{2}})(?![\d/])",
    "month_day": (
        rf"(?:(?P<wd>{WEEKDAY}),?{SP})?(?P<month>{MONTH_ANY}){SP}(?:the{SP})?"
        rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\w]|:\d|,\d)(?:,?{SP}(?P<y>{_Y})(?!\d|,\d))?"
    ),
    "day_month": (
        rf"(?:(?P<wd>{WEEKDAY}),?{SP})?(?<![\w.,])(?:the{SP})?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"(?:{SP}of)?{SP}(?P<month>{MONTH_ANY})(?:,?{SP}(?P<y>{_Y})(?!\d|,\d))?"
    ),
    "month_year": (
        rf"(?P<month>{MONTH_ANY}),?{SP}(?:(?:of{SP})?(?P<y>{_Y})(?!\d|,\d)"
        rf"|(?P<mod>last|this|next){SP}year(?![\w-]))"
    ),
    "bare_month": (
        rf"(?<!\w)(?:{_PRE})?(?:(?P<mod>last|this|next|past|previous|coming){SP})?"
        rf"(?P<month>{MONTH_FULL})"
    ),
    "year": (
        rf"(?<!\w)(?:(?P<pre>early|late|mid|the{SP}(?:start|beginning|middle|end){SP}of|fiscal)"
        rf"[\s-]{{1,3}})?(?<![\w$€£#/.,])(?P<y>{_YEAR})(?!\d|[.,]\d|-\d|\s?%|s\b|[/:]\d|\w)"
    ),
    "decade": (
        rf"(?<!\w)(?:(?P<the>the){SP})?(?:(?P<pre>early|late|mid)[\s-]{{1,3}})?"
        r"(?:(?P<c>1\d|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s|(?P<w>(?<=the\s)(?:twenties|thirties|"
        r"forties|fifties|sixties|seventies|eighties|nineties)))(?!\w)"
    ),
    "weekday": (
        rf"(?<!\w)(?:(?P<pre>early|late){SP})?(?:(?P<mod>this{SP}coming|this{SP}past|last|next|"
        rf"this|past|previous|coming){SP})?(?P<wd>{WEEKDAY})(?!\w)(?:{SP}(?P<pod>{POD})(?!\w))?"
    ),
    "deictic": (
        rf"(?<!\w)(?:(?:the{SP}day{SP}(?P<ba>before|after){SP})?"
        rf"(?P<d>today|tonight|yesterday|tomorrow)(?:{SP}(?P<pod>{POD}))?"
        rf"|(?P<rel>this|last){SP}(?P<pod2>{POD}))(?!\w)"
    ),
    "weekend": (
        rf"(?<!\w)(?P<mod>this{SP}coming|this{SP}past|the{SP}(?:past|last|previous|coming|next)"
        rf"|last|this|next|past|previous|coming|the){SP}weekend(?!\w)"
    ),
    "relperiod": (
        rf"(?<!\w)(?:(?P<pre>earlier|later|early|late|mid|the{SP}(?:start|beginning|middle|end|"
        rf"rest|remainder){SP}of)[\s-]{{1,3}})?(?P<the>the{SP})?(?P<mod>last|this|next|past|"
        rf"previous|coming|current|following|preceding){SP}"
        r"(?P<unit>week|month|year|quarter|fortnight|decade|century)(?![\w-])"
    ),
    "earlier_in": (
        rf"(?<!\w)(?P<pre>earlier|later)(?:{SP}in)?{SP}the{SP}(?P<unit>day|week|month|year)"
        r"(?![\w-])"
    ),
    "ago": (
        rf"(?<![\w.,])(?:{_APPROX})?(?P<num>{NUM})[\s-]{{1,3}}(?P<unit>{UNITS}){SP}"
        rf"(?P<dir>ago|earlier|later|before|after|from{SP}now|hence|back|previously)(?!\w)"
    ),
    "duration": (
        rf"(?<![\w.,])(?:(?:(?P<the>the){SP})?(?:(?P<mod>past|last|next|coming|previous|first|final"
        rf"|following|preceding|latest|initial|remaining|full|entire|whole){SP})?|{_APPROX})"
        rf"(?P<num>{NUM})(?P<sep>[\s-]{{1,3}})(?P<unit>{UNITS})(?:[\s-]long)?(?!\w)"
    ),
    "bare_plural": (
        rf"(?<!\w)(?:for|over|within|in|after|lasted|lasting|takes?|took){SP}"
        rf"(?P<t>(?:many{SP})?(?P<unit>years|months|weeks|days|decades|hours|minutes))(?![\w-])"
    ),
    "vague_span": (
        rf"(?<!\w)(?:in{SP})?(?P<t>(?:the{SP})?(?P<mod>coming|next|past|last|previous|recent)"
        rf"{SP}(?P<unit>days|weeks|months|years|decades|hours))(?![\w-])"
    ),
    "ref": (
        rf"(?<!\w)(?:in{SP})?(?P<t>(?P<now>right{SP}now|now|currently|presently|nowadays|current|"
        rf"at{SP}present|at{SP}the{SP}moment|these{SP}days)|(?P<past>recently|lately|"
        rf"the{SP}past)|(?P<fut>(?<!as\s)soon(?!{SP}(?:as|after|afterwards?|thereafter)\b)|the{SP}future|"
        rf"the{SP}near{SP}future))(?![\w-])"
    ),
    "set": (
        rf"(?<!\w)(?:(?:every|each){SP}(?:(?P<other>other){SP})?(?:(?P<num>{NUM}){SP})?"
        rf"(?:(?P<unit>{UNITS})|(?P<wd>{WEEKDAY})|(?P<pod>{POD}))"
        r"|(?-i:(?P<adv>hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|annually|"
        rf"yearly))|(?:once|twice|thrice|{NUM}{SP}times){SP}(?:a|an|per|every|each){SP}"
        rf"(?P<unit2>{UNITS})|(?P<wds>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|"
        r"Saturdays|Sundays)))(?!\w)"
    ),
    "quarter": (
        rf"(?<!\w)(?:(?:(?P<the>the{SP})|(?P<ry>this|last|next){SP}year['\u2019]s{SP})?"
        rf"(?:(?:(?P<y3>{_YEAR})|(?P<ya>year[\s-](?:ago|earlier))|fiscal)"
        rf"[\s-]{{1,3}})?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?P<sep>[\s-])quarter"
        rf"(?:{SP}(?:of{SP})?(?:fiscal{SP})?(?P<y>{_YEAR})(?!\d))?"
        rf"|(?-i:Q(?P<q>[1-4]))(?:(?:{SP}|/)(?:(?P<y2>{_YEAR})|'?(?P<yy>\d{{2}})))?)(?!\w)"
    ),
    "half": rf"(?<!\w)(?:the{SP})?(?P<ord>first|second)[\s-]half{SP}of{SP}(?P<y>{_YEAR})(?!\d)",
    "season": (
        rf"(?<!\w)(?:(?P<pre>early|late|mid)[\s-]{{1,3}})?(?:(?P<mod>last|this|next|past|coming)"
        rf"{SP}|the{SP})?(?P<s>spring|summer|autumn|fall|winter)"
        rf"(?:{SP}(?:of{SP})?(?P<y>{_YEAR})(?!\d))?(?![\w-])"
    ),
    "clock": (
        rf"(?<![\w.,:$])(?:(?P<mil>[0-2]\d[0-5]\d){SP}(?:{_ZONE})(?!\w)"
        rf"|(?P<oc>{_NUM_WORD}|\d{{1,2}}){SP}o['\u2019]clock|(?P<word>noon|midday|midnight)(?!\w)"
        r"|(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?(?!\d)(?:\s?(?P<ap>[ap]\.m\.?|[ap]m)(?!\w)"
        rf"(?:{SP}(?-i:[ECMP][SD]T|GMT|UTC)(?!\w))?|{SP}(?:{_ZONE})(?!\w))?)"
    ),
    "reporting": (
        rf"(?<![\w-])(?P<t>(?:the|(?P<ry>this|last|next){SP}year['\u2019]s){SP}"
        rf"(?:(?P<lat>latest|most{SP}recent|same|comparable|corresponding)"
        rf"{SP})?(?:(?P<ya>year[\s-](?:ago|earlier)){SP}|(?P<y>{_YEAR}){SP})?(?P<unit>quarter|period)"
        r"|(?P<ya2>year[\s-](?:ago|earlier)))(?![\w-])"
    ),
    "the_year": (
        rf"(?<![\w-])(?P<t>(?:the{SP}(?:start|beginning|middle|end|rest|remainder){SP}of{SP})?"
        rf"the{SP}(?:(?P<mod>full|current|latest|entire|whole){SP})?(?:fiscal{SP})?year)"
        rf"(?![\w-])(?!{SP}(?:before|after|earlier|later|ago|two|\d))(?P<ended>{SP}end(?:ed|ing))?"
    ),
    "spelled_year": (
        rf"(?<!\w)(?:the{SP}year{SP}(?P<k>two{SP}thousand)(?:{SP}and{SP}(?P<ku>{_UNIT_WORD}))?"
        rf"|nineteen{SP}(?P<tens>{'|'.join(_TENS)})(?:[\s-](?P<u>{_UNIT_WORD}))?)(?!\w)"
    ),
    "quarters": (
        rf"(?<!\w)(?:(?:the{SP})?(?P<mod>past|last|next|coming|previous|first|following){SP}"
        rf"(?P<num>{NUM})|(?P<vague>several|few|a{SP}few|many|recent)|(?P<fut>coming|future))"
        rf"{SP}quarters(?!\w)"
    ),
    "year_end": rf"(?<![\w-])(?P<t>year(?:-|{SP}|['\u2019]s{SP})end)(?![\w-])",
    "century": rf"(?<!\w)(?:the{SP})?(?P<n>[1-9]|1\d|2[01])(?:st|nd|rd|th)[\s-]century(?![\w-])",
    "holiday": (
        rf"(?<!\w)(?:(?P<mod>last|next|this){SP})?(?P<hol>(?-i:Christmas(?:{SP}(?:Day|Eve))?|"
        rf"New{SP}Year['\u2019]s{SP}(?:Day|Eve)|Thanksgiving(?:{SP}Day)?))"
        rf"(?:,?{SP}(?P<y>{_YEAR})(?!\d))?(?!\w)"
    ),
}

# Every match of a rule contains one of its head words; the tagger runs each rule only near
# its heads. A token that starts or ends with a digit is a head for DIGIT_RULES.
DIGIT_RULES = _words("iso numeric month_day day_month month_year year decade clock quarter half")
_UNIT_HEAD_RULES = "ago duration bare_plural vague_span relperiod earlier_in set"
_HEAD_GROUPS = [
    (" ".join(DUR_CODES) + " seconds minutes hours days weeks fortnights months decades "
     "centuries", _UNIT_HEAD_RULES),
    ("year years", _UNIT_HEAD_RULES + " holiday reporting the_year spelled_year year_end"),
    ("quarter quarters q1 q2 q3 q4", "quarter relperiod reporting quarters"),
    ("period", "reporting"),
    ("nineteen thousand", "spelled_year"),
    ("century", "century"),
    ("current", "ref"),
    ("thanksgiving", "holiday"),
    ("weekend weekends", "weekend"),
    (" ".join(ADVERB_SETS), "set"),
    (" ".join(MONTHS), "month_day day_month month_year bare_month"),
    (" ".join([*WEEKDAYS, *(d + "s" for d in WEEKDAYS)]), "weekday set month_day day_month"),
    ("morning afternoon evening night", "deictic set weekday"),
    ("today tonight yesterday tomorrow", "deictic"),
    ("now currently presently nowadays present moment these recently lately past soon", "ref"),
    ("future", "ref"),
    ("half", "half"),
    (" ".join(SEASONS), "season"),
    ("noon midday midnight clock", "clock"),
    ("christmas", "holiday"),
    (" ".join(DECADE_WORDS), "decade"),
]  # fmt: skip
HEAD_WORDS: dict[str, tuple[str, ...]] = {}
for _heads, _rules in _HEAD_GROUPS:
    for _w in _heads.split():
        HEAD_WORDS[_w] = tuple(dict.fromkeys(HEAD_WORDS.get(_w, ()) + tuple(_rules.split())))
