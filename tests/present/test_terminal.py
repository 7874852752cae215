from __future__ import annotations

import copy
import io
from typing import Any

from rich.console import Console

from fogline.present import render_summary


def summary(result: dict[str, Any], width: int = 200) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False)
    render_summary(result, console)
    return out.getvalue()


def test_summary_shows_hypotheses_and_majority_vote(result: dict[str, Any]) -> None:
    text = summary(result)
    assert "3 documents, 6 statements, 5 sources, 1 question" in text
    assert "Q1. Where do Aldmarkian forces stand in Selm Region?" in text
    for h in result["questions"][0]["hypotheses"]:
        assert h["text"] in text
    assert "71%" in text and "55\u201384%" in text
    assert "Aldmark was repelled from Selm  \u2190 majority vote pick" in text
    assert "disagree" in text
    assert "Skipped files: 1" in text


def test_summary_lists_top_evidence_for_the_leader(result: dict[str, Any]) -> None:
    text = summary(result)
    assert "leading hypothesis: Aldmark holds a foothold in Selm" in text
    evidence_part = text.split("leading hypothesis")[1].split("Sources (")[0]
    lines = [line for line in evidence_part.splitlines() if "supports" in line]
    assert lines[0].strip().startswith("Institute for Conflict Study")
    assert "+0.52" in lines[0]
    assert "Ilse Marren" in lines[1] and "+0.41" in lines[1]
    assert len([line for line in evidence_part.splitlines() if "supports" in line]) == 5


def test_sources_ranked_by_influence(result: dict[str, Any]) -> None:
    text = summary(result)
    sources_part = text.split("Sources (top 5 of 5 by influence)")[1]
    order = [
        name
        for name in ("Institute for Conflict Study", "Ilse Marren", "Arvo Tamm")
        if name in sources_part
    ]
    positions = [sources_part.index(name) for name in order]
    assert positions == sorted(positions) and len(order) == 3
    assert "0.88 (0.74\u20130.96)" in sources_part


def test_report_text_is_not_rich_markup(result: dict[str, Any], hostile: Any) -> None:
    marked = copy.deepcopy(result)
    marked["sources"][0]["name"] = "[bold]Ilse[/bold] [link=http://x]Marren[/link]"
    marked["questions"][0]["text"] = "Where [red]exactly[/red]?"
    marked["questions"][0]["hypotheses"][0]["text"] = "[blink]foothold[/blink]"
    text = summary(marked, width=250)
    assert hostile.markup in text  # the bloggers' statement, shown as top evidence
    assert "[bold]Ilse[/bold] [link=http://x]Marren[/link]" in text
    assert "Where [red]exactly[/red]?" in text
    assert "[blink]foothold[/blink]" in text


def test_markup_is_literal_on_a_colour_terminal(result: dict[str, Any], hostile: Any) -> None:
    out = io.StringIO()
    console = Console(file=out, width=250, color_system="truecolor", force_terminal=True)
    render_summary(result, console)
    assert hostile.markup in out.getvalue()


def test_summary_of_an_empty_result() -> None:
    text = summary({})
    assert "0 documents" in text
    assert "No questions to weigh." in text
    assert "Skipped files: 0" in text


def test_long_quotes_are_shortened(result: dict[str, Any]) -> None:
    long = copy.deepcopy(result)
    long["statements"][4]["content"] = "word " * 100
    text = summary(long, width=300)
    assert "\u2026" in text
    assert "word " * 30 not in text


def test_narrow_terminal_keeps_wordings_whole(result: dict[str, Any]) -> None:
    text = summary(result, width=80)
    lines = text.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    for h in result["questions"][0]["hypotheses"]:
        row = next(line for line in lines if h["text"] in line)
        assert "%" in row  # wording, probability and bar share one line
    assert "Institute for Conflict Study supports Aldmark holds a" in text
    assert "\u201cWe hold our positions in Selm\u201d" in text
    assert "Kerevian military bloggers" in text and "0.31" in text


def test_wide_terminal_shows_every_column(result: dict[str, Any]) -> None:
    text = summary(result, width=200)
    for header in ("majority vote", "stance", "what was said", "kind", "statements"):
        assert header in text
