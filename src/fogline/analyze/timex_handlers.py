"""The rule handlers of the time tagger: what each pattern of ``timex_rules`` means, as a
TIMEX3 type and value against the anchor (see ``timex`` for the reading conventions)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from fogline.analyze import timex_rules as r

Match = re.Match[str]


class Norm(NamedTuple):
    """What a rule makes of one match: TIMEX3 type and value, plus merge hints."""

    type: str
    value: str | None
    day: bool = False
    clock: str | None = None
    ref: str = ""  # "q": the reporting quarter; "q-4": the same quarter a year before
    skip: int = 0  # characters to leave out at the start of the match ("the" of "the 30-day")


Handler = Callable[[Match, "date | None"], "Norm | None"]

_PREV_WORD = re.compile(r"([A-Za-z]+)[\s-]{0,3}$")
_NEXT_WORD = re.compile(r"[\s-]{0,3}([A-Za-z%]+)")
_AGE = re.compile(r"[\s-]?old\b", re.IGNORECASE)
_AFTER_PUNCT = re.compile(r"\s*(?:[.,;:!?)\]]|$)")


_FUTURE = re.compile(
    r"(?<!had\s)(?<!had\sbeen\s)\b(?:will|won't|shall|going\s+to|(?:is|are)\s+to|scheduled|due"
    r"|plan(?:s|ned)?\s+to|planning|set\s+to|expected\s+to|as\s+(?:early|soon)\s+as|"
    r"(?-i:may)|effective|until)\b|\w'll\b",
    re.IGNORECASE,
)
_PAST_SPEECH = re.compile(
    r"\b(?:said|says|told|announced|predicted|reported|refused|ruled|decided|cancell?ed)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]{0,2}\s+(?=[A-Z\"'\u201c`])|\n\s*\n")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov)|\b[A-Z])\.$")


def _future(m: Match) -> bool:
    """Whether the clause before ``m`` speaks of the future ("will meet on Monday"), with no
    past speech verb between ("will appeal the ruling, announced Monday" is past)."""
    before = m.string[max(0, m.start() - 100) : m.start()]
    for end in reversed(list(_SENTENCE_END.finditer(before))):
        if not _ABBREV.search(before, 0, end.start() + 1):
            before = before[end.end() :]
            break
    markers = list(_FUTURE.finditer(before))
    return bool(markers) and _PAST_SPEECH.search(before, markers[-1].end()) is None


def _prev_word(m: Match) -> str:
    pos = m.start()
    found = _PREV_WORD.search(m.string, max(0, pos - 24), pos)
    return found.group(1).lower() if found else ""


def _next_word(m: Match) -> str:
    found = _NEXT_WORD.match(m.string, m.end(), m.end() + 24)
    return found.group(1).lower() if found else ""


def _g(m: Match, name: str) -> str:
    """A named group, lower-cased and whitespace-collapsed; "" when it did not take part."""
    text = m[name] if name in m.re.groupindex else None
    return " ".join(text.lower().split()) if text else ""


def _day(d: date) -> Norm:
    return Norm("DATE", r.day_str(d), day=True)


def _iso(m: Match, a: date | None) -> Norm | None:
    return _day(date(int(m["y"]), int(m["mo"]), int(m["d"])))


def _numeric(m: Match, a: date | None) -> Norm | None:
    mo, d, y = int(m["mo"]), int(m["d"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 2000 if y < 50 else 1900
    if mo > 12 >= d:
        mo, d = d, mo
    return _day(date(y, mo, d))


def _month_day(m: Match, a: date | None) -> Norm | None:
    norm = _month_day_only(m, a)
    if norm is not None and _g(m, "wk"):  # "the week of March 6": that day's ISO week
        value = norm.value and r.iso_week(date.fromisoformat(norm.value))
        return Norm("DATE", value)
    return norm


def _month_day_only(m: Match, a: date | None) -> Norm | None:
    month = r.MONTHS[_g(m, "month").rstrip(".")]
    day = int(m["d"])
    date(2000, month, day)  # reject impossible days whatever the year
    if m["y"]:
        return _day(date(int(m["y"]), month, day))
    if a is None:
        return Norm("DATE", None, day=True)
    try:
        year = r.pick_year(month, a)
        if _future(m):
            year = a.year if date(a.year, month, day) >= a else a.year + 1
        return _day(date(year, month, day))
    except ValueError:  # 29 February in a common year
        return Norm("DATE", None, day=True)


def _month_year(m: Match, a: date | None) -> Norm | None:
    month = r.MONTHS[_g(m, "month").rstrip(".")]
    if m["mod"]:  # "June last year"
        return Norm("DATE", r.month_str(a.year + r.OFFSETS[_g(m, "mod")], month) if a else None)
    return Norm("DATE", r.month_str(int(m["y"]), month))


def _bare_month(m: Match, a: date | None) -> Norm | None:
    key = _g(m, "month")
    mod = _g(m, "mod")
    ambiguous = key in r.AMBIGUOUS_MONTHS and not (m["pre"] or mod)
    if ambiguous and _prev_word(m) not in r.MONTH_TRIGGERS:
        return None
    if a is None:
        return Norm("DATE", None)
    month = r.MONTHS[key]
    if not mod and not m["pre"] and month != a.month and _future(m):
        mod = "next"
    return Norm("DATE", r.month_str(r.relative_month(month, a, mod), month))


def _year(m: Match, a: date | None) -> Norm | None:
    if not m["pre"]:
        if _next_word(m) in r.COUNT_NOUNS or m.string.startswith("%", m.end()):
            return None
        prev = _prev_word(m)
        if prev in r.YEAR_BLOCK_PREV and prev not in r.YEAR_TRIGGERS:
            return None
    return Norm("DATE", m["y"])


def _decade(m: Match, a: date | None) -> Norm | None:
    if m["w"]:
        if not m["the"]:
            return None
        return Norm("DATE", f"19{r.DECADE_WORDS.index(_g(m, 'w')) + 2}")
    if m["d2"]:
        return Norm("DATE", ("20" if m["d2"] in "01" else "19") + m["d2"])
    return Norm("DATE", m["c"] + m["d"])


def _weekday(m: Match, a: date | None) -> Norm | None:
    pod = _g(m, "pod")
    if a is None:
        return Norm("DATE", None, day=not pod)
    wd = r.WEEKDAYS[_g(m, "wd")]
    mod = _g(m, "mod")
    if not mod and wd != a.weekday() and _future(m):
        mod = "next"  # the anchor's own weekday is that day, even in a future clause
    d = r.weekday_date(a, wd, mod)
    if pod:  # "Monday night": a day with its part, typed DATE as news TimeML does
        return Norm("DATE", f"{r.day_str(d)}T{r.PARTS_OF_DAY[pod]}")
    return _day(d)


def _deictic(m: Match, a: date | None) -> Norm | None:
    word = _g(m, "d") or _g(m, "rel")
    pod = _g(m, "pod") or _g(m, "pod2") or ("night" if word == "tonight" else "")
    if word == "today" and (_prev_word(m) == "usa" or m.string.startswith("'s", m.end())):
        return None  # "USA Today", "today's youth"
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}
    delta = offset[word] + {"before": -1, "after": 1, "": 0}[_g(m, "ba")]
    kind = "TIME" if pod else "DATE"
    if a is None:
        return Norm(kind, None, day=not pod)
    d = date.fromordinal(a.toordinal() + delta)
    return Norm("TIME", f"{r.day_str(d)}T{r.PARTS_OF_DAY[pod]}") if pod else _day(d)


def _weekend(m: Match, a: date | None) -> Norm | None:
    if a is None:
        return Norm("DATE", None)
    if _g(m, "mod") in ("next", "the next", "this coming", "coming", "the coming"):
        return Norm("DATE", r.weekend(date.fromordinal(a.toordinal() + 7)))
    return Norm("DATE", r.weekend(a))


def _relperiod(m: Match, a: date | None) -> Norm | None:
    unit, mod = _g(m, "unit"), _g(m, "mod")
    if unit == "fortnight" or (
        _g(m, "the") and mod in ("past", "last", "next", "coming") and unit != "quarter"
    ):
        return Norm("DURATION", r.duration(1, unit))
    if a is None:
        return Norm("DATE", None)
    return Norm("DATE", r.period(unit, a, r.OFFSETS[mod]), day=unit == "day")


def _ago(m: Match, a: date | None) -> Norm | None:
    direction = _g(m, "dir")
    if direction in ("before", "after") and not _AFTER_PUNCT.match(m.string, m.end()):
        return None
    n = r.parse_number(m["num"])
    unit = r.unit_key(m["unit"])
    sign = -1 if direction in ("ago", "earlier", "before", "back", "previously") else 1
    if n is None:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if a is None:
        return Norm("DATE", None, day=unit in ("day", "week", "fortnight"))
    value = r.shifted(a, n, unit, sign)
    ref = "q-4" if (n, unit, sign) == (1, "year", -1) else ""
    return Norm("DATE", value, day=len(value) == 10, ref=ref)


def _duration(m: Match, a: date | None) -> Norm | None:
    unit = r.unit_key(m["unit"])
    num = _g(m, "num")
    if unit == "second" and num in ("a", "an") and not m["mod"]:
        return None  # "a second attempt"
    if _AGE.match(m.string, m.end()):
        return None  # "a 42-year-old", "three years old"
    adjectival = m["the"] and not m["mod"] and "-" in m["sep"]  # "the 30-day period"
    skip = m.start("num") - m.start() if adjectival else 0
    n = r.parse_number(num)
    if n is not None and m["half"]:
        n += 0.5  # "a minute and a half"
    return Norm("DURATION", r.duration(n, unit), skip=skip)


def _vague_span(m: Match, a: date | None) -> Norm | None:
    if _g(m, "mod") == "recent" and _g(m, "unit") == "years":
        return Norm("DATE", "PAST_REF")
    return Norm("DURATION", r.duration(None, r.unit_key(m["unit"])))


_REFS = {"past": "PAST_REF", "now": "PRESENT_REF", "fut": "FUTURE_REF"}
_NOT_A_NOUN = frozenset(["", "and", "or", "in", "at", "by", "from", "since", "through", "to"])


def _ref(m: Match, a: date | None) -> Norm | None:
    return Norm("DATE", next(v for k, v in _REFS.items() if m[k]))


def _set(m: Match, a: date | None) -> Norm | None:
    if m["adv"]:
        adv = _g(m, "adv")
        if adv == "quarterly" and _next_word(m) not in _NOT_A_NOUN:
            return None  # "quarterly dividend": an adjective, not a recurrence
        return Norm("SET", r.ADVERB_SETS[adv])
    if m["unit2"]:
        return Norm("SET", r.duration(1, r.unit_key(m["unit2"])))
    wd = _g(m, "wd") or _g(m, "wds").rstrip("s")
    if wd:
        return Norm("SET", f"XXXX-WXX-{r.WEEKDAYS[wd] + 1}")
    pod = _g(m, "pod")
    if pod:
        return Norm("SET", f"XXXX-XX-XXT{r.PARTS_OF_DAY[pod]}")
    n = r.parse_number(m["num"]) if m["num"] else 1.0
    if n is not None and m["other"]:
        n *= 2
    return Norm("SET", r.duration(n, r.unit_key(m["unit"])))


def _quarter(m: Match, a: date | None) -> Norm | None:
    norm = _quarter_value(m, a)
    if norm is not None and m["the"] and m["sep"] == "-":  # "the third-quarter results"
        return norm._replace(skip=len(m["the"]))
    return norm


def _quarter_value(m: Match, a: date | None) -> Norm | None:
    q = int(m["q"]) if m["q"] else r.ORDINALS[_g(m, "ord")]
    if m["y"] or m["y2"]:
        return Norm("DATE", r.quarter(int(m["y"] or m["y2"]), q))
    if m["yy"]:
        return Norm("DATE", r.quarter(2000 + int(m["yy"]), q))
    if m["y3"]:
        return Norm("DATE", r.quarter(int(m["y3"]), q))
    if a is None:
        return Norm("DATE", None)
    if m["ry"]:  # "last year's third quarter"
        return Norm("DATE", r.quarter(a.year + r.OFFSETS[_g(m, "ry")], q))
    cur = (a.month - 1) // 3 + 1
    # the anchor's year, unless the quarter is three ahead ("fourth quarter" read in February)
    year = a.year - 1 if q - cur >= 3 else a.year
    return Norm("DATE", r.quarter(year - 1 if m["ya"] else year, q))


def _half(m: Match, a: date | None) -> Norm | None:
    return Norm("DATE", f"{m['y']}-H{1 if _g(m, 'ord') == 'first' else 2}")


def _season(m: Match, a: date | None) -> Norm | None:
    name, mod = _g(m, "s"), _g(m, "mod")
    if m["y"]:
        return Norm("DATE", f"{m['y']}-{r.SEASONS[name][1]}")
    if not (mod or m["pre"]):
        if _prev_word(m) not in ("in", "during", "over", "through", "since", "until", "by"):
            return None
        if name == "fall" and re.match(r"\s+of\b", m.string[m.end() : m.end() + 8]):
            return None
    return Norm("DATE", r.season(name, a, mod) if a else None)


def _clock(m: Match, a: date | None) -> Norm | None:
    word = _g(m, "word")
    if word:
        hh, mm = (12, 0) if word in ("noon", "midday") else (24, 0)
    elif m["mil"]:
        hh, mm = int(m["mil"][:2]), int(m["mil"][2:])
    else:
        if m["oc"]:
            hh, mm, ampm = int(r.parse_number(m["oc"]) or 0), 0, "x"
        elif m["ap"] or (m["mi"] and ":" in m.group(0)):
            hh, mm, ampm = int(m["h"]), int(m["mi"] or 0), _g(m, "ap")[:1]
        else:
            return None  # a bare number, "3.50" or "5 hours"
        if ampm:
            if not 1 <= hh <= 12:
                return None
            hh = hh % 12 + (12 if ampm == "p" else 0)
    if hh > 24 or mm > 59:
        return None
    clock = f"{hh:02d}:{mm:02d}"
    return Norm("TIME", f"{r.day_str(a)}T{clock}" if a else None, clock=clock)


def _holiday(m: Match, a: date | None) -> Norm | None:
    name = _g(m, "hol")
    if name.startswith("thanksgiving"):
        if a is None:
            return Norm("DATE", None, day=True)
        return _day(r.thanksgiving(r.relative_month(11, a, _g(m, "mod")), a))
    if name.startswith("new"):
        month, day = (12, 31) if name.endswith("eve") else (1, 1)
    else:
        month, day = 12, 24 if name.endswith("eve") else 25
    if m["y"]:
        return _day(date(int(m["y"]), month, day))
    return _day(date(r.pick_year(month, a), month, day)) if a else Norm("DATE", None, day=True)


def _reporting(m: Match, a: date | None) -> Norm | None:
    if m["ya"] or m["ya2"]:
        return Norm("DATE", r.year_str(a.year - 1) if a else None, ref="q-4")
    if m["y"]:  # "the 1988 quarter": the reporting quarter of that year
        return Norm("DATE", m["y"], ref="qy")
    if m["ry"]:  # "last year's quarter"
        return Norm("DATE", r.year_str(a.year + r.OFFSETS[_g(m, "ry")]) if a else None, ref="qy")
    if _g(m, "unit") == "period" and not m["lat"]:
        return None
    if a is None:
        return Norm("DATE", None, ref="q")
    return Norm("DATE", r.quarter(a.year, (a.month - 1) // 3), ref="q")


def _the_year(m: Match, a: date | None) -> Norm | None:
    mod = _g(m, "mod")
    if m["ended"] or mod in ("entire", "whole"):
        return Norm("DURATION", "P1Y")
    if a is None:
        return Norm("DATE", None)
    return Norm("DATE", r.year_str(a.year - (mod == "latest")))


def _spelled_year(m: Match, a: date | None) -> Norm | None:
    if m["k"]:
        return Norm("DATE", r.year_str(2000 + r.WORD_NUMBERS.get(_g(m, "ku"), 0)))
    year = 1900 + r.WORD_NUMBERS[_g(m, "tens")] + r.WORD_NUMBERS.get(_g(m, "u"), 0)
    return Norm("DATE", r.year_str(year))


def _quarters(m: Match, a: date | None) -> Norm | None:
    if m["fut"]:
        return Norm("DATE", "FUTURE_REF")
    n = r.parse_number(m["num"]) if m["num"] else None
    return Norm("DURATION", r.duration(n, "quarter"))


def _year_end(m: Match, a: date | None) -> Norm | None:
    return Norm("DATE", r.year_str(a.year) if a else None)


def _century(m: Match, a: date | None) -> Norm | None:
    return Norm("DATE", f"{int(m['n']) - 1:02d}")


HANDLERS: dict[str, Handler] = {
    "iso": _iso, "numeric": _numeric, "month_day": _month_day, "day_month": _month_day,
    "month_year": _month_year, "bare_month": _bare_month, "year": _year, "decade": _decade,
    "weekday": _weekday, "deictic": _deictic, "weekend": _weekend, "relperiod": _relperiod,
    "earlier_in": _relperiod, "ago": _ago, "duration": _duration, "bare_plural": _vague_span,
    "vague_span": _vague_span, "ref": _ref, "set": _set, "quarter": _quarter, "half": _half,
    "season": _season, "clock": _clock, "holiday": _holiday, "reporting": _reporting,
    "the_year": _the_year, "spelled_year": _spelled_year, "year_end": _year_end,
    "century": _century, "quarters": _quarters,
}  # fmt: skip
