"""``fogline serve``: the page, its forms, and the requests it refuses."""

from __future__ import annotations

import http.client
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from fogline import api
from fogline.errors import InputError, WorkspaceError
from fogline.link.config import load_questions
from fogline.present import render_html
from fogline.present.web import MAX_BODY, ReportServer
from fogline.store import Workspace
from tests.ingest.web_server import serving

REPORTS = {
    "a.txt": "General Jane Doe said that the northern army holds the bridge at Kell.\n",
    "b.txt": "Officials in the south said the northern army was driven from the bridge at Kell.\n",
}
HOLDS = "The northern army holds the bridge at Kell."
DRIVEN = "The northern army was driven from the bridge at Kell."


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReportServer]:
    monkeypatch.setenv("FOGLINE_EMBEDDER", "hashing")
    monkeypatch.setenv("FOGLINE_STANCE", "lexical")
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    directory = api.init(tmp_path / "ws")
    with Workspace.open(directory) as ws:
        api.add(ws, [tmp_path / name for name in REPORTS])
    running = ReportServer(directory)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()


def request(
    server: ReportServer,
    method: str,
    path: str,
    body: str | bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    sent = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    conn.request(method, path, body=body, headers=sent)
    response = conn.getresponse()
    text = response.read().decode("utf-8")
    conn.close()
    return response.status, dict(response.getheaders()), text


def post(server: ReportServer, path: str, **fields: str) -> tuple[int, dict[str, str], str]:
    return request(server, "POST", path, urlencode({"token": server.token, **fields}))


def test_the_page_is_the_report_with_forms(server: ReportServer) -> None:
    status, headers, page = request(server, "GET", "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "fogline report" in page and 'action="/ask"' in page
    assert f'value="{server.token}"' in page
    assert "form-action &#39;self&#39;" in page and "default-src &#39;none&#39;" in page
    assert "changed since this result was computed" in page  # never assessed yet


def test_asking_adds_weighs_and_shows_the_question(server: ReportServer) -> None:
    status, headers, _ = post(
        server, "/ask", question="Who holds Kell's bridge?", hypotheses=f"{HOLDS}\n\n{DRIVEN}\n"
    )
    assert status == 303 and headers["Location"] == "/"
    _, _, page = request(server, "GET", "/")
    assert "Question q1 added and weighed." in page
    assert "Who holds Kell&#39;s bridge?" in page and HOLDS in page
    assert "changed since this result was computed" not in page
    (question,) = load_questions(server.directory / "questions.toml")
    assert [h.text for h in question.hypotheses] == [HOLDS, DRIVEN]
    # A refused question is reported on the page and changes nothing.
    post(server, "/ask", question="Only one?", hypotheses=HOLDS)
    _, _, page = request(server, "GET", "/")
    assert 'class="notice failed"' in page and "at least two" in page
    assert len(load_questions(server.directory / "questions.toml")) == 1


def test_report_text_stays_text(server: ReportServer) -> None:
    script = "<script>alert(1)</script>"
    post(server, "/ask", question=script, hypotheses=f"{HOLDS}\n{script} ok")
    _, _, page = request(server, "GET", "/")
    assert script not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    ("method", "path", "headers", "body", "status"),
    [
        ("GET", "/", {"Host": "evil.example:80"}, None, 403),
        ("GET", "/other", {}, None, 404),
        ("POST", "/ask", {}, "token=wrong&question=x", 403),
        ("POST", "/ask", {"Host": "evil.example"}, "token=x", 403),
        ("POST", "/drop", {}, "token=x", 404),
        ("POST", "/ask", {"Content-Type": "text/plain"}, "token=x", 415),
        ("POST", "/ask", {}, "x" * (MAX_BODY + 1), 413),
        ("POST", "/ask", {}, "&".join(f"f{i}=1" for i in range(50)), 400),
    ],
)
def test_requests_it_refuses(
    server: ReportServer,
    method: str,
    path: str,
    headers: dict[str, str],
    body: str | None,
    status: int,
) -> None:
    assert request(server, method, path, body, headers)[0] == status
    assert not (server.directory / "questions.toml").exists()


def test_no_workspace_or_a_taken_port_is_one_clear_error(
    server: ReportServer, tmp_path: Path
) -> None:
    with pytest.raises(WorkspaceError, match="fogline init"):
        ReportServer(tmp_path / "nowhere")
    with pytest.raises(InputError, match="--port"):
        ReportServer(server.directory, server.port)


def test_grading_a_source_applies_at_once(server: ReportServer) -> None:
    post(server, "/assess")
    _, _, page = request(server, "GET", "/")
    assert 'action="/grade"' in page and "<option>General Jane Doe</option>" in page
    status, _, _ = post(server, "/grade", source="General Jane Doe", grade="E")
    assert status == 303
    _, _, page = request(server, "GET", "/")
    assert "Grade of General Jane Doe set to E and assessed." in page
    with Workspace.open(server.directory) as ws:
        sources = api.result(ws)["sources"]
    assert next(s["grade"] for s in sources if s["name"] == "General Jane Doe") == "E"
    post(server, "/grade", source="General Jane Doe", grade="Q")
    _, _, page = request(server, "GET", "/")
    assert 'class="notice failed"' in page and "not one of A-F" in page


def test_adding_a_web_page_fetches_it_once_and_assesses(server: ReportServer) -> None:
    with serving() as site:
        status, headers, _ = post(server, "/add", url=f"{site}/plain")
        assert status == 303 and headers["Location"] == "/"
        _, _, page = request(server, "GET", "/")
        assert f"Added {site}/plain (1 report); assessed." in page
        post(server, "/add", url=f"{site}/plain")
        _, _, page = request(server, "GET", "/")
        assert f"{site}/plain is already in the workspace; assessed." in page
        post(server, "/add", url=f"{site}/feed-with-a-blank-entry")
        _, _, page = request(server, "GET", "/")
        assert f"Added {site}/feed-with-a-blank-entry (1 report, 1 skipped); assessed." in page
        post(server, "/add", url=f"{site}/missing")
        _, _, page = request(server, "GET", "/")
        assert 'class="notice failed"' in page
        assert f"{site}/missing not added: HTTP 404 Not Found" in page
    post(server, "/add", url="file:///etc/passwd")
    _, _, page = request(server, "GET", "/")
    assert "file:///etc/passwd not added: not an http(s) address" in page
    with Workspace.open(server.directory) as ws:
        documents = api.result(ws)["documents"]
    assert len(documents) == len(REPORTS) + 2
    assert any(d["url"] == f"{site}/plain" for d in documents)


def _stance_forms(page: str) -> list[dict[str, str]]:
    pattern = r'<form method="post" action="/stance" class="stance">(.*?)</form>'
    out = []
    for form in re.findall(pattern, page, re.S):
        fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
        selected = re.search(r'<option value="(\w+)" selected', form)
        assert selected is not None
        out.append({**fields, "selected": selected.group(1)})
    return out


def _labels(server: ReportServer, claims: str, hypothesis: str) -> set[str]:
    with Workspace.open(server.directory) as ws:
        (question,) = api.result(ws)["questions"]
    return {
        e["label"]
        for e in question["evidence"]
        if e["hypothesis"] == hypothesis and set(e["claims"]) & set(claims.split(","))
    }


def test_correcting_a_stance_reweighs_and_can_be_undone(server: ReportServer) -> None:
    post(server, "/ask", question="Who holds Kell's bridge?", hypotheses=f"{HOLDS}\n{DRIVEN}")
    _, _, page = request(server, "GET", "/")
    forms = _stance_forms(page)
    assert forms, "the served matrix offers a correction per evidence row"
    first = forms[0]
    flipped = "refutes" if first["selected"] == "supports" else "supports"
    status, _, _ = post(
        server,
        "/stance",
        question=first["question"],
        hypothesis=first["hypothesis"],
        claims=first["claims"],
        label=flipped,
    )
    assert status == 303
    _, _, page = request(server, "GET", "/")
    assert f"Stance corrected to {flipped}; assessed." in page
    assert _labels(server, first["claims"], first["hypothesis"]) == {flipped}
    post(
        server,
        "/stance",
        question=first["question"],
        hypothesis=first["hypothesis"],
        claims=first["claims"],
        label="model",
    )
    assert _labels(server, first["claims"], first["hypothesis"]) == {first["selected"]}
    with Workspace.open(server.directory) as ws:
        assert "Correct the stance" not in render_html(api.result(ws))  # the written report


def _speaker_forms(page: str) -> dict[str, str]:
    """Statement id -> the name its speaker form shows."""
    pattern = r'<form method="post" action="/speaker" class="speaker">(.*?)</form>'
    out = {}
    for form in re.findall(pattern, page, re.S):
        statement = re.search(r'name="statement" value="([^"]*)"', form)
        name = re.search(r'name="speaker" value="([^"]*)"', form)
        assert statement is not None and name is not None
        out[statement.group(1)] = name.group(1)
    return out


def test_correcting_a_speaker_relinks_and_can_be_undone(server: ReportServer) -> None:
    post(server, "/assess")
    _, _, page = request(server, "GET", "/")
    forms = _speaker_forms(page)
    statement = next(s for s, name in forms.items() if name == "General Jane Doe")
    status, _, _ = post(server, "/speaker", statement=statement, speaker="  Colonel  Ada Roe ")
    assert status == 303
    _, _, page = request(server, "GET", "/")
    assert "Speaker set to Colonel Ada Roe; assessed." in page
    assert _speaker_forms(page)[statement] == "Colonel Ada Roe"
    assert "Parse&#39;s reading" in page or "Parse's reading" in page
    with Workspace.open(server.directory) as ws:
        result = api.result(ws)
    (corrected,) = [s for s in result["statements"] if s["id"] == statement]
    assert corrected["resolution"] == "analyst" and corrected["speaker"] == "General Jane Doe"
    assert corrected["actor_name"] == "Colonel Ada Roe"
    assert "Colonel Ada Roe" in {s["name"] for s in result["sources"]}
    assert "General Jane Doe" not in {s["name"] for s in result["sources"]}
    post(server, "/speaker", statement=statement, speaker="", clear="1")
    with Workspace.open(server.directory) as ws:
        result = api.result(ws)
    (restored,) = [s for s in result["statements"] if s["id"] == statement]
    assert restored["resolution"] != "analyst" and restored["actor_name"] == "General Jane Doe"
    post(server, "/speaker", statement="no-such-statement", speaker="Someone")
    _, _, page = request(server, "GET", "/")
    assert 'class="notice failed"' in page and "no statement" in page
    with Workspace.open(server.directory) as ws:
        assert 'action="/speaker"' not in render_html(api.result(ws))  # the written report
