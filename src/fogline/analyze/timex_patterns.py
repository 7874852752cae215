"""The regular expressions of the time tagger, one per rule, and the head words that tell
the tagger where each rule can match (see ``timex`` for how they are run and
``timex_handlers`` for what each match means)."""

from __future__ import annotations

from fogline.analyze.timex_rules import (
    ADVERB_SETS,
    DECADE_WORDS,
    DUR_CODES,
    MONTH_ANY,
    MONTH_FULL,
    MONTHS,
    NUM,
    NUM_WORD,
    POD,
    SEASONS,
    SP,
    TENS,
    UNIT_WORD,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
    words,
)

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
        rf"(?P<wk>the{SP}week{SP}of{SP})?(?:(?P<wd>{WEEKDAY}),?{SP})?(?P<month>{MONTH_ANY}){SP}"
        rf"(?:the{SP})?"
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
        rf"(?P<num>{NUM})(?P<sep>[\s-]{{1,3}})(?P<unit>{UNITS})(?P<half>{SP}and{SP}a{SP}half)?"
        r"(?:[\s-]long)?(?!\w)"
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
        rf"|(?P<oc>{NUM_WORD}|\d{{1,2}}){SP}o['\u2019]clock|(?P<word>noon|midday|midnight)(?!\w)"
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
        rf"(?<!\w)(?:the{SP}year{SP}(?P<k>two{SP}thousand)(?:{SP}and{SP}(?P<ku>{UNIT_WORD}))?"
        rf"|nineteen{SP}(?P<tens>{'|'.join(TENS)})(?:[\s-](?P<u>{UNIT_WORD}))?)(?!\w)"
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
DIGIT_RULES = words("iso numeric month_day day_month month_year year decade clock quarter half")
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
