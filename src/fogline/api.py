"""The Python API: what the command line does, as functions.

``add`` ingests and analyzes files into a workspace, one document per transaction;
``assess`` links the corpus and fits the assessment model, replacing the previous
results in one transaction; ``result`` returns the result document that every
presenter reads; ``analyze`` does all of it in a temporary workspace. ``data_frames``
and ``arrow_tables`` give a result's tables as pandas data frames or Arrow tables.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from fogline.analyze import ANALYZER_VERSION, analyze_documents
from fogline.analyze.parallel import (
    CHUNK,
    MIN_DOCUMENTS,
    analyze_in_processes,
    default_workers,
)
from fogline.assess.run import assess_corpus
from fogline.backends import get_embedder, load_parser
from fogline.backends.stance import get_stance_scorer
from fogline.errors import ConfigError, InputError
from fogline.ingest import Problem, discover, read_path, read_url
from fogline.ingest.language import is_analyzed, language_name
from fogline.link import link_corpus, load_questions, load_sides
from fogline.link.grades_file import load_grades, set_grade
from fogline.link.questions_file import (
    CANDIDATES,
    append_question,
    render_questions,
    write_questions,
)
from fogline.link.speakers_file import apply_speakers, load_speaker_corrections, set_speaker
from fogline.link.stances_file import load_stance_corrections, set_stances
from fogline.present.arrow_export import arrow_tables as arrow_tables
from fogline.present.arrow_export import data_frames as data_frames
from fogline.records import Document
from fogline.settings import (
    GRADES_FILE,
    QUESTIONS_FILE,
    SIDES_FILE,
    SIMILARITY,
    SPEAKERS_FILE,
    STANCES_FILE,
    Settings,
)
from fogline.shorten import shorten
from fogline.store import Workspace
from fogline.store.records_io import (
    has_document,
    load_claims,
    load_documents,
    load_statements,
    mark_unassessed,
    save_analysis,
    save_assessment,
    save_problems,
)
from fogline.store.result import build_result

Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    return None


@dataclass(slots=True)
class AddReport:
    """What ``add`` did: documents added, duplicates skipped, problems met."""

    added: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)


def init(directory: Path, sides: Path | None = None, questions: Path | None = None) -> Path:
    """Create a workspace in ``directory``; copy the analyst's sides/questions files in."""
    given = [(p, name) for p, name in ((sides, SIDES_FILE), (questions, QUESTIONS_FILE)) if p]
    for path, name in given:  # refuse a missing or malformed file before touching anything
        if not path.is_file():
            raise ConfigError(f"{path}: no such file")
        if name == SIDES_FILE:
            load_sides(path)
        else:
            load_questions(path)
    with Workspace.create(directory):
        pass
    for path, name in given:
        shutil.copyfile(path, directory / name)
    return directory


def add(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    urls: Sequence[str] = (),
    published: date | None = None,
    outlet: str | None = None,
    settings: Settings | None = None,
    progress: Progress = _quiet,
) -> AddReport:
    """Ingest and analyze ``paths`` (files or folders) and the pages at ``urls`` into ``ws``.

    A URL is fetched here and only here, bounded by ``settings.max_bytes`` and
    ``settings.fetch_timeout``; a page that cannot be fetched or read is a problem."""
    settings = settings or Settings.from_env()
    report = AddReport()
    files, problems = discover(list(paths))
    report.problems.extend(problems)
    pending: list[Document] = []
    seen: set[str] = set()

    def take(documents: Sequence[Document], where: str) -> None:
        for doc in documents:
            # A file or feed of many reports: say which one.
            name = _named(doc, where) if len(documents) > 1 else doc.path or where
            if len(doc.text) > settings.max_chars_per_document:
                report.problems.append(Problem(name, "text over the per-document character limit"))
            elif not is_analyzed(doc.language):
                reason = f"in {language_name(doc.language or '')}; fogline analyzes English only"
                report.problems.append(Problem(name, reason))
            elif doc.id in seen or has_document(ws, doc.id):
                report.duplicates += 1
            else:
                seen.add(doc.id)
                pending.append(doc)

    for i, path in enumerate(files):
        progress("reading", i, len(files))
        result = read_path(path, published=published, outlet=outlet, max_bytes=settings.max_bytes)
        report.problems.extend(result.problems)
        take(result.documents, str(path))
    progress("reading", len(files), len(files))
    for i, url in enumerate(urls):
        progress("fetching", i, len(urls))
        result = read_url(
            url,
            published=published,
            outlet=outlet,
            max_bytes=settings.max_bytes,
            timeout=settings.fetch_timeout,
        )
        report.problems.extend(result.problems)
        take(result.documents, url)
    if urls:
        progress("fetching", len(urls), len(urls))
    if pending:
        nlp = load_parser(settings.spacy_model)  # a missing model fails here, in one line
        workers = min(settings.workers or default_workers(), len(pending) // CHUNK)
        stream = (
            analyze_in_processes(pending, settings.spacy_model, workers)
            if workers > 1 and len(pending) >= MIN_DOCUMENTS
            else analyze_documents(pending, nlp)
        )
        for i, (doc, analysis) in enumerate(stream):
            progress("analyzing", i, len(pending))
            save_analysis(ws, doc, analysis, ANALYZER_VERSION)
            report.added += 1
        progress("analyzing", len(pending), len(pending))
    if report.problems:
        save_problems(ws, [(p.path, p.reason) for p in report.problems])
    return report


def _named(doc: Document, where: str, width: int = 40) -> str:
    """``where`` the document came from, with its title or its opening words."""
    return f"{doc.path or where} ({shorten(doc.title or doc.text, width)!r})"


def assess(ws: Workspace, *, settings: Settings | None = None, progress: Progress = _quiet) -> None:
    """Link the whole corpus and assess every question; results replace the previous ones."""
    settings = settings or Settings.from_env()
    documents = load_documents(ws)
    if not documents:
        raise InputError("the workspace has no documents yet; add some with `fogline add PATH`")
    statements = apply_speakers(
        load_statements(ws), load_speaker_corrections(ws.directory / SPEAKERS_FILE)
    )
    claims = load_claims(ws)
    sides = load_sides(ws.directory / SIDES_FILE)
    sides = dataclasses.replace(sides, grades=load_grades(ws.directory / GRADES_FILE))
    questions = load_questions(ws.directory / QUESTIONS_FILE)
    corrections = load_stance_corrections(ws.directory / STANCES_FILE)
    progress("loading models", 0, 1)
    embedder = get_embedder(settings.embedder)
    stance = (
        None if settings.stance_model == SIMILARITY else get_stance_scorer(settings.stance_model)
    )
    progress("loading models", 1, 1)
    link = link_corpus(
        documents,
        statements,
        claims,
        sides,
        questions,
        embedder,
        stance,
        settings,
        progress,
        corrections,
    )
    progress("assessing", 0, 1)
    published_on = {d.id: d.published_at for d in documents}
    out = assess_corpus(link, claims, statements, seed=settings.seed, published_on=published_on)
    save_assessment(ws, link, out)
    progress("assessing", 1, 1)


def result(ws: Workspace, label: str | None = None) -> dict[str, Any]:
    """The result document (see the README) for the workspace as it stands."""
    return build_result(ws, label)


def draft_questions(
    result: Mapping[str, Any], directory: Path, *, force: bool = False, limit: int = CANDIDATES
) -> Path:
    """Write ``questions.toml`` in ``directory`` from a result document: its questions,
    and up to ``limit`` candidate hypotheses each, for the analyst to edit."""
    if not result.get("questions"):
        raise InputError(
            "the last assessment has no question to draft from; write questions.toml by hand "
            "(see the README) or add more reports"
        )
    path = directory / QUESTIONS_FILE
    text = render_questions(result["questions"], result.get("propositions") or [], limit)
    write_questions(path, text, force=force)
    return path


def ask(ws: Workspace, text: str, hypotheses: Sequence[str], about: Sequence[str] = ()) -> str:
    """Add a question and its competing hypotheses to the workspace's ``questions.toml``;
    returns the question's id. ``assess`` weighs it."""
    question_id = append_question(ws.directory / QUESTIONS_FILE, text, hypotheses, about)
    mark_unassessed(ws)
    return question_id


def grade(ws: Workspace, name: str, grade: str | None) -> dict[str, str]:
    """Correct the Admiralty grade (A-F; ``None`` clears the correction) of the source
    ``name`` in the workspace's ``grades.toml``, over sides.toml; returns every
    correction. ``assess`` applies them."""
    grades = set_grade(ws.directory / GRADES_FILE, name, grade)
    mark_unassessed(ws)
    return grades


def correct_stances(
    ws: Workspace, claims: Sequence[str], question: str, hypothesis: str, label: str | None
) -> None:
    """Correct the stance of ``claims`` toward ``hypothesis`` of ``question`` (supports,
    refutes or unrelated; ``None`` returns them to the model) in the workspace's
    ``stances.toml``. ``assess`` applies it."""
    set_stances(ws.directory / STANCES_FILE, claims, question, hypothesis, label)
    mark_unassessed(ws)


def correct_speaker(ws: Workspace, statement: str, name: str | None) -> None:
    """Name who made ``statement`` (``None`` returns it to the parse's reading) in the
    workspace's ``speakers.toml``. ``assess`` and the result apply it."""
    known = {st.id for st in load_statements(ws)}
    if statement.strip() not in known:
        raise InputError(f"no statement {statement.strip()!r} in this workspace")
    set_speaker(ws.directory / SPEAKERS_FILE, statement, name)
    mark_unassessed(ws)


def analyze(
    paths: Sequence[Path],
    *,
    urls: Sequence[str] = (),
    sides: Path | None = None,
    questions: Path | None = None,
    published: date | None = None,
    outlet: str | None = None,
    settings: Settings | None = None,
    progress: Progress = _quiet,
) -> tuple[dict[str, Any], AddReport]:
    """One shot: analyze and assess ``paths`` and ``urls`` in a temporary workspace, return
    the result."""
    with tempfile.TemporaryDirectory(prefix="fogline-") as tmp:
        directory = init(Path(tmp), sides, questions)
        with Workspace.open(directory) as ws:
            report = add(
                ws,
                paths,
                urls=urls,
                published=published,
                outlet=outlet,
                settings=settings,
                progress=progress,
            )
            if report.added == 0:
                reasons = "; ".join(f"{p.path}: {p.reason}" for p in report.problems[:3])
                raise InputError(f"nothing to analyze{': ' + reasons if reasons else ''}")
            assess(ws, settings=settings, progress=progress)
            return result(ws), report
