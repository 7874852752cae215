"""The workspace: one SQLite file (WAL) in a directory, plus the analyst's TOML files.

Every write happens inside ``transaction()``, so an interrupted run leaves the
workspace as it was before the interrupted unit of work (one document on ``add``, the
whole corpus-wide result on ``assess``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from fogline.errors import WorkspaceError
from fogline.settings import WORKSPACE_FILE
from fogline.store.migrations import migrate

BUSY_TIMEOUT_S = 30.0  # seconds a writer waits for another before giving up


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"{path} is not a usable fogline workspace: {exc}") from exc
    return conn


class Workspace:
    """An open workspace. Use as a context manager, or call ``close()``."""

    def __init__(self, directory: Path, conn: sqlite3.Connection) -> None:
        self.directory = directory
        self.conn = conn

    @property
    def path(self) -> Path:
        return self.directory / WORKSPACE_FILE

    @classmethod
    def create(cls, directory: Path) -> Workspace:
        """Create (or open, if it exists) the workspace in ``directory``."""
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceError(f"cannot create workspace folder {directory}: {exc}") from exc
        return cls._open(directory)

    @classmethod
    def open(cls, directory: Path) -> Workspace:
        """Open the existing workspace in ``directory``; a WorkspaceError says how to make one."""
        if not (directory / WORKSPACE_FILE).is_file():
            raise WorkspaceError(
                f"no fogline workspace in {directory}; run `fogline init {directory}` first "
                "or pass --workspace DIR"
            )
        return cls._open(directory)

    @classmethod
    def _open(cls, directory: Path) -> Workspace:
        conn = _connect(directory / WORKSPACE_FILE)
        try:
            migrate(conn)
        except sqlite3.OperationalError as exc:
            conn.close()
            raise _busy_or(exc, directory) from exc
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise WorkspaceError(
                f"{directory / WORKSPACE_FILE} is not a usable fogline workspace: {exc}"
            ) from exc
        return cls(directory, conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: committed whole, or rolled back whole (also on Ctrl-C)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _busy_or(exc, self.directory) from exc
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def count(self, table: str) -> int:
        return int(self.conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def _busy_or(exc: sqlite3.OperationalError, directory: Path) -> WorkspaceError:
    if "locked" in str(exc) or "busy" in str(exc):
        return WorkspaceError(
            f"workspace {directory} is busy: another fogline is writing to it; "
            "try again when it has finished"
        )
    return WorkspaceError(f"workspace {directory}: {exc}")
