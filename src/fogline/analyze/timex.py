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
from datetime import date, datetime
from typing import NamedTuple

from fogline.analyze import timex_patterns as p
from fogline.analyze import timex_rules as r
from fogline.analyze.timex_handlers import HANDLERS, Norm
from fogline.records import TimeRef

_JOIN_GAP = re.compile(r"\s{0,3}(?:,\s{0,3})?(?:(?:on|at)\s{1,3})?", re.IGNORECASE)

_RULES = [(name, re.compile(p.PATTERNS[name], re.IGNORECASE), HANDLERS[name]) for name in HANDLERS]


class _Cand(NamedTuple):
    start: int
    end: int
    norm: Norm


_TOKEN = re.compile(r"\w+")
_REACH = 60  # no expression reaches further than this from its head word
_RULE_INDEX = {name: i for i, (name, _, _) in enumerate(_RULES)}
_HEAD_INDEX = {w: [_RULE_INDEX[n] for n in names] for w, names in p.HEAD_WORDS.items()}
_DIGIT_INDEX = [_RULE_INDEX[n] for n in p.DIGIT_RULES]


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
