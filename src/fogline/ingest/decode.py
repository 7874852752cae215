"""Bytes to clean text: encoding detection, refusal of binary data, mojibake repair.

``decode_bytes`` turns file bytes into a ``str`` or raises ``InputError`` with the one-line
reason the file is refused. ``clean_text`` repairs and normalizes decoded text the same
way for every format, so that equal reports give equal text (and equal ids).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from fogline.errors import InputError

BINARY = "binary file, not text"
UNDECODABLE = "cannot decode text"

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that plain text in any ASCII-compatible encoding does not contain.
_CONTROL_BYTES = frozenset([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_SAMPLE_BYTES = 64 * 1024
_MAX_CONTROL_SHARE = 0.05
# How much messier than the detector's pick a Windows-1252 reading may be and still win.
_WESTERN_SLACK = 0.02
_MAX_MESS = 0.2
_MESS_SAMPLE_CHARS = 200_000
# Labels that web pages use for Windows-1252 (the WHATWG encoding standard maps them so).
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}
)
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    normalization="NFC",
)
_NEWLINES = re.compile(r"\r\n?")


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text, or raise ``InputError`` saying why it is not text.

    Order: a byte-order mark (UTF-8/16/32) decides; NUL bytes or many control bytes mean
    binary; valid UTF-8 is UTF-8; then ``declared`` (an encoding named by the file itself,
    such as an HTML meta charset) if it decodes; then detection with charset_normalizer,
    preferring Windows-1252 when it reads as cleanly (short Western texts fool detectors).
    """
    if not data:
        raise InputError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(UNDECODABLE) from None
            return _checked(text)
    if _looks_binary(data):
        raise InputError(BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared is not None:
        declared_codec = _lookup(declared)
        if declared_codec is not None:
            try:
                return _checked(data.decode(declared_codec))
            except UnicodeDecodeError:
                pass
    return _checked(_detect(data))


def clean_text(text: str) -> str:
    """Repair and normalize decoded text, keeping its paragraph breaks: ``tidy(repair(text))``."""
    return tidy_text(repair_text(text))


def repair_text(text: str) -> str:
    """Repair mojibake and normalize characters, changing nothing else.

    ftfy repairs mojibake (UTF-8 that was once decoded as Windows-1252); curly quotes and
    HTML entities stay as written; control characters are dropped; newlines become
    ``\\n``; the text is NFC-normalized.
    """
    text = ftfy.fix_text(text, _FTFY_CONFIG)
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))


def tidy_text(text: str) -> str:
    """Drop trailing whitespace of each line, leading blank lines and trailing whitespace.

    Blank lines inside the text (paragraph breaks) are kept.
    """
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines).rstrip()


def clean_field(value: str) -> str | None:
    """A one-line metadata value (title, author, ...): repaired, whitespace collapsed, or None."""
    collapsed = " ".join(ftfy.fix_text(value, _FTFY_CONFIG).split())
    return collapsed or None


def _looks_binary(data: bytes) -> bool:
    """True for data with a NUL byte, or whose start has too many control bytes for text."""
    if b"\x00" in data:
        return True
    sample = data[:_SAMPLE_BYTES]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _checked(text: str) -> str:
    """``text`` unless it is mostly unprintable (binary data that happened to decode)."""
    sample = text[:_SAMPLE_BYTES]
    unprintable = sum(
        1
        for char in sample
        if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") and not char.isspace()
    )
    if unprintable > _MAX_CONTROL_SHARE * max(len(sample), 1):
        raise InputError(BINARY)
    return text


def _lookup(label: str) -> str | None:
    """The Python codec for an encoding label, or None for an unknown label."""
    label = label.strip().lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A UTF-16/32 label without a byte-order mark is usually a lie; detection does better.
    return None if name.startswith("utf") else name


def _detect(data: bytes) -> str:
    """Decode non-UTF-8 bytes with the most plausible legacy encoding."""
    best = from_bytes(data).best()
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        western_mess = float(mess_ratio(western[:_MESS_SAMPLE_CHARS], 1.0))
        limit = _MAX_MESS if best is None else float(best.chaos) + _WESTERN_SLACK
        if western_mess <= limit:
            return western
    if best is None:
        raise InputError(UNDECODABLE)
    return str(best)
