"""The result's tables as Arrow tables, pandas data frames and Parquet files.

The tables and their columns are the CSV export's (``exports.TABLES``), so that every
export of a result has the same shape. A column's type follows its values: booleans,
64-bit integers, floats (integers mixed with floats become floats), else text; lists and
mappings (hedges, factors, contributions) are JSON text, as in the CSV; a missing value
is null. Text is kept as written (no spreadsheet-formula guard: Parquet is not opened by
spreadsheets). Needs ``pyarrow`` (and ``pandas`` for data frames): the ``arrow`` extra.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from fogline.errors import InputError
from fogline.present.atomic import write_files_atomic
from fogline.present.exports import TABLES

Row = Mapping[str, Any]


def _require(module: str) -> Any:
    try:
        return __import__(module, fromlist=["_"])
    except ImportError:
        raise InputError(
            f"this export needs {module.split('.')[0]}: pip install 'fogline[arrow]'"
        ) from None


def _value(value: Any) -> Any:
    if isinstance(value, list | tuple | Mapping):
        return json.dumps(value, ensure_ascii=False)
    return value


def _column_type(pa: Any, values: list[Any]) -> Any:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return pa.bool_()
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pa.int64()
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return pa.float64()
    return pa.string()


def _cast(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "double":
        return float(value)
    if kind == "string":
        return value if isinstance(value, str) else str(value)
    return value


def _table(pa: Any, columns: list[str], rows: Iterable[Row]) -> Any:
    data = [[_value(row.get(c)) for c in columns] for row in rows]
    fields = []
    arrays = []
    for i, name in enumerate(columns):
        values = [r[i] for r in data]
        kind = _column_type(pa, values)
        arrays.append(pa.array([_cast(v, str(kind)) for v in values], type=kind))
        fields.append(pa.field(name, kind))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def arrow_tables(result: Mapping[str, Any]) -> dict[str, Any]:
    """Table name (``statements``, ``evidence``, ...) -> ``pyarrow.Table``."""
    pa = _require("pyarrow")
    return {
        name.removesuffix(".csv"): _table(pa, columns, build(result))
        for name, (columns, build) in TABLES.items()
    }


def data_frames(result: Mapping[str, Any]) -> dict[str, Any]:
    """Table name -> ``pandas.DataFrame`` (nullable columns as pandas' Arrow-backed types
    are not assumed: integers with nulls come out as floats, as pandas does)."""
    _require("pandas")
    return {name: table.to_pandas() for name, table in arrow_tables(result).items()}


def write_parquet(result: Mapping[str, Any], out_dir: Path) -> list[Path]:
    """Write one Parquet file per table into ``out_dir`` (created whole, or only fogline's
    files replaced, like the CSV export); returns the files' paths."""
    pa = _require("pyarrow")
    parquet = _require("pyarrow.parquet")
    files = {}
    for name, table in arrow_tables(result).items():
        sink = pa.BufferOutputStream()
        parquet.write_table(table, sink)
        files[name + ".parquet"] = bytes(sink.getvalue().to_pybytes())
    return write_files_atomic(Path(out_dir), files)
