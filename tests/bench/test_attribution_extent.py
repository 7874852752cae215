"""How far a cue runs on: the table fitted from gold examples and applied to a parse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from fogline.backends import load_parser
from fogline.bench import attribution_extent as extent
from fogline.bench.attribution import PARSER


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_parser(PARSER)


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, float]]:
    shares: dict[str, float] = {}
    monkeypatch.setattr(extent, "load_extent", lambda: shares)
    yield shares


def test_fit_keeps_keys_seen_often_enough_with_their_share() -> None:
    examples = [("decline|xcomp", True)] * 3 + [("decline|xcomp", False)]
    examples += [("want|xcomp", False)] * 5 + [("rare|dobj", True)] * (extent.MIN_COUNT - 1)
    assert extent.fit_extent(examples) == {"decline|xcomp": 0.75, "want|xcomp": 0.0}


def test_examples_from_a_gold_attribution(nlp: Any) -> None:
    text = "Corker declined to speculate on a backup plan."
    doc = nlp(text)
    cue = (text.index("declined"), text.index(" on"))
    content = (text.index("on a"), len(text) - 1)
    assert extent.extent_examples([cue], [content], doc) == [
        ("decline|xcomp", True),
        ("^decline", True),
    ]
    wanted = "Republicans want to repeal the law."
    doc = nlp(wanted)
    cue = (wanted.index("want"), wanted.index("want") + 4)
    content = (wanted.index("to repeal"), len(wanted) - 1)
    assert extent.extent_examples([cue], [content], doc) == [("want|xcomp", False)]


def test_the_cue_runs_on_through_what_the_table_takes_in(nlp: Any, table: dict[str, float]) -> None:
    text = "Corker declined to speculate on a backup plan."
    doc = nlp(text)
    verb = doc[1]
    cue = (verb.idx, verb.idx + len(verb.text))
    content = (text.index("to speculate"), len(text) - 1)
    assert extent.run_on(verb, cue, content) == (cue, content)
    table["decline|xcomp"] = 0.8
    new_cue, new_content = extent.run_on(verb, cue, content)
    assert text[new_cue[0] : new_cue[1]] == "declined to speculate"
    assert text[new_content[0] : new_content[1]] == "on a backup plan"


def test_an_infinitive_cue_starts_at_the_verb_it_hangs_off(
    nlp: Any, table: dict[str, float]
) -> None:
    text = "Republicans continue to warn that the deal is weak."
    doc = nlp(text)
    warn = next(t for t in doc if t.lower_ == "warn")
    cue = (warn.idx, warn.idx + len(warn.text))
    content = (text.index("that"), len(text) - 1)
    assert extent.run_up(warn, cue, content) == cue
    table["^continue"] = 1.0
    start, end = extent.run_up(warn, cue, content)
    assert text[start:end] == "continue to warn"


def test_the_shipped_table_is_read() -> None:
    extent.load_extent.cache_clear()
    shares = extent.load_extent()
    assert shares.get("decline|xcomp", 0.0) < extent.RUN_ON <= shares["try|xcomp"]
