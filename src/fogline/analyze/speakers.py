"""Resolve pronoun and descriptor speakers to a name within the same document.

"He told reporters ..." after a sentence naming General Marren resolves to that name;
"the general said" resolves to the most recent named person whose description holds
"general". A speaker that cannot be resolved is marked ``unresolved``; nothing is guessed
without a candidate.
"""

from __future__ import annotations

import dataclasses
import re

from fogline.analyze.lexicon import GROUP_PRONOUNS, PERSON_PRONOUNS, TITLES
from fogline.records import Mention, Statement

_DETERMINERS = ("the ", "this ", "that ", "a ", "an ")


@dataclasses.dataclass(slots=True)
class _Candidate:
    name: str
    start: int
    description: str
    person: bool


def _is_name(text: str) -> bool:
    words = [w for w in re.findall(r"[\w'.-]+", text) if w.lower() not in TITLES]
    return bool(words) and all(w[:1].isupper() for w in words)


def _descriptor_noun(speaker: str) -> str | None:
    """ "the general" gives "general"; a name after "the" ("the Halvard Institute") gives None."""
    lowered = speaker.lower()
    for det in _DETERMINERS:
        if lowered.startswith(det):
            words = speaker[len(det) :].split()
            if not words or any(w[:1].isupper() for w in words):
                return None
            return words[-1].lower()
    return None


def resolve_speakers(statements: list[Statement], mentions: list[Mention]) -> list[Statement]:
    """Statements with ``resolved_speaker`` and ``resolution`` filled in, same order."""
    candidates = [
        _Candidate(m.text, m.start, m.text, True) for m in mentions if m.label == "PERSON"
    ] + [_Candidate(m.text, m.start, m.text, False) for m in mentions if m.label in ("ORG", "NORP")]
    resolved: list[Statement] = []
    named: list[_Candidate] = []
    for st in sorted(statements, key=lambda s: s.speaker_start):
        speaker = st.speaker.strip()
        lowered = speaker.lower()
        earlier = [c for c in candidates if c.start < st.speaker_start] + named
        earlier.sort(key=lambda c: c.start)
        if lowered in PERSON_PRONOUNS:
            pick = next((c for c in reversed(earlier) if c.person), None)
            resolved.append(_with(st, pick, "pronoun"))
        elif lowered in GROUP_PRONOUNS:
            pick = next((c for c in reversed(earlier) if not c.person), None)
            resolved.append(_with(st, pick, "pronoun"))
        elif (noun := _descriptor_noun(speaker)) is not None and noun in TITLES | {
            "ministry",
            "institute",
            "channel",
            "agency",
            "official",
            "officer",
            "commander",
            "military",
            "army",
            "government",
            "spokesman",
            "statement",
            "think",
            "tank",
        }:
            pick = next(
                (
                    c
                    for c in reversed(earlier)
                    if noun in c.description.lower() and c.name != speaker
                ),
                None,
            )
            resolved.append(_with(st, pick, "descriptor"))
        else:
            resolved.append(dataclasses.replace(st, resolved_speaker=None, resolution="name"))
            named.append(
                _Candidate(speaker, st.speaker_start, st.speaker_hint or speaker, _is_name(speaker))
            )
    order = {st.id: i for i, st in enumerate(statements)}
    return sorted(resolved, key=lambda s: order[s.id])


def _with(st: Statement, pick: _Candidate | None, how: str) -> Statement:
    if pick is None:
        return dataclasses.replace(st, resolved_speaker=None, resolution="unresolved")
    return dataclasses.replace(st, resolved_speaker=pick.name, resolution=how)
