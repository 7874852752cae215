"""Strip the Markdown markup that would confuse a sentence parser, keeping the words as written.

Removed: ATX heading marks (``# ``), setext underlines and horizontal rules, blockquote
``>`` marks, code fences, emphasis (``*x*``, ``**x**``, ``_x_``, ``__x__``), inline-code
backticks, link and image syntax (the link text or alt text stays), reference-link
definitions, and backslash escapes. List bullets, tables and everything else stay, so
the text is otherwise identical, line for line.
"""

from __future__ import annotations

import re

_ATX_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_RULE_OR_UNDERLINE = re.compile(r" {0,3}(?:(?:[-*_][ \t]*){3,}|={3,})[ \t]*")
_SETEXT_TITLE = re.compile(r" {0,3}={3,}[ \t]*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_BLOCKQUOTE = re.compile(r" {0,3}(?:>[ \t]?)+")
_REFERENCE_DEFINITION = re.compile(
    r" {0,3}\[[^\]]+\]:[ \t]*<?(?:[a-z]+://|www\.|/|#)\S*>?(?:[ \t]+.*)?", re.IGNORECASE
)

# Inline patterns never let a span run over the marker that would open the next one, and
# are length-bounded, so hostile input (a megabyte-long line of "[[[" or "*a *a ...") costs
# linear time, not quadratic.
_MAX_NESTING = 3
_CODE_SPAN = re.compile(r"(`{1,10})([^`]{1,300}?)\1")
_DESTINATION = (
    r"\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}"
    r"""(?:[ \t]+(?:"[^"]{0,300}"|'[^']{0,300}'))?[ \t]*\)"""
)
_LABEL = r"\[([^\[\]]{%s,500})\]"
_REFERENCE = r"\[[^\[\]]{0,200}\]"
_IMAGE = re.compile(r"!" + _LABEL % 0 + f"(?:{_DESTINATION}|{_REFERENCE})")
_LINK = re.compile(_LABEL % 1 + f"(?:{_DESTINATION}|{_REFERENCE})")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^\s<>]{1,2000})>")
_PROTECTED = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|\\([\\`*_{}\[\]()#+\-.!>|~])")


def _emphasis(mark: str, width: int) -> re.Pattern[str]:
    """Emphasis by ``width`` copies of ``mark``; underscores only at word boundaries."""
    m = re.escape(mark)
    run = m * width
    content = f"(?:[^{m}]|{m}(?!{m}))" if width > 1 else f"[^{m}]"
    before = rf"(?<![\w{m}])" if mark == "_" or width == 1 else f"(?<!{m})"
    after = rf"(?![\w{m}])" if mark == "_" or width == 1 else f"(?!{m})"
    return re.compile(rf"{before}{run}(?=[^\s{m}])({content}{{1,300}}?)(?<=[^\s{m}]){run}{after}")


_EMPHASIS = tuple((mark, _emphasis(mark, width)) for mark in "*_" for width in (3, 2, 1))
_MARKUP_CHARS = re.compile(r"[*_\[<\\]")


def strip_markdown(text: str) -> tuple[str, str | None]:
    """(``text`` without Markdown markup, the title if the text opens with ``# Heading``).

    ``text`` must use ``\\n`` newlines. The title is the first non-blank line when it is a
    level-1 heading (``# Title`` or a line underlined with ``===``), stripped of markup.
    Fenced code blocks keep their content as written; their fence lines are blanked.
    """
    out: list[str] = []
    title: str | None = None
    content_lines = 0
    fence: str | None = None
    for line in text.split("\n"):
        fence_match = _FENCE.match(line)
        if fence is not None:
            if fence_match is not None and fence_match.group(1)[0] == fence[0]:
                fence = None
                line = ""
            out.append(line)
            continue
        if fence_match is not None:
            fence = fence_match.group(1)
            out.append("")
            continue
        stripped, heading_level = _strip_line(line)
        if out and out[-1].strip() and _RULE_OR_UNDERLINE.fullmatch(line):
            # A setext underline: the line above is a heading, a level-1 one with "===".
            if content_lines == 1 and title is None and _SETEXT_TITLE.fullmatch(line):
                title = out[-1].strip()
            stripped, heading_level = "", 0
        if stripped.strip():
            content_lines += 1
            if content_lines == 1 and heading_level == 1:
                title = stripped.strip()
        out.append(stripped)
    return "\n".join(out), title


def _strip_line(line: str) -> tuple[str, int]:
    """One line without block and inline markup, and its ATX heading level (0 if none)."""
    if _RULE_OR_UNDERLINE.fullmatch(line) or _REFERENCE_DEFINITION.fullmatch(line):
        return "", 0
    quote = _BLOCKQUOTE.match(line)
    if quote is not None:
        line = line[quote.end() :]
    level = 0
    heading = _ATX_HEADING.fullmatch(line)
    if heading is not None:
        level = len(heading.group(1))
        line = heading.group(2) or ""
    return strip_inline(line), level


def strip_inline(line: str) -> str:
    """One line without code backticks, link/image syntax, emphasis marks and escapes.

    Code spans, bare URLs and escaped characters are left as written, so an underscore in
    ``snake_case`` or in a URL is never taken for emphasis.
    """
    parts: list[str] = []
    position = 0
    for code in _CODE_SPAN.finditer(line):
        parts.append(_strip_prose(line[position : code.start()]))
        parts.append(code.group(2).strip() or code.group(2))
        position = code.end()
    parts.append(_strip_prose(line[position:]))
    return "".join(parts)


def _strip_prose(segment: str) -> str:
    if _MARKUP_CHARS.search(segment) is None:
        return segment
    segment = _IMAGE.sub(r"\1", segment)
    segment = _LINK.sub(r"\1", segment)
    segment = _AUTOLINK.sub(r"\1", segment)
    parts: list[str] = []
    position = 0
    for protected in _PROTECTED.finditer(segment):
        parts.append(_strip_emphasis(segment[position : protected.start()]))
        parts.append(protected.group(1) or protected.group(0))
        position = protected.end()
    parts.append(_strip_emphasis(segment[position:]))
    return "".join(parts)


def _strip_emphasis(segment: str) -> str:
    for mark, pattern in _EMPHASIS:
        if mark not in segment:
            continue
        for _ in range(_MAX_NESTING):
            segment, count = pattern.subn(r"\1", segment)
            if not count:
                break
    return segment
