"""The assess stage: evidence rows built from the link result, the model fitted, and
one ``Assessment`` per question, each with its ACH decomposition. Pure over records."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from fogline.assess.baselines import majority_vote
from fogline.assess.evidence import EvidenceParams, build_evidence
from fogline.assess.model import EvidenceRow, HypothesisModel
from fogline.link.pipeline import LinkResult
from fogline.records import Assessment, Claim, Evidence, StanceLabel, Statement

DEPENDENCE_ROUNDS = 5
"""Rounds of learned copying between sources (``HypothesisModel.dependence_rounds``)."""
RESIDUAL_CORRELATION = 0.1
"""Assumed error correlation between sources that neither the link stage nor the copy
test can see: a question's evidence counts as 1 / (1 + (n - 1) * 0.1) of n independent
witnesses (``HypothesisModel.residual_correlation``), so that a small corpus of reports
that echo one another does not yield near-certainty."""


def _with_model_factors(evidence: list[Evidence], model: HypothesisModel) -> list[Evidence]:
    """Each evidence record with the model's own factors added, so its weight explains
    itself: ``copying`` (learned independence from sources it seems to copy) and
    ``tempering`` (the question's residual-correlation factor), when below 1."""
    out = []
    for i, e in enumerate(evidence):
        extra = {
            "copying": model.independence_.get(i, 1.0),
            "tempering": model.tempering_.get(e.question_id, 1.0),
        }
        extra = {k: v for k, v in extra.items() if v < 1.0 - 1e-9}
        if not extra:
            out.append(e)
            continue
        factors = {**e.factors, **{k: round(v, 4) for k, v in extra.items()}}
        weight = round(e.weight * math.prod(extra.values()), 6)
        out.append(replace(e, factors=factors, weight=weight))
    return out


@dataclass(frozen=True, slots=True)
class AssessOutput:
    assessments: tuple[Assessment, ...]
    majority: dict[str, str]
    votes: dict[str, dict[str, int]]
    reliability: dict[str, tuple[float, float, float]]
    independence: dict[str, float]


def document_votes(
    link: LinkResult, claims: list[Claim]
) -> tuple[dict[str, str], dict[str, dict[str, int]]]:
    """The baseline: every report votes once, for the hypothesis most of its claims support.

    Returns the majority pick per question (ties: the hypothesis listed first) and the
    vote count of every hypothesis."""
    doc_of = {c.id: c.document_id for c in claims}
    rows = []
    for question in link.questions:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for st in link.stances:
            if st.question_id == question.id and st.label == StanceLabel.SUPPORTS:
                counts[doc_of[st.claim_id]][st.hypothesis_id] += 1
        order = [h.id for h in question.hypotheses]
        for doc, counter in sorted(counts.items()):
            top = max(counter.values())
            pick = next(h for h in order if counter[h] == top)
            rows.append(EvidenceRow(question.id, doc, pick, StanceLabel.SUPPORTS))
    questions = {q.id: [h.id for h in q.hypotheses] for q in link.questions}
    votes = {q: {h: 0 for h in hyps} for q, hyps in questions.items()}
    for row in rows:
        votes[row.question][row.hypothesis] += 1
    return majority_vote(questions, rows), votes


def assess_corpus(
    link: LinkResult,
    claims: list[Claim],
    statements: list[Statement],
    params: EvidenceParams | None = None,
    seed: int = 0,
    published_on: Mapping[str, date | None] | None = None,
) -> AssessOutput:
    """Fit the model over every question of ``link`` and decompose each posterior
    (``published_on``: document id -> publication date, for the recency factor)."""
    params = params or EvidenceParams()
    evidence, rows = build_evidence(link, claims, statements, params, published_on)
    questions = {q.id: [h.id for h in q.hypotheses] for q in link.questions}
    grades = {a.id: a.grade for a in link.actors.actors if a.grade}
    model = HypothesisModel(
        random_state=seed,
        dependence_rounds=DEPENDENCE_ROUNDS,
        residual_correlation=RESIDUAL_CORRELATION,
    ).fit(questions, rows, grades)
    evidence = _with_model_factors(evidence, model)
    all_params = {
        **params.as_dict(),
        "model.default_accuracy": model.default_accuracy,
        "model.prior_strength": model.prior_strength,
        "model.absence_strength": model.absence_strength,
        "model.interval": model.interval,
        "model.n_bootstrap": float(model.n_bootstrap),
        "model.dependence_rounds": float(model.dependence_rounds),
        "model.copy_rate": model.copy_rate,
        "model.copy_prior": model.copy_prior,
        "model.residual_correlation": model.residual_correlation,
        "seed": float(seed),
    }
    assessments = []
    for question in link.questions:
        indices = [i for i, e in enumerate(evidence) if e.question_id == question.id]
        contributions = {
            (evidence[i].id, h): float(v)
            for i in indices
            for h, v in model.contributions_.get(i, {}).items()
        }
        sources = {evidence[i].source_id for i in indices}
        assessments.append(
            Assessment(
                question_id=question.id,
                probabilities=dict(model.posteriors_[question.id]),
                intervals=dict(model.intervals_[question.id]),
                log_prior_c=dict(model.log_prior_c_[question.id]),
                contributions=contributions,
                evidence=tuple(evidence[i] for i in indices),
                reliability={
                    s: model.accuracy_[s] for s in sorted(sources) if s in model.accuracy_
                },
                params=all_params,
            )
        )
    reliability = {s: (a, *model.accuracy_interval_[s]) for s, a in sorted(model.accuracy_.items())}
    independence: dict[str, list[float]] = defaultdict(list)
    for e in evidence:
        if not e.absent:
            independence[e.source_id].append(
                e.factors.get("independence", 1.0) * e.factors.get("copying", 1.0)
            )
    majority, votes = document_votes(link, claims)
    return AssessOutput(
        assessments=tuple(assessments),
        majority=majority,
        votes=votes,
        reliability=reliability,
        independence={s: min(v) for s, v in independence.items()},
    )
