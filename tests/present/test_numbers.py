from __future__ import annotations

import math

import pytest

from fogline.present import numbers


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0.712, "71%"),
        (0.0, "0%"),
        (1.0, "100%"),
        (0.001, "<1%"),
        (0.999, ">99%"),
        (None, "\u2014"),
        (math.nan, "\u2014"),
        ("0.5", "\u2014"),
        (True, "\u2014"),
    ],
)
def test_percent(value: object, shown: str) -> None:
    assert numbers.percent(value) == shown


def test_signed_and_decimal() -> None:
    assert numbers.signed(0.41) == "+0.41"
    assert numbers.signed(-0.2) == "\u22120.20"
    assert numbers.signed(-0.001) == "+0.00"
    assert numbers.decimal(-0.001) == "0.00"
    assert numbers.decimal(0.4812) == "0.48"
    assert numbers.signed(math.inf) == "\u2014"


def test_intervals() -> None:
    assert numbers.percent_interval([0.55, 0.84]) == "55\u201384%"
    assert numbers.decimal_interval((0.6, 0.9)) == "0.60\u20130.90"
    assert numbers.percent_interval([0.5]) == "\u2014"
    assert numbers.percent_interval(None) == "\u2014"


def test_unit_clamps() -> None:
    assert numbers.unit(1.7) == 1.0
    assert numbers.unit(-3) == 0.0
    assert numbers.unit(None) == 0.0
