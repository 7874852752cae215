"""The benches' shared CSV reader and writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogline.bench.data_files import read_csv, write_csv
from fogline.errors import InputError


def test_written_rows_read_back(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ["item", "value"], [("a", "x, with a comma"), ("b", 2)])
    assert read_csv(path, ["item", "value"]) == [
        {"item": "a", "value": "x, with a comma"},
        {"item": "b", "value": "2"},
    ]


def test_unwritable_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot write predictions"):
        write_csv(tmp_path / "missing" / "out.csv", ["a"], [])
