"""Cutting a line of text to a length."""

from __future__ import annotations

from fogline.shorten import shorten


def test_short_text_keeps_its_words_with_single_spaces() -> None:
    assert shorten("  Troops\n crossed\tthe river ", 40) == "Troops crossed the river"


def test_long_text_is_cut_before_the_limit_with_an_ellipsis() -> None:
    cut = shorten("Troops crossed the river at dawn", 16)
    assert cut == "Troops crossed\u2026" and len(cut) <= 16
    assert shorten("abcdef", 6) == "abcdef"
