"""The dependence graph: which sources repeat which, laid out for the report."""

from __future__ import annotations

from typing import Any

from fogline.present import render_html
from fogline.present.graph import KIND_STYLES, MAX_NAME, dependence_graph
from fogline.present.index import ResultIndex
from tests.present.conftest import SCRIPT


def _result(links: list[tuple[str, str, dict[str, int]]], names: dict[str, str]) -> dict[str, Any]:
    return {
        "sources": [{"id": i, "name": n, "kind": "person", "side": None} for i, n in names.items()],
        "source_dependences": [
            {"source": a, "depends_on": b, "kinds": kinds} for a, b, kinds in links
        ],
    }


NAMES = {"r": "Dmitar Rusk", "s": "Halina Strova", "t": "Tarn Wire", "k": "Kerevia One"}
LINKS = [
    ("t", "r", {"citation": 3}),
    ("k", "t", {"echo": 2, "citation": 1}),
    ("r", "s", {"near_duplicate": 1}),
    ("s", "r", {"citation": 1}),  # closes a cycle
]


def test_no_dependence_no_graph() -> None:
    result = _result([], NAMES)
    assert dependence_graph(result, ResultIndex(result)) is None


def test_columns_follow_the_chain_and_a_cycle_is_broken_the_same_way_each_time() -> None:
    result = _result(LINKS, NAMES)
    graph = dependence_graph(result, ResultIndex(result))
    assert graph is not None
    x = {n.id: n.x for n in graph.nodes}
    # Rusk and Strova cite each other; the cycle is broken at the edge that closes it
    # in name order, and each repeater stands right of what it repeats.
    assert x["t"] > max(x["r"], x["s"]) and x["k"] > x["t"]
    assert x["r"] != x["s"]
    assert {(e.origin, e.repeater) for e in graph.edges} == {(b, a) for a, b, _ in LINKS}
    styles = {(e.origin, e.repeater): e.style for e in graph.edges}
    assert styles[("r", "t")] == "citation" and styles[("t", "k")] == "citation"
    assert styles[("s", "r")] == "near_duplicate"
    assert set(styles.values()) <= {*KIND_STYLES, "other"}
    title = next(e.title for e in graph.edges if e.repeater == "k")
    assert title == "Kerevia One repeats Tarn Wire (1 citation, 2 echo)"
    again = _result(list(reversed(LINKS)), dict(reversed(list(NAMES.items()))))
    assert dependence_graph(again, ResultIndex(again)) == graph
    assert all(n.x + n.width <= graph.width and n.y < graph.height for n in graph.nodes)


def test_results_without_kinds_fall_back_to_depends_on_and_long_names_are_cut() -> None:
    long_name = "A source whose name runs on and on past any sensible width"
    result = {
        "sources": [
            {"id": "a", "name": long_name, "depends_on": ["b"]},
            {"id": "b", "name": "Origin", "depends_on": []},
        ]
    }
    graph = dependence_graph(result, ResultIndex(result))
    assert graph is not None and len(graph.edges) == 1
    assert graph.edges[0].style == "other" and graph.edges[0].origin == "b"
    (node,) = [n for n in graph.nodes if n.id == "a"]
    assert len(node.name) == MAX_NAME and node.name.endswith("\u2026")
    assert node.title.startswith(long_name)


def test_names_in_the_drawn_graph_stay_text(result: dict[str, Any]) -> None:
    result["sources"][1]["name"] = SCRIPT
    html = render_html(result)
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "<script" not in svg.lower() and "&lt;script&gt;" in svg
    assert svg.count('class="node"') == 4 and svg.count('class="edge echo"') == 2
