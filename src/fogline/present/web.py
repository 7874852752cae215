"""``fogline serve``: the workspace's report as a local web page, with the analyst's
controls: add a web page by its address, ask a question with its competing hypotheses,
correct a source's grade, a stance in the evidence matrix or the speaker of a statement,
and re-assess. A page is fetched only when the analyst submits its address.

The page is the HTML report (same template, same escaping) with a form on top. Only
127.0.0.1 is served. A change is a POST that must carry the server's random token and a
Host header naming this server, so another site open in the same browser can neither
drive it nor read it through a rebound DNS name; bodies over ``MAX_BODY`` bytes are
refused. Changes are made one at a time; each ends in a redirect to the page.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

from fogline import api
from fogline.errors import FoglineError, InputError
from fogline.present.html_report import Controls, render_html
from fogline.store import Workspace

MAX_BODY = 64 * 1024
FORM_TYPE = "application/x-www-form-urlencoded"
Assess = Callable[[Workspace], None]


def _assess(ws: Workspace) -> None:
    api.assess(ws)


class ReportServer(ThreadingHTTPServer):
    """Serves one workspace at ``url`` until ``shutdown()``."""

    daemon_threads = True

    def __init__(self, directory: Path, port: int = 0, assess: Assess = _assess) -> None:
        with Workspace.open(directory):  # a clear error before the port is taken
            pass
        try:
            super().__init__(("127.0.0.1", port), _Handler)
        except OSError as exc:
            raise InputError(
                f"cannot serve on port {port}: {exc.strerror or exc}; pass --port N"
            ) from exc
        self.directory = directory
        self.assess = assess
        self.token = secrets.token_urlsafe(24)
        self.changing = threading.Lock()
        self.notice = ("", False)  # what the last change did, and whether it failed

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def page(self) -> str:
        """The report of the workspace as it stands, with the controls."""
        with Workspace.open(self.directory) as ws:
            assessed = ws.get_meta("assessed") is not None
            result = api.result(ws, str(self.directory))
        message, failed = self.notice
        sources = tuple(
            sorted({str(s["name"]) for s in result.get("sources") or [] if s.get("name")})
        )
        return render_html(result, Controls(self.token, message, failed, assessed, sources))

    def change(self, action: str, form: dict[str, list[str]]) -> None:
        """Run one POSTed action, then assess, and remember the outcome for the next page."""
        with self.changing:
            try:
                with Workspace.open(self.directory) as ws:
                    message = _record(ws, action, form)
                    self.assess(ws)
                self.notice = (message, False)
            except FoglineError as exc:
                self.notice = (str(exc), True)


def _record(ws: Workspace, action: str, form: dict[str, list[str]]) -> str:
    """Write what the form asks for into the analyst's files; the message to show once
    the workspace is assessed."""
    if action == "ask":
        lines = [h for h in _field(form, "hypotheses").splitlines() if h.strip()]
        about = _field(form, "about").replace(",", " ").split()
        question_id = api.ask(ws, _field(form, "question"), lines, about)
        return f"Question {question_id} added and weighed."
    if action == "add":
        url = _field(form, "url").strip()
        report = api.add(ws, [], urls=[url])
        if report.problems and not report.added:
            raise InputError(f"{url} not added: {report.problems[0].reason}")
        if not report.added:
            return f"{url} is already in the workspace; assessed."
        skipped = f", {len(report.problems)} skipped" if report.problems else ""
        count = f"{report.added} report{'s' if report.added > 1 else ''}{skipped}"
        return f"Added {url} ({count}); assessed."
    if action == "grade":
        name, grade = _field(form, "source"), _field(form, "grade")
        api.grade(ws, name, None if grade == "none" else grade)
        done = "cleared" if grade == "none" else f"set to {grade}"
        return f"Grade of {name} {done} and assessed."
    if action == "stance":
        label = _field(form, "label")
        claims = _field(form, "claims").split(",")
        question, hypothesis = _field(form, "question"), _field(form, "hypothesis")
        model = label == "model"
        api.correct_stances(ws, claims, question, hypothesis, None if model else label)
        done = "returned to the model's reading" if model else f"corrected to {label}"
        return f"Stance {done}; assessed."
    if action == "speaker":
        statement, name = _field(form, "statement"), " ".join(_field(form, "speaker").split())
        clear = bool(_field(form, "clear"))
        api.correct_speaker(ws, statement, None if clear else name)
        done = "returned to the parse's reading" if clear else f"set to {name}"
        return f"Speaker {done}; assessed."
    return "Assessed."


def _field(form: dict[str, list[str]], name: str) -> str:
    values = form.get(name) or [""]
    return values[0]


class _Handler(BaseHTTPRequestHandler):
    server: ReportServer
    server_version = "fogline"
    sys_version = ""
    timeout = 30  # seconds a client may take to send its request

    def log_message(self, format: str, *args: object) -> None:
        return None  # the terminal stays quiet; errors reach the page

    def _host_ok(self) -> bool:
        port = self.server.port
        return self.headers.get("Host", "") in (f"127.0.0.1:{port}", f"localhost:{port}")

    def _send(self, status: HTTPStatus, body: str, content_type: str = "text/plain") -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if not self._host_ok():
            self._send(HTTPStatus.FORBIDDEN, "fogline serves only http://127.0.0.1\n")
        elif self.path.split("?", 1)[0] != "/":
            self._send(HTTPStatus.NOT_FOUND, "not found\n")
        else:
            try:
                self._send(HTTPStatus.OK, self.server.page(), "text/html")
            except FoglineError as exc:
                self._send(HTTPStatus.SERVICE_UNAVAILABLE, f"{exc}\n")

    def do_POST(self) -> None:
        action = self.path.lstrip("/")
        length = self.headers.get("Content-Length", "")
        if not self._host_ok():
            self._send(HTTPStatus.FORBIDDEN, "fogline serves only http://127.0.0.1\n")
        elif action not in ("add", "ask", "grade", "stance", "speaker", "assess"):
            self._send(HTTPStatus.NOT_FOUND, "not found\n")
        elif not length.isdigit() or int(length) > MAX_BODY:
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "form missing or too large\n")
        elif self.headers.get_content_type() != FORM_TYPE:
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "expected a form\n")
        else:
            body = self.rfile.read(int(length)).decode("utf-8", errors="replace")
            try:
                form = parse_qs(body, max_num_fields=20)
            except ValueError:
                self._send(HTTPStatus.BAD_REQUEST, "too many form fields\n")
                return
            if not secrets.compare_digest(_field(form, "token"), self.server.token):
                self._send(HTTPStatus.FORBIDDEN, "stale or missing form token; reload the page\n")
                return
            self.server.change(action, form)
            self.send_response(HTTPStatus.SEE_OTHER)
            self.send_header("Location", "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
