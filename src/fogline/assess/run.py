"""The assess stage: evidence rows built from the link result, the model fitted, and
one ``Assessment`` per question, each with its ACH decomposition. Pure over records."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from fogline.assess.baselines import majority_vote
from fogline.assess.evidence import EvidenceParams, build_evidence
from fogline.assess.model import EvidenceRow, HypothesisModel
from fogline.link.pipeline import LinkResult
from fogline.records import Assessment, Claim, StanceLabel, Statement


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
) -> AssessOutput:
    """Fit the model over every question of ``link`` and decompose each posterior."""
    params = params or EvidenceParams()
    evidence, rows = build_evidence(link, claims, statements, params)
    questions = {q.id: [h.id for h in q.hypotheses] for q in link.questions}
    grades = {a.id: a.grade for a in link.actors.actors if a.grade}
    model = HypothesisModel(random_state=seed).fit(questions, rows, grades)
    all_params = {
        **params.as_dict(),
        "model.default_accuracy": model.default_accuracy,
        "model.prior_strength": model.prior_strength,
        "model.absence_strength": model.absence_strength,
        "model.interval": model.interval,
        "model.n_bootstrap": float(model.n_bootstrap),
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
            independence[e.source_id].append(e.factors.get("independence", 1.0))
    majority, votes = document_votes(link, claims)
    return AssessOutput(
        assessments=tuple(assessments),
        majority=majority,
        votes=votes,
        reliability=reliability,
        independence={s: min(v) for s, v in independence.items()},
    )
