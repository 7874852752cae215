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
from fogline.records import Mention, Statement, StatementKind


@dataclasses.dataclass(slots=True)
class _Candidate:
    name: str
    start: int
    description: str
    person: bool


def _is_name(text: str) -> bool:
    words = [w for w in re.findall(r"[\w'.-]+", text) if w.lower() not in TITLES]
    return bool(words) and all(w[:1].isupper() for w in words)


_PERSON_NOUNS = TITLES | {
    "official",
    "officer",
    "commander",
    "correspondent",
    "analyst",
    "expert",
    "envoy",
    "spokesman",
    "spokeswoman",
    "chief",
    "head",
    "leader",
    "diplomat",
}
_GROUP_NOUNS = {
    "ministry",
    "institute",
    "channel",
    "agency",
    "army",
    "government",
    "military",
    "staff",
    "administration",
    "office",
    "command",
    "service",
    "department",
    "council",
    "committee",
    "tank",
    "outlet",
    "newspaper",
    "broadcaster",
    "embassy",
    "parliament",
}


def _descriptor_noun(speaker: str) -> str | None:
    """The head noun of a speaker described rather than named: "the general" and
    "Kerevia's top general" give "general", "the chief of the General Staff" gives "chief";
    a name ("the Halvard Institute", "General Marren") gives None."""
    head_part = re.split(r"\s+of\s+", speaker, maxsplit=1)[0]
    words = head_part.split()
    if not words or not words[-1].islower():
        return None
    noun = words[-1]
    return noun if noun in _PERSON_NOUNS | _GROUP_NOUNS else None


def resolve_speakers(statements: list[Statement], mentions: list[Mention]) -> list[Statement]:
    """Statements with ``resolved_speaker`` and ``resolution`` filled in, same order.

    A pronoun takes the most recent named speaker of speech before it, else the most
    recent person (he, she) or organisation (they, it) named before it. A descriptor takes
    the most recent person or organisation whose description holds its head noun. A
    statement without a speaker ("X is expected to C") is unresolved.
    """
    mentioned = [
        _Candidate(m.text, m.start, m.text, m.label == "PERSON")
        for m in mentions
        if m.label in ("PERSON", "ORG")
    ]
    resolved: list[Statement] = []
    named: list[_Candidate] = []
    for st in sorted(statements, key=lambda s: s.speaker_start):
        speaker = st.speaker.strip()
        lowered = speaker.lower()
        if not speaker:  # "X is expected to C": no source given
            resolved.append(_with(st, None, "unresolved"))
            continue
        before = sorted(
            (c for c in mentioned + named if c.start < st.speaker_start), key=lambda c: c.start
        )
        if lowered in PERSON_PRONOUNS | GROUP_PRONOUNS:
            person = lowered in PERSON_PRONOUNS
            recent_speaker = next(
                (c for c in reversed(named) if c.person == person and c.start < st.speaker_start),
                None,
            )
            pick = recent_speaker or next((c for c in reversed(before) if c.person == person), None)
            resolved.append(_with(st, pick, "pronoun"))
            continue
        noun = _descriptor_noun(speaker)
        if noun is not None:
            person = noun in _PERSON_NOUNS
            pick = next(
                (
                    c
                    for c in reversed(before)
                    if c.person == person and noun in c.description.lower() and c.name != speaker
                ),
                None,
            )
            if pick is None and not person:
                # "the regional administration": an organisation named by description
                # stays a speaker of its own rather than an unresolved one.
                resolved.append(dataclasses.replace(st, resolved_speaker=None, resolution="name"))
            else:
                resolved.append(_with(st, pick, "descriptor"))
            continue
        resolved.append(dataclasses.replace(st, resolved_speaker=None, resolution="name"))
        if st.kind is not StatementKind.SPEECH:
            continue
        named.append(
            _Candidate(speaker, st.speaker_start, st.speaker_hint or speaker, _is_name(speaker))
        )
    order = {st.id: i for i, st in enumerate(statements)}
    return sorted(resolved, key=lambda s: order[s.id])


def _with(st: Statement, pick: _Candidate | None, how: str) -> Statement:
    if pick is None:
        return dataclasses.replace(st, resolved_speaker=None, resolution="unresolved")
    return dataclasses.replace(st, resolved_speaker=pick.name, resolution=how)
