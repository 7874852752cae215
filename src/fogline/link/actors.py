"""Speakers resolved to actors across mentions and documents.

"General Ilse Marren", "Marren" and "Gen. Marren" become one actor: titles and
determiners are stripped, a lone surname joins the one full name that ends with it, and
the analyst's sides file can name aliases outright. Groups ("Kerevian military bloggers")
stay groups. Each document's outlet is an actor too. Sides come from the sides file, else
from side keywords in the speaker's description ("Kerevia's chief of staff").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from fogline.analyze.lexicon import TITLE_WORDS, TITLES
from fogline.link.config import KnownActor, Sides
from fogline.records import Actor, ActorKind, Document, Statement, stable_id

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """Actors, and which actor said each statement and published each document."""

    actors: tuple[Actor, ...]
    by_statement: dict[str, str]
    by_document: dict[str, str]


def name_key(name: str) -> str:
    """Lower-case name without titles, determiners, possessives or punctuation."""
    text = re.sub(r"['\u2019]s\b", "", name)
    words = re.findall(r"[\w-]+", text.lower())
    while words and (words[0] in _DETERMINERS or words[0] in TITLES or f"{words[0]}." in TITLES):
        words = words[1:]
    return " ".join(words)


def core_name(name: str) -> str:
    """The proper name at the end of a described speaker: "Selm Region governor Rostan
    Vereko" gives "Rostan Vereko"; a speaker without such a name is returned as is."""
    words = name.split()
    tail: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or word.endswith(("'s", "\u2019s")):
            break
        tail.insert(0, word)
    if len(tail) == len(words) or len(tail) < 2:
        return name
    proper = [w for w in tail if w.lower().rstrip(".") not in TITLE_WORDS]
    return " ".join(tail) if len(proper) >= 2 else name


# Words that make a speaker anonymous wherever they stand ("a source close to...",
# "people familiar with the talks"), and openings that leave it unnamed ("an official").
_ANONYMOUS_WORDS = {"source", "sources", "insider", "insiders", "anonymous", "unnamed"}
_ANONYMOUS_PHRASES = ("familiar with", "close to", "who asked not to be named")
_PREPOSITIONS = {"in", "of", "from", "at", "on", "for", "with", "near", "inside", "within"}
_INDEFINITE = {"a", "an", "one", "some", "several", "many", "two", "three", "four", "few"}


def is_anonymous(name: str, kind: ActorKind) -> bool:
    """Does a speaker phrase name no one? A proper name ("Ilse Marren", "the Defence
    Ministry") or a unique role of a named body ("Kerevia's chief of staff") names
    someone; a group without a name ("officials", "Kerevian military bloggers"), an
    indefinite speaker ("a senior official") or a source phrase ("people familiar with
    the matter") does not."""
    lowered = name.lower()
    words = re.findall(r"[\w'-]+", lowered)
    if not words or kind in (ActorKind.OUTLET, ActorKind.UNRESOLVED):
        return False
    if _ANONYMOUS_WORDS & set(words) or any(p in lowered for p in _ANONYMOUS_PHRASES):
        return True
    if kind == ActorKind.PERSON or _is_proper(name) or core_name(name) != name:
        return False
    head = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    plural = head > 0 and words[head - 1].endswith("s") and not words[head - 1].endswith("'s")
    return words[0] in _INDEFINITE or kind == ActorKind.GROUP or plural


def _is_proper(name: str) -> bool:
    words = [w for w in re.findall(r"[\w'-]+", name) if w.lower() not in TITLES | _DETERMINERS]
    return bool(words) and all(w[:1].isupper() for w in words)


class _Builder:
    def __init__(self, sides: Sides) -> None:
        self.sides = sides
        self.by_key: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.kinds: dict[str, ActorKind] = {}
        self.known_side: dict[str, str | None] = {}
        self.grades: dict[str, str | None] = {}
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.hints: dict[str, list[str]] = defaultdict(list)
        for known in sides.actors:
            self._add_known(known)
        self.corrected = {name_key(name): grade for name, grade in sides.grades.items()}

    def _add_known(self, known: KnownActor) -> None:
        actor_id = stable_id("actor", name_key(known.name))
        self.names[actor_id] = known.name
        self.kinds[actor_id] = known.kind
        self.known_side[actor_id] = known.side
        self.grades[actor_id] = known.grade
        for alias in (known.name, *known.aliases):
            self.by_key.setdefault(name_key(alias), actor_id)

    def get(self, name: str, kind: ActorKind) -> str:
        key = name_key(name) or name.lower()
        if key in self.by_key:
            actor_id = self.by_key[key]
        else:
            actor_id = stable_id("actor", key)
            self.by_key[key] = actor_id
            self.names[actor_id] = name.strip()
            self.kinds[actor_id] = kind
        if name.strip() != self.names[actor_id]:
            self.aliases[actor_id].add(name.strip())
        return actor_id

    def merge_surnames(self, by_statement: dict[str, str]) -> None:
        """Point a lone-surname actor at the single multi-word person actor ending in it."""
        full: dict[str, set[str]] = defaultdict(set)
        for key, actor_id in self.by_key.items():
            words = key.split()
            if len(words) >= 2 and self.kinds[actor_id] == ActorKind.PERSON:
                full[words[-1]].add(actor_id)
        remap: dict[str, str] = {}
        for key, actor_id in list(self.by_key.items()):
            if len(key.split()) == 1 and len(full.get(key, ())) == 1:
                target = next(iter(full[key]))
                if target != actor_id:
                    remap[actor_id] = target
                    self.aliases[target].add(self.names[actor_id])
                    self.aliases[target].update(self.aliases.pop(actor_id, set()))
                    self.hints[target].extend(self.hints.pop(actor_id, []))
                    self.by_key[key] = target
        for st_id, actor_id in by_statement.items():
            by_statement[st_id] = remap.get(actor_id, actor_id)

    def grade(self, actor_id: str) -> str | None:
        """The analyst's correction for any of the actor's names, else its known grade."""
        for name in (self.names[actor_id], *sorted(self.aliases[actor_id])):
            corrected = self.corrected.get(name_key(name))
            if corrected is not None:
                return corrected
        return self.grades.get(actor_id)

    def build(self, used: set[str]) -> tuple[Actor, ...]:
        actors = []
        for actor_id in sorted(used):
            side = self.known_side.get(actor_id)
            if side is None:
                texts = [
                    self.names[actor_id],
                    *sorted(self.aliases[actor_id]),
                    *self.hints[actor_id],
                ]
                side = next((s for t in texts if (s := self.sides.side_of_text(t))), None)
            actors.append(
                Actor(
                    id=actor_id,
                    name=self.names[actor_id],
                    kind=self.kinds[actor_id],
                    side=side,
                    grade=self.grade(actor_id),
                    aliases=tuple(sorted(self.aliases[actor_id] - {self.names[actor_id]})),
                    anonymous=actor_id not in self.known_side
                    and is_anonymous(self.names[actor_id], self.kinds[actor_id]),
                )
            )
        return tuple(actors)


def _speaker_kind(name: str) -> ActorKind:
    if _is_proper(name):
        words = name_key(name).split()
        return ActorKind.PERSON if 1 <= len(words) <= 4 else ActorKind.ORGANISATION
    return ActorKind.GROUP if name.rstrip().endswith("s") else ActorKind.ORGANISATION


def link_actors(documents: list[Document], statements: list[Statement], sides: Sides) -> ActorIndex:
    """Resolve every statement's speaker and every document's outlet to an actor."""
    builder = _Builder(sides)
    by_document: dict[str, str] = {}
    for doc in documents:
        outlet = doc.outlet or (doc.path.rsplit("/", 1)[-1] if doc.path else doc.id[:8])
        by_document[doc.id] = builder.get(outlet, ActorKind.OUTLET)
    by_statement: dict[str, str] = {}
    for st in statements:
        if st.resolution == "unresolved":
            continue
        name = core_name(st.resolved_speaker or st.speaker)
        actor_id = builder.get(name, _speaker_kind(name))
        by_statement[st.id] = actor_id
        if st.speaker_hint:
            builder.hints[actor_id].append(st.speaker_hint)
    builder.merge_surnames(by_statement)
    used = set(by_statement.values()) | set(by_document.values())
    return ActorIndex(builder.build(used), by_statement, by_document)
