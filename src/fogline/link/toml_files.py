"""Reading and writing the analyst's TOML files in a workspace: one clear ``ConfigError``
for a file that cannot be read or parsed, writes that are whole or nothing, and report
text only ever inside TOML basic strings with every control character escaped (a hostile
wording cannot end a string or a comment early)."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

from fogline.errors import ConfigError


def read_toml(path: Path) -> dict[str, Any]:
    """The parsed file; a ConfigError naming the file when it cannot be read or parsed."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text: {exc.reason}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file moved into place, so that an
    interrupted write leaves the old file whole."""
    partial = path.with_name(path.name + ".tmp")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _escape(char: str) -> str:
    code = ord(char)
    if char.isprintable() or char == " ":
        return char
    if 0xD800 <= code <= 0xDFFF:  # a lone surrogate has no TOML form
        return "\\ufffd"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and every control or other
    unprintable character (DEL included, which JSON leaves raw) escaped."""
    return "".join(_escape(c) for c in json.dumps(text, ensure_ascii=False))
