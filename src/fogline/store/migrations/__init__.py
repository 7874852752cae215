"""Schema migrations, applied in order; ``PRAGMA user_version`` records the last one applied.

Each module ``mNNN_*.py`` holds one ``SQL`` script. Never edit a released migration:
add the next one.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3

from fogline.errors import WorkspaceError


def _migrations() -> list[tuple[int, str]]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:4].isdigit():
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append((int(info.name[1:4]), str(module.SQL)))
    return sorted(found)


MIGRATIONS = _migrations()
LATEST = MIGRATIONS[-1][0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date, each migration in its own transaction; returns the version."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > LATEST:
        raise WorkspaceError(
            f"workspace schema version {version} is newer than this fogline knows ({LATEST}); "
            "upgrade fogline"
        )
    for number, sql in MIGRATIONS:
        if number <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in sql.split(";\n"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = number
    return version
