"""The analyst's files: ``sides.toml`` (sides, actors, outlets, grades) and
``questions.toml`` (questions and their mutually exclusive hypotheses).

Both are optional; a missing file means "nothing known". A malformed file is a
ConfigError that names the file and what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fogline.errors import ConfigError
from fogline.link.toml_files import read_toml
from fogline.records import ActorKind, Hypothesis, Question

GRADES = ("A", "B", "C", "D", "E", "F")


@dataclass(frozen=True, slots=True)
class KnownActor:
    name: str
    kind: ActorKind
    side: str | None = None
    grade: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sides:
    """Who is on which side: keyword lists per side, and actors and outlets by name."""

    labels: dict[str, str] = field(default_factory=dict)
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    actors: tuple[KnownActor, ...] = ()
    # The analyst's corrections (grades.toml): source name -> grade, over any other grade.
    grades: dict[str, str] = field(default_factory=dict)

    def side_of_text(self, text: str) -> str | None:
        """The side whose keyword occurs in ``text`` as a whole word (the earliest match wins)."""
        best: tuple[int, str] | None = None
        for side, words in sorted(self.keywords.items()):
            for word in words:
                match = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
                if match and (best is None or match.start() < best[0]):
                    best = (match.start(), side)
        return None if best is None else best[1]


def _known(entry: Any, path: Path, default_kind: ActorKind) -> KnownActor:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise ConfigError(f"{path}: every [[actors]] and [[outlets]] entry needs a name")
    grade = entry.get("grade")
    if grade is not None and str(grade).upper() not in GRADES:
        raise ConfigError(f"{path}: grade {grade!r} of {entry['name']!r} is not one of A-F")
    try:
        kind = ActorKind(entry.get("kind", default_kind.value))
    except ValueError:
        raise ConfigError(
            f"{path}: kind {entry.get('kind')!r} of {entry['name']!r} is not "
            f"one of {', '.join(k.value for k in ActorKind)}"
        ) from None
    return KnownActor(
        name=entry["name"],
        kind=kind,
        side=entry.get("side"),
        grade=None if grade is None else str(grade).upper(),
        aliases=tuple(str(a) for a in entry.get("aliases", ())),
    )


def load_sides(path: Path | None) -> Sides:
    """Read a sides file; ``None`` or a missing file gives an empty ``Sides``."""
    if path is None or not path.is_file():
        return Sides()
    data = read_toml(path)
    labels: dict[str, str] = {}
    keywords: dict[str, tuple[str, ...]] = {}
    for side, spec in (data.get("sides") or {}).items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{path}: [sides.{side}] must be a table")
        labels[side] = str(spec.get("label", side))
        keywords[side] = tuple(str(k) for k in spec.get("keywords", ()))
    actors = [_known(e, path, ActorKind.PERSON) for e in data.get("actors", ())]
    actors += [_known(e, path, ActorKind.OUTLET) for e in data.get("outlets", ())]
    for actor in actors:
        if actor.side is not None and actor.side not in labels:
            raise ConfigError(
                f"{path}: {actor.name!r} has side {actor.side!r}, "
                f"which no [sides.{actor.side}] table defines"
            )
    return Sides(labels, keywords, tuple(actors))


def load_questions(path: Path | None) -> list[Question]:
    """Read a questions file; ``None`` or a missing file gives no questions."""
    if path is None or not path.is_file():
        return []
    data = read_toml(path)
    questions = []
    for q in data.get("questions", ()):
        if not isinstance(q, dict) or "id" not in q or "text" not in q:
            raise ConfigError(f"{path}: every [[questions]] entry needs an id and a text")
        hypotheses = []
        for h in q.get("hypotheses", ()):
            if "id" not in h or "text" not in h:
                raise ConfigError(
                    f"{path}: question {q['id']!r}: every hypothesis needs an id and a text"
                )
            hypotheses.append(
                Hypothesis(
                    id=str(h["id"]),
                    question_id=str(q["id"]),
                    text=str(h["text"]),
                    favours=h.get("favours"),
                    phrasings=tuple(str(p) for p in h.get("phrasings", ())),
                )
            )
        if len(hypotheses) < 2:
            raise ConfigError(f"{path}: question {q['id']!r} needs at least two hypotheses")
        ids = [h.id for h in hypotheses]
        if len(set(ids)) != len(ids):
            raise ConfigError(f"{path}: question {q['id']!r} repeats a hypothesis id")
        about = q.get("about", [])
        if not isinstance(about, list) or not all(isinstance(a, str) for a in about):
            raise ConfigError(f"{path}: question {q['id']!r}: about must be a list of strings")
        questions.append(
            Question(str(q["id"]), str(q["text"]), tuple(hypotheses), about=tuple(about))
        )
    return questions
