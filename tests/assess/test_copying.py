"""Tests for fogline.assess.copying: who copies whom, and what a copier's word is worth."""

from __future__ import annotations

import numpy as np
import pytest

from fogline.assess.copying import common_origin, direction, sharing, support_pairs
from fogline.assess.design import build_design
from fogline.assess.model import EvidenceRow, HypothesisModel
from fogline.records import StanceLabel

S = StanceLabel.SUPPORTS


def chamber(
    origin_accuracy: float, seed: int = 0, n_questions: int = 150
) -> tuple[dict[str, list[str]], list[EvidenceRow], dict[str, str]]:
    """Eight honest sources (accuracy 0.75, half coverage), an origin of the given accuracy
    that answers everything, and four copiers that repeat it 80% of the time and otherwise
    answer on their own with accuracy 0.75."""
    rng = np.random.default_rng(seed)
    values = [f"v{j}" for j in range(5)]
    questions = {f"q{i}": values for i in range(n_questions)}
    truth = {q: values[int(rng.integers(5))] for q in questions}
    rows = []

    def answer(q: str, accuracy: float) -> str:
        if rng.random() < accuracy:
            return truth[q]
        return [v for v in values if v != truth[q]][int(rng.integers(4))]

    for q in questions:
        for s in range(8):
            if rng.random() < 0.5:
                rows.append(EvidenceRow(q, f"honest{s}", answer(q, 0.75), S))
        said = answer(q, origin_accuracy)
        rows.append(EvidenceRow(q, "origin", said, S))
        for c in range(4):
            value = said if rng.random() < 0.8 else answer(q, 0.75)
            rows.append(EvidenceRow(q, f"copier{c}", value, S))
    return questions, rows, truth


def fit(questions: dict[str, list[str]], rows: list[EvidenceRow]) -> HypothesisModel:
    return HypothesisModel(n_bootstrap=0, dependence_rounds=5, open_domain=True).fit(
        questions, rows
    )


def kept_share(model: HypothesisModel, rows: list[EvidenceRow], source: str) -> float:
    """Mean independence of the source's rows that agree with the origin's value."""
    origin = {r.question: r.hypothesis for r in rows if r.source == "origin"}
    factors = [
        model.independence_[i]
        for i, r in enumerate(rows)
        if r.source == source and r.hypothesis == origin[r.question]
    ]
    return float(np.mean(factors))


def test_a_bad_origin_is_kept_and_its_copies_discounted() -> None:
    questions, rows, truth = chamber(origin_accuracy=0.15)
    model = fit(questions, rows)
    # The origin's falsehoods explain the shared values better than the copiers' do.
    assert kept_share(model, rows, "origin") > 0.9
    assert all(kept_share(model, rows, f"copier{c}") < 0.3 for c in range(4))
    # A copier is as bad as its origin on what it shares and better on the rest.
    for c in range(4):
        s = f"copier{c}"
        assert model.alone_accuracy_[s] > model.shared_accuracy_[s] + 0.2
    predicted = model.predict()
    assert sum(predicted[q] == t for q, t in truth.items()) / len(truth) >= 0.85


def test_a_good_origin_and_its_copies_count_as_about_one_witness() -> None:
    # A copier of an accurate origin is about as accurate as it, so which one is kept
    # whole is a toss-up (the direction test cannot tell); the group still counts once.
    questions, rows, _ = chamber(origin_accuracy=0.9)
    model = fit(questions, rows)
    group = ["origin"] + [f"copier{c}" for c in range(4)]
    witnesses = sum(kept_share(model, rows, s) for s in group)
    assert 0.8 <= witnesses <= 1.6
    assert model.accuracy_["origin"] > 0.8


def test_closed_questions_do_not_convict_a_pair_for_one_shared_false_answer() -> None:
    # Two sources agree on the losing answer of a single three-way question: with three
    # answers, that is no sign of copying.
    questions = {"q": ["a", "b", "c"]}
    rows = [EvidenceRow("q", f"s{i}", "a", S) for i in range(4)]
    rows += [EvidenceRow("q", "t0", "b", S), EvidenceRow("q", "t1", "b", S)]
    model = HypothesisModel(n_bootstrap=0, dependence_rounds=5).fit(questions, rows)
    assert model.dependence_ == {}
    assert min(model.independence_.values()) > 0.7


def test_direction_points_to_the_source_that_best_explains_the_shared_values() -> None:
    questions = {f"q{i}": ["a", "b", "c"] for i in range(10)}
    rows = [EvidenceRow(q, s, "a", S) for q in questions for s in ("weak", "strong")]
    d, sources, *_ = build_design(questions, rows, {}, 0.65)
    pairs = support_pairs(d)
    acc = np.array([0.5 if s == "weak" else 0.9 for s in sources])
    dep = np.ones(pairs.source_pairs.shape[0])
    lo_is_weak = sources[int(pairs.source_pairs[0, 0])] == "weak"
    for truth, weak_copies in ((1.0, True), (0.0, False)):
        p_slot = np.where(np.arange(d.slot_question.size) % 3 == 0, truth, (1 - truth) / 2)
        lo_copies = float(direction(d, pairs, acc, p_slot, dep, 0.8, 1)[0])
        # Shared true values: the accurate source is the origin; shared false ones: the weak.
        assert (lo_copies > 0.99) == (lo_is_weak == weak_copies)
        assert (lo_copies < 0.01) == (lo_is_weak != weak_copies)


def test_copies_of_one_origin_agreeing_where_it_says_otherwise_chose_on_their_own() -> None:
    # x and y copy o; on q9 they agree on a value o does not give: not a copy of o.
    questions = {f"q{i}": ["a", "b", "c"] for i in range(10)}
    rows = [EvidenceRow(q, s, "a", S) for q in list(questions)[:9] for s in ("o", "x", "y")]
    rows += [EvidenceRow("q9", "o", "a", S), EvidenceRow("q9", "x", "b", S)]
    rows += [EvidenceRow("q9", "y", "b", S)]
    d, sources, *_ = build_design(questions, rows, {}, 0.65)
    pairs = support_pairs(d)
    dep = np.full(pairs.source_pairs.shape[0], 0.99)
    origin = np.array([2.0 if s == "o" else 0.0 for s in sources])
    lowered = common_origin(d, pairs, dep, origin)
    q9 = d.slot_question[d.slot[pairs.first[pairs.same]]] == list(questions).index("q9")
    assert lowered[q9].tolist() == pytest.approx([0.99 * (1 - 0.99 * 0.99)])
    assert np.all(lowered[~q9] == 0.99)
    share = sharing(d, pairs, dep, origin)
    x_q9 = next(i for i, r in enumerate(rows) if r.source == "x" and r.question == "q9")
    x_q0 = next(i for i, r in enumerate(rows) if r.source == "x" and r.question == "q0")
    row = {int(i): j for j, i in enumerate(d.row_index.tolist())}
    assert share[row[x_q9]] < 0.05 < 0.99 < share[row[x_q0]]
    # With no source more original than both, nothing is explained away.
    assert np.all(common_origin(d, pairs, dep, np.zeros(len(sources))) == 0.99)


def test_a_copier_is_credited_for_what_it_answers_on_its_own() -> None:
    # Copiers answer on their own with accuracy 0.75 (a fifth of the time): their
    # accuracy on the values they claim alone comes out near it, not near the origin's.
    # Measured mean: 0.646 (0.575 before copies of one origin were told apart).
    questions, rows, _ = chamber(origin_accuracy=0.15)
    model = fit(questions, rows)
    alone = [model.alone_accuracy_[f"copier{c}"] for c in range(4)]
    assert float(np.mean(alone)) > 0.62
