"""Tests for fogline.assess.baselines.majority_vote."""

from __future__ import annotations

from fogline.assess.baselines import majority_vote
from fogline.assess.model import EvidenceRow
from fogline.records import StanceLabel

S, R = StanceLabel.SUPPORTS, StanceLabel.REFUTES


def test_most_votes_win_and_only_supports_count() -> None:
    questions = {"q": ["a", "b", "c"]}
    rows = [
        EvidenceRow("q", "s1", "a", S, weight=5.0),
        EvidenceRow("q", "s2", "b", S),
        EvidenceRow("q", "s3", "b", S),
        EvidenceRow("q", "s4", "a", R),
        EvidenceRow("q", "s5", "a", S, absent=True),
        EvidenceRow("q", "s6", "a", StanceLabel.UNRELATED),
    ]
    assert majority_vote(questions, rows) == {"q": "b"}


def test_ties_go_to_the_first_listed_and_no_votes_to_the_first() -> None:
    questions = {"tie": ["a", "b", "c"], "silent": ["x", "y"], "empty": []}
    rows = [EvidenceRow("tie", "s1", "c", S), EvidenceRow("tie", "s2", "b", S)]
    assert majority_vote(questions, rows) == {"tie": "b", "silent": "x"}
