"""RSS and Atom feeds to Document records: one report per entry, from the feed alone.

An entry's text is its full content when the feed carries it, else its summary, else its
title (a headline is what the outlet asserts). Its title, link, author and date come from
the entry; the outlet is the feed's title. The linked pages are not fetched: to read
them in full, name their addresses (``fogline add URL``). feedparser reads the bytes from
memory, sanitises entry HTML and does not resolve external entities; the text is taken
from that HTML and never rendered.
"""

from __future__ import annotations

import io
import time
from datetime import date
from html.parser import HTMLParser
from typing import Any

from fogline.ingest.decode import clean_field, clean_text
from fogline.ingest.documents import Defaults, Fields, build_document
from fogline.ingest.html_text import fallback_paragraphs
from fogline.ingest.problems import Problem, ReadResult
from fogline.records import Document

FEED_SUFFIXES = (".rss", ".atom")
_SKIPPED = frozenset({"script", "style", "noscript", "template"})
# Tags that separate words; inline ones (b, i, a, span) do not.
_BREAKS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "blockquote", "section", "article",
     "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dd", "dt", "figcaption"}
)  # fmt: skip


def read_feed(data: bytes, shown: str, defaults: Defaults) -> ReadResult:
    """One document per entry of the feed in ``data`` (entry n is named ``shown#n``)."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version"):
        return ReadResult((), (Problem(shown, "not an RSS or Atom feed"),))
    outlet = _clean(parsed.feed.get("title"))
    documents: list[Document] = []
    problems: list[Problem] = []
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{shown}#{n}"
        title = _clean(entry.get("title"))
        text = clean_text(html_fragment_text(_body(entry))) or (title or "")
        if not text:
            problems.append(Problem(where, "entry has no text and no title"))
            continue
        fields = Fields(
            title=title,
            outlet=outlet,
            author=_clean(entry.get("author")),
            published_at=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            url=_clean(entry.get("link")),
        )
        documents.append(build_document(text, fields, path=where, defaults=defaults))
    if not documents and not problems:
        problems.append(Problem(shown, "feed has no entries"))
    return ReadResult(tuple(documents), tuple(problems))


def html_fragment_text(html: str) -> str:
    """The text of an HTML fragment: its paragraphs, or all its text when it has none."""
    paragraphs = [" ".join(p.split()) for p in fallback_paragraphs(html).split("\n\n")]
    if any(paragraphs):
        return "\n\n".join(p for p in paragraphs if p)
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return " ".join("".join(collector.parts).split())


def _body(entry: Any) -> str:
    content = entry.get("content") or []
    values = [str(c.get("value") or "") for c in content]
    return max(values, key=len) if any(values) else str(entry.get("summary") or "")


def _clean(value: object) -> str | None:
    return clean_field(value) if isinstance(value, str) else None


def _date(value: object) -> date | None:
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self.skipping:
            self.skipping -= 1
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)
