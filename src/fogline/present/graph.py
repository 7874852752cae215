"""Who depends on whom: the sources' citation and echo graph, laid out for the report as
plain SVG geometry (no script; names go into the template as text, escaped there).

A node is a source that depends on another or is depended on; an edge runs from the
origin to the source that repeats it, drawn by the most explicit kind among its links
(a citation solid, else an echo dashed, else near-identical wording dotted). Columns are
depths: a source that repeats no one stands on the left, each repeater one column right
of the deepest origin it repeats. A cycle ("Rusk cited Strova", "Strova cited Rusk") is
broken at the edge that closes it, in name order, so the layout is the same every run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fogline.present.index import ResultIndex, anchor, rows, text

NODE_HEIGHT = 26
ROW_GAP = 14
COLUMN_GAP = 70
MARGIN = 12
CHAR_WIDTH = 7  # px per character at the report's graph font size, roughly
MAX_NAME = 32
KIND_STYLES = ("citation", "echo", "near_duplicate")  # most explicit first


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str  # shortened to MAX_NAME characters
    title: str  # full name, side and kind, for the tooltip
    href: str
    x: int
    y: int
    width: int


@dataclass(frozen=True, slots=True)
class Edge:
    origin: str
    repeater: str
    style: str  # one of KIND_STYLES, or "other"
    title: str
    path: str  # SVG path data


@dataclass(frozen=True, slots=True)
class Graph:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    node_height: int = NODE_HEIGHT


def _links(result: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, int]]:
    """(repeater, origin) -> kind counts, from the result's ``source_dependences``, or
    from each source's ``depends_on`` for results written without them."""
    out: dict[tuple[str, str], dict[str, int]] = {}
    for row in rows(result, "source_dependences"):
        a, b = text(row.get("source")), text(row.get("depends_on"))
        kinds = row.get("kinds")
        if a and b and a != b:
            out[(a, b)] = {
                str(k): int(v)
                for k, v in (kinds.items() if isinstance(kinds, Mapping) else ())
                if isinstance(v, int)
            }
    if out:
        return out
    for source in rows(result, "sources"):
        depends = source.get("depends_on")
        for b in depends if isinstance(depends, list) else []:
            a = text(source.get("id"))
            if a and text(b) and a != text(b):
                out[(a, text(b))] = {}
    return out


def _depths(nodes: list[str], origins_of: Mapping[str, list[str]]) -> dict[str, int]:
    """Column of each node: 0 for a node that repeats no one, else one more than the
    deepest of its origins, with the edges that close a cycle left out."""
    depth: dict[str, int] = {}
    on_path: set[str] = set()

    def visit(node: str) -> int:
        if node in depth:
            return depth[node]
        on_path.add(node)
        deepest = -1
        for origin in origins_of.get(node, []):
            if origin not in on_path:
                deepest = max(deepest, visit(origin))
        on_path.discard(node)
        depth[node] = deepest + 1
        return depth[node]

    for node in nodes:
        visit(node)
    return depth


def _short(name: str) -> str:
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1].rstrip() + "\u2026"


def _path(a: Node, b: Node) -> str:
    """A curve from node ``a`` (origin) to node ``b`` (repeater)."""
    ay, by = a.y + NODE_HEIGHT // 2, b.y + NODE_HEIGHT // 2
    if a.x + a.width < b.x:  # left to right, the usual case
        x1, x2 = a.x + a.width, b.x
        mid = (x1 + x2) // 2
        return f"M{x1},{ay} C{mid},{ay} {mid},{by} {x2},{by}"
    if b.x + b.width < a.x:  # right to left (an edge that closes a cycle), drawn lower
        x1, x2 = a.x, b.x + b.width
        ay, by = ay + 6, by + 6
        mid = (x1 + x2) // 2
        return f"M{x1},{ay} C{mid},{ay} {mid},{by} {x2},{by}"
    # the same column: a loop out to the right
    x1, x2 = a.x + a.width, b.x + b.width
    bulge = max(x1, x2) + COLUMN_GAP // 2
    return f"M{x1},{ay} C{bulge},{ay} {bulge},{by} {x2},{by}"


def dependence_graph(result: Mapping[str, Any], index: ResultIndex) -> Graph | None:
    """The laid-out graph, or ``None`` when no source depends on another."""
    links = _links(result)
    if not links:
        return None
    ids = sorted({s for pair in links for s in pair}, key=lambda i: (index.source_name(i), i))
    origins_of: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(links, key=lambda p: (index.source_name(p[1]), p[1])):
        origins_of[a].append(b)
    depth = _depths(ids, origins_of)
    columns: dict[int, list[str]] = defaultdict(list)
    for node in ids:
        columns[depth[node]].append(node)
    nodes: dict[str, Node] = {}
    x = MARGIN
    height = 0
    for column in sorted(columns):
        members = columns[column]
        width = max(len(_short(index.source_name(n))) for n in members) * CHAR_WIDTH + 16
        for row, node in enumerate(members):
            source = index.source_by_id.get(node, {})
            name = index.source_name(node)
            extras = [text(source.get("kind")), text(source.get("side"))]
            nodes[node] = Node(
                id=node,
                name=_short(name),
                title=", ".join([name, *[e for e in extras if e]]),
                href="#" + anchor("src", node) if node in index.source_by_id else "",
                x=x,
                y=MARGIN + row * (NODE_HEIGHT + ROW_GAP),
                width=width,
            )
        height = max(height, MARGIN + len(members) * (NODE_HEIGHT + ROW_GAP))
        x += width + COLUMN_GAP
    edges = []
    for (a, b), kinds in sorted(links.items()):
        repeater, origin = nodes[a], nodes[b]
        main = next((k for k in KIND_STYLES if kinds.get(k)), "other")
        counted = ", ".join(f"{n} {k.replace('_', '-')}" for k, n in sorted(kinds.items()))
        edges.append(
            Edge(
                origin=b,
                repeater=a,
                style=main,
                title=f"{index.source_name(a)} repeats {index.source_name(b)}"
                + (f" ({counted})" if counted else ""),
                path=_path(origin, repeater),
            )
        )
    return Graph(
        width=x - COLUMN_GAP + COLUMN_GAP // 2 + MARGIN,
        height=height + MARGIN,
        nodes=tuple(nodes[n] for n in ids),
        edges=tuple(edges),
    )
