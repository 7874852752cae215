"""The typed records that flow between fogline's stages.

Every record is a frozen, slotted dataclass. Ids are content hashes so that re-running a
stage on the same input gives the same ids. Character offsets are Python string offsets
into ``Document.text``, end-exclusive. Time values are TIMEX3-style strings
("2025-03-10", "2025-W10", "2025-03", "2025-W10-WE", "P2W").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hex id from the string forms of ``parts``."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


class Modality(StrEnum):
    ASSERTED = "asserted"
    HEDGED = "hedged"
    DENIED = "denied"
    PREDICTED = "predicted"  # about the future: "will", "shall", "is going to"


class StatementKind(StrEnum):
    SPEECH = "speech"  # something said, written or asked: "X said C", "X called for C"
    ATTITUDE = "attitude"  # a position held, wanted or backed: "X wants C", "X backed C"


class StanceLabel(StrEnum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    UNRELATED = "unrelated"


class DependenceKind(StrEnum):
    CITATION = "citation"
    ECHO = "echo"
    NEAR_DUPLICATE = "near_duplicate"
    SAME_SPEAKER = "same_speaker"


class ActorKind(StrEnum):
    PERSON = "person"
    GROUP = "group"
    ORGANISATION = "organisation"
    OUTLET = "outlet"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class Document:
    """One report as ingested: its text and what is known about where it came from."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published_at: date | None = None
    language: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    document_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity found in a document (spaCy label: PERSON, ORG, GPE, NORP, ...)."""

    document_id: str
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression and its normalized TIMEX3-style value (None when it cannot be)."""

    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what, where and when, as reported in one document.

    ``speaker`` is the span as written ("He", "the general", "Kerevian military bloggers");
    the link stage resolves it to an Actor. ``via`` is the intermediary that relays it
    ("Tarn Wire cited ..." gives via="Tarn Wire"). ``said_at`` is when it was said,
    ``event_at`` when the reported event happened, both normalized against the
    document's publication date. ``speaker_hint`` is the speaker's whole noun phrase
    with appositives ("Colonel General Dmitar Rusk, Kerevia's chief of staff");
    ``resolved_speaker`` is the antecedent of a pronoun or descriptor within the document
    and ``resolution`` says how it was found: name, pronoun, descriptor or unresolved.
    ``kind`` tells speech ("X said C") from an attitude ("X wants C", "X backed C"), which
    reports no assertion of C.
    """

    id: str
    document_id: str
    sentence_index: int
    speaker: str
    speaker_start: int
    speaker_end: int
    cue: str
    cue_start: int
    cue_end: int
    content: str
    content_start: int
    content_end: int
    direct: bool
    venue: str | None = None
    addressee: str | None = None
    said_at: str | None = None
    said_at_text: str | None = None
    event_at: str | None = None
    event_at_text: str | None = None
    via: str | None = None
    hedges: tuple[str, ...] = ()
    speaker_hint: str | None = None
    resolved_speaker: str | None = None
    resolution: str = "name"
    echoes: str | None = None
    mixed: bool = False  # indirect speech that quotes some of the speaker's words
    kind: StatementKind = StatementKind.SPEECH


@dataclass(frozen=True, slots=True)
class Claim:
    """An assertion checkable in principle, inside a statement or in the author's voice."""

    id: str
    document_id: str
    statement_id: str | None
    text: str
    start: int
    end: int
    modality: Modality
    hedges: tuple[str, ...] = ()
    loaded: tuple[str, ...] = ()
    check_worthiness: float | None = None


@dataclass(frozen=True, slots=True)
class DocumentAnalysis:
    """Everything the per-document analyze stage produces for one document."""

    document_id: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    statements: tuple[Statement, ...]
    claims: tuple[Claim, ...]
    times: tuple[TimeRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    """A speaker or outlet, resolved across mentions and documents. ``anonymous`` marks a
    speaker that names no one ("officials", "a source close to the ministry",
    "Kerevian military bloggers"): kept as said, never merged into a named actor."""

    id: str
    name: str
    kind: ActorKind
    side: str | None = None
    grade: str | None = None
    aliases: tuple[str, ...] = ()
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class Proposition:
    """A cluster of claims that assert the same thing."""

    id: str
    text: str
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hypothesis:
    id: str
    question_id: str
    text: str
    favours: str | None = None
    phrasings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    """A set of mutually exclusive hypotheses about one contested matter.

    ``about`` lists terms (places, units, names) that mark a report as being about this
    question; when given, claims from reports that mention none of them are unrelated."""

    id: str
    text: str
    hypotheses: tuple[Hypothesis, ...]
    derived: bool = False
    about: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Stance:
    claim_id: str
    question_id: str
    hypothesis_id: str
    label: StanceLabel
    confidence: float


@dataclass(frozen=True, slots=True)
class Dependence:
    """Claim ``claim_id`` repeats, cites or copies claim ``depends_on``."""

    claim_id: str
    depends_on: str
    kind: DependenceKind
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Evidence:
    """One source's stance toward one hypothesis, with the weight the model gives it.

    ``factors`` names each multiplicative factor of ``weight`` (reliability aside) so that
    the number can be explained: {"hedging": 0.5, "interest": 0.6, "independence": 0.33}.
    """

    id: str
    question_id: str
    source_id: str
    hypothesis_id: str
    label: StanceLabel
    claim_ids: tuple[str, ...]
    weight: float
    factors: dict[str, float] = field(default_factory=dict)
    absent: bool = False


@dataclass(frozen=True, slots=True)
class Assessment:
    """The posterior over one question's hypotheses and the evidence behind it.

    ``contributions[(evidence_id, hypothesis_id)]`` is the centred log-likelihood of that
    evidence under that hypothesis; for every hypothesis, ``log_prior_c`` plus the sum of
    its contributions equals its centred log-posterior (the ACH identity).
    """

    question_id: str
    probabilities: dict[str, float]
    intervals: dict[str, tuple[float, float]]
    log_prior_c: dict[str, float]
    contributions: dict[tuple[str, str], float]
    evidence: tuple[Evidence, ...]
    reliability: dict[str, float]
    params: dict[str, float]
