"""A local HTTP server with fixed routes, for the fetch and page-reading tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .samples import ATOM, PAGE, PARAGRAPHS

PLAIN = "\n\n".join(PARAGRAPHS) + "\n"
BIG = 4096  # bytes the oversized routes send; the tests fetch with a smaller limit

# path -> (status, headers, body)
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/page": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode("utf-8")),
    "/plain": (200, {"Content-Type": "text/plain; charset=utf-8"}, PLAIN.encode("utf-8")),
    "/latin1": (
        200,
        {"Content-Type": "text/plain; charset=iso-8859-1"},
        "Le général a déclaré que le pont était tenu.\n".encode("latin-1"),
    ),
    "/untyped": (200, {}, PAGE.encode("utf-8")),
    "/feed": (200, {"Content-Type": "application/atom+xml"}, ATOM.encode("utf-8")),
    "/feed-with-a-blank-entry": (
        200,
        {"Content-Type": "application/atom+xml"},
        ATOM.replace("</feed>", "<entry><id>x</id></entry></feed>").encode("utf-8"),
    ),
    "/xml": (200, {"Content-Type": "application/xml"}, b"<?xml version='1.0'?><config/>"),
    "/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 binary"),
    "/binary": (200, {"Content-Type": "text/plain"}, bytes(range(256)) * 4),
    "/empty": (200, {"Content-Type": "text/html"}, b""),
    "/missing": (404, {"Content-Type": "text/plain"}, b"not here"),
    "/to-page": (302, {"Location": "/page"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/to-ftp": (302, {"Location": "ftp://127.0.0.1/x"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/choices": (300, {"Content-Type": "text/plain"}, b"pick one"),
    "/declared-big": (200, {"Content-Type": "text/plain", "Content-Length": str(BIG)}, b""),
}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None

    def do_GET(self) -> None:
        if self.path == "/streamed-big":  # no Content-Length: the limit must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"word " * (BIG // 5 + 1))
            return
        if self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):  # a byte every 50 ms: each read is quick, the whole is not
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.05)
            return
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serving() -> Iterator[str]:
    """The base address ("http://127.0.0.1:PORT") of a server running for the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
