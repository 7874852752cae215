"""Bytes to Document records, by format: plain text, Markdown, HTML, JSON lines, feeds.

``read_data`` is what reading a file, a fetched page and a web-archive capture share: it
never raises for bad content; what cannot be used becomes a ``Problem`` with a one-line
reason. ``suffix_for_type`` maps a web media type to the format it reads as.
"""

from __future__ import annotations

from dataclasses import replace
from email.message import Message
from urllib.parse import urlsplit

from fogline.errors import InputError
from fogline.ingest.decode import clean_field, clean_text, decode_bytes, repair_text, tidy_text
from fogline.ingest.documents import Defaults, Fields, build_document, take_fields
from fogline.ingest.feeds import FEED_SUFFIXES, read_feed
from fogline.ingest.frontmatter import split_front_matter
from fogline.ingest.html_text import declared_charset, extract_html
from fogline.ingest.jsonl import read_jsonl
from fogline.ingest.markdown import strip_markdown
from fogline.ingest.problems import Problem, ReadResult

EMPTY = "empty file"

SUFFIX_OF_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/jsonl": ".jsonl",
    "application/x-ndjson": ".jsonl",
    "application/rss+xml": ".rss",
    "application/atom+xml": ".atom",
    "application/feed+xml": ".rss",
    # Plain XML is read as a feed; anything else in XML is refused as "not an RSS or Atom feed".
    "application/xml": ".rss",
    "text/xml": ".rss",
}
# Types servers send when they do not know; the body decides.
_UNKNOWN_TYPES = frozenset({"", "application/octet-stream"})


def read_data(
    data: bytes, suffix: str, shown: str, defaults: Defaults, charset: str | None = None
) -> ReadResult:
    """The documents in ``data``, read as a file ending in ``suffix`` (one of
    SUPPORTED_SUFFIXES) would be; ``charset`` is an encoding named outside the bytes (an
    HTTP header), tried before an HTML page's own meta charset. Never raises for content."""
    if suffix in FEED_SUFFIXES:  # XML declares its own encoding: the parser reads the bytes
        if not data.strip():
            return _refused(shown, EMPTY)
        return read_feed(data, shown, defaults)
    try:
        html = suffix in (".html", ".htm")
        declared = charset or (declared_charset(data) if html else None)
        text = decode_bytes(data, declared)
    except InputError as error:
        return _refused(shown, str(error))
    if not text.strip():
        return _refused(shown, EMPTY)
    if suffix == ".jsonl":
        documents, problems = read_jsonl(text, path=shown, defaults=defaults)
        return ReadResult(tuple(documents), tuple(problems))
    if html:
        return _from_html(text, shown, defaults)
    return _from_plain(text, shown, defaults, markdown=suffix == ".md")


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


def split_content_type(value: str | None) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header value, read the way the standard
    library reads HTTP headers ('text/html; charset="UTF-8"' -> ("text/html", "utf-8"));
    ("", None) when there is no value, so that the body decides."""
    if not value:
        return "", None
    header = Message()
    header["Content-Type"] = value
    return header.get_content_type(), header.get_content_charset()


def suffix_for_type(media_type: str, data: bytes) -> str | None:
    """The file suffix a page of ``media_type`` reads as (by its first byte when the type
    says nothing); None for a type fogline does not read."""
    if media_type in _UNKNOWN_TYPES:
        return ".html" if data.lstrip()[:1] == b"<" else ".txt"
    return SUFFIX_OF_TYPE.get(media_type)


def host_outlet(url: str) -> str | None:
    """The host name of ``url`` without a leading "www.", as an outlet name."""
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
