"""``speakers.toml``: the analyst's corrections of who made a statement, set on the page
``fogline serve`` shows. A correction replaces the speaker the parse resolved ("He",
"the general", a misread name) with the name the analyst gives, at the next assessment
and in the result; the statement's own words stay as they were read.

The file is fogline's to write (rewritten whole on each change)::

    [[speakers]]
    statement = "9c41..."    # statement id (result document)
    speaker = "Gen. Ilse Marren"
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

from fogline.errors import ConfigError
from fogline.link.toml_files import read_toml, toml_string, write_whole
from fogline.records import Statement

ANALYST = "analyst"
"""The ``resolution`` of a statement whose speaker the analyst set."""
MAX_NAME = 200

_HEADER = """\
# fogline speaker corrections, set on the `fogline serve` page: each names who made one
# statement, in place of the speaker the parse found. This file is rewritten whole.
"""


def load_speaker_corrections(path: Path | None) -> dict[str, str]:
    """Statement id -> speaker name; ``None`` or a missing file gives none."""
    if path is None or not path.is_file():
        return {}
    data = read_toml(path)
    out: dict[str, str] = {}
    entries = data.get("speakers", [])
    for entry in entries if isinstance(entries, list) else [None]:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(f), str) for f in ("statement", "speaker")
        ):
            raise ConfigError(f"{path}: each [[speakers]] needs statement and speaker as strings")
        out[entry["statement"]] = _name(entry["speaker"])
    return out


def _name(value: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise ConfigError("a speaker correction needs a name (or clear it instead)")
    if len(name) > MAX_NAME:
        raise ConfigError(f"a speaker's name is at most {MAX_NAME} characters")
    return name


def set_speaker(path: Path, statement: str, name: str | None) -> dict[str, str]:
    """Name the speaker of ``statement`` (``None`` drops the correction, back to the
    parse's reading); returns every correction."""
    statement = statement.strip()
    if not statement:
        raise ConfigError("a speaker correction needs the statement")
    corrections = load_speaker_corrections(path)
    if name is None:
        corrections.pop(statement, None)
    else:
        corrections[statement] = _name(name)
    lines = [_HEADER]
    for key, value in sorted(corrections.items()):
        lines += ["[[speakers]]", f"statement = {toml_string(key)}"]
        lines += [f"speaker = {toml_string(value)}", ""]
    write_whole(path, "\n".join(lines))
    return corrections


def apply_speakers(
    statements: Sequence[Statement], corrections: Mapping[str, str]
) -> list[Statement]:
    """``statements`` with the analyst's speakers in place: resolved to the given name,
    marked ``analyst``, without the parse's description of the old speaker. Corrections
    of statements that no longer exist are left out."""
    return [
        dataclasses.replace(
            st, resolved_speaker=corrections[st.id], resolution=ANALYST, speaker_hint=None
        )
        if st.id in corrections
        else st
        for st in statements
    ]
