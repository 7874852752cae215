"""Tests for fogline.assess.design: implied (partial) support between hypotheses."""

from __future__ import annotations

import math

import numpy as np
import pytest

from fogline.assess.copying import independence, support_pairs
from fogline.assess.design import build_design
from fogline.assess.model import EvidenceRow, HypothesisModel
from fogline.records import StanceLabel

S = StanceLabel.SUPPORTS
QUESTIONS = {"q": ["ab", "abc", "x"], "r": ["u", "v"]}
IMPLIES = {"q": [("ab", "abc", 0.3)]}


def table() -> list[EvidenceRow]:
    rows = [
        EvidenceRow("q", "s1", "ab", S),
        EvidenceRow("q", "s2", "abc", S),
        EvidenceRow("q", "s3", "x", S),
        EvidenceRow("q", "s4", "x", S),
    ]
    for j in range(6):  # shared questions so that accuracies differ from the prior
        rows += [EvidenceRow(f"r{j}", s, "u", S) for s in ("s1", "s2", "s3")]
    return rows


def questions() -> dict[str, list[str]]:
    return {**QUESTIONS, **{f"r{j}": ["u", "v"] for j in range(6)}}


def test_a_support_gets_one_derived_entry_per_implied_hypothesis() -> None:
    d, *_ = build_design(questions(), table(), {}, 0.65, IMPLIES)
    derived = d.derived.nonzero()[0]
    assert derived.size == 1
    j = int(derived[0])
    parent = int(d.parent[j])
    assert d.row_index[j] == d.row_index[parent] == 0
    assert d.weight[j] == pytest.approx(0.3 * d.weight[parent])
    assert d.src[j] == d.src[parent] and d.slot[j] == 1  # slot of "abc"


def test_implied_support_raises_the_superset_and_keeps_the_ach_identity_exact() -> None:
    plain = HypothesisModel(n_bootstrap=0).fit(questions(), table())
    implied = HypothesisModel(n_bootstrap=0).fit(questions(), table(), implies=IMPLIES)
    assert implied.posteriors_["q"]["abc"] > plain.posteriors_["q"]["abc"]
    logp = implied.log_posteriors_["q"]
    for h in QUESTIONS["q"]:
        lhs = logp[h] - math.fsum(logp.values()) / 3
        rhs = implied.log_prior_c_["q"][h] + sum(c[h] for _, c in implied.explain("q"))
        assert lhs == pytest.approx(rhs, abs=1e-9)
    # Row 0's contributions hold its own support and the implied one.
    own = plain.contributions_[0]
    assert implied.contributions_[0]["abc"] > own["abc"]


def test_derived_entries_are_not_claims_for_accuracy_or_copying() -> None:
    d, *_ = build_design(questions(), table(), {}, 0.65, IMPLIES)
    plain, *_ = build_design(questions(), table(), {}, 0.65)
    pairs, plain_pairs = support_pairs(d), support_pairs(plain)
    assert np.array_equal(pairs.first, plain_pairs.first)
    assert np.array_equal(pairs.source_pairs, plain_pairs.source_pairs)
    # A derived entry shares the independence factor of the row it comes from.
    acc = np.full(4, 0.7)
    p_slot = np.full(d.slot_question.size, 0.5)
    indep, _, _ = independence(d, pairs, acc, p_slot, 0.8, 0.05, 10)
    j = int(d.derived.nonzero()[0][0])
    assert indep[j] == indep[d.parent[j]]
    # The accuracy a source learns counts its claims only.
    model = HypothesisModel(n_bootstrap=0, prior_strength=0.0)
    ones, zeros = np.ones(d.src.size), np.zeros(d.src.size)
    _, _, _, total, _ = model._em(d, np.full(4, 0.65), np.zeros(4), np.zeros(4), ones, zeros)
    assert total.tolist() == [7.0, 7.0, 7.0, 1.0]


@pytest.mark.parametrize(
    "implies",
    [
        {"nope": [("ab", "abc", 0.3)]},
        {"q": [("ab", "zz", 0.3)]},
        {"q": [("ab", "abc", 1.5)]},
        {"q": [("ab", "abc", -0.1)]},
    ],
)
def test_bad_implications_raise_value_error(
    implies: dict[str, list[tuple[str, str, float]]],
) -> None:
    with pytest.raises(ValueError):
        HypothesisModel().fit(questions(), table(), implies=implies)
