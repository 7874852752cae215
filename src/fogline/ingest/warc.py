"""Read the report pages captured in a web archive (.warc, .warc.gz) into Document records.

A WARC file holds every request and response of a crawl: pages, but also images, scripts,
feeds, redirects and errors. Only successful captures of a page (a ``response`` with HTTP
status 200, or a ``resource`` record) of a type fogline reads as a report (HTML, plain
text, Markdown, JSON lines) are read, each like a fetched page: its own metadata first,
then the captured address as its ``url`` and the host as its outlet. Everything else is
passed over silently. The archive is streamed, so it may be larger than the file limit;
each record is held to ``max_bytes``. A record that cannot be used is a ``Problem`` named
``path#address``; an archive that cannot be read at all is one problem for the file.
Nothing is fetched: the archive's captures are the pages.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from fogline.errors import InputError
from fogline.ingest.documents import Defaults
from fogline.ingest.feeds import FEED_SUFFIXES
from fogline.ingest.formats import (
    SUFFIX_OF_TYPE,
    host_outlet,
    read_data,
    split_content_type,
    suffix_for_type,
)
from fogline.ingest.problems import Problem, ReadResult, human_size
from fogline.records import Document

WARC_SUFFIXES = (".warc", ".warc.gz")
_MAGIC = (b"WARC/", b"\x1f\x8b")  # a WARC header, or gzip around one
_PAGE_RECORDS = frozenset({"response", "resource"})


def is_warc(path: Path) -> bool:
    """True when the file name ends in .warc or .warc.gz (any letter case)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(
    path: Path, *, published: date | None = None, outlet: str | None = None, max_bytes: int
) -> ReadResult:
    """The documents captured in the archive at ``path``, and the problems met."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    documents: list[Document] = []
    problems: list[Problem] = []
    warnings = io.StringIO()  # warcio writes its warnings to stderr; a library must not
    try:
        with path.open("rb") as handle, contextlib.redirect_stderr(warnings):
            if not handle.read(5).startswith(_MAGIC):
                raise ValueError("it does not start with a WARC header")
            handle.seek(0)
            for address, payload, media_type, charset in _pages(ArchiveIterator(handle), max_bytes):
                shown = f"{path}#{address}"
                if isinstance(payload, InputError):
                    problems.append(Problem(shown, str(payload)))
                    continue
                defaults = Defaults(
                    published=published, outlet=outlet or host_outlet(address), url=address
                )
                suffix = suffix_for_type(media_type, payload) or ".txt"
                result = read_data(payload, suffix, shown, defaults, charset)
                documents.extend(result.documents)
                problems.extend(result.problems)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        problems.append(Problem(str(path), f"cannot read web archive ({reason[:120]})"))
    else:
        if warnings.getvalue():
            damaged = "damaged records (a length does not fit its record); the rest was read"
            problems.append(Problem(str(path), damaged))
    if not documents and not problems:
        problems.append(Problem(str(path), "no page captures (HTML or text) in this web archive"))
    return ReadResult(tuple(documents), tuple(problems))


def _pages(
    records: Any, max_bytes: int
) -> Iterator[tuple[str, bytes | InputError, str, str | None]]:
    """(address, payload or why it was refused, media type, charset) of each page capture."""
    for record in records:
        if record.rec_type not in _PAGE_RECORDS:
            continue
        address = str(record.rec_headers.get_header("WARC-Target-URI") or "")
        if record.http_headers is not None:
            if record.http_headers.get_statuscode() != "200":
                continue
            content_type = record.http_headers.get_header("Content-Type")
        else:
            content_type = record.rec_headers.get_header("Content-Type")
        media_type, charset = split_content_type(content_type)
        if media_type and SUFFIX_OF_TYPE.get(media_type) in (None, *FEED_SUFFIXES):
            continue  # an image, a script, a download, a feed or a sitemap: not a report
        payload = record.content_stream().read(max_bytes + 1)
        if len(payload) > max_bytes:
            yield (
                address,
                InputError(f"capture is over the {human_size(max_bytes)} limit"),
                "",
                None,
            )
        elif payload:
            yield address, payload, media_type, charset
