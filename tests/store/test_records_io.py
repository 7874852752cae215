from __future__ import annotations

import dataclasses
from pathlib import Path

from fogline.records import Document, DocumentAnalysis, Statement, StatementKind
from fogline.store import Workspace
from fogline.store.records_io import load_statements, save_analysis


def _statement(sid: str, cue: str, kind: StatementKind) -> Statement:
    return Statement(
        id=sid,
        document_id="d1",
        sentence_index=0,
        speaker="Marren",
        speaker_start=0,
        speaker_end=6,
        cue=cue,
        cue_start=7,
        cue_end=7 + len(cue),
        content="a ceasefire",
        content_start=14,
        content_end=25,
        direct=False,
        kind=kind,
    )


def test_statement_kinds_round_trip_and_downstream_reads_speech(tmp_path: Path) -> None:
    doc = Document(id="d1", text="Marren wanted a ceasefire.")
    speech = _statement("s1", "urged", StatementKind.SPEECH)
    attitude = dataclasses.replace(
        _statement("s2", "wanted", StatementKind.ATTITUDE), hedges=("wanted",)
    )
    analysis = DocumentAnalysis("d1", (), (), (speech, attitude), ())
    with Workspace.create(tmp_path) as ws:
        save_analysis(ws, doc, analysis, "test")
        assert load_statements(ws) == [speech]
        assert load_statements(ws, attitudes=True) == [speech, attitude]
