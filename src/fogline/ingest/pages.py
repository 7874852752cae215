"""Read a report page from the web into Document records (only a URL the user names).

The page is fetched with ``fogline.ingest.fetch`` (bounded in size and time), then read
as the file it is, by its media type: HTML, plain text, Markdown, JSON lines or a feed. The page's
own metadata wins; otherwise the document's address is the one it was fetched from and its
outlet the host name ("www.example.org" -> "example.org"). A page that cannot be used is a
``Problem`` with a one-line reason, never an exception.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fogline.errors import InputError
from fogline.ingest.documents import Defaults
from fogline.ingest.fetch import TIMEOUT, fetch
from fogline.ingest.formats import host_outlet, read_data, suffix_for_type
from fogline.ingest.problems import Problem, ReadResult, human_size
from fogline.ingest.readers import MAX_BYTES


def read_url(
    url: str,
    *,
    published: date | None = None,
    outlet: str | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
) -> ReadResult:
    """The documents on the page at ``url``, and the problems met fetching or reading it."""
    try:
        page = fetch(url, max_bytes=max_bytes, timeout=timeout)
    except InputError as error:
        return ReadResult((), (Problem(url, str(error)),))
    suffix = suffix_for_type(page.media_type, page.data)
    if suffix is None:
        reason = f"unsupported page type {page.media_type}; fogline reads HTML, text and feed pages"
        return ReadResult((), (Problem(url, reason),))
    defaults = Defaults(published=published, outlet=outlet or host_outlet(page.url), url=page.url)
    return read_data(page.data, suffix, url, defaults, page.charset)


MAX_LIST_BYTES = 1024 * 1024


def read_url_list(path: Path) -> list[str]:
    """The addresses in a text file, one per line; blank lines and lines starting with '#'
    are skipped (a '#' inside an address is its fragment). Raises InputError (one line)
    when the file cannot be read or is over 1 MB."""
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            raise InputError(
                f"{path}: over {human_size(MAX_LIST_BYTES)}; is it a list of addresses?"
            )
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the list of addresses ({exc})") from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]
