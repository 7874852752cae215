"""The report's timeline: dated statements, oldest first, each linked to its statement."""

from __future__ import annotations

import copy
from typing import Any

from fogline.present import render_html
from fogline.present.index import ResultIndex
from fogline.present.timeline import timeline


def test_dated_statements_in_date_order(result: dict[str, Any]) -> None:
    rows = timeline(ResultIndex(result))
    assert [(r["date"], r["what"], r["speaker"]) for r in rows] == [
        ("2025-02-26", "event", "Arvo Tamm"),  # what happened two weeks ago comes first
        ("2025-03-11", "said", "Ilse Marren"),
    ]
    assert rows[0]["phrase"] == "two weeks ago" and rows[0]["said"] == ""
    assert rows[1]["target"] is not None and rows[1]["target"].label.startswith("S")


def test_event_date_wins_and_undated_or_odd_values_stay_out(result: dict[str, Any]) -> None:
    changed = copy.deepcopy(result)
    veld = next(s for s in changed["statements"] if s["speaker"] == "President Oskar Veld")
    veld.update(said_at="2025-03-12", event_at="2025-W09", event_at_text="last week")
    marren = next(s for s in changed["statements"] if s["speaker"] == "General Ilse Marren")
    marren["said_at"] = "PRESENT_REF"
    rows = timeline(ResultIndex(changed))
    assert [(r["date"], r["said"]) for r in rows] == [
        ("2025-02-26", ""),
        ("2025-W09", "2025-03-12"),
    ]


def test_the_report_has_the_timeline(result: dict[str, Any]) -> None:
    page = render_html(result)
    assert '<section id="timeline">' in page and 'href="#timeline"' in page
    section = page.split('<section id="timeline">')[1].split("</section>")[0]
    assert section.index("2025-02-26") < section.index("2025-03-11")
    assert "&ldquo;two weeks ago&rdquo;" in section
    empty = copy.deepcopy(result)
    for s in empty["statements"]:
        s["said_at"] = s["event_at"] = None
    assert "No statement gives a date." in render_html(empty)
