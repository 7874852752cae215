"""Fetching and reading web pages against a local server: bounds, redirects, types."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from fogline.ingest.fetch import fetch, is_url
from fogline.ingest.pages import host_outlet, read_url

from .samples import PARAGRAPHS
from .web_server import BIG, serving


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serving() as url:
        yield url


def reason(base: str, path: str, **kwargs: float) -> str:
    result = read_url(base + path, **kwargs)  # type: ignore[arg-type]
    assert result.documents == ()
    (problem,) = result.problems
    assert problem.path == base + path
    assert "\n" not in problem.reason
    return problem.reason


def test_is_url_takes_only_http_addresses_with_a_host() -> None:
    assert is_url("https://example.org/a?b=c")
    assert is_url("HTTP://example.org")
    for text in (
        "file:///etc/passwd",
        "ftp://example.org/x",
        "http://",
        "example.org",
        "http://[::1",
    ):
        assert not is_url(text)


def test_an_html_page_reads_like_an_html_file(base: str) -> None:
    (document,) = read_url(base + "/page", published=date(2020, 1, 1), outlet="CLI").documents
    assert PARAGRAPHS[1] in document.text
    assert "PAYLOAD" not in document.text
    # the page's own metadata wins over the command line and the address
    assert (document.outlet, document.published_at) == ("Tarn Wire", date(2025, 3, 10))
    assert document.url == "https://tarnwire.example/world/belgorod"
    assert document.path == base + "/page"


def test_a_text_page_takes_its_address_and_host_as_url_and_outlet(base: str) -> None:
    (document,) = read_url(base + "/plain").documents
    assert document.text.startswith(PARAGRAPHS[0])
    assert (document.url, document.outlet) == (base + "/plain", "127.0.0.1")
    (document,) = read_url(base + "/plain", outlet="Kell Courier").documents
    assert document.outlet == "Kell Courier"


def test_the_http_charset_decodes_the_page(base: str) -> None:
    (document,) = read_url(base + "/latin1").documents
    assert "général a déclaré" in document.text


def test_an_untyped_page_is_read_by_its_first_byte(base: str) -> None:
    (document,) = read_url(base + "/untyped").documents
    assert PARAGRAPHS[2] in document.text and "<p>" not in document.text


def test_a_redirect_is_followed_and_the_final_address_kept(base: str) -> None:
    page = fetch(base + "/to-page", max_bytes=1 << 20)
    assert page.url == base + "/page"
    assert page.media_type == "text/html" and page.charset == "utf-8"


def test_bad_pages_are_problems_with_one_line_each(base: str) -> None:
    assert reason(base, "/missing") == "HTTP 404 Not Found"
    assert reason(base, "/to-file") == "redirected to 'file:///etc/passwd', not an http(s) address"
    assert reason(base, "/to-ftp") == "redirected to 'ftp://127.0.0.1/x', not an http(s) address"
    assert reason(base, "/loop") == "more than 5 redirects"
    assert reason(base, "/choices") == "HTTP 300 Multiple Choices"  # no Location to follow
    assert reason(base, "/pdf").startswith("unsupported page type application/pdf")
    assert reason(base, "/binary") == "binary file, not text"
    assert reason(base, "/empty") == "empty page"
    assert "cannot connect" in reason("http://127.0.0.1:9", "/")  # nothing listens there
    assert reason("ftp://example.org", "/x") == "not an http(s) address"


def test_size_is_bounded_by_the_header_and_while_reading(base: str) -> None:
    limit = BIG // 2
    assert reason(base, "/declared-big", max_bytes=limit) == "page is 4 KB, over the 2 KB limit"
    assert reason(base, "/streamed-big", max_bytes=limit) == "page is over the 2 KB limit"


def test_time_is_bounded_for_the_whole_page(base: str) -> None:
    # The server sends a byte every 50 ms for 2 s: no single read times out.
    assert reason(base, "/slow", timeout=0.5) == "page not read within 0.5 s"


def test_host_outlet() -> None:
    assert host_outlet("https://www.Example.org/a") == "example.org"
    assert host_outlet("https://news.example.org") == "news.example.org"
