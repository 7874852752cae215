"""The real pipeline recovers the demo gold (src/fogline/demo/gold.json) at least this well.

Floors are the figures measured when the test was written, less a small margin; the
measured figure is in the comment above each assertion. Raise a floor when the pipeline
improves (``python -m tests.demo.report_gold`` prints every figure and the failures
behind it); never lower one without saying why in the commit.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from .measures import (
    absence_figures,
    dependence_figures,
    document_stance_figures,
    hypothesis_figures,
    loaded_figures,
)
from .statements import StatementMatch, brief, describe, match_statements, statement_figures

pytestmark = pytest.mark.slow

Row = dict[str, Any]

# Statement-level floors: figure -> (measured when written, floor).
STATEMENT_FLOORS = {
    "statement_recall": (0.9916, 0.97),  # 118 of 119 gold statements
    "statement_precision": (0.9516, 0.94),  # 6 predicted statements match no gold one
    "speaker_accuracy": (0.9576, 0.93),  # of 118 matched
    "actor_accuracy": (0.9450, 0.91),  # canonical actor exactly, of 109 with a gold actor
    "cue_accuracy": (1.0, 0.97),  # of 118
    "venue_accuracy": (1.0, 0.95),  # of 22 with a gold venue
    "said_at_accuracy": (0.9773, 0.95),  # of 44 with a gold said_at
    "event_at_accuracy": (1.0, 0.90),  # of 11 with a gold event_at
    "direct_accuracy": (1.0, 0.97),  # of 118
    "via_accuracy": (0.5, 0.5),  # of 2
    # The top "supports" hypothesis of the statement's claims: 0.6186 with the nearest
    # hypothesis and the trained model's polarity (session 8's retrained model; 0.6271
    # with session 7's, 0.678 with its cross-encoder under session 8's relatedness stage,
    # 0.678 with session 2's model; 0.6186 with FOGLINE_STANCE=similarity).
    "stance_accuracy": (0.6186, 0.60),
}


@pytest.fixture(scope="module")
def matched(demo_result: Row, gold: Row) -> tuple[list[StatementMatch], list[Row]]:
    return match_statements(demo_result, gold)


def _failures(matches: list[StatementMatch], field: str) -> str:
    if field in ("statement_recall", "statement_precision"):
        lines = [describe(m) for m in matches if m.pred is None]
    else:
        key = field.removesuffix("_accuracy")
        lines = [describe(m, (key,)) for m in matches if key in m.expected]
    return "\n".join(lines[:40])


def test_the_demo_corpus_is_read_whole(demo_run: tuple[Row, Any], gold: Row) -> None:
    result, report = demo_run
    assert len(result["documents"]) == len(gold["documents"]) == 22
    assert not report.problems and not result["skipped"]


@pytest.mark.parametrize("figure", sorted(STATEMENT_FLOORS))
def test_statements_recovered(figure: str, matched: tuple[list[StatementMatch], list[Row]]) -> None:
    matches, spurious = matched
    figures = statement_figures(matches, spurious)
    measured, floor = STATEMENT_FLOORS[figure]
    extra = ""
    if figure == "statement_precision":
        extra = "\nunmatched predictions:\n" + "\n".join(f"  {brief(p)}" for p in spurious)
    assert figures[figure] >= floor, (
        f"{figure} = {figures[figure]} < floor {floor} (measured {measured}); "
        f"figures: {json.dumps(figures)}\n{_failures(matches, figure)}{extra}"
    )


def test_dependences_between_reports_found(demo_result: Row, gold: Row) -> None:
    figures = dependence_figures(demo_result, gold)
    message = json.dumps(figures, indent=1)
    # Measured: 7 of 9 gold file pairs linked (0.7778), all 7 with the gold kind.
    assert figures["dependence_recall"] >= 0.75, message
    assert figures["dependence_kind_recall"] >= 0.75, message


def test_the_true_hypothesis_wins_and_majority_vote_loses(demo_result: Row, gold: Row) -> None:
    figures = hypothesis_figures(demo_result, gold)
    message = json.dumps(figures)
    # Measured: foothold 0.526 (90% interval .25-.80), breakthrough .433, repelled .041.
    assert figures["top"] == gold["true_hypothesis"] == "foothold", message
    # Measured: the majority vote picks repelled, as the gold report count does.
    assert figures["majority_vote"] != gold["true_hypothesis"], message


def test_document_votes(demo_result: Row, gold: Row) -> None:
    figures = document_stance_figures(demo_result, gold)
    # Measured: 13 of 22 reports vote as the gold stance says (0.5909 with session 8's
    # model; 16 of 22, 0.7273, with session 7's; 0.6364 with session 2's model, 0.5 with
    # session 1's similarity stance).
    assert figures["document_stance_accuracy"] >= 0.55, json.dumps(figures, indent=1)


def test_iron_steppe_silence_is_an_absence_signal(demo_result: Row, gold: Row) -> None:
    figures = absence_figures(demo_result, gold)
    # Measured: 1 of 1 (its posts never mention Selm, so they say nothing on the question).
    assert figures["absence_recall"] == 1.0, json.dumps(figures, indent=1)


def test_loaded_language_flagged(demo_result: Row, gold: Row) -> None:
    figures = loaded_figures(demo_result, gold)
    message = json.dumps(figures, indent=1)
    # Measured: 14 of 38 gold phrases flagged (0.3684).
    assert figures["loaded_recall"] >= 0.35, message
    # Measured: 18 of 20 flagged (file, term) pairs hit a gold phrase (0.9).
    assert figures["loaded_precision"] >= 0.85, message
