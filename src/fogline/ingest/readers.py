"""Read one report file (.txt, .md, .html, .htm, .jsonl) into Document records.

``read_path`` never raises for bad content: a file it cannot use becomes a ``Problem``
with a one-line reason, so one bad file never stops an ingest of many.
"""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

from fogline.errors import InputError
from fogline.ingest.decode import clean_field, clean_text, decode_bytes, repair_text, tidy_text
from fogline.ingest.discover import SUPPORTED_SUFFIXES, is_supported
from fogline.ingest.documents import Defaults, Fields, build_document, take_fields
from fogline.ingest.frontmatter import split_front_matter
from fogline.ingest.html_text import declared_charset, extract_html
from fogline.ingest.jsonl import read_jsonl
from fogline.ingest.markdown import strip_markdown
from fogline.ingest.problems import Problem, ReadResult, human_size

MAX_BYTES = 20 * 1024 * 1024

_EMPTY = "empty file"


def read_path(
    path: Path,
    *,
    published: date | None = None,
    outlet: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> ReadResult:
    """The documents in the file at ``path``, and the problems met reading it.

    ``published`` and ``outlet`` (from the command line) fill in only what the file
    itself does not give. The size is checked with ``stat`` before reading: files over
    ``max_bytes`` are refused, as are empty, binary and undecodable files, each with a
    problem. A .jsonl file may give many documents; any other file gives at most one.
    """
    shown = str(path)
    defaults = Defaults(published=published, outlet=outlet)
    if not is_supported(path):
        reason = (
            f"unsupported file type {path.suffix or '(no suffix)'}; fogline reads "
            + ", ".join(SUPPORTED_SUFFIXES)
        )
        return _refused(shown, reason)
    try:
        data = _read_bounded(path, max_bytes)
    except InputError as error:
        return _refused(shown, str(error))
    return read_data(data, path.suffix.lower(), shown, defaults)


def read_data(
    data: bytes, suffix: str, shown: str, defaults: Defaults, charset: str | None = None
) -> ReadResult:
    """The documents in ``data``, read as a file ending in ``suffix`` (one of
    SUPPORTED_SUFFIXES) would be; ``charset`` is an encoding named outside the bytes (an
    HTTP header), tried before an HTML page's own meta charset. Never raises for content."""
    try:
        html = suffix in (".html", ".htm")
        declared = charset or (declared_charset(data) if html else None)
        text = decode_bytes(data, declared)
    except InputError as error:
        return _refused(shown, str(error))
    if not text.strip():
        return _refused(shown, _EMPTY)
    if suffix == ".jsonl":
        documents, problems = read_jsonl(text, path=shown, defaults=defaults)
        return ReadResult(tuple(documents), tuple(problems))
    if html:
        return _from_html(text, shown, defaults)
    return _from_plain(text, shown, defaults, markdown=suffix == ".md")


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; raises InputError if missing, unreadable, empty or too big."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file")
        size = info.st_size
        if size == 0:
            raise InputError(_EMPTY)
        if size > max_bytes:
            raise InputError(_too_big(size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file or folder") from None
    except PermissionError:
        raise InputError("cannot read file (permission denied)") from None
    except OSError as error:
        raise InputError(f"cannot read file ({error.strerror or error})") from None
    if len(data) > max_bytes:  # the file grew after stat
        raise InputError(_too_big(len(data), max_bytes))
    if not data:
        raise InputError(_EMPTY)
    return data


def _from_plain(text: str, shown: str, defaults: Defaults, *, markdown: bool) -> ReadResult:
    front, body = split_front_matter(tidy_text(repair_text(text)))
    fields, problems = take_fields(front, shown)
    if markdown:
        body, heading = strip_markdown(body)
        if fields.title is None and heading is not None:
            fields = replace(fields, title=clean_field(heading))
    body = tidy_text(body)
    if not body:
        reason = "no text after the front matter" if front else "no text, only markup"
        return _refused(shown, reason, problems)
    document = build_document(body, fields, path=shown, defaults=defaults)
    return ReadResult((document,), tuple(problems))


def _from_html(text: str, shown: str, defaults: Defaults) -> ReadResult:
    page = extract_html(text)
    body = clean_text(page.text)
    if not body:
        return _refused(shown, "no main text found in HTML")
    fields = Fields(
        title=_field(page.title),
        outlet=_field(page.outlet),
        author=_field(page.author),
        published_at=page.published,
        url=_field(page.url),
    )
    document = build_document(body, fields, path=shown, defaults=defaults)
    return ReadResult((document,), ())


def _field(value: str | None) -> str | None:
    return clean_field(value) if value is not None else None


def _refused(shown: str, reason: str, earlier: list[Problem] | None = None) -> ReadResult:
    return ReadResult((), (*(earlier or ()), Problem(shown, reason)))


def _too_big(size: int, limit: int) -> str:
    return f"file is {human_size(size)}, over the {human_size(limit)} limit"
