"""Claims grouped into propositions by embedding similarity.

Greedy leader clustering in a fixed order (claims sorted by id): each claim joins the
most similar existing proposition whose leader is at least ``threshold`` cosine-similar,
else starts a new one. Deterministic; the cost is claims x propositions, computed in
blocks of matrix products (about 10k claims in seconds; an approximate-neighbour index
is the scale-out step).
The canonical wording is the member closest to the proposition's centroid.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from fogline.records import Claim, Proposition, stable_id

_BLOCK = 256


def cluster_claims(
    claims: list[Claim], vectors: npt.NDArray[np.float32], threshold: float
) -> list[Proposition]:
    """Propositions over ``claims``; ``vectors[i]`` is the unit embedding of ``claims[i]``."""
    if not claims:
        return []
    order = sorted(range(len(claims)), key=lambda i: claims[i].id)
    leader_vectors = np.empty((len(claims), vectors.shape[1]), dtype=np.float32)
    members: list[list[int]] = []
    for at in range(0, len(order), _BLOCK):
        # Same result as one claim at a time; the block's similarities to the leaders
        # so far, and to each other, come from two matrix products.
        block = order[at : at + _BLOCK]
        block_vectors = vectors[block]
        n_before = len(members)
        to_old = block_vectors @ leader_vectors[:n_before].T
        to_block = block_vectors @ block_vectors.T
        new_leaders: list[int] = []  # positions in the block
        for j, i in enumerate(block):
            best, best_sim = -1, -2.0
            if n_before:
                k = int(np.argmax(to_old[j]))
                best, best_sim = k, float(to_old[j, k])
            for position, leader_j in enumerate(new_leaders):
                if float(to_block[j, leader_j]) > best_sim:
                    best, best_sim = n_before + position, float(to_block[j, leader_j])
            if best >= 0 and best_sim >= threshold:
                members[best].append(i)
                continue
            leader_vectors[len(members)] = vectors[i]
            members.append([i])
            new_leaders.append(j)
    propositions = []
    for group in members:
        centroid = vectors[group].mean(axis=0)
        canonical = group[int(np.argmax(vectors[group] @ centroid))]
        ids = tuple(sorted(claims[i].id for i in group))
        propositions.append(
            Proposition(id=stable_id("prop", *ids), text=claims[canonical].text, claim_ids=ids)
        )
    return sorted(propositions, key=lambda p: (-len(p.claim_ids), p.id))
