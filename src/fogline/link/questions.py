"""A question derived from the corpus when the analyst has not written one.

The propositions voiced by the most distinct sources become the competing hypotheses
(at most ``limit``). This is a starting point for the analyst, flagged as ``derived``:
the hypotheses are the most widely voiced accounts, not checked for mutual exclusion.
"""

from __future__ import annotations

from fogline.records import Claim, Hypothesis, Proposition, Question

DERIVED_ID = "derived"


def derive_question(
    propositions: list[Proposition],
    claims: list[Claim],
    source_of: dict[str, str],
    limit: int = 3,
) -> Question | None:
    """The derived question, or None when fewer than two propositions have two sources."""
    text_of = {c.id: c.text for c in claims}
    ranked = sorted(
        propositions,
        key=lambda p: (-len({source_of[c] for c in p.claim_ids}), -len(p.claim_ids), p.id),
    )
    chosen = [p for p in ranked if len({source_of[c] for c in p.claim_ids}) >= 2][:limit]
    if len(chosen) < 2:
        return None
    hypotheses = tuple(
        Hypothesis(
            id=f"h{i + 1}",
            question_id=DERIVED_ID,
            text=p.text,
            phrasings=tuple(text_of[c] for c in p.claim_ids if text_of[c] != p.text)[:3],
        )
        for i, p in enumerate(chosen)
    )
    return Question(
        id=DERIVED_ID,
        text="Which of the most widely voiced accounts holds? (derived; edit questions.toml)",
        hypotheses=hypotheses,
        derived=True,
    )
