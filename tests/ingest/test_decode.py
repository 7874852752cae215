import codecs

import pytest

from fogline.errors import InputError
from fogline.ingest.decode import clean_field, clean_text, decode_bytes, repair_text, tidy_text

from .samples import PNG_BYTES


def test_utf8_is_decoded_as_is():
    assert decode_bytes("Kyiv \u2013 Київ, “quoted”".encode()) == "Kyiv \u2013 Київ, “quoted”"


def test_utf8_bom_is_stripped():
    assert decode_bytes(codecs.BOM_UTF8 + b"Report text") == "Report text"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_text_despite_nul_bytes(codec):
    text = "The general said — “we hold”."
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Café au lait, naïve résumé — it\u2019s “fine”.", "cp1252"),
        ("The troops “hold good defensive terrain” near Belgorod. " * 3, "cp1252"),
        ("Die Straße in München ist schön, sagte der Bürgermeister.", "latin-1"),
        ("Les élèves ont été très contents.", "latin-1"),
    ],
)
def test_short_western_legacy_text_is_read_as_windows_1252(text, codec):
    assert decode_bytes(text.encode(codec)) == text


def test_cyrillic_legacy_text_is_detected():
    text = "Генерал заявил, что войска удерживают позиции под Белгородом. " * 5
    assert decode_bytes(text.encode("cp1251")) == text


def test_declared_charset_is_used_when_bytes_are_not_utf8():
    text = "Привет"
    assert decode_bytes(text.encode("cp1251"), declared="windows-1251") == text


def test_declared_latin1_means_windows_1252_as_browsers_read_it():
    assert decode_bytes("it\u2019s".encode("cp1252"), declared="ISO-8859-1") == "it\u2019s"


def test_unknown_or_wrong_declared_charset_falls_back_to_detection():
    text = "Café naïve"
    assert decode_bytes(text.encode("cp1252"), declared="no-such-codec") == text
    assert decode_bytes(text.encode("cp1252"), declared="utf-16") == text


def test_valid_utf8_wins_over_a_declared_charset():
    assert decode_bytes("Café".encode(), declared="iso-8859-1") == "Café"


@pytest.mark.parametrize(
    "data",
    [
        PNG_BYTES,
        b"plain text with a NUL\x00 in the middle",
        bytes(range(1, 32)) * 20,
    ],
    ids=["png", "nul", "control-bytes"],
)
def test_binary_data_is_refused(data):
    with pytest.raises(InputError, match="binary file, not text"):
        decode_bytes(data)


def test_empty_bytes_are_refused():
    with pytest.raises(InputError, match="empty file"):
        decode_bytes(b"")


def test_bad_utf16_is_refused_as_undecodable():
    with pytest.raises(InputError, match="cannot decode text"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate


def test_mojibake_is_repaired_and_curly_quotes_kept():
    assert clean_text("donâ€™t stop â€” â€œquotedâ€\x9d") == "don\u2019t stop — “quoted”"
    assert clean_text("it\u2019s “fine”") == "it\u2019s “fine”"


def test_html_entities_in_plain_text_stay_as_written():
    assert clean_text("AT&amp;T &lt;script&gt;") == "AT&amp;T &lt;script&gt;"


def test_newlines_are_normalized_and_paragraph_breaks_kept():
    text = "\r\n\r\n  First line.  \r\nSecond line.\r\n\r\nSecond paragraph.\rThird.  \n\n\n"
    assert clean_text(text) == "  First line.\nSecond line.\n\nSecond paragraph.\nThird."


def test_text_is_nfc_normalized():
    decomposed = "Cafe\u0301"
    assert clean_text(decomposed) == "Caf\u00e9"
    assert repair_text(decomposed) == "Caf\u00e9"


def test_control_characters_are_dropped():
    assert clean_text("bell\x07 and escape\x1b[31m red") == "bell and escape red"


def test_tidy_text_only_touches_whitespace():
    assert tidy_text("\n\n*a*  \n\n b\t\n") == "*a*\n\n b"


def test_clean_field_collapses_whitespace_and_drops_empty_values():
    assert clean_field("  Tarn \n Wire\t") == "Tarn Wire"
    assert clean_field("donâ€™t") == "don\u2019t"
    assert clean_field("   ") is None
