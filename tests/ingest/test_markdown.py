import time

import pytest

from fogline.ingest.markdown import strip_inline, strip_markdown


def test_first_level_one_heading_becomes_the_title_and_stays_as_text():
    text, title = strip_markdown("# Troops *hold* terrain\n\nThe general spoke.")
    assert title == "Troops hold terrain"
    assert text == "Troops hold terrain\n\nThe general spoke."


def test_setext_heading_becomes_the_title():
    text, title = strip_markdown("\nTroops hold\n===========\n\nBody.")
    assert title == "Troops hold"
    assert text == "\nTroops hold\n\n\nBody."


@pytest.mark.parametrize(
    "text",
    ["## Second level\n\nBody.", "Intro line.\n\n# Later heading", "#hashtag first\n\nBody."],
)
def test_no_title_unless_the_text_opens_with_a_level_one_heading(text):
    assert strip_markdown(text)[1] is None


def test_heading_marks_are_stripped_at_every_level():
    text, _ = strip_markdown("Intro.\n## Section ##\n### Sub\n#hashtag stays")
    assert text == "Intro.\nSection\nSub\n#hashtag stays"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The **general** said", "The general said"),
        ("The *general* said", "The general said"),
        ("The __general__ said", "The general said"),
        ("The _general_ said", "The general said"),
        ("***very*** loud", "very loud"),
        ("**bold with *nested* em**", "bold with nested em"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
        (
            "see https://example.org/_private_/a_b for it",
            "see https://example.org/_private_/a_b for it",
        ),
        ("escaped \\*not emphasis\\*", "escaped *not emphasis*"),
        ("a `code_span *x*` here", "a code_span *x* here"),
        ("read [the report](https://example.org/r_1) now", "read the report now"),
        ("![a map of the front](map.png)", "a map of the front"),
        ("ref [link text][1] style", "ref link text style"),
        ("<https://example.org/x>", "https://example.org/x"),
        ("- a list item stays", "- a list item stays"),
        ("| a | table |", "| a | table |"),
    ],
)
def test_inline_markup_is_stripped_and_everything_else_kept(line, expected):
    assert strip_inline(line) == expected
    assert strip_markdown(line)[0] == expected


def test_blockquotes_rules_and_reference_definitions_go():
    text, _ = strip_markdown(
        "> The general said: *we hold*.\n>> nested\n\n---\n* * *\n"
        "[1]: https://example.org/source\n[Update]: the ministry denied it."
    )
    assert text == "The general said: we hold.\nnested\n\n\n\n\n[Update]: the ministry denied it."


def test_fenced_code_keeps_its_content_as_written():
    text, _ = strip_markdown("Before.\n```python\nx = a_b * c_d  # **kept**\n```\nAfter *this*.")
    assert text == "Before.\n\nx = a_b * c_d  # **kept**\n\nAfter this."


def test_line_structure_is_kept_one_for_one():
    source = "# T\n\n**A** b.\n> c\n\n---\nd"
    text, _ = strip_markdown(source)
    assert text.count("\n") == source.count("\n")


@pytest.mark.parametrize(
    "hostile",
    [
        "*a " * 100_000,
        "[" * 300_000,
        "`` ` " * 60_000,
        "**" * 50_000 + "a" + "**" * 50_000,
        "[a](" * 60_000,
    ],
    ids=["stars", "brackets", "backticks", "nested", "open-links"],
)
def test_hostile_lines_cost_linear_time(hostile):
    started = time.perf_counter()
    strip_markdown(hostile)
    assert time.perf_counter() - started < 5.0
