"""Tests for fogline.assess.grades."""

from __future__ import annotations

import pytest

from fogline.assess.grades import reliability_prior


@pytest.mark.parametrize(
    ("grade", "prior"),
    [
        ("A", 0.9),
        ("b2", 0.8),
        (" C ", 0.7),
        ("D6", 0.55),
        ("E", 0.4),
        ("F", 0.6),
        (None, 0.6),
        ("", 0.6),
    ],
)
def test_reliability_prior(grade: str | None, prior: float) -> None:
    assert reliability_prior(grade, 0.6) == prior


@pytest.mark.parametrize("grade", ["G", "A7", "AB", "1", "A22"])
def test_malformed_grade_raises(grade: str) -> None:
    with pytest.raises(ValueError):
        reliability_prior(grade, 0.6)
