"""RSS and Atom feeds: one document per entry, taken from the feed alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fogline.ingest import read_path, read_url
from fogline.ingest.feeds import html_fragment_text

from .samples import ATOM
from .web_server import serving

RSS = """<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Kell Courier</title>
<link>https://kell-courier.example/</link>
<item>
  <title>General says the bridge holds</title>
  <link>https://kell-courier.example/a</link>
  <pubDate>Tue, 11 Mar 2025 08:00:00 GMT</pubDate>
  <author>desk@kell-courier.example (Ana Roe)</author>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>General Jane Doe told a hearing that the army holds the
  bridge.</p><script>alert("PAYLOAD")</script><p>Officials in the south denied it.</p>]]>
  </content:encoded>
</item>
<item>
  <title>Southern officials: bridge retaken</title>
  <link>https://kell-courier.example/b</link>
  <description>Officials said the &lt;b&gt;bridge&lt;/b&gt; was retaken \u2013 at dawn.
  </description>
</item>
<item><title>Headline only: army withdraws</title><link>https://kell-courier.example/c</link></item>
<item><link>https://kell-courier.example/d</link></item>
</channel></rss>
"""


def test_rss_entries_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "courier.rss"
    path.write_bytes(RSS.encode("windows-1252"))
    result = read_path(path, outlet="CLI", published=date(2025, 1, 1))
    full, summary, headline = result.documents
    assert full.text == (
        "General Jane Doe told a hearing that the army holds the bridge.\n\n"
        "Officials in the south denied it."
    )
    assert (full.title, full.outlet, full.url) == (
        "General says the bridge holds",
        "Kell Courier",
        "https://kell-courier.example/a",
    )
    assert (full.published_at, full.path) == (date(2025, 3, 11), f"{path}#1")
    assert summary.text == "Officials said the bridge was retaken \u2013 at dawn."
    assert summary.published_at == date(2025, 1, 1)  # the command line fills the gap
    assert headline.text == "Headline only: army withdraws"
    (problem,) = result.problems
    assert (problem.path, problem.reason) == (f"{path}#4", "entry has no text and no title")


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    (document,) = read_path(path).documents
    assert (document.outlet, document.published_at) == ("Tarn Wire", date(2025, 3, 12))
    assert document.url == "https://tarnwire.example/x"


def test_a_feed_page_is_read_by_its_type() -> None:
    with serving() as base:
        (document,) = read_url(f"{base}/feed").documents
        (problem,) = read_url(f"{base}/xml").problems
    assert (document.outlet, document.path) == ("Tarn Wire", f"{base}/feed#1")
    assert problem.reason == "not an RSS or Atom feed"


def test_junk_and_empty_feeds_are_problems(tmp_path: Path) -> None:
    junk = tmp_path / "junk.rss"
    junk.write_text("this is not XML at all")
    assert [p.reason for p in read_path(junk).problems] == ["not an RSS or Atom feed"]
    empty = tmp_path / "empty.atom"
    empty.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>')
    assert [p.reason for p in read_path(empty).problems] == ["feed has no entries"]


def test_html_fragment_text() -> None:
    assert html_fragment_text("<p>One.</p><p>Two &amp; three.</p>") == "One.\n\nTwo & three."
    assert html_fragment_text("Said <b>this</b>.<br>More.<script>x()</script>") == (
        "Said this. More."
    )
