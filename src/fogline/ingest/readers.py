"""Read one report file (.txt, .md, .html, .htm, .jsonl, .warc, .warc.gz) into Documents.

``read_path`` never raises for bad content: a file it cannot use becomes a ``Problem``
with a one-line reason, so one bad file never stops an ingest of many.
"""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from fogline.errors import InputError
from fogline.ingest.discover import SUPPORTED_SUFFIXES, is_supported
from fogline.ingest.documents import Defaults
from fogline.ingest.formats import EMPTY, read_data
from fogline.ingest.problems import Problem, ReadResult, human_size
from fogline.ingest.warc import is_warc, read_warc

MAX_BYTES = 20 * 1024 * 1024


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
    problem. A .jsonl file or a web archive may give many documents; any other file gives
    at most one. A web archive is streamed, and ``max_bytes`` holds for each capture.
    """
    shown = str(path)
    defaults = Defaults(published=published, outlet=outlet)
    if not is_supported(path):
        reason = (
            f"unsupported file type {path.suffix or '(no suffix)'}; fogline reads "
            + ", ".join(SUPPORTED_SUFFIXES)
        )
        return ReadResult((), (Problem(shown, reason),))
    if is_warc(path):  # streamed: an archive may be larger than max_bytes, a capture not
        return read_warc(path, published=published, outlet=outlet, max_bytes=max_bytes)
    try:
        data = _read_bounded(path, max_bytes)
    except InputError as error:
        return ReadResult((), (Problem(shown, str(error)),))
    return read_data(data, path.suffix.lower(), shown, defaults)


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
            raise InputError(EMPTY)
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
        raise InputError(EMPTY)
    return data


def _too_big(size: int, limit: int) -> str:
    return f"file is {human_size(size)}, over the {human_size(limit)} limit"
