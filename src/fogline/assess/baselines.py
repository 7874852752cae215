"""Majority vote: the baseline every cleverer assessment must beat."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fogline.assess.model import EvidenceRow
from fogline.records import StanceLabel


def majority_vote(
    questions: Mapping[str, Sequence[str]], rows: Sequence[EvidenceRow]
) -> dict[str, str]:
    """Question -> the hypothesis with the most SUPPORTS rows.

    Each SUPPORTS row is one vote: weights are ignored, and REFUTES, UNRELATED and
    absence rows do not vote. Ties go to the tied hypothesis listed first in the
    question; a question with no votes gets its first hypothesis; a question without
    hypotheses is left out. Rows for unknown questions or hypotheses are ignored.
    """
    votes: dict[str, dict[str, int]] = {q: dict.fromkeys(hyps, 0) for q, hyps in questions.items()}
    for row in rows:
        if row.absent or row.label != StanceLabel.SUPPORTS:
            continue
        tally = votes.get(row.question)
        if tally is not None and row.hypothesis in tally:
            tally[row.hypothesis] += 1
    # max() keeps the first of equal keys, and the tallies keep the questions' order.
    return {q: max(tally, key=tally.__getitem__) for q, tally in votes.items() if tally}
