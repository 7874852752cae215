from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from fogline.records import Claim, Document, Modality, Statement
from fogline.store import Workspace
from fogline.store.rows import insert, select


def test_records_round_trip(tmp_path: Path) -> None:
    doc = Document(id="d1", text="Text.", outlet="Wire", published_at=date(2025, 3, 13))
    st = Statement(
        id="s1",
        document_id="d1",
        sentence_index=0,
        speaker="He",
        speaker_start=0,
        speaker_end=2,
        cue="said",
        cue_start=3,
        cue_end=7,
        content="x",
        content_start=8,
        content_end=9,
        direct=True,
        hedges=("likely", "may"),
        resolution="pronoun",
    )
    claim = Claim(
        id="c1",
        document_id="d1",
        statement_id="s1",
        text="x",
        start=8,
        end=9,
        modality=Modality.HEDGED,
        hedges=("likely",),
        loaded=("thugs",),
    )
    with Workspace.create(tmp_path) as ws:
        conn: sqlite3.Connection = ws.conn
        insert(conn, "documents", [doc])
        insert(conn, "statements", [st])
        insert(conn, "claims", [claim])
        assert select(conn, "documents", Document) == [doc]
        assert select(conn, "statements", Statement) == [st]
        assert select(conn, "claims", Claim) == [claim]
        assert select(conn, "claims", Claim, "modality = ?", ("denied",)) == []
