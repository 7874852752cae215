from __future__ import annotations

from datetime import date

from fogline.link.dependence import explicit_dependences, near_duplicates
from fogline.records import Claim, DependenceKind, Modality
from tests.link.test_actors import statement


def claim(cid: str, doc: str, text: str, statement_id: str | None = None) -> Claim:
    return Claim(
        id=cid,
        document_id=doc,
        statement_id=statement_id,
        text=text,
        start=0,
        end=len(text),
        modality=Modality.ASSERTED,
    )


def test_near_duplicate_points_to_the_earlier_report() -> None:
    text = "The enemy attempt to break through into the region failed and the area is cleared"
    claims = [
        claim("late", "d2", text + " now"),
        claim("early", "d1", text),
        claim("other", "d3", "Fighting continues near the village of Dravik today"),
    ]
    published = {"d1": date(2025, 3, 1), "d2": date(2025, 3, 2), "d3": date(2025, 3, 1)}
    (edge,) = near_duplicates(claims, published, threshold=0.5)
    assert (edge.claim_id, edge.depends_on, edge.kind) == (
        "late",
        "early",
        DependenceKind.NEAR_DUPLICATE,
    )


def test_same_document_is_never_a_duplicate() -> None:
    text = "The enemy attempt to break through into the region failed"
    assert near_duplicates([claim("a", "d1", text), claim("b", "d1", text)], {}, 0.5) == []


def test_echo_depends_on_the_echoed_speaker() -> None:
    statements = [
        statement("s1", "d1", "Marren"),
        statement("s2", "d2", "Vell"),
    ]
    echo = statements[1]
    echo = type(echo)(
        **{
            **{f: getattr(echo, f) for f in echo.__dataclass_fields__},
            "cue": "echoed",
            "echoes": "Marren",
        }
    )
    claims = [
        claim("c1", "d1", "forces hold terrain", "s1"),
        claim("c2", "d2", "Marren's assessment", "s2"),
    ]
    edges = explicit_dependences(
        [statements[0], echo], claims, {"s1": "A", "s2": "B"}, {"marren": "A"}
    )
    assert [(e.claim_id, e.depends_on, e.kind) for e in edges] == [
        ("c2", "c1", DependenceKind.ECHO)
    ]
