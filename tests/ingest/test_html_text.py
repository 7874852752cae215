import socket

import pytest

from fogline.ingest import html_text
from fogline.ingest.html_text import declared_charset, extract_html, fallback_paragraphs

from .samples import PAGE, PARAGRAPHS

BOILERPLATE = ("PAYLOAD", "NAV_LINK", "HEADER_TEXT", "FOOTER_TEXT", "color: red")


def test_main_text_and_metadata_come_out_without_boilerplate():
    page = extract_html(PAGE)
    for paragraph in PARAGRAPHS:
        assert paragraph in page.text
    for marker in BOILERPLATE:
        assert marker not in page.text
    assert page.title == "Troops hold terrain near Belgorod"
    assert page.author == "Jane Roe"
    assert page.outlet == "Tarn Wire"
    assert page.url == "https://tarnwire.example/world/belgorod"
    assert page.published is not None
    assert page.published.isoformat() == "2025-03-10"


def test_paragraphs_are_separated_by_blank_lines():
    blocks = extract_html(PAGE).text.split("\n\n")
    assert PARAGRAPHS[0] in blocks
    assert PARAGRAPHS[2] in blocks


def test_lists_and_line_breaks_keep_their_lines():
    page = PAGE.replace(
        "<p>" + PARAGRAPHS[1] + "</p>",
        "<ul><li>First listed point about the front line.</li>"
        "<li>Second listed point about the front line.</li></ul>"
        "<blockquote>Quoted line one<br>quoted line two</blockquote>",
    )
    text = extract_html(page).text
    assert "First listed point about the front line.\nSecond listed point" in text
    assert "Quoted line one\nquoted line two" in text


def test_the_markup_date_wins_over_dates_in_the_text():
    page = PAGE.replace(PARAGRAPHS[0], PARAGRAPHS[0] + " On 2024-11-02 it began.")
    assert str(extract_html(page).published) == "2025-03-10"


def test_fallback_takes_paragraphs_when_trafilatura_finds_nothing(monkeypatch):
    monkeypatch.setattr(html_text.trafilatura, "bare_extraction", lambda *a, **k: None)
    page = extract_html(PAGE)
    assert page.text.split("\n\n") == PARAGRAPHS
    assert page.title == "Troops hold terrain near Belgorod"
    assert page.outlet == "Tarn Wire"


def test_fallback_survives_a_trafilatura_crash(monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(html_text.trafilatura, "bare_extraction", crash)
    monkeypatch.setattr(html_text.trafilatura, "extract_metadata", crash)
    page = extract_html(PAGE)
    assert page.text.split("\n\n") == PARAGRAPHS
    assert page.title is None


def test_fallback_skips_scripts_and_boilerplate_and_closes_open_paragraphs():
    html = (
        "<nav><p>menu</p></nav><p>One <b>bold</b> &amp; done<script>alert('x')</script>"
        "<p>Two<br>lines<div>not a paragraph</div><p>  </p><aside><p>aside</p></aside>"
        "<p>Three<script>unclosed script"
    )
    assert fallback_paragraphs(html) == "One bold & done\n\nTwo\nlines\n\nThree"


@pytest.mark.parametrize(
    "junk",
    ["", "   ", "just text, no tags", "<html></html>", "<<<>>>", "<div>" * 5000 + "deep", "<p"],
)
def test_junk_gives_empty_text_and_never_raises(junk):
    assert extract_html(junk).text == ""


def test_nothing_is_fetched(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    assert PARAGRAPHS[0] in extract_html(PAGE).text


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="windows-1251">', "windows-1251"),
        (b"<META CHARSET=utf-8>", "utf-8"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "ISO-8859-1"),
        (b"<p>charset=koi8-r in text</p>", None),
        (b"", None),
    ],
)
def test_declared_charset_is_read_from_meta_tags(head, expected):
    assert declared_charset(b"<html><head>" + head + b"</head>") == expected
