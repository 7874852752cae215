"""Where, to whom and when a statement was made: "told state television", "in his
nightly video address", "told reporters", and the time phrases outside and inside its
content (when it was said, when the reported event happened)."""

from __future__ import annotations

from typing import Any

from fogline.analyze.lexicon import VENUE_NOUNS
from fogline.analyze.parse_spans import Span, span
from fogline.records import TimeRef


def venue_and_addressee(cue: Any, content: Span) -> tuple[Span | None, Span | None]:
    """Where ("told state television", "in his nightly address") and to whom ("told
    reporters") a statement was made; never overlapping its content."""

    def outside(tokens: Any) -> list[Any]:
        return [
            t
            for t in tokens
            if not content[0] <= t.idx < content[1]
            and not (t.dep_ == "mark" and content[0] <= t.head.idx < content[1])
        ]

    venue: Span | None = None
    addressee: Span | None = None
    candidates = list(cue.children)
    for child in list(candidates):
        if child.dep_ in ("dobj", "dative"):
            candidates.extend(c for c in child.children if c.dep_ == "prep")
    for child in candidates:
        if child.dep_ in ("dobj", "dative") and cue.lemma_.lower() in ("tell", "testify", "inform"):
            tokens = [t for t in child.subtree if not is_time_prep(t, child)]
            if child.lemma_.lower() in VENUE_NOUNS:
                venue = venue or span(tokens)
            else:
                addressee = addressee or span(tokens)
        elif child.dep_ == "prep" and child.lower_ in ("in", "at", "on", "during", "to", "via"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in VENUE_NOUNS:
                venue = venue or span(outside(child.subtree))
            elif child.lower_ == "to" and pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                addressee = addressee or span(pobj.subtree)
    return venue, addressee


def is_time_prep(tok: Any, root: Any) -> bool:
    """True for tokens of a prepositional time phrase hanging off ``root``."""
    node = tok
    while node.i != root.i and node.head.i != node.i:
        if (
            node.dep_ == "prep"
            and node.head.i == root.i
            and any(c.ent_type_ in ("DATE", "TIME") for c in node.subtree)
        ):
            return True
        node = node.head
    return False


def time_in(times: list[TimeRef], span: Span, inside: bool) -> TimeRef | None:
    for ref in times:
        within = span[0] <= ref.start and ref.end <= span[1]
        if within == inside:
            return ref
    return None
