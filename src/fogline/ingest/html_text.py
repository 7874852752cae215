"""The main text of an HTML page and its metadata, without menus, footers or scripts.

trafilatura does the work on an HTML string that is already in memory; nothing is ever
fetched. When it finds no main text, the text of the page's ``<p>`` elements outside
scripts, navigation, headers, footers and forms is used instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Any

import trafilatura

_BLOCK_SEPARATOR = "\n\n"
# Elements whose text is never a report's main text, in the fallback extractor.
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
     "button", "select", "svg", "iframe", "object", "head", "title", "textarea"}
)  # fmt: skip
# Elements that end an open <p>, as an HTML parser would.
_CLOSES_P = frozenset(
    {"p", "div", "section", "article", "main", "ul", "ol", "li", "table", "blockquote",
     "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl", "figure", "address"}
)  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class HtmlText:
    """What an HTML page says: its main text, paragraphs separated by blank lines, and metadata.

    ``published`` is the publication date as trafilatura's htmldate finds it: from the
    markup first (meta tags, JSON-LD, ``<time>``, the URL); only a page without one falls
    back to a timestamp in its text. ``outlet`` is the site name.
    """

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a ``<meta charset>`` near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extract_html(html: str) -> HtmlText:
    """The main text and metadata of ``html``; ``text`` is empty when none is found.

    Never raises for malformed input and never touches the network.
    """
    extracted = _trafilatura(html)
    if extracted is not None and extracted.text:
        return extracted
    metadata = extracted or _metadata_only(html)
    text = fallback_paragraphs(html)
    return HtmlText(
        text=text,
        title=metadata.title,
        author=metadata.author,
        published=metadata.published,
        outlet=metadata.outlet,
        url=metadata.url,
    )


def _date_params() -> dict[str, Any]:
    # No "extensive" search: htmldate skips its free-text heuristics, which take a date from
    # any date-like phrase in the body; the original (not the updated) date is preferred.
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


def _trafilatura(html: str) -> HtmlText | None:
    try:
        result = trafilatura.bare_extraction(
            html,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params=_date_params(),
        )
    except Exception:  # trafilatura is defensive, but junk HTML must never stop an ingest
        return None
    if result is None:
        return None
    body = getattr(result, "body", None)
    text = (
        _body_text(body)
        if body is not None
        else _lines_as_paragraphs(getattr(result, "text", None) or "")
    )
    return _from_trafilatura(result, text)


def _metadata_only(html: str) -> HtmlText:
    try:
        result = trafilatura.extract_metadata(html, date_config=_date_params())
    except Exception:  # as above: metadata is a bonus, never a reason to fail
        return HtmlText(text="")
    return _from_trafilatura(result, "")


def _from_trafilatura(result: Any, text: str) -> HtmlText:
    return HtmlText(
        text=text,
        title=_str_or_none(getattr(result, "title", None)),
        author=_str_or_none(getattr(result, "author", None)),
        published=_date_or_none(getattr(result, "date", None)),
        outlet=_str_or_none(getattr(result, "sitename", None)),
        url=_str_or_none(getattr(result, "url", None)),
    )


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _date_or_none(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _body_text(body: Any) -> str:
    """The text of trafilatura's output tree: one block per paragraph, heading or list."""
    blocks: list[str] = []
    for element in body:
        if element.tag == "list":
            block = "\n".join(_element_text(item) for item in element if item.tag == "item")
        else:
            block = _element_text(element)
        block = "\n".join(" ".join(line.split()) for line in block.split("\n"))
        block = "\n".join(line for line in block.split("\n") if line)
        if block:
            blocks.append(block)
    return _BLOCK_SEPARATOR.join(blocks)


def _element_text(element: Any) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in ("list", "item"):
            parts.append("\n" + _element_text(child) + "\n")
        else:
            parts.append(_element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lines_as_paragraphs(text: str) -> str:
    return _BLOCK_SEPARATOR.join(line.strip() for line in text.split("\n") if line.strip())


def fallback_paragraphs(html: str) -> str:
    """The text of the ``<p>`` elements of ``html`` outside boilerplate, blank-line separated."""
    parser = _ParagraphParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser gives up on some junk; keep what was read so far
        pass
    parser.end_paragraph()
    return _BLOCK_SEPARATOR.join(parser.paragraphs)


class _ParagraphParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._skip_depth = 0
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip_depth += 1
        if tag in _CLOSES_P:
            self.end_paragraph()
        if tag == "p" and self._skip_depth == 0:
            self._current = []
        elif tag == "br" and self._current is not None:
            self._current.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        if tag in _CLOSES_P:
            self.end_paragraph()

    def handle_data(self, data: str) -> None:
        if self._current is not None and self._skip_depth == 0:
            self._current.append(data)

    def end_paragraph(self) -> None:
        if self._current is None:
            return
        lines = ("".join(self._current)).split("\n")
        text = "\n".join(" ".join(line.split()) for line in lines if line.strip())
        if text:
            self.paragraphs.append(text)
        self._current = None
