"""Sample inputs shared by the ingest tests."""

PARAGRAPHS = [
    "A US four-star general told a congressional hearing on Tuesday that Ukrainian forces "
    "hold good defensive terrain inside Belgorod Region, across the border from Kursk.",
    "The Ukrainian president echoed this in his nightly address, saying the operation "
    "continued and that the troops had achieved their goals for the week.",
    "A Russian general told national television that an attempted breakthrough two weeks "
    "earlier had failed and that the areas were being cleared of the remaining units.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Troops hold terrain near Belgorod | Tarn Wire</title>
<meta property="og:site_name" content="Tarn Wire">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-03-10T08:00:00Z">
<link rel="canonical" href="https://tarnwire.example/world/belgorod">
<script>var leaked = "HEAD_SCRIPT_PAYLOAD";</script>
<style>.x {{ color: red }}</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World NAV_LINK</a></li></ul></nav>
<header><p>HEADER_TEXT Subscribe to our newsletter for the latest updates today.</p></header>
<article>
<h1>Troops hold terrain near Belgorod</h1>
<p>{PARAGRAPHS[0]}</p>
<script>document.write("BODY_SCRIPT_PAYLOAD")</script>
<p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p>
</article>
<footer><p>FOOTER_TEXT Copyright 2025 Tarn Wire. All rights reserved. Privacy policy.</p></footer>
</body></html>"""

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Tarn Wire</title>
<entry>
  <title>Troops advance</title>
  <link href="https://tarnwire.example/x"/>
  <updated>2025-03-12T10:00:00Z</updated>
  <summary>Tarn Wire reported that troops advanced past the bridge.</summary>
</entry>
</feed>
"""
