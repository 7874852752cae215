"""PolNeAR attributions in brat standoff, and the token-overlap rule that scores them.

Reading: ``<split>/text/<article>.txt`` with ``<split>/attributions/<article>_<annotator>.ann``;
where an article has several annotator files the alphabetically first is used. T lines may
run over several lines (a surface holding newlines) and may be discontiguous
(``start end;start end``). Each E line is one attribution; ``Content2`` joins the content,
``Attribution-no-source`` has no source, and a bare trigger with no roles is skipped.

Scoring (issue 4): tokens are maximal ``\\w+`` runs; a role's tokens are those sharing a
character with its span(s). A prediction and a gold attribution can pair only if their
contents share a token; pairs are taken greedily by largest content overlap, one to one.
Per role, precision = overlapping tokens of matched pairs over all predicted tokens of that
role (unmatched predictions count fully), recall = the same over all gold tokens.
``attribution_f1`` = matched pairs over predictions / over gold. An exact-match figure
counts a matched pair for a role only when the two token sets of that role are equal
(``attribution_exact`` needs all three roles equal), over predictions / over gold.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fogline.errors import InputError

Span = tuple[int, int]
Spans = tuple[Span, ...]
ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+")
_T_LINE = re.compile(r"^T\d+\t")
_NEW_LINE = re.compile(r"^(T\d+|E\d+|R\d+|A\d+|#\d*)\t")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: the character spans of its source, cue and content."""

    source: Spans
    cue: Spans
    content: Spans

    def role(self, name: str) -> Spans:
        spans: Spans = getattr(self, name)
        return spans


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    text: str
    gold: tuple[Attribution, ...]


def parse_ann(ann: str) -> list[Attribution]:
    """The attributions of one brat .ann text (E lines resolved through their T lines)."""
    records: list[str] = []
    for line in ann.split("\n"):
        if _NEW_LINE.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line  # a T surface running over a line break
    spans: dict[str, Spans] = {}
    events: list[str] = []
    for record in records:
        if _T_LINE.match(record):
            tid, rest = record.split("\t", 1)
            type_and_offsets = rest.split("\t", 1)[0]
            _, offsets = type_and_offsets.split(" ", 1)
            spans[tid] = tuple(
                (int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))
            )
        elif record.startswith("E"):
            events.append(record)
    out: list[Attribution] = []
    for event in events:
        roles: dict[str, list[Span]] = {r: [] for r in ROLES}
        for arg in event.split("\t", 1)[1].split()[1:]:
            role, _, tid = arg.partition(":")
            key = role.rstrip("0123456789").lower()
            if key in roles and tid in spans:
                roles[key].extend(spans[tid])
        if not any(roles.values()):
            continue
        out.append(Attribution(*(tuple(sorted(roles[r])) for r in ROLES)))
    return out


def load_split(data: Path, limit: int | None = None) -> list[Article]:
    """The articles of a PolNeAR-like split folder, sorted by name; the first ``limit``."""
    text_dir, ann_dir = data / "text", data / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"expected {data}/text/ and {data}/attributions/ (a PolNeAR split)")
    first_ann: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        first_ann.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    names = sorted(p.stem for p in text_dir.glob("*.txt") if p.stem in first_ann)
    if not names:
        raise InputError(f"no article with both text and .ann files under {data}")
    articles = []
    for name in names[:limit] if limit is not None else names:
        try:
            text = (text_dir / f"{name}.txt").read_text(encoding="utf-8")
            standoff = first_ann[name].read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read article {name}: {exc}") from exc
        articles.append(Article(name, text, tuple(parse_ann(standoff))))
    return articles


def to_brat(text: str, attributions: Iterable[Attribution]) -> str:
    """A brat .ann for ``attributions`` in PolNeAR's scheme (Attribution trigger = cue);
    newlines in surfaces are written as spaces so that every record is one line."""
    lines: list[str] = []
    t = e = 0
    for attr in attributions:
        ids: dict[str, str] = {}
        for brat_type, spans in (
            ("Source", attr.source),
            ("Cue", attr.cue),
            ("Content", attr.content),
            ("Attribution", attr.cue),
        ):
            if not spans:
                continue
            t += 1
            offsets = ";".join(f"{a} {b}" for a, b in spans)
            surface = " ".join(text[a:b] for a, b in spans).replace("\n", " ")
            lines.append(f"T{t}\t{brat_type} {offsets}\t{surface}")
            ids[brat_type] = f"T{t}"
        if "Attribution" not in ids or "Content" not in ids:
            continue
        e += 1
        args = " ".join(f"{r}:{ids[r]}" for r in ("Source", "Cue", "Content") if r in ids)
        lines.append(f"E{e}\tAttribution:{ids['Attribution']} {args}")
    return "".join(line + "\n" for line in lines)


class Tokens:
    """The ``\\w+`` tokens of one text, to map spans to token index sets."""

    def __init__(self, text: str) -> None:
        found = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        self.starts = [a for a, _ in found]
        self.ends = [b for _, b in found]

    def of(self, spans: Spans) -> frozenset[int]:
        """Indices of the tokens sharing at least one character with ``spans``."""
        out: set[int] = set()
        for a, b in spans:
            if b <= a:
                continue
            i = bisect.bisect_right(self.ends, a)  # first token ending after a
            while i < len(self.starts) and self.starts[i] < b:
                out.add(i)
                i += 1
        return frozenset(out)


@dataclass(slots=True)
class Tally:
    """Sums over documents from which every figure is computed."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    all_exact: int = 0
    pred_tokens: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    gold_tokens: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    overlap: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    exact: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))

    def add(self, text: str, predicted: Sequence[Attribution], gold: Sequence[Attribution]) -> None:
        """Score one document's predictions against its gold attributions."""
        tokens = Tokens(text)
        pred = [{r: tokens.of(a.role(r)) for r in ROLES} for a in predicted]
        gold_sets = [{r: tokens.of(a.role(r)) for r in ROLES} for a in gold]
        self.predicted += len(pred)
        self.gold += len(gold_sets)
        for r in ROLES:
            self.pred_tokens[r] += sum(len(p[r]) for p in pred)
            self.gold_tokens[r] += sum(len(g[r]) for g in gold_sets)
        for pi, gi in pair([p["content"] for p in pred], [g["content"] for g in gold_sets]):
            self.matched += 1
            equal = 0
            for r in ROLES:
                self.overlap[r] += len(pred[pi][r] & gold_sets[gi][r])
                if pred[pi][r] == gold_sets[gi][r]:
                    self.exact[r] += 1
                    equal += 1
            self.all_exact += equal == len(ROLES)

    def figures(self) -> dict[str, float | int]:
        """attribution/source/cue/content F1, their exact versions, P and R, and counts."""
        out: dict[str, float | int] = {}
        p, r = _ratio(self.matched, self.predicted), _ratio(self.matched, self.gold)
        out["attribution_f1"] = _f1(p, r)
        for role in ROLES:
            out[f"{role}_f1"] = _f1(
                _ratio(self.overlap[role], self.pred_tokens[role]),
                _ratio(self.overlap[role], self.gold_tokens[role]),
            )
        out["attribution_exact_f1"] = _f1(
            _ratio(self.all_exact, self.predicted), _ratio(self.all_exact, self.gold)
        )
        for role in ROLES:
            out[f"{role}_exact_f1"] = _f1(
                _ratio(self.exact[role], self.predicted), _ratio(self.exact[role], self.gold)
            )
        out["attribution_precision"] = round(p, 4)
        out["attribution_recall"] = round(r, 4)
        for role in ROLES:
            out[f"{role}_precision"] = round(_ratio(self.overlap[role], self.pred_tokens[role]), 4)
            out[f"{role}_recall"] = round(_ratio(self.overlap[role], self.gold_tokens[role]), 4)
        out["gold"] = self.gold
        out["predicted"] = self.predicted
        out["matched"] = self.matched
        return out


def pair(pred: Sequence[frozenset[int]], gold: Sequence[frozenset[int]]) -> list[Span]:
    """Greedy one-to-one (pred index, gold index) pairs by largest shared-token count;
    ties go to the earlier prediction, then the earlier gold; no pair shares nothing."""
    candidates = [
        (len(p & g), pi, gi) for pi, p in enumerate(pred) for gi, g in enumerate(gold) if p & g
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[Span] = []
    for _, pi, gi in candidates:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((pi, gi))
    return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0
