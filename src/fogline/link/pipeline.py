"""The corpus-wide link stage: actors, propositions, questions, stances, dependences.

Pure over records: the caller loads documents, statements and claims from the
workspace and stores the ``LinkResult``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from fogline.backends.embedders import Embedder
from fogline.backends.stance import StanceScorer
from fogline.link.actors import ActorIndex, link_actors, name_key
from fogline.link.config import Sides
from fogline.link.dependence import explicit_dependences, near_duplicates
from fogline.link.propositions import cluster_claims
from fogline.link.questions import derive_question
from fogline.link.stance import hypothesis_texts, score_stances
from fogline.link.stance_similarity import similarity_stances
from fogline.link.stances_file import Key
from fogline.records import (
    Claim,
    Dependence,
    DependenceKind,
    Document,
    Proposition,
    Question,
    Stance,
    StanceLabel,
    Statement,
)
from fogline.settings import Settings

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class LinkResult:
    actors: ActorIndex
    propositions: tuple[Proposition, ...]
    questions: tuple[Question, ...]
    stances: tuple[Stance, ...]
    dependences: tuple[Dependence, ...]


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def link_corpus(
    documents: list[Document],
    statements: list[Statement],
    claims: list[Claim],
    sides: Sides,
    questions: list[Question],
    embedder: Embedder,
    stance: StanceScorer | None,
    settings: Settings,
    progress: Progress = _no_progress,
    corrections: Mapping[Key, StanceLabel] | None = None,
) -> LinkResult:
    """Link a whole corpus. ``questions`` empty means: derive one from the propositions.
    ``corrections`` (the analyst's, from stances.toml) replace the stance model's reading
    of those claims toward those hypotheses."""
    actors = link_actors(documents, statements, sides)
    progress("embedding claims", 0, len(claims))
    vectors = embedder.embed([c.text for c in claims]) if claims else np.zeros((0, 1), np.float32)
    progress("embedding claims", len(claims), len(claims))
    propositions = cluster_claims(claims, vectors, settings.proposition_threshold)
    source_of = _claim_sources(claims, actors)
    if not questions:
        derived = derive_question(propositions, claims, source_of, stance=stance)
        questions = [derived] if derived else []
    published = {d.id: d.published_at for d in documents}
    resolve_name = _name_index(actors)
    dependences = near_duplicates(claims, published, settings.near_duplicate_jaccard)
    dependences += explicit_dependences(
        statements, claims, actors.by_statement, resolve_name, published
    )
    stances: list[Stance] = []
    for question in questions:
        wordings = hypothesis_texts(question)
        wording_vectors = embedder.embed([t for _, t in wordings])
        on_topic = _about(question, documents, claims)
        if stance is None:
            scored = similarity_stances(
                question, claims, vectors, wording_vectors, settings.stance_threshold, on_topic
            )
        else:
            scored = score_stances(
                question,
                claims,
                vectors,
                wording_vectors,
                settings.stance_threshold,
                stance,
                on_topic,
            )
        scored = _corrected(scored, question, claims, corrections or {})
        stances.extend(_inherit_echoes(scored, dependences))
    return LinkResult(
        actors=actors,
        propositions=tuple(propositions),
        questions=tuple(questions),
        stances=tuple(stances),
        dependences=tuple(
            sorted(set(dependences), key=lambda d: (d.claim_id, d.depends_on, d.kind))
        ),
    )


def _corrected(
    scored: list[Stance],
    question: Question,
    claims: list[Claim],
    corrections: Mapping[Key, StanceLabel],
) -> list[Stance]:
    """``scored`` with the analyst's corrections for this question in place of the model's
    readings (full confidence; ``unrelated`` removes the stance). Corrections naming a
    claim or hypothesis that no longer exists are left out."""
    hypotheses = {h.id for h in question.hypotheses}
    known = {c.id for c in claims}
    mine = {
        (claim, hypothesis): label
        for (claim, question_id, hypothesis), label in corrections.items()
        if question_id == question.id and hypothesis in hypotheses and claim in known
    }
    kept = [s for s in scored if (s.claim_id, s.hypothesis_id) not in mine]
    added = [
        Stance(claim, question.id, hypothesis, label, 1.0)
        for (claim, hypothesis), label in sorted(mine.items())
        if label is not StanceLabel.UNRELATED
    ]
    return kept + added


def _about(question: Question, documents: list[Document], claims: list[Claim]) -> list[bool]:
    """Per claim: does its report mention one of the question's ``about`` terms?"""
    if not question.about:
        return [True] * len(claims)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(t) for t in question.about) + r")(?!\w)", re.IGNORECASE
    )
    mentions = {d.id: pattern.search(d.text) is not None for d in documents}
    return [mentions.get(c.document_id, False) for c in claims]


def _claim_sources(claims: list[Claim], actors: ActorIndex) -> dict[str, str]:
    """The source of each claim: its statement's speaker, else the publishing outlet."""
    out = {}
    for claim in claims:
        speaker = actors.by_statement.get(claim.statement_id or "")
        out[claim.id] = speaker or actors.by_document[claim.document_id]
    return out


def _name_index(actors: ActorIndex) -> dict[str, str]:
    index: dict[str, str] = {}
    for actor in actors.actors:
        for name in (actor.name, *actor.aliases):
            index.setdefault(name_key(name), actor.id)
            words = name_key(name).split()
            if len(words) > 1:
                index.setdefault(words[-1], actor.id)
    return index


def _inherit_echoes(stances: list[Stance], dependences: list[Dependence]) -> list[Stance]:
    """An echo takes the stance of what it echoes ("Vell echoed Marren's assessment")."""
    by_claim: dict[str, list[Stance]] = {}
    for st in stances:
        by_claim.setdefault(st.claim_id, []).append(st)
    out = list(stances)
    echoed = sorted(
        {(d.claim_id, d.depends_on) for d in dependences if d.kind == DependenceKind.ECHO}
    )
    for echo, target in echoed:
        inherited = by_claim.get(target, [])
        if not inherited:
            continue
        out = [s for s in out if s.claim_id != echo]
        best = max(inherited, key=lambda s: s.confidence)
        out.append(Stance(echo, best.question_id, best.hypothesis_id, best.label, best.confidence))
        by_claim[echo] = [out[-1]]
    return out
