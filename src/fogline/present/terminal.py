"""The terminal summary: what most likely happened, on what evidence, from which sources.

Report text never reaches Rich's markup parser: every cell and title is a ``Text`` object, so
a statement such as "[bold red]x[/]" prints literally.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from fogline.link.questions_file import candidates
from fogline.present import numbers
from fogline.present.index import ResultIndex, rows, source_kind, text
from fogline.shorten import shorten

BAR_WIDTH = 20
NARROW_BAR_WIDTH = 10
# Below this many columns the tables take their narrow layout: fewer, shorter columns, so
# that wordings and quotes keep room on an 80-column terminal.
WIDE_COLUMNS = 110
TOP_EVIDENCE = 5
TOP_SOURCES = 10
QUOTE_CHARS = 90


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _bar(probability: Any, width: int = BAR_WIDTH) -> Text:
    filled = round(numbers.unit(probability) * width)
    return Text("\u2588" * filled + "\u2591" * (width - filled), style="cyan")


def _leader(question: Mapping[str, Any]) -> Mapping[str, Any] | None:
    ranked = [
        h
        for h in rows(question, "hypotheses")
        if numbers.as_float(h.get("probability")) is not None
    ]
    return max(ranked, key=lambda h: numbers.as_float(h.get("probability")) or 0.0, default=None)


def _contribution(evidence: Mapping[str, Any], hypothesis_id: Any) -> float | None:
    contributions = evidence.get("contributions")
    if not isinstance(contributions, Mapping):
        return None
    return numbers.as_float(contributions.get(hypothesis_id))


def _hypothesis_table(question: Mapping[str, Any], number: int, narrow: bool) -> Table:
    majority = question.get("majority_vote")
    title = Text(f"Q{number}. ", style="bold")
    title.append(text(question.get("text")) or text(question.get("id")), style="bold")
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("hypothesis", ratio=1)
    table.add_column("prob." if narrow else "probability", justify="right")
    table.add_column("interval", justify="right")
    table.add_column("", no_wrap=True)
    table.add_column("vote" if narrow else "majority vote", justify="right")
    marker = "majority pick" if narrow else "majority vote pick"
    for h in rows(question, "hypotheses"):
        name = Text(text(h.get("text")) or text(h.get("id")))
        if h.get("id") is not None and h.get("id") == majority:
            name.append(f"  \u2190 {marker}", style="yellow")
        table.add_row(
            name,
            Text(numbers.percent(h.get("probability")), style="bold"),
            Text(numbers.percent_interval(h.get("interval"))),
            _bar(h.get("probability"), NARROW_BAR_WIDTH if narrow else BAR_WIDTH),
            Text(numbers.percent(h.get("majority_vote_share"))),
        )
    return table


def _evidence_table(index: ResultIndex, question: Mapping[str, Any], narrow: bool) -> Table | None:
    leader = _leader(question)
    if leader is None:
        return None
    scored = []
    for position, ev in enumerate(rows(question, "evidence")):
        value = _contribution(ev, leader.get("id"))
        if value is not None:
            scored.append((-abs(value), position, value, ev))
    if not scored:
        return None
    title = Text("Top evidence for or against the leading hypothesis: ", style="bold")
    title.append(text(leader.get("text")) or text(leader.get("id")))
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    hyp_text = {
        h.get("id"): text(h.get("text")) or text(h.get("id")) for h in rows(question, "hypotheses")
    }
    if narrow:
        table.add_column("contribution", justify="right")
        table.add_column("who, on what, and what was said", ratio=1)
    else:
        for name in ("source", "stance", "on"):
            table.add_column(name)
        table.add_column("contribution", justify="right")
        table.add_column("what was said")
    for _, _, value, ev in sorted(scored, key=lambda item: item[:2])[:TOP_EVIDENCE]:
        claims = ev.get("claims")
        quote = next(
            (q for q in map(index.claim_quote, claims if isinstance(claims, list) else []) if q), ""
        )
        source = Text(index.source_name(ev.get("source"), ev.get("source_name")))
        label = text(ev.get("label")) + (" (absent)" if ev.get("absent") else "")
        stance = Text(label, style="green" if ev.get("label") == "supports" else "red")
        on = Text(hyp_text.get(ev.get("hypothesis")) or text(ev.get("hypothesis")))
        contribution = Text(numbers.signed(value), style="green" if value > 0 else "red")
        said = Text(shorten(quote, QUOTE_CHARS), style="italic")
        if narrow:
            quoted = Text.assemble("\u201c", said, "\u201d")
            table.add_row(contribution, Text.assemble(source, " ", stance, " ", on, "\n", quoted))
        else:
            table.add_row(source, stance, on, contribution, said)
    return table


def _influence(result: Mapping[str, Any]) -> dict[str, float]:
    """Per source: the sum over its evidence rows of the row's largest absolute contribution."""
    influence: dict[str, float] = {}
    for question in rows(result, "questions"):
        for ev in rows(question, "evidence"):
            contributions = ev.get("contributions")
            values = contributions.values() if isinstance(contributions, Mapping) else []
            size = max((abs(v) for v in map(numbers.as_float, values) if v is not None), default=0)
            key = str(ev.get("source"))
            influence[key] = influence.get(key, 0.0) + size
    return influence


def _sources_table(index: ResultIndex, result: Mapping[str, Any], narrow: bool) -> Table | None:
    if not index.sources_list:
        return None
    influence = _influence(result)

    def statements(source: Mapping[str, Any]) -> float:
        return numbers.as_float(source.get("n_statements")) or 0.0

    ranked = sorted(
        index.sources_list,
        key=lambda s: (-influence.get(str(s.get("id")), 0.0), -statements(s), text(s.get("name"))),
    )
    shown = ranked[:TOP_SOURCES]
    title = Text(f"Sources (top {len(shown)} of {len(ranked)} by influence)", style="bold")
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    left = ("source", "grade") if narrow else ("source", "kind", "side", "grade")
    right = (
        ("reliability", "independence", "influence")
        if narrow
        else ("reliability", "independence", "statements", "influence")
    )
    for name in left:
        table.add_column(name, ratio=1 if name == "source" else None)
    for name in right:
        table.add_column(name, justify="right")
    for s in shown:
        reliability = numbers.decimal(s.get("reliability"))
        interval = numbers.decimal_interval(s.get("reliability_interval"))
        if interval != numbers.MISSING and not narrow:
            reliability += f" ({interval})"
        cells = {
            "source": text(s.get("name")) or text(s.get("id")),
            "kind": source_kind(s),
            "side": text(s.get("side")),
            "grade": text(s.get("grade")),
            "reliability": reliability,
            "independence": numbers.decimal(s.get("independence")),
            "statements": text(s.get("n_statements")),
            "influence": numbers.decimal(influence.get(str(s.get("id")), 0.0)),
        }
        table.add_row(*(Text(cells[name]) for name in (*left, *right)))
    return table


def render_summary(result: Mapping[str, Any], console: Console) -> None:
    """Print the summary of ``result`` (a result document) to ``console``."""
    index = ResultIndex(result)
    narrow = console.width < WIDE_COLUMNS
    headline = Text("fogline: ", style="bold")
    headline.append(
        ", ".join(
            _count(n, noun)
            for n, noun in (
                (len(index.documents), "document"),
                (len(index.statements), "statement"),
                (len(index.sources_list), "source"),
                (len(index.questions), "question"),
            )
        )
    )
    console.print(headline)
    if not index.questions:
        console.print(Text("No questions to weigh.", style="dim"))
    for number, question in enumerate(index.questions, 1):
        console.print()
        console.print(_hypothesis_table(question, number, narrow))
        majority = question.get("majority_vote")
        leader = _leader(question)
        if majority is not None and leader is not None and leader.get("id") != majority:
            console.print(
                Text("The model and the majority vote disagree on this question.", style="yellow")
            )
        evidence = _evidence_table(index, question, narrow)
        if evidence is not None:
            console.print(evidence)
    sources = _sources_table(index, result, narrow)
    if sources is not None:
        console.print()
        console.print(sources)
    skipped = len(rows(result, "skipped"))
    console.print(Text(f"Skipped files: {skipped}", style="yellow" if skipped else "dim"))


def _candidates_table(candidates: list[dict[str, Any]]) -> Table:
    table = Table(
        title=Text("Candidate hypotheses (other propositions voiced by several sources)"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("id")
    table.add_column("sources", justify="right")
    table.add_column("wording")
    for c in candidates:
        table.add_row(Text(text(c["id"])), Text(text(c["n_sources"])), Text(text(c["text"])))
    return table


def render_questions_summary(result: Mapping[str, Any], limit: int, console: Console) -> None:
    """Print each question of ``result`` with its hypotheses and up to ``limit``
    candidate hypotheses, and how to edit them."""
    index = ResultIndex(result)
    if not index.questions:
        console.print(Text("No questions were weighed.", style="dim"))
    for number, question in enumerate(index.questions, 1):
        console.print(_hypothesis_table(question, number, console.width < WIDE_COLUMNS))
        if question.get("derived"):
            console.print(Text("Derived by fogline from the corpus, not written by you.", "yellow"))
        extra = candidates(question, rows(result, "propositions"), limit)
        if extra:
            console.print(_candidates_table(extra))
        console.print()
    console.print(
        Text("To edit: `fogline questions --draft`, change questions.toml, `fogline assess`.")
    )
