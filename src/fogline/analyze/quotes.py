"""Quoted passages in a text: pairs of curly or straight double quotes, across sentences.

A quote left open at the end of a paragraph that reopens the next paragraph (the news
convention for a quote running over paragraphs) is joined with its continuation.
"""

from __future__ import annotations

import re

_OPEN = "\u201c"
_CLOSE = "\u201d"
_PARAGRAPH = re.compile(r"\n\s*\n")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the text inside quotation marks, marks excluded, in order.

    Two apostrophes (``''``, a typewriter convention of some newspapers) count as one
    double quotation mark."""
    if "''" not in text:
        return _find_quotes(text)
    # '' -> ' "': same length, so offsets hold; a closing mark's first apostrophe is trimmed.
    spans = _find_quotes(text.replace("''", ' "'))
    return [(a, b - 1 if text.startswith("''", b - 1) else b) for a, b in spans]


def _find_quotes(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == _OPEN or (ch == '"' and open_at is None):
            if open_at is not None and ch == _OPEN and _PARAGRAPH.search(text, open_at, i):
                spans.append((open_at, _para_end(text, open_at)))
            open_at = i + 1
        elif (ch == _CLOSE or ch == '"') and open_at is not None:
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
        elif ch == "\n" and open_at is not None and text.startswith("\n\n", i):
            # A paragraph ends inside an open quote: keep it open only if the next
            # paragraph opens a quote again (multi-paragraph quotation).
            nxt = text[i:].lstrip()
            if not nxt.startswith((_OPEN, '"')):
                spans.append((open_at, i))
                open_at = None
    return _merge_continued(text, spans)


def _para_end(text: str, start: int) -> int:
    match = _PARAGRAPH.search(text, start)
    return match.start() if match else len(text)


def _merge_continued(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            gap = text[prev_end:start]
            if _PARAGRAPH.fullmatch(gap.replace(_OPEN, "").replace('"', "")) and text[
                prev_end : prev_end + 1
            ] not in (_CLOSE, '"'):
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def quote_at(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The quote that overlaps [start, end) most, if any."""
    best: tuple[int, int] | None = None
    best_overlap = 0
    for q_start, q_end in spans:
        overlap = min(end, q_end) - max(start, q_start)
        if overlap > best_overlap:
            best, best_overlap = (q_start, q_end), overlap
    return best
