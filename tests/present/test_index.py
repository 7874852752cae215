from __future__ import annotations

from typing import Any

from fogline.present.index import ResultIndex, Target, anchor, rows


def test_anchor_keeps_simple_ids_and_escapes_others() -> None:
    assert anchor("st", "cd34") == "st-cd34"
    assert anchor("doc", "ab12", "s3") == "doc-ab12-s3"
    assert anchor("st", 'a "b"') == "st-a.20..22.b.22."
    assert anchor("st", "a.b") != anchor("st", "a_2e_b")


def test_rows_tolerates_junk() -> None:
    assert rows({}, "statements") == []
    assert rows({"statements": "nope"}, "statements") == []
    assert rows({"statements": [{"id": 1}, "junk", None]}, "statements") == [{"id": 1}]


def test_claim_targets(result: dict[str, Any]) -> None:
    index = ResultIndex(result)
    wire = result["documents"][0]["id"]
    assert index.claim_target("c1") == Target("st-5a01", "S1")
    assert index.claim_target("c7") == Target(f"doc-{wire}-s3", "D1 s3")
    assert index.claim_target("missing") is None
    assert index.claim_quote("c4") == result["statements"][3]["content"]
    assert index.claim_quote("c7") == "The front line has not moved since February"


def test_sentence_target_falls_back_to_document(result: dict[str, Any]) -> None:
    index = ResultIndex(result)
    wire = result["documents"][0]["id"]
    assert index.sentence_target(wire, 99) == Target(f"doc-{wire}", "D1")
    assert index.sentence_target("nope", 1) is None


def test_evidence_targets_are_distinct(result: dict[str, Any]) -> None:
    index = ResultIndex(result)
    ev = {"claims": ["c1", "c1", "c2", "missing"]}
    assert [t.label for t in index.evidence_targets(ev)] == ["S1", "S2"]
    assert index.evidence_targets({"claims": None}) == []
