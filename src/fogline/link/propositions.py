"""Claims grouped into propositions by embedding similarity.

Greedy leader clustering in a fixed order (claims sorted by id): each claim joins the
most similar existing proposition whose leader is at least ``threshold`` cosine-similar,
else starts a new one. Deterministic; the cost is claims x propositions, which is fine
for thousands of claims (a blocked index is the scale-out step).
The canonical wording is the member closest to the proposition's centroid.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from fogline.records import Claim, Proposition, stable_id


def cluster_claims(
    claims: list[Claim], vectors: npt.NDArray[np.float32], threshold: float
) -> list[Proposition]:
    """Propositions over ``claims``; ``vectors[i]`` is the unit embedding of ``claims[i]``."""
    if not claims:
        return []
    order = sorted(range(len(claims)), key=lambda i: claims[i].id)
    leaders: list[int] = []
    members: list[list[int]] = []
    for i in order:
        if leaders:
            sims = vectors[leaders] @ vectors[i]
            best = int(np.argmax(sims))
            if float(sims[best]) >= threshold:
                members[best].append(i)
                continue
        leaders.append(i)
        members.append([i])
    propositions = []
    for group in members:
        centroid = vectors[group].mean(axis=0)
        canonical = group[int(np.argmax(vectors[group] @ centroid))]
        ids = tuple(sorted(claims[i].id for i in group))
        propositions.append(
            Proposition(id=stable_id("prop", *ids), text=claims[canonical].text, claim_ids=ids)
        )
    return sorted(propositions, key=lambda p: (-len(p.claim_ids), p.id))
