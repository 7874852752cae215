"""The similarity stance method: each claim toward the hypothesis it is closest to.

Cosine similarity between the claim and each hypothesis wording (its best-matching
phrasing or clause). A claim related to the question (best similarity at least
``threshold``) supports the hypothesis it is closest to, with a confidence that grows
with its margin over the runner-up hypothesis; a denied claim refutes it instead. A claim
and a wording of opposite polarity (one negated, one not) turn a support into a
refutation. No trained model: it reads topic closeness, not agreement, so a claim that
an attempt to break through *failed* sits next to the wording that it succeeded.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from fogline.link.stance import hypothesis_texts, nearest_wordings, negated
from fogline.records import Claim, Modality, Question, Stance, StanceLabel


def similarity_stances(
    question: Question,
    claims: list[Claim],
    claim_vectors: npt.NDArray[np.float32],
    wording_vectors: npt.NDArray[np.float32],
    threshold: float,
    on_topic: list[bool] | None = None,
) -> list[Stance]:
    """Stances of ``claims`` toward the hypotheses of ``question`` (related pairs only).

    ``on_topic[i]`` False makes claim i unrelated whatever its similarity."""
    wordings = hypothesis_texts(question)
    hyp_ids = [h.id for h in question.hypotheses]
    if not claims or not wordings:
        return []
    column = np.array([hyp_ids.index(h) for h, _ in wordings])
    per_hyp, best_col = nearest_wordings(claim_vectors @ wording_vectors.T, column, len(hyp_ids))
    wording_negated = [negated(text) for _, text in wordings]
    stances = []
    for i, claim in enumerate(claims):
        ranked = np.argsort(-per_hyp[i], kind="stable")
        best, second = int(ranked[0]), int(ranked[1]) if len(ranked) > 1 else int(ranked[0])
        top = float(per_hyp[i, best])
        if top < threshold or (on_topic is not None and not on_topic[i]):
            continue
        margin = top - float(per_hyp[i, second])
        # Embeddings place a claim by topic more than by stance, so the margin over the
        # runner-up hypothesis, not the similarity itself, says how sure the pick is.
        relatedness = min(1.0, (top - threshold) / (1 - threshold) * 2)
        confidence = float(np.clip((0.2 + 5.0 * margin) * relatedness, 0.05, 0.95))
        # A denial of a negative wording ("no troops remain" vs "troops remain") agrees.
        flipped = (claim.modality == Modality.DENIED) != wording_negated[best_col[i, best]]
        label = StanceLabel.REFUTES if flipped else StanceLabel.SUPPORTS
        stances.append(Stance(claim.id, question.id, hyp_ids[best], label, round(confidence, 4)))
    return stances
