"""Write ``questions.toml`` from an assessment, for the analyst to edit.

``fogline questions --draft`` turns the questions of the last assessment (a derived one
too) into the analyst's questions file. Below each question's hypotheses, the most
widely voiced propositions that are not yet hypotheses follow as commented-out
hypotheses, so that editing is deleting, uncommenting and rewording. ``load_questions``
reads the file back; an unedited draft gives the same questions again. ``fogline ask``
appends one question to the file, keeping the rest of it as written.

Report text only ever lands inside TOML basic strings with every control character
escaped, so a hostile wording cannot end a string or a comment early.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from fogline.errors import ConfigError
from fogline.link.config import load_questions
from fogline.link.toml_files import toml_string, write_whole

DERIVED_TEXT = "Which of these accounts holds?"
CANDIDATES = 8

_HEADER = """\
# fogline questions file: each [[questions]] entry is one question whose hypotheses
# exclude each other. Reword the texts, delete what does not belong, uncomment a
# candidate to make it a hypothesis, then run `fogline assess`.
#   about      words a report must mention to speak to the question (empty: every report)
#   favours    the side a hypothesis serves, as named in sides.toml (optional)
#   phrasings  other wordings of the same hypothesis (optional)
"""


def _string_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(toml_string(i) for i in items) + "]"


def _hypothesis_lines(hypothesis: Mapping[str, Any], prefix: str = "") -> list[str]:
    lines = [
        "[[questions.hypotheses]]",
        f"id = {toml_string(str(hypothesis['id']))}",
        f"text = {toml_string(str(hypothesis['text']))}",
    ]
    if hypothesis.get("favours"):
        lines.append(f"favours = {toml_string(str(hypothesis['favours']))}")
    if hypothesis.get("phrasings"):
        lines.append(f"phrasings = {_string_list([str(p) for p in hypothesis['phrasings']])}")
    return [prefix + line for line in lines]


def candidates(
    question: Mapping[str, Any], propositions: Sequence[Mapping[str, Any]], limit: int
) -> list[dict[str, Any]]:
    """The propositions voiced by most sources (two at least) whose wording is not
    already one of the question's hypotheses, as candidate hypotheses ``c1``, ``c2``..."""
    taken = {str(h["text"]).casefold() for h in question["hypotheses"]}
    ranked = sorted(propositions, key=lambda p: (-int(p["n_sources"]), str(p["id"])))
    chosen = [
        p for p in ranked if int(p["n_sources"]) >= 2 and str(p["text"]).casefold() not in taken
    ][:limit]
    return [
        {"id": f"c{i + 1}", "text": p["text"], "n_sources": p["n_sources"]}
        for i, p in enumerate(chosen)
    ]


def render_questions(
    questions: Sequence[Mapping[str, Any]],
    propositions: Sequence[Mapping[str, Any]],
    limit: int = CANDIDATES,
) -> str:
    """The questions file's text for result-document questions and propositions."""
    lines = [_HEADER]
    for question in questions:
        text = DERIVED_TEXT if question.get("derived") else str(question["text"])
        lines.append("[[questions]]")
        if question.get("derived"):
            lines.append(
                "# Derived by fogline from widely voiced accounts: reword the question "
                "and check that its hypotheses exclude each other."
            )
        lines.append(f"id = {toml_string(str(question['id']))}")
        lines.append(f"text = {toml_string(text)}")
        lines.append(f"about = {_string_list([str(a) for a in question.get('about') or ()])}")
        for hypothesis in question["hypotheses"]:
            lines.extend(["", *_hypothesis_lines(hypothesis)])
        extra = candidates(question, propositions, limit)
        if extra:
            lines.extend(["", "# Candidates: other propositions voiced by several sources."])
        for candidate in extra:
            lines.append(f"# ({candidate['n_sources']} sources)")
            lines.extend(_hypothesis_lines(candidate, prefix="# "))
        lines.append("")
    return "\n".join(lines)


def write_questions(path: Path, text: str, *, force: bool = False) -> None:
    """Write the file whole (a temporary file moved into place); an existing file is
    kept unless ``force``."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # a bug in render_questions, never the analyst's
        raise ConfigError(f"the questions draft is not valid TOML: {exc}") from exc
    if path.exists() and not force:
        raise ConfigError(
            f"{path} already exists: edit it, or use --force to replace it with a fresh draft"
        )
    write_whole(path, text)


def question_block(
    question_id: str, text: str, hypotheses: Sequence[str], about: Sequence[str] = ()
) -> str:
    """One ``[[questions]]`` entry; hypothesis ids are the question id and a number."""
    lines = [
        "[[questions]]",
        f"id = {toml_string(question_id)}",
        f"text = {toml_string(text)}",
        f"about = {_string_list(about)}",
    ]
    for number, hypothesis in enumerate(hypotheses, 1):
        entry = {"id": f"{question_id}-h{number}", "text": hypothesis}
        lines.extend(["", *_hypothesis_lines(entry)])
    return "\n".join(lines) + "\n"


def _free_id(taken: set[str]) -> str:
    number = len(taken) + 1
    while f"q{number}" in taken:
        number += 1
    return f"q{number}"


def append_question(
    path: Path, text: str, hypotheses: Sequence[str], about: Sequence[str] = ()
) -> str:
    """Add a question with its hypotheses to the questions file at ``path`` (created when
    missing), keeping what the analyst wrote there; returns the new question's id."""
    text = " ".join(text.split())
    wordings = [" ".join(h.split()) for h in hypotheses]
    if not text:
        raise ConfigError("the question is empty: give its text, then -H for each hypothesis")
    if len([w for w in wordings if w]) < 2 or not all(wordings):
        raise ConfigError("a question needs at least two non-empty hypotheses (-H TEXT each)")
    if len({w.casefold() for w in wordings}) != len(wordings):
        raise ConfigError("two hypotheses have the same wording; each must be a different account")
    existing = load_questions(path)  # refuses a damaged file before it is touched
    if any(q.text.casefold() == text.casefold() for q in existing):
        raise ConfigError(f"{path} already asks {text!r}; edit that question there instead")
    question_id = _free_id({q.id for q in existing})
    before = path.read_text(encoding="utf-8") if path.is_file() else _HEADER
    block = question_block(question_id, text, wordings, [" ".join(a.split()) for a in about])
    write_questions(path, before.rstrip("\n") + "\n\n" + block, force=True)
    return question_id
