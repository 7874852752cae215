from __future__ import annotations

from typing import Any

import numpy as np

from fogline.backends.embedders import HashingEmbedder
from fogline.backends.stance import LexicalStance
from fogline.link.propositions import cluster_claims
from fogline.link.stance import hypothesis_texts, nearest_wordings, score_stances
from fogline.records import Claim, Hypothesis, Modality, Question, StanceLabel

QUESTION = Question(
    "q",
    "Where are they?",
    (
        Hypothesis("advance", "q", "the troops advanced across the river", "north"),
        Hypothesis(
            "retreat",
            "q",
            "the troops retreated from the town",
            "south",
            ("the army pulled back from the town",),
        ),
    ),
)


def claim(cid: str, text: str, modality: Modality = Modality.ASSERTED) -> Claim:
    return Claim(
        id=cid,
        document_id="d",
        statement_id=None,
        text=text,
        start=0,
        end=len(text),
        modality=modality,
    )


def test_stance_picks_the_closest_hypothesis_and_flips_on_denial() -> None:
    claims = [
        claim("a", "the troops advanced across the river at dawn"),
        claim("b", "the army pulled back from the town", Modality.DENIED),
        claim("c", "bread prices rose in the capital"),
    ]
    embedder = HashingEmbedder()
    vectors = embedder.embed([c.text for c in claims])
    wordings = embedder.embed([t for _, t in hypothesis_texts(QUESTION)])
    scored = score_stances(QUESTION, claims, vectors, wordings, 0.3, LexicalStance())
    stances = {s.claim_id: s for s in scored}
    assert (stances["a"].hypothesis_id, stances["a"].label) == ("advance", StanceLabel.SUPPORTS)
    assert (stances["b"].hypothesis_id, stances["b"].label) == ("retreat", StanceLabel.REFUTES)
    assert "c" not in stances
    assert all(0 < s.confidence < 1 for s in stances.values())


def test_nearest_wordings_takes_each_hypothesis_best_wording() -> None:
    similarity = np.array([[0.2, 0.9, 0.5, 0.1], [0.7, 0.3, 0.8, 0.8]])
    column = np.array([0, 0, 1, 1])  # wordings 0-1 of hypothesis 0, 2-3 of hypothesis 1
    best, which = nearest_wordings(similarity, column, 3)
    assert best[:, :2].tolist() == [[0.9, 0.5], [0.7, 0.8]]
    assert which[:, :2].tolist() == [[1, 2], [0, 2]]  # ties go to the first wording
    assert np.isneginf(best[:, 2]).all()  # a hypothesis without wordings is never nearest


def test_clustering_is_deterministic_and_groups_paraphrases() -> None:
    claims = [
        claim("1", "the troops advanced across the river"),
        claim("2", "the troops advanced across the river today"),
        claim("3", "bread prices rose in the capital"),
    ]
    vectors = HashingEmbedder().embed([c.text for c in claims])
    first = cluster_claims(claims, vectors, threshold=0.7)
    assert first == cluster_claims(claims, vectors, threshold=0.7)
    assert sorted(len(p.claim_ids) for p in first) == [1, 2]
    assert first[0].text.startswith("the troops advanced")


def naive_clusters(claims: list[Claim], vectors: Any, threshold: float) -> list[set[str]]:
    leaders: list[int] = []
    members: list[list[int]] = []
    for i in sorted(range(len(claims)), key=lambda i: claims[i].id):
        if leaders:
            sims = vectors[leaders] @ vectors[i]
            best = int(np.argmax(sims))
            if sims[best] >= threshold:
                members[best].append(i)
                continue
        leaders.append(i)
        members.append([i])
    return sorted(({claims[i].id for i in group} for group in members), key=sorted)


def test_blocked_clustering_equals_one_at_a_time() -> None:
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(40, 16))
    points = centres[rng.integers(0, 40, size=700)] + 0.4 * rng.normal(size=(700, 16))
    vectors = (points / np.linalg.norm(points, axis=1, keepdims=True)).astype(np.float32)
    claims = [claim(f"{i:04d}", "x") for i in range(700)]
    blocked = sorted((set(p.claim_ids) for p in cluster_claims(claims, vectors, 0.8)), key=sorted)
    assert blocked == naive_clusters(claims, vectors, 0.8)
    assert 20 < len(blocked) < 700
