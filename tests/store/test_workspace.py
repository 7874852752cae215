from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fogline.errors import WorkspaceError
from fogline.store import Workspace
from fogline.store import workspace as workspace_module
from fogline.store.migrations import LATEST


def test_create_sets_wal_and_latest_schema(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "ws") as ws:
        assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert ws.count("documents") == 0


def test_open_missing_workspace_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="fogline init"):
        Workspace.open(tmp_path)


def test_open_is_idempotent_and_keeps_data(tmp_path: Path) -> None:
    with Workspace.create(tmp_path) as ws, ws.transaction() as conn:
        conn.execute("INSERT INTO meta VALUES ('k', 'v')")
    with Workspace.open(tmp_path) as ws:
        assert ws.get_meta("k") == "v"


def test_a_version_1_workspace_is_upgraded_in_place(tmp_path: Path) -> None:
    from fogline.store.migrations import m001_initial

    conn = sqlite3.connect(tmp_path / "fogline.sqlite")
    conn.executescript(m001_initial.SQL)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO documents (id, text) VALUES ('d', 'Text.')")
    conn.execute(
        "INSERT INTO claims VALUES ('c', 'd', NULL, 'Text.', 0, 5, 'asserted', '[]', '[]')"
    )
    conn.commit()
    conn.close()
    with Workspace.open(tmp_path) as ws:
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        row = ws.conn.execute("SELECT text, check_worthiness FROM claims").fetchone()
        assert tuple(row) == ("Text.", None)
        columns = {r[1] for r in ws.conn.execute("PRAGMA table_info(statements)")}
        assert "mixed" in columns


def test_a_version_4_workspace_keeps_its_statements_as_speech(tmp_path: Path) -> None:
    from fogline.records import StatementKind
    from fogline.store.migrations import MIGRATIONS
    from fogline.store.records_io import load_statements

    conn = sqlite3.connect(tmp_path / "fogline.sqlite")
    for number, sql in MIGRATIONS:
        if number <= 4:
            conn.executescript(sql)
    conn.execute("PRAGMA user_version = 4")
    conn.execute("INSERT INTO documents (id, text) VALUES ('d', 'Marren said so.')")
    conn.execute(
        "INSERT INTO statements (id, document_id, sentence_index, speaker, speaker_start, "
        "speaker_end, cue, cue_start, cue_end, content, content_start, content_end, direct, "
        "hedges, resolution) VALUES ('s', 'd', 0, 'Marren', 0, 6, 'said', 7, 11, 'so', 12, 14, "
        "0, '[]', 'name')"
    )
    conn.commit()
    conn.close()
    with Workspace.open(tmp_path) as ws:
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        (st,) = load_statements(ws)
        assert (st.cue, st.kind) == ("said", StatementKind.SPEECH)


def test_corrupt_file_is_a_workspace_error(tmp_path: Path) -> None:
    (tmp_path / "fogline.sqlite").write_bytes(b"this is not a database" * 100)
    with pytest.raises(WorkspaceError, match="not a usable fogline workspace"):
        Workspace.open(tmp_path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    Workspace.create(tmp_path).close()
    conn = sqlite3.connect(tmp_path / "fogline.sqlite")
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(WorkspaceError, match="newer"):
        Workspace.open(tmp_path)


def test_transaction_rolls_back_whole_on_error(tmp_path: Path) -> None:
    with Workspace.create(tmp_path) as ws:
        with pytest.raises(KeyboardInterrupt), ws.transaction() as conn:
            conn.execute("INSERT INTO meta VALUES ('a', '1')")
            raise KeyboardInterrupt
        assert ws.get_meta("a") is None


def test_second_writer_gets_a_clear_busy_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workspace_module, "BUSY_TIMEOUT_S", 0.1)
    with (
        Workspace.create(tmp_path) as first,
        first.transaction(),
        Workspace.open(tmp_path) as second,
        pytest.raises(WorkspaceError, match="busy"),
        second.transaction(),
    ):
        pass
