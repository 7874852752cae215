"""The similarity stance method (no stance model): closest hypothesis, flipped on denial."""

from __future__ import annotations

from fogline.backends.embedders import HashingEmbedder
from fogline.link.stance import hypothesis_texts
from fogline.link.stance_similarity import similarity_stances
from fogline.records import Modality, StanceLabel

from .test_stance_and_propositions import QUESTION, claim


def test_similarity_picks_the_closest_hypothesis_and_flips_on_denial() -> None:
    claims = [
        claim("a", "the troops advanced across the river at dawn"),
        claim("b", "the army pulled back from the town", Modality.DENIED),
        claim("c", "bread prices rose in the capital"),
    ]
    embedder = HashingEmbedder()
    vectors = embedder.embed([c.text for c in claims])
    wordings = embedder.embed([t for _, t in hypothesis_texts(QUESTION)])
    found = similarity_stances(QUESTION, claims, vectors, wordings, 0.45)
    stances = {s.claim_id: s for s in found}
    assert (stances["a"].hypothesis_id, stances["a"].label) == ("advance", StanceLabel.SUPPORTS)
    assert (stances["b"].hypothesis_id, stances["b"].label) == ("retreat", StanceLabel.REFUTES)
    assert "c" not in stances
    assert all(0 < s.confidence < 1 for s in stances.values())
