"""Tests for fogline.assess.model: the ACH identity, planted truth, weights, absence, priors."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from fogline.assess.baselines import majority_vote
from fogline.assess.model import EvidenceRow, HypothesisModel
from fogline.records import StanceLabel

S, R, U = StanceLabel.SUPPORTS, StanceLabel.REFUTES, StanceLabel.UNRELATED


def random_table(
    seed: int, k: int, n_questions: int = 25, n_sources: int = 8
) -> tuple[dict[str, list[str]], list[EvidenceRow], dict[str, str]]:
    """Random questions with k hypotheses and random supports, refutes, absences and weights."""
    rng = np.random.default_rng(seed)
    questions = {f"q{i}": [f"q{i}h{j}" for j in range(k)] for i in range(n_questions)}
    rows = []
    for q, hyps in questions.items():
        for _ in range(int(rng.integers(0, 12))):
            rows.append(
                EvidenceRow(
                    question=q,
                    source=f"s{rng.integers(n_sources)}",
                    hypothesis=hyps[int(rng.integers(k))],
                    label=[S, R, U][int(rng.choice(3, p=[0.6, 0.3, 0.1]))],
                    weight=float(rng.uniform(0.0, 2.0)),
                    absent=bool(rng.random() < 0.1),
                )
            )
    grades = {f"s{i}": "ABCDEF"[i % 6] for i in range(0, n_sources, 2)}
    return questions, rows, grades


def planted_truth(
    seed: int = 7,
    n_questions: int = 200,
    k: int = 3,
    n_sources: int = 30,
    p_answer: float = 0.5,
    p_refute: float = 0.0,
) -> tuple[dict[str, list[str]], list[EvidenceRow], dict[str, str], dict[str, float]]:
    """Sources answer with their planted accuracy; a refuting source refutes a non-belief."""
    rng = np.random.default_rng(seed)
    acc = {f"s{i}": float(a) for i, a in enumerate(rng.uniform(0.55, 0.95, n_sources))}
    questions = {f"q{i}": [f"q{i}h{j}" for j in range(k)] for i in range(n_questions)}
    truth = {q: hyps[int(rng.integers(k))] for q, hyps in questions.items()}
    rows = []
    for q, hyps in questions.items():
        for s, a in acc.items():
            if rng.random() >= p_answer:
                continue
            wrong = [h for h in hyps if h != truth[q]]
            belief = truth[q] if rng.random() < a else wrong[int(rng.integers(k - 1))]
            if rng.random() < p_refute:
                others = [h for h in hyps if h != belief]
                rows.append(EvidenceRow(q, s, others[int(rng.integers(k - 1))], R))
            else:
                rows.append(EvidenceRow(q, s, belief, S))
    return questions, rows, truth, acc


def hit_rate(predicted: dict[str, str], truth: dict[str, str]) -> float:
    return sum(predicted[q] == t for q, t in truth.items()) / len(truth)


@pytest.mark.parametrize("rounds", [0, 5])
@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("k", [2, 3, 4, 5])
def test_ach_identity_holds_exactly(seed: int, k: int, rounds: int) -> None:
    questions, rows, grades = random_table(seed, k)
    model = HypothesisModel(n_bootstrap=10, dependence_rounds=rounds).fit(questions, rows, grades)
    for q, hyps in questions.items():
        logp = model.log_posteriors_[q]
        assert math.fsum(model.posteriors_[q].values()) == pytest.approx(1.0, abs=1e-12)
        for t in hyps:
            lhs = math.log(model.posteriors_[q][t]) - sum(
                math.log(model.posteriors_[q][u]) for u in hyps
            ) / len(hyps)
            rhs = model.log_prior_c_[q][t] + sum(
                model.contributions_[i][t] for i, _ in model.explain(q)
            )
            assert lhs == pytest.approx(rhs, abs=1e-9)
            assert logp[t] - sum(logp.values()) / k == pytest.approx(rhs, abs=1e-9)


@pytest.mark.parametrize("rounds", [0, 5])
def test_contribution_is_weighted_centred_log_likelihood(rounds: int) -> None:
    questions, rows, grades = random_table(3, 4)
    model = HypothesisModel(n_bootstrap=0, dependence_rounds=rounds).fit(questions, rows, grades)
    for i, row in enumerate(rows):
        if row.label is U and not row.absent:
            assert i not in model.contributions_
            continue
        a = min(max(model.row_accuracy_[i], 1 / 4 + 0.01), 0.99)
        if rounds == 0:
            assert model.row_accuracy_[i] == model.accuracy_[row.source]
        if row.absent:
            hit, miss = math.log(1 - 0.35), 0.0
        elif row.label is S:
            hit, miss = math.log(a), math.log((1 - a) / 3)
        else:
            hit, miss = math.log((1 - a) / 3), math.log((2 + a) / 9)
        mean = (hit + 3 * miss) / 4
        weight = row.weight * model.independence_[i]
        assert 0.0 < model.independence_[i] <= 1.0
        for h, c in model.contributions_[i].items():
            expected = weight * ((hit if h == row.hypothesis else miss) - mean)
            assert c == pytest.approx(expected, abs=1e-12)


def test_fit_is_deterministic() -> None:
    questions, rows, grades = random_table(5, 3)
    first = HypothesisModel(random_state=11).fit(questions, rows, grades)
    second = HypothesisModel(random_state=11).fit(questions, rows, grades)
    for attr in ("accuracy_", "accuracy_interval_", "posteriors_", "intervals_", "contributions_"):
        assert getattr(first, attr) == getattr(second, attr)
    assert first.n_iter_ == second.n_iter_
    other = HypothesisModel(random_state=12).fit(questions, rows, grades)
    assert other.posteriors_ == first.posteriors_


@pytest.mark.parametrize(("p_answer", "margin"), [(0.5, 0.0), (0.15, 0.01)])
@pytest.mark.parametrize("rounds", [0, 5])
def test_planted_truth_beats_majority_vote_and_recovers_accuracies(
    p_answer: float, margin: float, rounds: int
) -> None:
    # With half the sources answering, majority vote is already near 99.5%, so the
    # comparison is pooled over seeds; the sparse setting leaves more room to beat it.
    model_hits = vote_hits = 0.0
    for seed in range(10):
        questions, rows, truth, acc = planted_truth(seed=seed, p_answer=p_answer)
        model = HypothesisModel(n_bootstrap=0, dependence_rounds=rounds).fit(questions, rows)
        model_hits += hit_rate(model.predict(), truth) / 10
        vote_hits += hit_rate(majority_vote(questions, rows), truth) / 10
        mae = float(np.mean([abs(model.accuracy_[s] - a) for s, a in acc.items()]))
        assert mae < 0.1
        assert model.n_iter_ < 100 * (model.dependence_rounds + 1)  # EM iterations, all rounds
    assert model_hits > vote_hits + margin


def test_planted_truth_with_refutations() -> None:
    questions, rows, truth, acc = planted_truth(seed=8, p_refute=0.3)
    model = HypothesisModel().fit(questions, rows)
    mae = float(np.mean([abs(model.accuracy_[s] - a) for s, a in acc.items()]))
    assert hit_rate(model.predict(), truth) > hit_rate(majority_vote(questions, rows), truth)
    assert mae < 0.1


def test_intervals_are_ordered_and_mostly_cover_the_planted_accuracy() -> None:
    questions, rows, _, acc = planted_truth(n_questions=60)
    model = HypothesisModel(n_bootstrap=50).fit(questions, rows)
    inside = []
    for q, probs in model.posteriors_.items():
        for h, p in probs.items():
            lo, hi = model.intervals_[q][h]
            assert 0.0 <= lo <= hi <= 1.0
            inside.append(lo - 1e-6 <= p <= hi + 1e-6)
    assert sum(inside) / len(inside) >= 0.95
    covered = [lo <= acc[s] <= hi for s, (lo, hi) in model.accuracy_interval_.items()]
    assert sum(covered) / len(covered) >= 0.7
    point = HypothesisModel(n_bootstrap=0).fit(questions, rows)
    assert all(
        lo == hi == point.posteriors_["q0"][h] for h, (lo, hi) in point.intervals_["q0"].items()
    )


def test_zero_weight_rows_have_no_effect() -> None:
    questions, rows, grades = random_table(4, 3)
    extra = [EvidenceRow(q, "s1", hyps[0], S, weight=0.0) for q, hyps in questions.items()]
    extra += [EvidenceRow(q, "s2", hyps[1], R, weight=0.0) for q, hyps in questions.items()]
    base = HypothesisModel().fit(questions, rows, grades)
    more = HypothesisModel().fit(questions, rows + extra, grades)
    assert more.accuracy_ == base.accuracy_
    for q in questions:
        assert more.posteriors_[q] == pytest.approx(base.posteriors_[q], abs=1e-12)
        assert more.intervals_[q] == base.intervals_[q]
    for i in range(len(rows), len(rows) + len(extra)):
        assert all(c == 0.0 for c in more.contributions_[i].values())


def test_halving_a_weight_halves_its_contribution() -> None:
    questions, rows, grades = random_table(6, 3)
    target = next(i for i, r in enumerate(rows) if r.label is S and r.weight > 0.5 and not r.absent)
    halved = list(rows)
    halved[target] = dataclasses.replace(rows[target], weight=rows[target].weight / 2)
    # A huge prior strength pins every accuracy, so only the weight differs.
    full = HypothesisModel(prior_strength=1e15, n_bootstrap=0).fit(questions, rows, grades)
    half = HypothesisModel(prior_strength=1e15, n_bootstrap=0).fit(questions, halved, grades)
    for h, c in full.contributions_[target].items():
        assert half.contributions_[target][h] == pytest.approx(c / 2, rel=1e-9)


def test_absence_lowers_its_hypothesis_by_the_stated_factor() -> None:
    questions = {"q": ["a", "b", "c"]}
    rows = [
        EvidenceRow("q", "partisans", "a", S, weight=1.0, absent=True),
        EvidenceRow("q", "ministry", "a", S, weight=0.5, absent=True),
        EvidenceRow("q", "ministry", "b", R, weight=2.0, absent=True),
    ]
    model = HypothesisModel(absence_strength=0.35, n_bootstrap=0).fit(questions, rows)
    unnorm = {"a": 0.65**1.5, "b": 0.65**2.0, "c": 1.0}
    z = sum(unnorm.values())
    for h, v in unnorm.items():
        assert model.posteriors_["q"][h] == pytest.approx(v / z, abs=1e-12)
    contrib = model.contributions_[0]
    assert contrib["a"] - contrib["b"] == pytest.approx(math.log(0.65), abs=1e-12)
    assert contrib["b"] == contrib["c"]
    assert model.accuracy_["partisans"] == pytest.approx(0.65)


@pytest.mark.parametrize(("grade", "prior"), [("A", 0.9), ("B2", 0.8), ("E", 0.4), ("F", 0.65)])
def test_grade_prior_shrinks_a_source_with_one_row(grade: str, prior: float) -> None:
    questions, rows, _, _ = planted_truth(n_questions=50)
    q = "q0"
    consensus = HypothesisModel(n_bootstrap=0).fit(questions, rows).predict()[q]
    lone = [*rows, EvidenceRow(q, "lone", consensus, S)]
    model = HypothesisModel(n_bootstrap=0).fit(questions, lone, {"lone": grade})
    # One unit-weight row moves the Beta(4m, 4(1-m)) mean by at most 1/(4 + 1).
    assert abs(model.accuracy_["lone"] - prior) <= 1 / 5
    assert model.accuracy_["lone"] == pytest.approx((4 * prior + 1) / 5, abs=0.02)
    lo, hi = model.accuracy_interval_["lone"]
    assert lo < model.accuracy_["lone"] < hi


def test_refutation_for_two_hypotheses_equals_support_of_the_other() -> None:
    questions, rows, grades = random_table(9, 2)
    swapped = [
        EvidenceRow(r.question, r.source, other, S, r.weight, r.absent)
        if r.label is R and not r.absent
        else r
        for r in rows
        for other in [next(h for h in questions[r.question] if h != r.hypothesis)]
    ]
    # Learned dependence looks at supports only, so it is switched off for this identity.
    a = HypothesisModel(dependence_rounds=0).fit(questions, rows, grades)
    b = HypothesisModel(dependence_rounds=0).fit(questions, swapped, grades)
    assert a.accuracy_ == pytest.approx(b.accuracy_, abs=1e-12)
    for q in questions:
        assert a.posteriors_[q] == pytest.approx(b.posteriors_[q], abs=1e-12)
        for h in questions[q]:
            assert a.intervals_[q][h] == pytest.approx(b.intervals_[q][h], abs=1e-6)
    for i in a.contributions_:
        assert a.contributions_[i] == pytest.approx(b.contributions_[i], abs=1e-12)


def test_refutation_lowers_its_hypothesis_and_spreads_the_rest_evenly() -> None:
    questions = {"q": ["a", "b", "c", "d"]}
    rows = [EvidenceRow("q", "s", "a", R)]
    p = HypothesisModel(n_bootstrap=0).fit(questions, rows, {"s": "E"}).posteriors_["q"]
    assert p["a"] < 0.25 < p["b"]
    assert p["b"] == p["c"] == p["d"]


def test_skips_single_hypothesis_questions_and_ignores_unrelated_rows() -> None:
    questions = {"solo": ["only"], "empty": [], "q": ["a", "b"]}
    rows = [
        EvidenceRow("solo", "s1", "only", S),
        EvidenceRow("q", "s1", "a", S),
        EvidenceRow("q", "s2", "b", U),
    ]
    model = HypothesisModel().fit(questions, rows)
    assert model.posteriors_["solo"] == {"only": 1.0}
    assert model.intervals_["solo"] == {"only": (1.0, 1.0)}
    assert model.posteriors_["empty"] == {}
    assert model.predict() == {"solo": "only", "q": "a"}
    assert list(model.posteriors_) == ["solo", "empty", "q"]
    assert [i for i, _ in model.explain("q")] == [1]
    assert model.accuracy_["s2"] == pytest.approx(0.65)
    plain = HypothesisModel().fit(questions, rows[:2])
    assert plain.posteriors_ == model.posteriors_


def test_predict_breaks_ties_by_listing_order_and_explain_sorts_by_impact() -> None:
    questions = {"q": ["a", "b", "c"]}
    rows = [EvidenceRow("q", "s1", "c", S), EvidenceRow("q", "s2", "b", S)]
    model = HypothesisModel(n_bootstrap=0).fit(questions, rows)
    assert model.posteriors_["q"]["b"] == model.posteriors_["q"]["c"]
    assert model.predict() == {"q": "b"}
    rows = [
        EvidenceRow("q", "s1", "c", S, weight=0.2),
        EvidenceRow("q", "s2", "b", S),
        EvidenceRow("q", "s3", "c", S, weight=0.8),
    ]
    model = HypothesisModel(prior_strength=1e15, n_bootstrap=0).fit(questions, rows)
    assert model.predict() == {"q": "b"}
    assert [i for i, _ in model.explain("q")] == [1, 2, 0]
    with pytest.raises(KeyError):
        model.explain("nope")


@pytest.mark.parametrize(
    "row",
    [
        EvidenceRow("q", "s", "zzz", S),
        EvidenceRow("nope", "s", "a", S),
        EvidenceRow("q", "s", "a", S, weight=-1.0),
        EvidenceRow("q", "s", "a", S, weight=math.nan),
    ],
)
def test_bad_rows_raise_value_error(row: EvidenceRow) -> None:
    with pytest.raises(ValueError):
        HypothesisModel().fit({"q": ["a", "b"]}, [row])


def test_bad_parameters_and_unfitted_use_raise() -> None:
    with pytest.raises(ValueError):
        HypothesisModel(default_accuracy=1.0)
    with pytest.raises(ValueError):
        HypothesisModel(interval=1.0)
    with pytest.raises(ValueError):
        HypothesisModel(residual_correlation=1.0)
    with pytest.raises(ValueError):
        HypothesisModel(split_strength=0.0)
    with pytest.raises(ValueError):
        HypothesisModel().fit({"q": ["a", "a"]}, [])
    with pytest.raises(ValueError):
        HypothesisModel().fit({"q": ["a", "b"]}, [EvidenceRow("q", "s", "a", S)], {"s": "Z9"})
    with pytest.raises(RuntimeError):
        HypothesisModel().predict()


def test_learned_dependence_counts_copies_as_one_witness() -> None:
    questions, rows, truth, _ = planted_truth(seed=3, n_sources=10, p_answer=0.6)
    # Five clones of a 30%-accurate source, answering every question alike.
    rng = np.random.default_rng(0)
    for q, hyps in questions.items():
        wrong = [h for h in hyps if h != truth[q]]
        value = truth[q] if rng.random() < 0.3 else wrong[int(rng.integers(len(wrong)))]
        rows += [EvidenceRow(q, f"clone{j}", value, S) for j in range(5)]
    naive = HypothesisModel(n_bootstrap=0).fit(questions, rows)
    aware = HypothesisModel(n_bootstrap=0, dependence_rounds=5).fit(questions, rows)
    assert hit_rate(aware.predict(), truth) >= hit_rate(naive.predict(), truth) + 0.1
    assert ("clone0", "clone1") in aware.dependence_ or ("clone1", "clone0") in aware.dependence_
    clone_weights = [aware.independence_[i] for i, r in enumerate(rows) if r.source != "s0"]
    assert min(clone_weights) < 0.1
    assert naive.independence_ == dict.fromkeys(naive.independence_, 1.0)


def test_open_domain_weighs_a_support_as_one_of_false_values_wrong_ones() -> None:
    questions = {"q": ["a", "b"], "r": ["a", "b"]}
    rows = [EvidenceRow("q", "s", "a", S), EvidenceRow("r", "t", "b", S)]
    closed = HypothesisModel(n_bootstrap=0, prior_strength=1e6).fit(questions, rows)
    model = HypothesisModel(n_bootstrap=0, prior_strength=1e6, open_domain=True, false_values=10)
    model.fit(questions, rows)
    a = model.accuracy_["s"]
    # log-odds of "a" = log(a n / (1 - a)) with n = 10 instead of k - 1 = 1
    logp = model.log_posteriors_["q"]
    assert logp["a"] - logp["b"] == pytest.approx(math.log(a * 10 / (1 - a)), abs=1e-9)
    c = closed.accuracy_["s"]
    closed_logp = closed.log_posteriors_["q"]
    assert closed_logp["a"] - closed_logp["b"] == pytest.approx(math.log(c / (1 - c)), abs=1e-9)


def test_residual_correlation_tempers_each_question_by_its_number_of_sources() -> None:
    questions, rows, grades = random_table(4, 3)
    # A huge prior strength holds every accuracy at its prior, so only the tempering differs.
    plain = HypothesisModel(n_bootstrap=0, prior_strength=1e12).fit(questions, rows, grades)
    model = HypothesisModel(n_bootstrap=0, prior_strength=1e12, residual_correlation=0.2)
    model.fit(questions, rows, grades)
    for q in questions:
        said = {r.source for r in rows if r.question == q and not r.absent and r.label is not U}
        said &= {r.source for r in rows if r.question == q and r.weight > 0 and not r.absent}
        t = 1.0 / (1.0 + max(len(said) - 1, 0) * 0.2)
        assert model.tempering_[q] == pytest.approx(t)
        for i in (i for i, r in enumerate(rows) if r.question == q and i in plain.contributions_):
            for h, c in plain.contributions_[i].items():
                assert model.contributions_[i][h] == pytest.approx(t * c, abs=1e-9)
        logp = model.log_posteriors_[q]
        mean = sum(logp.values()) / len(logp)
        for h in questions[q]:
            total = model.log_prior_c_[q][h] + sum(
                model.contributions_[i][h] for i in model._rows_of[q]
            )
            assert logp[h] - mean == pytest.approx(total, abs=1e-9)
