"""Web archives: page captures become documents; assets, redirects and junk do not."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from fogline.ingest import discover, read_path

from .samples import PAGE, PARAGRAPHS, PNG_BYTES

SITE = "https://www.kell-courier.example"


def response(
    writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers)
    writer.write_record(record)


def archive(path: Path, gzip: bool = True) -> Path:
    """A small crawl: two pages, an asset, a redirect, a request, a bare text resource."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "x")], is_http_request=True)
        writer.write_record(writer.create_warc_record(f"{SITE}/a", "request", http_headers=request))
        response(writer, f"{SITE}/a", PAGE.encode("utf-8"), "text/html; charset=utf-8")
        response(writer, f"{SITE}/logo.png", PNG_BYTES, "image/png")
        response(writer, f"{SITE}/old", b"", "text/html", status="301 Moved Permanently")
        response(writer, f"{SITE}/menu", b"<html><body><nav>Home</nav></body></html>", "text/html")
        note = b"Officials said the bridge at Kell was still held on Monday.\n"
        writer.write_record(
            writer.create_warc_record(
                f"{SITE}/note.txt",
                "resource",
                payload=BytesIO(note),
                warc_content_type="text/plain",
            )
        )
    return path


def test_page_captures_become_documents(tmp_path: Path) -> None:
    result = read_path(archive(tmp_path / "crawl.warc.gz"), outlet="CLI")
    page, note = result.documents
    assert PARAGRAPHS[0] in page.text and "PAYLOAD" not in page.text
    assert (page.outlet, page.url) == ("Tarn Wire", "https://tarnwire.example/world/belgorod")
    assert page.path == f"{tmp_path / 'crawl.warc.gz'}#{SITE}/a"
    assert note.text.startswith("Officials said")
    assert (note.outlet, note.url) == ("CLI", f"{SITE}/note.txt")
    # only the menu page, a capture of HTML without main text, is a problem
    (problem,) = result.problems
    assert problem.path.endswith(f"#{SITE}/menu") and "no main text" in problem.reason


def test_an_uncompressed_archive_reads_the_same(tmp_path: Path) -> None:
    packed = read_path(archive(tmp_path / "a.warc.gz")).documents
    plain = read_path(archive(tmp_path / "b.WARC", gzip=False)).documents
    assert [d.id for d in packed] == [d.id for d in plain]
    assert plain[1].outlet == "kell-courier.example"


def test_the_size_limit_holds_per_capture_not_per_archive(tmp_path: Path) -> None:
    path = archive(tmp_path / "crawl.warc.gz")
    result = read_path(path, max_bytes=len(PAGE) // 2)
    assert path.stat().st_size > len(PAGE) // 2
    assert [d.text[:9] for d in result.documents] == ["Officials"]
    assert any(p.reason.startswith("capture is over the") for p in result.problems)


def test_junk_broken_and_empty_archives_are_one_problem(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a web archive\r\n" * 10)
    (problem,) = read_path(junk).problems
    assert problem.reason == "cannot read web archive (it does not start with a WARC header)"
    whole = archive(tmp_path / "whole.warc", gzip=False).read_bytes()
    broken = tmp_path / "broken.warc"  # junk in the middle: what comes before it is kept
    broken.write_bytes(whole[: len(whole) // 2] + b"junk" * 10 + whole[len(whole) // 2 :])
    result = read_path(broken)
    assert len(result.documents) == 1
    (problem,) = result.problems
    assert problem.reason.startswith("cannot read web archive (Invalid WARC record")
    empty = tmp_path / "empty.warc.gz"
    with empty.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record(empty.name, {"software": "test"}))
    (problem,) = read_path(empty).problems
    assert problem.reason == "no page captures (HTML or text) in this web archive"


def test_folders_yield_web_archives(tmp_path: Path) -> None:
    archive(tmp_path / "crawl.warc.gz")
    (tmp_path / "crawl.gz").write_bytes(b"x")
    files, problems = discover([tmp_path])
    assert [f.name for f in files] == ["crawl.warc.gz"] and problems == []
