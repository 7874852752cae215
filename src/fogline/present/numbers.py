"""How numbers from a result are shown to people (terminal and HTML alike).

Every function accepts whatever the result holds (a number, None, junk) and returns a string;
missing or non-finite values are shown as an em dash rather than crashing a report.
"""

from __future__ import annotations

import math
from typing import Any

MISSING = "\u2014"
MINUS = "\u2212"


def as_float(value: Any) -> float | None:
    """The value as a finite float, or None (bools, strings, NaN and infinities are None)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def as_pair(value: Any) -> tuple[float, float] | None:
    """A two-number interval as a (low, high) tuple, or None."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    low, high = as_float(value[0]), as_float(value[1])
    if low is None or high is None:
        return None
    return (low, high)


def unit(value: Any) -> float:
    """A probability clamped to [0, 1] (0 when missing), for drawing bars."""
    number = as_float(value)
    return 0.0 if number is None else min(1.0, max(0.0, number))


def percent(value: Any) -> str:
    """0.712 -> "71%"; tiny or near-certain values say so instead of rounding to 0% / 100%."""
    number = as_float(value)
    if number is None:
        return MISSING
    if 0 < number < 0.005:
        return "<1%"
    if 0.995 < number < 1:
        return ">99%"
    return f"{number * 100:.0f}%"


def percent_interval(value: Any) -> str:
    """[0.55, 0.84] -> "55-84%" (with an en dash)."""
    pair = as_pair(value)
    if pair is None:
        return MISSING
    return f"{pair[0] * 100:.0f}\u2013{pair[1] * 100:.0f}%"


def decimal(value: Any, digits: int = 2) -> str:
    """0.4812 -> "0.48"."""
    number = as_float(value)
    if number is None:
        return MISSING
    number = round(number, digits) or 0.0  # no "-0.00"
    return f"{number:.{digits}f}".replace("-", MINUS)


def decimal_interval(value: Any, digits: int = 2) -> str:
    """[0.6, 0.9] -> "0.60-0.90" (with an en dash)."""
    pair = as_pair(value)
    if pair is None:
        return MISSING
    return f"{decimal(pair[0], digits)}\u2013{decimal(pair[1], digits)}"


def signed(value: Any, digits: int = 2) -> str:
    """A log-likelihood ratio with its sign: 0.41 -> "+0.41", -0.2 -> "-0.20".

    Negative numbers use the Unicode minus sign, as does ``decimal``.
    """
    number = as_float(value)
    if number is None:
        return MISSING
    number = round(number, digits) or 0.0
    return f"{number:+.{digits}f}".replace("-", MINUS)
