"""A token-level attribution cue classifier learned from PolNeAR's train split.

Logistic regression over sparse parse features of one token (its lemma, part of speech,
dependency, head, the dependencies of its children, what its subject is, whether it
stands inside a quotation). ``models/attribution_cue_model.json`` (written by ``fogline
train attribution``) holds the feature weights, the bias, the decision threshold chosen on
the train split, and the lemmas ever seen as a cue there: only tokens of those lemmas are
scored, which keeps the classifier cheap. Scoring is a sum of weights and a logistic, with
no dependency beyond the standard library; deterministic.
"""

from __future__ import annotations

import bisect
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fogline.models import model_path

MODEL_FILE = "attribution_cue_model.json"
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ"})
_CHILD_LEMMA_DEPS = frozenset({"prep", "prt", "neg", "aux", "advmod", "mark"})
_COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "acomp"})


def cue_features(tok: Any, in_quote: bool) -> list[str]:
    """The sparse features of ``tok`` as a candidate cue (the head token of a cue span)."""
    lemma = tok.lemma_.lower()
    head = tok.head
    feats = [
        f"l={lemma}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"ld={lemma}|{tok.dep_}",
        f"hl={head.lemma_.lower()}",
        f"hp={head.pos_}|{tok.dep_}",
        f"q={in_quote}",
        f"lq={lemma}|{in_quote}",
    ]
    subject = None
    for child in tok.children:
        dep = child.dep_
        feats.append(f"c={dep}")
        feats.append(f"lc={lemma}|{dep}")
        if dep in _CHILD_LEMMA_DEPS:
            feats.append(f"cw={dep}|{child.lower_}")
        elif dep in _COMPLEMENT_DEPS:  # "have concerns", "take aim", "try to argue"
            feats.append(f"lo={lemma}|{dep}|{child.lemma_.lower()}")
        if dep in ("nsubj", "nsubjpass", "poss", "agent") and subject is None:
            subject = child
    if subject is not None:
        kind = subject.ent_type_ or subject.pos_
        feats.append(f"s={kind}")
        feats.append(f"ls={lemma}|{kind}")
        feats.append(f"sl={subject.lower_ if subject.pos_ == 'PRON' else kind}")
    else:
        feats.append(f"ls={lemma}|none")
    i = tok.i
    doc = tok.doc
    feats.append(f"w-1={doc[i - 1].lower_ if i > 0 else '<s>'}")
    feats.append(f"w+1={doc[i + 1].lower_ if i + 1 < len(doc) else '</s>'}")
    return feats


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights, bias and threshold of the cue classifier, and the lemmas it scores."""

    weights: dict[str, float]
    bias: float
    threshold: float
    lemmas: frozenset[str]

    def probability(self, tok: Any, in_quote: bool) -> float:
        """P(``tok`` heads an attribution cue); 0.0 for lemmas never seen as a cue."""
        if tok.pos_ not in CANDIDATE_POS or tok.lemma_.lower() not in self.lemmas:
            return 0.0
        # Each feature once, as in the fit (two "prep" children give one c=prep feature).
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(cue_features(tok, in_quote)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_cue(self, tok: Any, in_quote: bool) -> bool:
        return self.probability(tok, in_quote) >= self.threshold


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel | None:
    """The shipped cue classifier, or None when no model file is installed."""
    try:
        raw = json.loads(model_path(MODEL_FILE).read_text(encoding="utf-8"))
        return CueModel(
            weights={str(k): float(v) for k, v in raw["weights"].items()},
            bias=float(raw["bias"]),
            threshold=float(raw["threshold"]),
            lemmas=frozenset(raw["lemmas"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class QuoteMask:
    """Whether a character offset lies inside one of a text's quotations (binary search)."""

    def __init__(self, quotes: list[tuple[int, int]]) -> None:
        ordered = sorted(quotes)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []  # the furthest end of the quotes up to each one
        for _, b in ordered:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.reach[i]
