"""Build ``Document`` records: content ids, metadata fields, and defaults from the command line."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from fogline.ingest.decode import clean_field
from fogline.ingest.language import detect_language
from fogline.ingest.problems import Problem
from fogline.records import Document, stable_id

FIELDS = ("title", "outlet", "author", "published_at", "url", "language")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]")


def document_id(text: str) -> str:
    """The content id of a report: a hash of its NFC-normalized, whitespace-collapsed text.

    Texts that differ only in Unicode composition or in spacing and line breaks get the
    same id, so adding the same report twice is a no-op.
    """
    return stable_id(" ".join(unicodedata.normalize("NFC", text).split()))


def parse_published(value: str) -> date | None:
    """The calendar date of an ISO date ("2025-03-10") or datetime ("2025-03-10T08:00Z").

    A datetime keeps the date as written, whatever its time zone. Anything else is None.
    """
    value = value.strip()
    try:
        if _ISO_DATE.fullmatch(value):
            return date.fromisoformat(value)
        if _ISO_DATETIME.match(value):
            return datetime.fromisoformat(value).date()
    except ValueError:
        return None
    return None


@dataclass(frozen=True, slots=True)
class Defaults:
    """What the command line says about every file; a file's own metadata wins over it."""

    published: date | None = None
    outlet: str | None = None
    url: str | None = None  # where a fetched page came from


@dataclass(frozen=True, slots=True)
class Fields:
    """The metadata a file gives about one report (None where it gives nothing usable)."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published_at: date | None = None
    url: str | None = None
    language: str | None = None


def take_fields(raw: Mapping[str, object], where: str) -> tuple[Fields, list[Problem]]:
    """Read the known metadata keys of ``raw``; unknown keys are ignored.

    Values are cleaned (mojibake repaired, whitespace collapsed); empty values and JSON
    nulls count as absent. A value that is not a string, or a published_at that is not an
    ISO date, is dropped with a problem reported against ``where``.
    """
    values: dict[str, str | None] = {}
    problems: list[Problem] = []
    for key in FIELDS:
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(Problem(where, f"{key} is not a string; ignored"))
            continue
        values[key] = clean_field(value)
    published_at = None
    published_text = values.pop("published_at", None)
    if published_text is not None:
        published_at = parse_published(published_text)
        if published_at is None:
            problems.append(
                Problem(where, f"published_at {published_text!r} is not YYYY-MM-DD; date ignored")
            )
    fields = Fields(
        title=values.get("title"),
        outlet=values.get("outlet"),
        author=values.get("author"),
        published_at=published_at,
        url=values.get("url"),
        language=values.get("language"),
    )
    return fields, problems


def build_document(text: str, fields: Fields, *, path: str, defaults: Defaults) -> Document:
    """A Document for clean ``text``; the defaults fill only what ``fields`` leaves empty,
    and the language, when the file does not give it, is detected (None when unsure)."""
    return Document(
        id=document_id(text),
        text=text,
        title=fields.title,
        url=fields.url if fields.url is not None else defaults.url,
        outlet=fields.outlet if fields.outlet is not None else defaults.outlet,
        author=fields.author,
        published_at=(
            fields.published_at if fields.published_at is not None else defaults.published
        ),
        language=fields.language if fields.language is not None else detect_language(text),
        path=path,
    )
