from __future__ import annotations

from fogline.analyze.quotes import find_quotes, quote_at


def texts(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quotes(text)]


def test_straight_and_curly_quotes() -> None:
    assert texts('He said "a b." and \u201cc d\u201d.') == ["a b.", "c d"]


def test_quote_over_paragraphs_is_joined() -> None:
    text = "\u201cFirst part.\n\n\u201cSecond part,\u201d he said."
    (quote,) = texts(text)
    assert quote.startswith("First part.") and quote.endswith("Second part,")


def test_unclosed_quote_stops_at_paragraph_end() -> None:
    assert texts('Open " no close\n\nNext paragraph.') == [" no close"]


def test_quote_at_picks_largest_overlap() -> None:
    assert quote_at([(0, 5), (10, 30)], 8, 25) == (10, 30)
    assert quote_at([(0, 5)], 6, 9) is None


def test_two_apostrophes_are_a_double_quote() -> None:
    text = "''I think he is cautious,'' said Doug. ''Going negative isn't his strength.''"
    assert texts(text) == ["I think he is cautious,", "Going negative isn't his strength."]
