"""Read a report page from the web into Document records (only a URL the user names).

The page is fetched with ``fogline.ingest.fetch`` (bounded in size and time), then read
as the file it is, by its media type: HTML, plain text, Markdown or JSON lines. The page's
own metadata wins; otherwise the document's address is the one it was fetched from and its
outlet the host name ("www.example.org" -> "example.org"). A page that cannot be used is a
``Problem`` with a one-line reason, never an exception.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from fogline.errors import InputError
from fogline.ingest.documents import Defaults
from fogline.ingest.fetch import TIMEOUT, Fetched, fetch
from fogline.ingest.problems import Problem, ReadResult
from fogline.ingest.readers import MAX_BYTES, read_data

_SUFFIX_OF_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/jsonl": ".jsonl",
    "application/x-ndjson": ".jsonl",
}
# Types servers send when they do not know; the body decides.
_UNKNOWN_TYPES = frozenset({"", "application/octet-stream"})


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
    suffix = page_suffix(page)
    if suffix is None:
        reason = f"unsupported page type {page.media_type}; fogline reads HTML and text pages"
        return ReadResult((), (Problem(url, reason),))
    defaults = Defaults(published=published, outlet=outlet or host_outlet(page.url), url=page.url)
    return read_data(page.data, suffix, url, defaults, page.charset)


def page_suffix(page: Fetched) -> str | None:
    """The file suffix the page reads as, from its media type (or its first byte when the
    server does not say); None for a type fogline does not read."""
    if page.media_type in _UNKNOWN_TYPES:
        return ".html" if page.data.lstrip()[:1] == b"<" else ".txt"
    return _SUFFIX_OF_TYPE.get(page.media_type)


def host_outlet(url: str) -> str | None:
    """The host name of ``url`` without a leading "www.", as an outlet name."""
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
