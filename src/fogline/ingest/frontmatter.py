"""Front matter: ``key: value`` lines between two ``---`` lines at the very top of a text file.

Parsed by hand, without YAML: values are plain strings (never evaluated), optionally
quoted. Only the keys that ``Document`` knows are kept; ``date`` is accepted for
``published_at`` as static-site generators write it.
"""

from __future__ import annotations

import re

from fogline.ingest.documents import FIELDS

_DELIMITER = "---"
_KEY_VALUE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?")
_ALIASES = {"date": "published_at"}


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split front matter off the top of ``text``: (known fields, the rest of the text).

    ``text`` must already use ``\\n`` newlines. Front matter is recognised only when the
    first line is ``---``, a later line closes it with ``---``, and every line in between
    is ``key: value``, a ``#`` comment, blank, or a YAML continuation (indented or ``- ``);
    otherwise the text is returned unchanged with no fields (a leading ``---`` in prose
    is then a rule, not front matter). Keys are case-insensitive; the first occurrence of
    a key wins; empty values are dropped.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _DELIMITER:
        return {}, text
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() == _DELIMITER), None)
    if closing is None:
        return {}, text
    raw: dict[str, str] = {}
    for line in lines[1:closing]:
        if _is_yaml_noise(line):
            continue
        match = _KEY_VALUE.fullmatch(line.rstrip())
        if match is None:
            return {}, text
        key = match.group(1).lower()
        value = _unquote(match.group(2) or "")
        if value and key not in raw:
            raw[key] = value
    fields = {key: raw[key] for key in FIELDS if key in raw}
    for alias, key in _ALIASES.items():
        if key not in fields and alias in raw:
            fields[key] = raw[alias]
    return fields, "\n".join(lines[closing + 1 :])


def _is_yaml_noise(line: str) -> bool:
    """Blank lines, comments and continuation lines, which carry no field of ours."""
    stripped = line.strip()
    return (
        not stripped
        or stripped.startswith("#")
        or line[:1] in (" ", "\t")
        or stripped == "-"
        or stripped.startswith("- ")
    )


def _unquote(value: str) -> str:
    """``value`` without one pair of matching surrounding quotes."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return value
