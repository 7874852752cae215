"""Rule-based tagging and TIMEX3 normalization of time expressions in news text.

Relative expressions are resolved the way a careful news reader resolves them, against the
publication date (the *anchor*):

- a bare weekday ("on Monday", "Monday") is the latest such day on or before the anchor
  (a piece published on a Monday means that day); "last Monday" / "this past Monday" is the
  latest such day strictly before the anchor, so from a Thursday it is the Monday three
  days earlier, the same as "on Monday"; "next" / "this coming" Monday is strictly after;
- "over the weekend", "at the weekend", "last/this weekend" is the latest weekend on or
  before the anchor ("2025-W10-WE"); "next weekend" is the one after;
- "N days/weeks ago|earlier" and "N days/weeks later|from now" give a day (weeks are 7N
  days), months a month, years a year; "earlier"/"later" are taken against the anchor;
- a month without a year is the anchor's year unless that puts it more than two months
  after the anchor, then the year before ("in December" read on 2025-01-02 is 2024-12);
- "the past two weeks" is a duration (P2W); "last week" is the week before the anchor's;
- when the clause speaks of the future ("will meet on Monday", "is scheduled to close Feb.
  1"), a bare weekday, month or day is the next one after the anchor instead;
- earnings-report conventions: "the quarter" / "the latest quarter" is the quarter named
  last before it (else the one before the anchor's), and in text about quarters "a year
  earlier" / "the year-ago period" is that quarter a year before ("1988-Q3").

Spans leave out a leading preposition ("on Monday" -> "Monday", as in TimeBank) but keep
determiners and modifiers ("the past two weeks", "earlier this week", "two weeks ago").
Without an anchor, relative expressions are still found, with value None.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import NamedTuple

from fogline.analyze import timex_rules as r
from fogline.records import TimeRef

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
_JOIN_GAP = re.compile(r"\s{0,3}(?:,\s{0,3})?(?:(?:on|at)\s{1,3})?", re.IGNORECASE)


_FUTURE = re.compile(
    r"(?<!had\s)(?<!had\sbeen\s)\b(?:will|won't|shall|going\s+to|(?:is|are)\s+to|scheduled|due"
    r"|plans?\s+to|planning|set\s+to|expected\s+to|as\s+(?:early|soon)\s+as|could|might|"
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
    kind = "TIME" if pod else "DATE"
    if a is None:
        return Norm(kind, None, day=not pod)
    mod = _g(m, "mod") or ("next" if _future(m) else "")
    d = r.weekday_date(a, r.WEEKDAYS[_g(m, "wd")], mod)
    if pod:
        return Norm("TIME", f"{r.day_str(d)}T{r.PARTS_OF_DAY[pod]}")
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
    return Norm("DURATION", r.duration(r.parse_number(num), unit), skip=skip)


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
_RULES = [(name, re.compile(r.PATTERNS[name], re.IGNORECASE), HANDLERS[name]) for name in HANDLERS]


class _Cand(NamedTuple):
    start: int
    end: int
    norm: Norm


_TOKEN = re.compile(r"\w+")
_REACH = 60  # no expression reaches further than this from its head word
_RULE_INDEX = {name: i for i, (name, _, _) in enumerate(_RULES)}
_HEAD_INDEX = {w: [_RULE_INDEX[n] for n in names] for w, names in r.HEAD_WORDS.items()}
_DIGIT_INDEX = [_RULE_INDEX[n] for n in r.DIGIT_RULES]


def _windows(text: str) -> list[list[tuple[int, int]]]:
    """Per rule, the merged stretches of ``text`` around that rule's head words."""
    per_rule: list[list[tuple[int, int]]] = [[] for _ in _RULES]
    n = len(text)
    for m in _TOKEN.finditer(text):
        tok = m.group()
        rules = _HEAD_INDEX.get(tok.lower())
        if rules is None:
            if not (tok[0].isdigit() or tok[-1].isdigit()):
                continue
            rules = _DIGIT_INDEX
        lo, hi = max(0, m.start() - _REACH), min(n, m.end() + _REACH)
        for i in rules:
            spans = per_rule[i]
            if spans and spans[-1][1] >= lo:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    return per_rule


def _candidates(text: str, anchor: date | None) -> list[_Cand]:
    found: list[tuple[int, int, int, Norm]] = []
    for prio, ((_, rx, handler), spans) in enumerate(zip(_RULES, _windows(text), strict=True)):
        has_t = "t" in rx.groupindex
        for lo, hi in spans:
            for m in rx.finditer(text, lo, hi):
                try:
                    norm = handler(m, anchor)
                except (ValueError, OverflowError, ArithmeticError, KeyError, IndexError):
                    continue
                if norm is not None:
                    s, e = m.span("t") if has_t and m["t"] is not None else m.span()
                    s += norm.skip
                    if e > s:
                        found.append((s, e, prio, norm))
    found.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    starts: list[int] = []
    kept: list[_Cand] = []
    for s, e, _, norm in found:
        i = bisect.bisect_right(starts, s)
        if (i and kept[i - 1].end > s) or (i < len(kept) and kept[i].start < e):
            continue
        starts.insert(i, s)
        kept.insert(i, _Cand(s, e, norm))
    return _resolve_reporting(text, _merge_clock_with_day(text, kept), anchor)


def _merge_clock_with_day(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "3 p.m. on Monday" / "Monday at 3 p.m." into one TIME on that day."""
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and _JOIN_GAP.fullmatch(text, prev.end, c.start):
            clock, day = (prev, c) if prev.norm.clock else (c, prev)
            if clock.norm.clock and day.norm.day:
                dv = day.norm.value
                value = f"{dv}T{clock.norm.clock}" if dv else None
                out[-1] = _Cand(prev.start, c.end, Norm("TIME", value))
                continue
        out.append(c)
    return out


_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
_QUARTER_WORD = re.compile(r"\bquarter", re.IGNORECASE)


def _resolve_reporting(text: str, cands: list[_Cand], a: date | None) -> list[_Cand]:
    """Resolve "the quarter" / "the latest quarter" to the quarter last named before it, and,
    in text about quarters, "a year earlier" / "the year-ago period" to that quarter a year
    before (the earnings-report convention: "profit rose 5% from a year earlier").

    With no quarter named before, the reporting quarter is the one before the anchor's;
    "a year earlier" stays a year unless the word "quarter" occurs before or just after it.
    """
    out: list[_Cand] = []
    last_q: str | None = None
    for c in cands:
        ref = c.norm.ref
        if ref == "q" and last_q:
            c = c._replace(norm=c.norm._replace(value=last_q))
        elif ref == "qy" and c.norm.value:
            q = int(last_q[-1]) if last_q else ((a.month - 1) // 3 or 4) if a else 0
            if q:
                c = c._replace(norm=c.norm._replace(value=f"{c.norm.value}-Q{q}"))
        elif ref == "q-4" and c.norm.value is not None and a is not None:
            base = last_q
            if base is None and _QUARTER_WORD.search(text, 0, c.start + 400):
                base = r.quarter(a.year, (a.month - 1) // 3)
            if base is not None:
                value = r.quarter(int(base[:4]) - 1, int(base[-1]))
                c = c._replace(norm=c.norm._replace(value=value, day=False))
        if ref not in ("q-4", "qy") and c.norm.value and _QUARTER_VALUE.fullmatch(c.norm.value):
            last_q = c.norm.value
        out.append(c)
    return out


def _as_date(anchor: date | None) -> date | None:
    return anchor.date() if isinstance(anchor, datetime) else anchor


def find_times(text: str, anchor: date | None) -> list[TimeRef]:
    """All time expressions in ``text``, non-overlapping and sorted by start.

    Offsets are end-exclusive Python string offsets (``text[ref.start:ref.end] == ref.text``).
    ``type`` is DATE, TIME, DURATION or SET; ``value`` is a TIMEX3 string, or None when the
    expression needs the anchor and ``anchor`` is None. Never raises on any string.
    """
    if not text:
        return []
    return [
        TimeRef(c.start, c.end, text[c.start : c.end], c.norm.type, c.norm.value)
        for c in _candidates(text, _as_date(anchor))
    ]


_FILLER = re.compile(
    r"(?:[\s.,;:!?()\"'\u2019-]|\b(?:on|in|at|for|over|during|since|until|till|by|from|of|"
    r"around|about|as|the|s|earlier|later)\b)*",
    re.IGNORECASE,
)


def normalize(phrase: str, anchor: date | None) -> tuple[str, str | None] | None:
    """The (type, value) of one time phrase such as "on Monday" or "two weeks ago".

    None if the phrase holds no time expression or holds words that are not part of one
    (leading prepositions and punctuation are fine), and for phrases over 500 characters.
    A bare ambiguous month ("March") is read as "in March".
    """
    if not phrase or len(phrase) > 500:
        return None
    refs = find_times(phrase, anchor)
    if not refs:
        refs = [
            TimeRef(t.start - 3, t.end - 3, t.text, t.type, t.value)
            for t in find_times("in " + phrase, anchor)
            if t.start >= 3
        ]
    if not refs:
        return None
    pieces, pos = [], 0
    for t in refs:
        pieces.append(phrase[pos : t.start])
        pos = t.end
    pieces.append(phrase[pos:])
    if not _FILLER.fullmatch(" ".join(pieces)):
        return None
    best = max(refs, key=lambda t: t.end - t.start)
    return best.type, best.value
