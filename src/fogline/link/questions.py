"""A question derived from the corpus when the analyst has not written one.

Candidates are the propositions voiced by at least two distinct sources, most voiced
first. With a stance scorer, the question is built from accounts that oppose each other:
the most voiced proposition, then each next candidate that opposes every one already
chosen (the scorer finds disagreement more likely than agreement, read both ways).
Without a scorer, or when nothing opposes the leading account, the most voiced
candidates are taken as they come. Either way the question is flagged ``derived``: a
starting point for the analyst (``fogline questions --draft``), not checked for mutual
exclusion.

Measured with the trained stance model on Emergent's held-out half, headline pairs of
one claim: the opposition score (mean P(disagree) - P(agree) over both directions)
separates for/against pairs from same-stance pairs with ROC AUC 0.83; at the margin 0
used here it finds 68% of opposing pairs and calls 22% of same-stance pairs opposed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from fogline.backends.stance import StanceScorer
from fogline.records import Claim, Hypothesis, Proposition, Question
from fogline.stance import LABELS

DERIVED_ID = "derived"
CANDIDATES = 10
OPPOSE_MARGIN = 0.0
_AGREE, _DISAGREE = LABELS.index("agree"), LABELS.index("disagree")


def opposition(stance: StanceScorer, texts: Sequence[str]) -> npt.NDArray[np.float64]:
    """(n, n) matrix: mean over both reading directions of P(disagree) - P(agree)."""
    n = len(texts)
    ordered = [(i, j) for i in range(n) for j in range(n) if i != j]
    directed = np.zeros((n, n), dtype=np.float64)
    if ordered:
        proba = stance.predict_proba([(texts[i], texts[j]) for i, j in ordered])
        first, second = zip(*ordered, strict=True)
        directed[list(first), list(second)] = proba[:, _DISAGREE] - proba[:, _AGREE]
    out: npt.NDArray[np.float64] = (directed + directed.T) / 2
    return out


def _opposed(stance: StanceScorer, ranked: list[Proposition], limit: int) -> list[Proposition]:
    matrix = opposition(stance, [p.text for p in ranked])
    chosen = [0]
    for i in range(1, len(ranked)):
        if len(chosen) == limit:
            break
        if all(matrix[i, j] > OPPOSE_MARGIN for j in chosen):
            chosen.append(i)
    return [ranked[i] for i in chosen]


def derive_question(
    propositions: list[Proposition],
    claims: list[Claim],
    source_of: dict[str, str],
    limit: int = 3,
    stance: StanceScorer | None = None,
) -> Question | None:
    """The derived question, or None when fewer than two propositions have two sources."""
    text_of = {c.id: c.text for c in claims}

    def sources(p: Proposition) -> int:
        return len({source_of[c] for c in p.claim_ids})

    ranked = sorted(propositions, key=lambda p: (-sources(p), -len(p.claim_ids), p.id))
    candidates = [p for p in ranked if sources(p) >= 2][:CANDIDATES]
    if len(candidates) < 2:
        return None
    chosen = _opposed(stance, candidates, limit) if stance is not None else []
    opposed = len(chosen) >= 2
    if not opposed:
        chosen = candidates[:limit]
    hypotheses = tuple(
        Hypothesis(
            id=f"h{i + 1}",
            question_id=DERIVED_ID,
            text=p.text,
            phrasings=tuple(text_of[c] for c in p.claim_ids if text_of[c] != p.text)[:3],
        )
        for i, p in enumerate(chosen)
    )
    kind = "opposing accounts" if opposed else "most widely voiced accounts"
    return Question(
        id=DERIVED_ID,
        text=f"Which of the {kind} holds? (derived; edit questions.toml)",
        hypotheses=hypotheses,
        derived=True,
    )
