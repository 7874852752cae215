"""JSON Lines: one report per line, as a JSON object with a ``text`` and optional metadata.

Keys used: ``text`` (required), ``title``, ``url``, ``outlet``, ``author``, ``published_at``
(ISO date or datetime; the date is kept) and ``language``; others are ignored. Each bad
line becomes a problem named ``path:LINENO`` and the good lines still come through.
"""

from __future__ import annotations

import json

from fogline.ingest.decode import clean_text
from fogline.ingest.documents import Defaults, build_document, take_fields
from fogline.ingest.problems import Problem
from fogline.records import Document


def read_jsonl(text: str, *, path: str, defaults: Defaults) -> tuple[list[Document], list[Problem]]:
    """The documents of a decoded JSONL file, and a problem for each line that is not one.

    Lines are split on ``\\n`` only (JSON strings may hold other line separators); blank
    lines are skipped; line numbers count from 1. A line whose metadata is partly wrong
    (a bad date, a number where a string belongs) still gives its document, with a problem.
    """
    documents: list[Document] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        record, reason = _parse_line(line)
        if record is None:
            problems.append(Problem(where, reason))
            continue
        raw_text = record.get("text")
        if raw_text is None:
            problems.append(Problem(where, "no 'text' field"))
            continue
        if not isinstance(raw_text, str):
            problems.append(Problem(where, "'text' is not a string"))
            continue
        body = clean_text(raw_text)
        if not body:
            problems.append(Problem(where, "'text' is empty"))
            continue
        fields, field_problems = take_fields(record, where)
        problems.extend(field_problems)
        documents.append(build_document(body, fields, path=path, defaults=defaults))
    return documents, problems


def _parse_line(line: str) -> tuple[dict[str, object] | None, str]:
    """(the JSON object on ``line``, "") or (None, why it is not one)."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        # json's messages expect " <position>" after them: "Unterminated string starting at".
        return None, f"not valid JSON ({error.msg.removesuffix(' at')} at column {error.colno})"
    except (ValueError, RecursionError):
        # Integers too long to convert, or nesting too deep for the parser.
        return None, "not valid JSON (too large or too deeply nested)"
    if not isinstance(value, dict):
        return None, f"not a JSON object (found {_json_kind(value)})"
    return value, ""


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return "null"
