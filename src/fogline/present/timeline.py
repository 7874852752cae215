"""The timeline: dated statements in the order of what they report, for the report.

A statement enters with the date of the event it reports (``event_at``) when it gives
one, else the date it was said (``said_at``); TIMEX values such as ``2025-03-11``,
``2025-W10`` or ``2025-03`` sort by their text, which keeps years, months and days in
order. Undated statements stay out: the Statements table lists every one.
"""

from __future__ import annotations

import re
from typing import Any

from fogline.present.index import ResultIndex, Target, text

_DATED = re.compile(r"^\d{4}")


def _date(value: Any) -> str:
    value = text(value)
    return value if _DATED.match(value) else ""


def timeline(index: ResultIndex) -> list[dict[str, Any]]:
    """Rows ``date``, ``what`` (event or said), ``said``, ``speaker``, ``content``,
    ``target`` (the statement's link), oldest first; ties keep document order."""
    out: list[tuple[str, int, dict[str, Any]]] = []
    for position, s in enumerate(index.statements):
        event, said = _date(s.get("event_at")), _date(s.get("said_at"))
        when = event or said
        if not when:
            continue
        target: Target | None = index.statement_target(s.get("id"))
        row = {
            "date": when,
            "what": "event" if event else "said",
            "said": said,
            "phrase": text(s.get("event_at_text") if event else s.get("said_at_text")),
            "speaker": text(s.get("actor_name")) or text(s.get("speaker")),
            "content": text(s.get("content")),
            "target": target,
        }
        out.append((when, position, row))
    return [row for _, _, row in sorted(out, key=lambda item: item[:2])]
