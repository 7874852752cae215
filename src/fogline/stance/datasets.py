"""FNC-1 and Emergent pairs, and the development split held out of FNC-1's training file.

The held-out split keeps headlines *and* bodies apart from the training part: headlines
and bodies joined by a related pair form connected components (one component is roughly
one Emergent claim with its articles); whole components go to ``dev``, in the order of a
hash of their smallest member, until it holds a fifth of the related pairs; an unrelated
pair whose headline and body fall on different sides is dropped. Splitting by body id
alone would leave the same headlines on both sides.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from fogline.bench.data_files import read_csv
from fogline.errors import InputError
from fogline.stance import LABELS
from fogline.union_find import UnionFind

DEV_FRACTION = 0.2

EMERGENT_TO_FNC = {"for": "agree", "against": "disagree", "observing": "discuss"}
FNC_TO_EMERGENT = {v: k for k, v in EMERGENT_TO_FNC.items()}


@dataclass(frozen=True, slots=True)
class Pair:
    """A claim (FNC-1 headline) and a text (body) with the gold stance, if known."""

    claim: str
    body_id: str
    stance: str | None


def read_bodies(path: Path) -> dict[str, str]:
    """FNC-1 bodies: Body ID -> article text."""
    return {r["Body ID"]: r["articleBody"] for r in read_csv(path, ("Body ID", "articleBody"))}


def read_pairs(path: Path, bodies: dict[str, str]) -> list[Pair]:
    """FNC-1 stances in file order; the Stance column is optional (unlabelled input)."""
    pairs = []
    for n, row in enumerate(read_csv(path, ("Headline", "Body ID")), start=2):
        stance = row.get("Stance") or None
        if stance is not None and stance not in LABELS:
            raise InputError(f"{path}:{n}: unknown stance {stance!r}")
        if row["Body ID"] not in bodies:
            raise InputError(f"{path}:{n}: Body ID {row['Body ID']} is not in the bodies file")
        pairs.append(Pair(row["Headline"], row["Body ID"], stance))
    return pairs


def _hash_fraction(key: str) -> float:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") / 2**64


def split_parts(pairs: list[Pair]) -> list[str]:
    """``train``, ``dev`` or ``dropped`` for each pair (see the module docstring)."""
    groups = UnionFind()
    for p in pairs:
        if p.stance not in (None, "unrelated"):
            groups.union("h:" + p.claim, "b:" + p.body_id)
    find = groups.find
    # Components in the order of a hash of their root (their smallest member, so the order
    # does not depend on the file's) go to dev until it holds DEV_FRACTION of the related
    # pairs: components differ in size by two orders of magnitude, so a per-component coin
    # would leave dev's size to chance.
    related: dict[str, int] = {}
    for p in pairs:
        root = find("h:" + p.claim)
        related[root] = related.get(root, 0) + (p.stance not in (None, "unrelated"))
        related.setdefault(find("b:" + p.body_id), 0)
    total = sum(related.values()) or len(related)
    side: dict[str, str] = {}
    in_dev = 0
    for root in sorted(related, key=lambda r: (_hash_fraction(r), r)):
        take = in_dev < DEV_FRACTION * total
        side[root] = "dev" if take else "train"
        in_dev += related[root] if take else 0
    out = []
    for p in pairs:
        h, b = side[find("h:" + p.claim)], side[find("b:" + p.body_id)]
        out.append(h if h == b else "dropped")
    return out


@dataclass(frozen=True, slots=True)
class EmergentRow:
    """One Emergent article headline and its stance toward the claim."""

    article_id: str
    claim_id: str
    claim: str
    headline: str
    stance: str | None


def read_emergent(path: Path) -> list[EmergentRow]:
    """Emergent's ``url-versions`` CSV (claimHeadline, articleHeadline, stance, ids)."""
    need = ("claimHeadline", "articleHeadline", "articleId", "claimId")
    out = []
    for n, row in enumerate(read_csv(path, need), start=2):
        stance = row.get("articleHeadlineStance") or None
        if stance is not None and stance not in EMERGENT_TO_FNC:
            raise InputError(f"{path}:{n}: unknown stance {stance!r}")
        out.append(
            EmergentRow(
                row["articleId"],
                row["claimId"],
                row["claimHeadline"],
                row["articleHeadline"],
                stance,
            )
        )
    return out
