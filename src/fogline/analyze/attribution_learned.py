"""Cues learned from PolNeAR's train split, for the attributions the hand rules miss.

``models/attribution_cues.json`` (written by ``fogline train attribution``) holds, per verb
and noun lemma, how often its tokens are attribution cues in the train split. A verb whose
rate reaches the file's threshold is read as a cue with a generic frame: its subject is the
source ("Republicans wanted something", "Muslim advocates hailed the nomination") and its
complements to the right are the content. Nothing is found without a subject.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, NamedTuple

from fogline.analyze.lexicon import CITE_VERBS, ECHO_VERBS
from fogline.analyze.parse_spans import Span, span, speaker_head, strip_mark, subject_of
from fogline.models import model_path

MODEL_FILE = "attribution_cues.json"
# Complements that carry what was said, wanted or held ("wants to run", "backed the bill",
# "called for a ban", "seemed stable").
_CONTENT_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "prep", "dative", "oprd", "attr", "acomp", "parataxis"}
)
# Prepositions that belong to the cue ("referred to X", "called for X", "pointed to X").
_CUE_PREPS = frozenset({"to", "for", "about", "on", "of", "with", "at", "against", "into"})
_NEVER = frozenset({"be", "have", "do", "get", "make", "go", "take", "come", "give", "put"})


class LearnedFrame(NamedTuple):
    """A generic attribution: the speaker's head token, the cue span, the content span."""

    speaker: Any
    cue: Span
    content: Span


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], float]:
    """The verb lemmas whose learned cue rate reaches the model's threshold."""
    try:
        model = json.loads(model_path(MODEL_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset(), 1.0  # no model shipped: the hand rules alone
    threshold = float(model.get("threshold", 1.0))
    verbs = frozenset(
        key.split(":", 1)[1]
        for key, (rate, _) in model.get("cues", {}).items()
        if key.startswith("VERB:") and rate >= threshold
    )
    return verbs - _NEVER - CITE_VERBS - ECHO_VERBS, threshold


def _is_time(prep: Any) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree)


def is_learned_cue(tok: Any) -> bool:
    """Whether ``tok`` is a verb the learned lexicon reads as an attribution cue."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _lexicon()[0]


def learned_frame(cue: Any) -> LearnedFrame | None:
    """The generic frame of a learned cue verb, or None when it has no subject or no
    complement to its right."""
    subject = subject_of(cue)
    if subject is None or subject.i > cue.i or subject.pos_ in ("DET",):
        return None
    cue_tokens = [cue]
    content_tokens: list[Any] = []
    for child in cue.rights:
        if child.dep_ == "prt":
            cue_tokens.append(child)
        elif child.dep_ == "prep" and _is_time(child):
            continue
        elif child.dep_ == "prep" and child.lower_ in _CUE_PREPS and not content_tokens:
            pobj = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                cue_tokens.append(child)
                content_tokens.extend(t for g in pobj for t in g.subtree)
        elif child.dep_ in _CONTENT_DEPS:
            if child.dep_ == "ccomp":
                content_tokens.extend(strip_mark(child))
            else:
                content_tokens.extend(child.subtree)
    if not content_tokens:
        return None
    content = span(content_tokens)
    head = speaker_head(subject)
    if content[1] <= content[0] or content[0] <= head.idx < content[1]:
        return None
    return LearnedFrame(head, span(cue_tokens), content)
