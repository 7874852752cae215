from __future__ import annotations

from fogline.union_find import UnionFind


def test_union_find_joins_chains_and_roots_at_the_smallest_key() -> None:
    groups = UnionFind()
    groups.union("c", "b")
    groups.union("d", "c")
    groups.union("x", "y")
    assert {groups.find(k) for k in "bcd"} == {"b"}
    assert groups.find("y") == groups.find("x") == "x"
    assert groups.find("lonely") == "lonely"
    # The same links in another order give the same roots.
    other = UnionFind()
    for a, b in (("x", "y"), ("d", "c"), ("c", "b")):
        other.union(a, b)
    assert all(other.find(k) == groups.find(k) for k in "bcdxy")
