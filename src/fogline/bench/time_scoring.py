"""TimeML reading and TempEval-3 style scoring of time expressions, for ``bench time``.

A document's text is the content of its TEXT element with the tags removed; gold TIMEX3
spans are character offsets into that text. The document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``, normally inside DCT) is the anchor, never scored.

Scoring (TempEval-3, UzZaman et al. 2013): predictions and gold expressions are paired
one-to-one, greedily by largest character overlap (ties: earliest). Relaxed span matches are
all pairs; strict ones are pairs with identical offsets. Precision = matches / predictions,
recall = matches / gold. Value (type) accuracy is the share of relaxed pairs whose value
(type) is identical, and value F1 = relaxed F1 x value accuracy; type F1 likewise.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from fogline.errors import InputError


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: end-exclusive offsets into the document text, TIMEX3 type/value."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """A TimeML document: its text (TEXT without tags), anchor date and gold expressions."""

    name: str
    text: str
    anchor: date | None
    gold: tuple[Timex, ...]


def _anchor(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def parse_timeml(xml: str, name: str = "") -> TimeMLDoc:
    """Read one TimeML document; raises InputError if it is not XML or has no TEXT element."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise InputError(f"{name or 'document'}: not TimeML XML ({exc})") from exc
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise InputError(f"{name or 'document'}: TimeML file has no TEXT element")
    anchor: date | None = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            anchor = _anchor(t.get("value"))
            break
    pieces: list[str] = []
    gold: list[Timex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            pieces.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
            gold.append(Timex(start, pos, el.get("type", ""), el.get("value")))

    walk(text_el)
    gold.sort(key=lambda t: (t.start, t.end))
    return TimeMLDoc(name, "".join(pieces), anchor, tuple(gold))


@dataclass(slots=True)
class Counts:
    """Tallies over documents, from which every figure is computed."""

    gold: int = 0
    pred: int = 0
    relaxed: int = 0
    strict: int = 0
    value_ok: int = 0
    type_ok: int = 0

    def add(self, gold: Iterable[Timex], pred: Iterable[Timex]) -> None:
        """Pair one document's predictions with its gold expressions and tally."""
        g, p = list(gold), list(pred)
        self.gold += len(g)
        self.pred += len(p)
        for a, b in match(g, p):
            self.relaxed += 1
            self.strict += (a.start, a.end) == (b.start, b.end)
            self.value_ok += a.value is not None and a.value == b.value
            self.type_ok += a.type == b.type

    def figures(self, prefix: str = "") -> dict[str, float | int]:
        """Precision, recall and F1 (relaxed, strict), value and type F1, rounded to 4 places."""

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        rp, rr = ratio(self.relaxed, self.pred), ratio(self.relaxed, self.gold)
        sp, sr = ratio(self.strict, self.pred), ratio(self.strict, self.gold)
        relaxed_f1 = f1(rp, rr)
        value_acc, type_acc = ratio(self.value_ok, self.relaxed), ratio(self.type_ok, self.relaxed)
        out = {
            "timex_f1_relaxed": relaxed_f1,
            "timex_f1_strict": f1(sp, sr),
            "value_f1": relaxed_f1 * value_acc,
            "type_f1": relaxed_f1 * type_acc,
            "precision_relaxed": rp,
            "recall_relaxed": rr,
            "precision_strict": sp,
            "recall_strict": sr,
            "value_accuracy": value_acc,
            "type_accuracy": type_acc,
        }
        rounded: dict[str, float | int] = {prefix + k: round(v, 4) for k, v in out.items()}
        rounded[prefix + "gold"] = self.gold
        rounded[prefix + "predicted"] = self.pred
        return rounded


def match(gold: list[Timex], pred: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one (gold, prediction) pairs of overlapping spans, largest overlap first."""
    cands = []
    for i, a in enumerate(gold):
        for j, b in enumerate(pred):
            overlap = min(a.end, b.end) - max(a.start, b.start)
            if overlap > 0:
                cands.append((-overlap, a.start, b.start, i, j))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[Timex, Timex]] = []
    for _, _, _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], pred[j]))
    return pairs
