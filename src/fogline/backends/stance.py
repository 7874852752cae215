"""Stance scorers: (claim, text) pairs -> probabilities over agree / disagree / discuss /
unrelated. The trained model ships in the package; the lexical fake is for fast tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Protocol

import numpy as np
import numpy.typing as npt

from fogline.errors import ModelError
from fogline.stance import LABELS
from fogline.stance.text import content_words

Probabilities = npt.NDArray[np.float64]

_NEGATIONS = frozenset(
    [
        "no",
        "not",
        "never",
        "none",
        "nobody",
        "nothing",
        "without",
        "deny",
        "denies",
        "denied",
        "false",
        "hoax",
        "fake",
    ]
)


class StanceScorer(Protocol):
    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> Probabilities:
        """(n, 4): agree, disagree, discuss, unrelated."""
        ...

    def predict_split(self, pairs: Sequence[tuple[str, str]]) -> Probabilities:
        """(n, 3): agree, disagree, discuss, given that each pair is related."""
        ...


class LexicalStance:
    """Word overlap for relatedness, a negation mismatch for disagreement: fast,
    deterministic, no model. For unit tests; it reads words, not meaning."""

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> Probabilities:
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float64)
        split = self.predict_split(pairs)
        for row, (claim, text) in enumerate(pairs):
            words = content_words(claim)
            seen = set(content_words(text))
            overlap = sum(w in seen for w in words) / len(words) if words else 0.0
            related = min(0.95, max(0.05, 1.5 * overlap))
            out[row, :3] = split[row] * related
            out[row, 3] = 1.0 - related
        return out

    def predict_split(self, pairs: Sequence[tuple[str, str]]) -> Probabilities:
        out = np.zeros((len(pairs), len(LABELS) - 1), dtype=np.float64)
        for row, (claim, text) in enumerate(pairs):
            negated = any(w in _NEGATIONS for w in claim.lower().split()) != any(
                w in _NEGATIONS for w in text.lower().split()
            )
            out[row] = (0.15, 0.7, 0.15) if negated else (0.7, 0.1, 0.2)
        return out


def _trained() -> StanceScorer:
    from fogline.stance.model import load

    return load()


_REGISTRY: dict[str, Callable[[], StanceScorer]] = {
    "trained": _trained,
    "lexical": LexicalStance,
}


@cache
def get_stance_scorer(name: str) -> StanceScorer:
    """The stance scorer registered as ``name`` (built once per process)."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ModelError(f"unknown stance model {name!r}; known: {known}") from None
    return factory()
