"""FNC-1 and Emergent readers and the held-out split that shares no headline or body."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogline.errors import InputError
from fogline.stance.datasets import Pair, read_bodies, read_emergent, read_pairs, split_parts


def test_split_keeps_headlines_and_bodies_apart() -> None:
    pairs = []
    for claim in range(40):
        for body in range(3):
            pairs.append(Pair(f"headline {claim}", f"{claim * 10 + body}", "agree"))
        pairs.append(Pair(f"headline {claim}", f"{(claim + 1) % 40 * 10}", "unrelated"))
    parts = split_parts(pairs)
    assert set(parts) == {"train", "dev", "dropped"}
    for side in ("train", "dev"):
        other = "dev" if side == "train" else "train"
        heads = {p.claim for p, s in zip(pairs, parts, strict=True) if s == side}
        bodies = {p.body_id for p, s in zip(pairs, parts, strict=True) if s == side}
        assert not heads & {p.claim for p, s in zip(pairs, parts, strict=True) if s == other}
        assert not bodies & {p.body_id for p, s in zip(pairs, parts, strict=True) if s == other}
    related_dev = sum(
        1 for p, s in zip(pairs, parts, strict=True) if s == "dev" and p.stance == "agree"
    )
    assert 0.15 <= related_dev / 120 <= 0.3
    # The split does not depend on the order of the file.
    assert split_parts(pairs[::-1]) == parts[::-1]


def test_readers_check_columns_labels_and_body_ids(tmp_path: Path) -> None:
    bodies = tmp_path / "bodies.csv"
    bodies.write_text('Body ID,articleBody\n1,"Text, with a comma."\n', encoding="utf-8")
    stances = tmp_path / "stances.csv"
    stances.write_text("Headline,Body ID,Stance\nA claim,1,agree\n", encoding="utf-8")
    table = read_bodies(bodies)
    assert table == {"1": "Text, with a comma."}
    assert read_pairs(stances, table) == [Pair("A claim", "1", "agree")]
    stances.write_text("Headline,Body ID,Stance\nA claim,1,maybe\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown stance"):
        read_pairs(stances, table)
    stances.write_text("Headline,Body ID\nA claim,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not in the bodies file"):
        read_pairs(stances, table)
    stances.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(InputError):
        read_pairs(stances, table)
    with pytest.raises(InputError, match="missing column"):
        read_emergent(bodies)
