"""Convert records to SQLite rows and back, by their dataclass fields.

Tuples and dicts are stored as JSON text, dates as ISO strings, enums as their values
and booleans as integers; column names are the field names.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import types
import typing
from collections.abc import Hashable, Iterable
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar, cast

T = TypeVar("T")


def _to_sql(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _from_sql(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _from_sql(value, args[0])
    if hint is bool:
        return bool(value)
    if hint is date:
        return date.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if origin is tuple:
        return tuple(json.loads(value))
    if origin is dict:
        return dict(json.loads(value))
    return value


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def insert(
    conn: sqlite3.Connection,
    table: str,
    records: Iterable[Any],
    extra: dict[str, Any] | None = None,
    *,
    replace: bool = False,
) -> int:
    """Insert dataclass records (plus constant ``extra`` columns); returns the row count."""
    rows = list(records)
    if not rows:
        return 0
    names = [f.name for f in dataclasses.fields(rows[0])]
    extra = extra or {}
    columns = names + list(extra)
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    sql = (
        f"{verb} INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    extra_values = [_to_sql(v) for v in extra.values()]
    conn.executemany(
        sql,
        ([_to_sql(getattr(r, n)) for n in names] + extra_values for r in rows),
    )
    return len(rows)


def select(
    conn: sqlite3.Connection,
    table: str,
    cls: type[T],
    where: str = "",
    params: tuple[Any, ...] = (),
    order: str = "rowid",
) -> list[T]:
    """Load records of ``cls`` from ``table``, in ``order`` (insertion order by default)."""
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    hints = _hints(cast(Hashable, cls))
    sql = f"SELECT {', '.join(quote(n) for n in names)} FROM {quote(table)}"
    if where:
        sql += f" WHERE {where}"
    sql += f" ORDER BY {order}"
    out = []
    for row in conn.execute(sql, params):
        kwargs = {n: _from_sql(v, hints[n]) for n, v in zip(names, row, strict=True)}
        out.append(cls(**kwargs))
    return out
