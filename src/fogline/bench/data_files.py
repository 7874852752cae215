"""Reading benchmark data files, and the one tune/test split the benches share."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from fogline.errors import InputError


def read_csv(path: Path, columns: Iterable[str]) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV with a header that holds every one of ``columns``.

    Missing cells read as ""; surplus cells without a header are dropped. An unreadable
    file or a missing column is an InputError naming the file.
    """
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = set(reader.fieldnames or ())
            missing = sorted(set(columns) - header)
            if missing:
                raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
            return [{k: v or "" for k, v in row.items() if k is not None} for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc


def read_json_object(path: Path) -> dict[str, object]:
    """The JSON object in ``path``; an InputError naming the file when it cannot be read,
    is not JSON, or holds something other than an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a JSON object")
    return data


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write a CSV (the csv module's dialect) with ``header`` then ``rows``; a file that
    cannot be written is an InputError naming it."""
    try:
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
    except OSError as exc:
        raise InputError(f"cannot write predictions to {path}: {exc}") from exc


def hash_split(key: str) -> str:
    """``tune`` or ``test``: the parity of the first byte of sha256(key)."""
    return "tune" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "test"
