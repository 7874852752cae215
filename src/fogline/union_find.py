"""Disjoint sets of string keys: which keys are joined, directly or through others.

Used wherever records are grouped by chains of links: FNC-1's headlines and bodies into
the components that the stance split keeps apart, claims and the claims they depend on
into one origin.
"""

from __future__ import annotations


class UnionFind:
    """Each key's root is the smallest key of its set, so roots do not depend on the order
    in which links were added."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        """The root of ``key``'s set (a key never seen is a set of its own)."""
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        """Join the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
