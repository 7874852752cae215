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


def words(text: str) -> list[str]:
    return text.split()


_SMALL = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
TENS = words("twenty thirty forty fifty sixty seventy eighty ninety")
DECADE_WORDS = [w[:-1] + "ies" for w in TENS]
UNIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
WORD_NUMBERS: dict[str, int] = {w: i for i, w in enumerate(_SMALL)}
WORD_NUMBERS.update({w: 20 + 10 * i for i, w in enumerate(TENS)})
WORD_NUMBERS.update({"a": 1, "an": 1, "hundred": 100, "dozen": 12, "couple": 2})
VAGUE_WORDS = frozenset(
    {"few", "several", "some", "many", "number", "dozens", "scores", "hundreds"}
)

NUM_WORD = (
    rf"(?:(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(_SMALL[1:10])}))?"
    rf"|{'|'.join(sorted(_SMALL[1:], key=len, reverse=True))}"
    r"|a\s(?:hundred|dozen|couple\sof)|hundred|dozen|an|a)"
)
_VAGUE = r"(?:a\s(?:few|number\sof)|few|several|some|many|(?:dozens|scores|hundreds)\sof)"
NUM = rf"(?:\d{{1,3}}[\s-]1/2|\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}}(?:\.\d{{1,3}})?|{_VAGUE}|{NUM_WORD})"
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
    words(
        "in since by until till through throughout from to of during before after early late "
        "mid last next this end beginning start middle between around"
    )
)
YEAR_TRIGGERS = MONTH_TRIGGERS | {"fiscal", "year", "circa", "spring", "summer", "autumn", "fall"}
YEAR_BLOCK_PREV = frozenset(
    words(
        "route no number flight room highway road resolution article page pages platform "
        "model version code bus motorway interstate apartment unit building block level "
        "sector grid hill height point channel p pp vol issue chapter section paragraph gate "
        "bay exit suite plot lot item serial id class type series brigade battalion regiment "
        "division squadron base camp zone area km nearly almost some than approximately "
        "roughly over under least most additional another"
    )
)
COUNT_NOUNS = frozenset(
    words(
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
        return float(words[0]) + (0.5 if words[1:] == ["1/2"] else 0.0)
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
    if n is not None and n != int(n) and unit in _SUBUNITS:
        sub, per = _SUBUNITS[unit]  # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
        whole, rest = int(n), round((n - int(n)) * per)
        head = f"{whole}{code}" if whole else ""
        sub_designator = DUR_CODES[sub][0] if DUR_CODES[sub][0] != designator else ""
        return f"P{designator}{head}{sub_designator}{rest}{DUR_CODES[sub][1]}"
    qty = "X" if n is None else fmt_num(n * mult)
    return f"P{designator}{qty}{code}"


# A fraction of a unit is written in the next smaller one: unit -> (smaller unit, how many).
_SUBUNITS = {"year": ("month", 12), "day": ("hour", 24), "hour": ("minute", 60)}
_SUBUNITS["minute"] = ("second", 60)


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
