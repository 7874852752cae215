"""How far a cue runs into what is around it, learned from PolNeAR's train split.

PolNeAR's cues often take in the complement a verb governs before the content proper
("tried to argue that C", "took aim at C", "has concerns about C", "made the case that
C"), while "wants to C", "called C", "backed C" keep the complement as content; and an
infinitive cue takes in the verb it hangs off ("continued to warn that C").
``models/attribution_cue_extent.json`` (written by ``fogline train attribution``) holds,
for each such step seen often enough in the train split, the share of gold cues that take
it; a cue takes a step whose share is at least ``RUN_ON`` (chosen on the train fold:
fitted on 4/5, scored on 1/5; .4 and .3 score lower), up to ``MAX_STEPS`` complements
("is reported to have called C"). Deterministic; no dependency beyond the standard library.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from fogline.models import model_path

EXTENT_FILE = "attribution_cue_extent.json"
# Complements a cue may run through: an infinitive or participle, an object, a predicate.
EXTENT_DEPS = frozenset({"xcomp", "dobj", "acomp", "oprd", "attr"})
MIN_COUNT = 3
RUN_ON = 0.5
MAX_STEPS = 3
Span = tuple[int, int]


def complement_at(node: Any, content_start: int) -> Any | None:
    """The complement of ``node`` (dependency in EXTENT_DEPS, to its right) with which a
    content starting at ``content_start`` opens, or None."""
    for child in node.rights:
        if child.dep_ in EXTENT_DEPS:
            return child if child.left_edge.idx == content_start else None
    return None


def extent_examples(
    gold_cue: Iterable[Span], gold_content: Iterable[Span], doc: Any
) -> list[tuple[str, bool]]:
    """(key, taken in) for one gold attribution, from its cue head: each complement along
    the head's chain (``lemma|dep``, when it lies in the gold cue or content), the verb an
    infinitive cue hangs off (``^lemma``, when outside the gold content)."""
    cue_spans, content_spans = list(gold_cue), list(gold_content)
    inside = [t for t in doc if any(a <= t.idx < b for a, b in cue_spans)]
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    if len(heads) != 1 or not content_spans:
        return []

    def in_content(tok: Any) -> bool:
        return any(a <= tok.idx < b for a, b in content_spans)

    out: list[tuple[str, bool]] = []
    head = heads[0]
    node = low = head
    for _ in range(MAX_STEPS):
        child = next((c for c in node.rights if c.dep_ in EXTENT_DEPS), None)
        if child is None:
            break
        taken = child.i in ids
        if not taken and not in_content(child):
            break
        out.append((f"{node.lemma_.lower()}|{child.dep_}", taken))
        if not taken:
            break
        if child.dep_ == "xcomp":
            out.append((f"^{node.lemma_.lower()}", True))
            low = child
        node = child
    up = head.head
    if low is head and head.dep_ == "xcomp" and up.i < head.i and not in_content(up):
        out.append((f"^{up.lemma_.lower()}", False))  # the cue leaves out the verb above
    return out


def fit_extent(examples: Iterable[tuple[str, bool]]) -> dict[str, float]:
    """The share taken in per key seen at least MIN_COUNT times, rounded to 3 places."""
    seen: Counter[str] = Counter()
    taken: Counter[str] = Counter()
    for key, yes in examples:
        seen[key] += 1
        taken[key] += yes
    return {k: round(taken[k] / n, 3) for k, n in sorted(seen.items()) if n >= MIN_COUNT}


@lru_cache(maxsize=1)
def load_extent() -> dict[str, float]:
    """The shipped run-on shares (empty when no model file is installed)."""
    try:
        raw = json.loads(model_path(EXTENT_FILE).read_text(encoding="utf-8"))
        return {str(k): float(v) for k, v in raw["shares"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def run_on(cue_head: Any, cue: Span, content: Span) -> tuple[Span, Span]:
    """``cue`` run on through the complements the table takes in, and ``content`` cut to
    start after them; both unchanged when nothing is taken in or no content would be left."""
    shares = load_extent()
    node = cue_head
    new_cue, new_content = cue, content
    for _ in range(MAX_STEPS):
        if new_content[0] < new_cue[1]:
            break
        child = complement_at(node, new_content[0])
        if child is None or shares.get(f"{node.lemma_.lower()}|{child.dep_}", 0.0) < RUN_ON:
            break
        last = child
        nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
        if (
            child.dep_ in ("dobj", "oprd")
            and nxt is not None
            and nxt.dep_ == "prep"
            and nxt.head.i == child.i
        ):
            last = nxt  # "took aim at C", "has no details about C"
        end = last.idx + len(last.text)
        rest = [t for t in child.doc[last.i + 1 :] if not t.is_space]
        start = rest[0].idx if rest else new_content[1]
        if start >= new_content[1]:
            break
        new_cue, new_content = (new_cue[0], max(new_cue[1], end)), (start, new_content[1])
        node = child
    return new_cue, new_content


def run_up(cue_head: Any, cue: Span, content: Span) -> Span:
    """``cue`` started at the verb an infinitive cue hangs off ("continued to warn",
    "declined to comment") when the table takes that verb in and it is not content."""
    verb = cue_head.head
    if cue_head.dep_ != "xcomp" or verb.i >= cue_head.i or content[0] <= verb.idx < content[1]:
        return cue
    if load_extent().get(f"^{verb.lemma_.lower()}", 0.0) < RUN_ON:
        return cue
    start = verb.idx
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i >= verb.i - 3:
            start = min(start, child.idx)
    return (start, cue[1]) if start < cue[0] else cue
