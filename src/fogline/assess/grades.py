"""Admiralty (NATO) source-reliability grades as prior accuracies.

The Admiralty system grades a source's reliability A-F and, separately, an item's
credibility 1-6 ("B2"). Only the reliability letter sets a prior here; the digit is
accepted and ignored, because credibility belongs to the item, not to the source.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

RELIABILITY_PRIORS: Mapping[str, float] = MappingProxyType(
    {
        "A": 0.90,  # completely reliable
        "B": 0.80,  # usually reliable
        "C": 0.70,  # fairly reliable
        "D": 0.55,  # not usually reliable
        "E": 0.40,  # unreliable
    }
)
"""Prior mean accuracy per reliability letter; "F" (cannot be judged) has none."""

_LETTERS = "ABCDEF"
_DIGITS = "123456"


def reliability_prior(grade: str | None, default: float) -> float:
    """The prior mean accuracy for an Admiralty grade such as "B" or "b2".

    ``None``, an empty string and "F" (reliability cannot be judged) give ``default``.
    Raises ValueError for anything that is not a letter A-F optionally followed by a
    digit 1-6: a malformed grade is a caller's bug, to be caught where grades are read.
    """
    if grade is None:
        return default
    text = grade.strip().upper()
    if not text:
        return default
    letter, rest = text[0], text[1:]
    if letter not in _LETTERS or len(rest) > 1 or (rest and rest not in _DIGITS):
        raise ValueError(f"not an Admiralty grade: {grade!r} (expected A-F, optionally 1-6)")
    return RELIABILITY_PRIORS.get(letter, default)
