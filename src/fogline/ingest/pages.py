"""Read a report page from the web into Document records (only a URL the user names).

The page is fetched with ``fogline.ingest.fetch`` (bounded in size and time), then read
as the file it is, by its media type: HTML, plain text, Markdown, JSON lines or a feed. The page's
own metadata wins; otherwise the document's address is the one it was fetched from and its
outlet the host name ("www.example.org" -> "example.org"). A page that cannot be used is a
``Problem`` with a one-line reason, never an exception.
"""

from __future__ import annotations

from datetime import date

from fogline.errors import InputError
from fogline.ingest.documents import Defaults
from fogline.ingest.fetch import TIMEOUT, fetch
from fogline.ingest.formats import host_outlet, read_data, suffix_for_type
from fogline.ingest.problems import Problem, ReadResult
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
