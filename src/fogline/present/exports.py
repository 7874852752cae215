"""Exports of a result document: the JSON itself, and one CSV file per table.

JSON is the faithful export (``json.loads`` gives the result back). CSV is for spreadsheets:
fixed columns per table so that headers are stable; lists and mappings (hedges, factors,
contributions) are JSON in their cell; booleans are ``true``/``false``; missing values are
empty. Because report text is untrusted, a text cell that starts with ``= + - @``, a tab or a
carriage return is prefixed with ``'`` so that a spreadsheet does not run it as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from fogline.present.atomic import write_file_atomic, write_files_atomic
from fogline.present.index import rows

Row = Mapping[str, Any]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_json(result: Mapping[str, Any], path: Path) -> None:
    """Write ``result`` to ``path`` as UTF-8 JSON (indent 2, keys in their order), atomically.

    Raises InputError if the file cannot be written, ValueError if the result holds NaN or
    infinity (which JSON cannot represent) and TypeError if it holds a non-JSON value.
    """
    data = json.dumps(result, indent=2, sort_keys=False, ensure_ascii=False, allow_nan=False)
    write_file_atomic(Path(path), (data + "\n").encode("utf-8"))


def _pair(value: Any, i: int) -> Any:
    return value[i] if isinstance(value, list | tuple) and len(value) == 2 else None


def _hypotheses(result: Row) -> Iterable[Row]:
    seen = set()
    for q in rows(result, "questions"):
        for h in rows(q, "hypotheses"):
            seen.add((q.get("id"), h.get("id")))
            yield {
                **h,
                "question": q.get("id"),
                "majority_vote_pick": h.get("id") is not None
                and h.get("id") == q.get("majority_vote"),
            }
    for h in rows(result, "hypotheses"):
        if (h.get("question"), h.get("id")) not in seen:
            yield h


def _evidence(result: Row) -> Iterable[Row]:
    for q in rows(result, "questions"):
        for ev in rows(q, "evidence"):
            yield {**ev, "question": q.get("id")}


def _contributions(result: Row) -> Iterable[Row]:
    for ev in _evidence(result):
        contributions = ev.get("contributions")
        if isinstance(contributions, Mapping):
            for hypothesis, value in contributions.items():
                yield {
                    "question": ev["question"],
                    "evidence": ev.get("id"),
                    "source": ev.get("source"),
                    "hypothesis": hypothesis,
                    "contribution": value,
                }


def _hypothesis_rows(result: Row) -> Iterable[Row]:
    for h in _hypotheses(result):
        interval = h.get("interval")
        yield {**h, "interval_low": _pair(interval, 0), "interval_high": _pair(interval, 1)}


def _question_rows(result: Row) -> Iterable[Row]:
    for q in rows(result, "questions"):
        yield {
            **q,
            "n_hypotheses": len(rows(q, "hypotheses")),
            "n_evidence": len(rows(q, "evidence")),
        }


def _source_rows(result: Row) -> Iterable[Row]:
    for s in rows(result, "sources"):
        interval = s.get("reliability_interval")
        yield {**s, "reliability_low": _pair(interval, 0), "reliability_high": _pair(interval, 1)}


def _document_rows(result: Row) -> Iterable[Row]:
    for d in rows(result, "documents"):
        yield {**d, "n_sentences": len(rows(d, "sentences"))}


def _plain(key: str) -> Callable[[Row], Iterable[Row]]:
    return lambda result: rows(result, key)


def _columns(names: str) -> list[str]:
    return names.split()


# file name -> (columns, rows of the result); a row's missing columns are written empty.
TABLES: dict[str, tuple[list[str], Callable[[Row], Iterable[Row]]]] = {
    "documents.csv": (
        _columns("id title outlet author published_at url path language n_statements n_sentences"),
        _document_rows,
    ),
    "statements.csv": (
        _columns(
            "id document sentence_index speaker actor actor_name resolution cue content direct"
            " mixed venue addressee said_at said_at_text event_at event_at_text via hedges"
        ),
        _plain("statements"),
    ),
    "claims.csv": (
        _columns("id document statement text modality hedges loaded check_worthiness proposition"),
        _plain("claims"),
    ),
    "propositions.csv": (_columns("id text n_sources claims"), _plain("propositions")),
    "questions.csv": (
        _columns("id text derived majority_vote n_hypotheses n_evidence"),
        _question_rows,
    ),
    "hypotheses.csv": (
        _columns(
            "question id text favours probability interval_low interval_high"
            " majority_vote_share majority_vote_pick"
        ),
        _hypothesis_rows,
    ),
    "evidence.csv": (
        _columns(
            "question id source source_name hypothesis label absent weight factors claims"
            " contributions"
        ),
        _evidence,
    ),
    "contributions.csv": (
        _columns("question evidence source hypothesis contribution"),
        _contributions,
    ),
    "sources.csv": (
        _columns(
            "id name kind side grade reliability reliability_low reliability_high independence"
            " depends_on n_statements aliases"
        ),
        _source_rows,
    ),
    "dependences.csv": (_columns("claim depends_on kind score"), _plain("dependences")),
    "stances.csv": (_columns("claim hypothesis label confidence"), _plain("stances")),
    "skipped.csv": (_columns("path reason"), _plain("skipped")),
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple | Mapping):
        return json.dumps(value, ensure_ascii=False)
    string = str(value)
    return "'" + string if string.startswith(_FORMULA_START) else string


def _csv_bytes(columns: list[str], table: Iterable[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in table:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue().encode("utf-8")


def write_csv(result: Mapping[str, Any], out_dir: Path) -> list[Path]:
    """Write one CSV per table of ``result`` into ``out_dir`` and return the files' paths.

    Every table in TABLES is written, header-only when empty. If ``out_dir`` does not exist it
    is created with all files at once (staged, then renamed); if it exists, only fogline's own
    file names are replaced (each atomically, after all are written) and other files are left
    alone. Raises InputError when the parent is missing or ``out_dir`` is not a directory.
    """
    files = {name: _csv_bytes(columns, build(result)) for name, (columns, build) in TABLES.items()}
    return write_files_atomic(Path(out_dir), files)
