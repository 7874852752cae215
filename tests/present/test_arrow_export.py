"""The result's tables as Arrow tables, data frames and Parquet files."""

from __future__ import annotations

import builtins
import json
from pathlib import Path
from typing import Any

import pytest

from fogline.errors import InputError
from fogline.present import arrow_export
from fogline.present.arrow_export import arrow_tables, data_frames, write_parquet
from fogline.present.exports import TABLES

pa = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")


def test_every_table_with_the_csv_columns_and_typed_values(
    result: dict[str, Any], hostile: Any
) -> None:
    tables = arrow_tables(result)
    assert set(tables) == {name.removesuffix(".csv") for name in TABLES}
    for name, (columns, _) in TABLES.items():
        assert tables[name.removesuffix(".csv")].column_names == columns
    statements = tables["statements"].to_pylist()
    bob = next(s for s in statements if s["id"] == hostile.script_statement)
    assert bob["content"] == hostile.script and bob["speaker"] == hostile.html_speaker
    assert bob["direct"] is True and bob["actor"] is None
    schema = tables["evidence"].schema
    assert schema.field("weight").type == pa.float64() and schema.field("absent").type == pa.bool_()
    first = tables["evidence"].to_pylist()[0]
    assert json.loads(first["contributions"])["foothold"] == 0.41
    assert tables["statements"].schema.field("sentence_index").type == pa.int64()


def test_no_formula_guard_outside_spreadsheets(result: dict[str, Any]) -> None:
    result["statements"][0]["content"] = "=1+2"
    assert arrow_tables(result)["statements"].to_pylist()[0]["content"] == "=1+2"


def test_parquet_files_read_back(result: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    paths = write_parquet(result, out)
    assert sorted(p.name for p in paths) == sorted(
        name.replace(".csv", ".parquet") for name in TABLES
    )
    back = parquet.read_table(out / "hypotheses.parquet").to_pylist()
    assert [h["id"] for h in back] == ["foothold", "breakthrough", "repelled"]
    assert back[0]["interval_low"] == 0.55
    assert parquet.read_table(out / "skipped.parquet").num_rows == 1
    empty = tmp_path / "empty"
    write_parquet({}, empty)
    assert parquet.read_table(empty / "statements.parquet").num_rows == 0


def test_data_frames(result: dict[str, Any]) -> None:
    pytest.importorskip("pandas")
    frames = data_frames(result)
    assert list(frames["hypotheses"]["id"]) == ["foothold", "breakthrough", "repelled"]
    assert len(frames["claims"]) == 7


def test_without_pyarrow_one_clear_error(
    result: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_arrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_arrow)
    with pytest.raises(InputError, match=r"fogline\[arrow\]"):
        arrow_export.write_parquet(result, tmp_path / "x")
    assert not (tmp_path / "x").exists()
