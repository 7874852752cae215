"""The command line against real temporary workspaces (spaCy parse, hashing embedder)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from fogline import api
from fogline.cli import EXIT_SKIPPED, cli
from fogline.store import Workspace
from tests.ingest.test_language import RUSSIAN
from tests.ingest.web_server import serving

REPORTS = {
    "a.txt": "General Jane Doe told a hearing on Monday that the northern army holds the "
    "bridge at Kell.\n",
    "b.txt": "Officials in the south said that the northern army was driven away from the "
    "bridge at Kell two weeks ago.\n",
    "c.md": "---\noutlet: Kell Courier\npublished_at: 2025-03-12\n---\n# Bridge\n\nLocal "
    "residents said the northern army still holds the bridge at Kell.\n",
}
QUESTIONS = """
[[questions]]
id = "kell"
text = "Who holds the bridge at Kell?"
[[questions.hypotheses]]
id = "north"
text = "The northern army holds the bridge at Kell."
[[questions.hypotheses]]
id = "south"
text = "The northern army was driven away from the bridge at Kell."
"""


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("FOGLINE_EMBEDDER", "hashing")
    monkeypatch.setenv("FOGLINE_STANCE", "lexical")
    return {"FOGLINE_EMBEDDER": "hashing", "FOGLINE_STANCE": "lexical"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text)
    (tmp_path / "questions.toml").write_text(QUESTIONS)
    return folder


def run(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args, env=env)
    return result.exit_code, result.stdout, result.stderr


def test_workspace_verbs_end_to_end(tmp_path: Path, corpus: Path, env: dict[str, str]) -> None:
    ws = tmp_path / "ws"
    code, _, err = run(["init", str(ws), "--questions", str(tmp_path / "questions.toml")], env)
    assert code == 0, err
    base = ["--workspace", str(ws)]
    code, _, err = run([*base, "add", str(corpus), "--published", "2025-03-13"], env)
    assert code == 0, err
    assert "Added 3 documents" in err
    code, _, err = run([*base, "add", str(corpus)], env)  # re-adding is a no-op
    assert "Added 0 documents (3 already there" in err
    code, out, err = run([*base, "report", "--out", str(tmp_path / "r.html")], env)
    assert code == 3 and "fogline assess" in err  # not assessed yet: one clear line
    code, out, err = run([*base, "assess"], env)
    assert code == 0, err
    assert "Who holds the bridge at Kell?" in out
    code, _, err = run([*base, "report", "--out", str(tmp_path / "r.html")], env)
    assert code == 0 and (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    code, _, _ = run([*base, "export", "--format", "json", "--out", str(tmp_path / "r.json")], env)
    data = json.loads((tmp_path / "r.json").read_text())
    assert {d["outlet"] for d in data["documents"]} >= {"Kell Courier"}
    statement = next(s for s in data["statements"] if s["speaker"] == "General Jane Doe")
    assert (statement["cue"], statement["said_at"]) == ("told", "2025-03-10")
    assert {"documents", "statements", "propositions", "hypotheses", "sources"} <= set(data)
    code, _, _ = run([*base, "export", "--format", "csv", "--out", str(tmp_path / "csv")], env)
    assert code == 0 and (tmp_path / "csv" / "statements.csv").is_file()
    parquet = tmp_path / "parquet"
    code, _, err = run([*base, "export", "--format", "parquet", "--out", str(parquet)], env)
    assert code == 0, err
    assert (parquet / "statements.parquet").is_file() and (parquet / "evidence.parquet").is_file()
    code, out, _ = run([*base, "status"], env)
    assert "documents   3" in out and "assessed    yes" in out


def test_bad_inputs_are_skipped_with_one_line_each(
    tmp_path: Path, corpus: Path, env: dict[str, str]
) -> None:
    (corpus / "empty.txt").write_text("")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (corpus / "latin1.txt").write_bytes(
        "Le g\xe9n\xe9ral a dit que le pont est tenu.".encode("latin-1")
    )
    code, _, err = run(["--quiet", "analyze", str(corpus), "--json", str(tmp_path / "r.json")], env)
    assert code == EXIT_SKIPPED
    skipped = [line for line in err.splitlines() if line.startswith("fogline: skipped")]
    assert len(skipped) == 2
    assert any("empty.txt" in line for line in skipped)
    data = json.loads((tmp_path / "r.json").read_text())
    assert len(data["documents"]) == 4  # the three reports and the latin-1 one


def test_reports_in_other_languages_are_skipped_with_the_language(
    tmp_path: Path, corpus: Path, env: dict[str, str]
) -> None:
    (corpus / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    lines = [
        {"text": "Kell is quiet today, officials said.", "language": "uk"},
        {"text": "The bridge at Kell still stands, the mayor said on Tuesday."},
    ]
    (corpus / "tagged.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    code, _, err = run(["--quiet", "analyze", str(corpus), "--json", str(tmp_path / "r.json")], env)
    assert code == EXIT_SKIPPED
    skipped = sorted(line for line in err.splitlines() if line.startswith("fogline: skipped"))
    assert skipped == [
        f"fogline: skipped {corpus / 'ru.txt'}: in Russian (ru); fogline analyzes English only",
        f"fogline: skipped {corpus / 'tagged.jsonl'} ('Kell is quiet today, officials said.'): "
        "in Ukrainian (uk); fogline analyzes English only",
    ]
    data = json.loads((tmp_path / "r.json").read_text())
    assert len(data["documents"]) == 4  # the three reports and the English line


def test_web_pages_are_fetched_beside_files(
    tmp_path: Path, corpus: Path, env: dict[str, str]
) -> None:
    with serving() as base:
        args = ["--quiet", "analyze", str(corpus), f"{base}/plain", f"{base}/missing"]
        code, _, err = run([*args, "--json", str(tmp_path / "r.json")], env)
    assert code == EXIT_SKIPPED
    skipped = [line for line in err.splitlines() if line.startswith("fogline: skipped")]
    assert skipped == [f"fogline: skipped {base}/missing: HTTP 404 Not Found"]
    data = json.loads((tmp_path / "r.json").read_text())
    page = next(d for d in data["documents"] if d["outlet"] == "127.0.0.1")
    assert page["url"] == f"{base}/plain"
    assert len(data["documents"]) == 4


def test_a_list_of_addresses_is_fetched(tmp_path: Path, env: dict[str, str]) -> None:
    ws = tmp_path / "ws"
    assert run(["init", str(ws)], env)[0] == 0
    listing = tmp_path / "links.txt"
    with serving() as base:
        listing.write_text(f"# from the morning sweep\n{base}/plain\n\n  {base}/page  \n")
        code, _, err = run(["--workspace", str(ws), "add", "--urls", str(listing)], env)
    assert code == 0 and "Added 2 documents" in err, err
    code, _, err = run(["--workspace", str(ws), "add"], env)
    assert code == 2 and "name at least one file, folder or web address" in err
    code, _, err = run(["--workspace", str(ws), "add", "--urls", str(tmp_path / "none.txt")], env)
    assert code == 2 and "none.txt: no such file" in err and "Traceback" not in err


def test_many_reports_are_analyzed_by_worker_processes_alike(
    tmp_path: Path, env: dict[str, str]
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    texts = [*REPORTS.values()][:2]
    for i in range(24):
        (folder / f"r{i:02}.txt").write_text(f"Report {i}. {texts[i % 2]}")
    exported = []
    for workers in ("1", "2"):
        ws = tmp_path / f"ws{workers}"
        base = ["--workspace", str(ws)]
        assert run(["init", str(ws)], env)[0] == 0
        code, _, err = run([*base, "add", str(folder)], {**env, "FOGLINE_WORKERS": workers})
        assert code == 0 and "Added 24 documents" in err, err
        assert run([*base, "assess"], env)[0] == 0
        run([*base, "export", "--format", "json", "--out", str(ws / "r.json")], env)
        data = json.loads((ws / "r.json").read_text())
        exported.append((data["statements"], data["claims"]))
    assert exported[0] == exported[1] and exported[0][0]


def test_errors_are_one_line_without_traceback(tmp_path: Path, env: dict[str, str]) -> None:
    code, _, err = run(["--workspace", str(tmp_path), "assess"], env)
    assert code == 3
    assert err.strip().count("\n") == 0 and "Traceback" not in err
    code, _, err = run(["analyze", str(tmp_path / "missing")], env)
    assert code != 0 and "no such file" in err


def test_interrupted_add_leaves_a_consistent_workspace(
    tmp_path: Path, corpus: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    api.init(tmp_path / "ws")
    real_save = api.save_analysis
    calls = {"n": 0}

    def save_then_interrupt(*args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        real_save(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "save_analysis", save_then_interrupt)
    code, _, err = run(["--workspace", str(tmp_path / "ws"), "add", str(corpus)], env)
    assert code == 130 and "consistent" in err
    with Workspace.open(tmp_path / "ws") as ws:
        assert ws.count("documents") == ws.count("analyses") == 1
    monkeypatch.setattr(api, "save_analysis", real_save)
    code, _, err = run(["--workspace", str(tmp_path / "ws"), "add", str(corpus)], env)
    assert code == 0 and "Added 2 documents (1 already there" in err


def test_posteriors_decompose_into_contributions(
    tmp_path: Path, corpus: Path, env: dict[str, str]
) -> None:
    result, _ = api.analyze([corpus], questions=tmp_path / "questions.toml")
    (question,) = result["questions"]
    probs = {h["id"]: h["probability"] for h in question["hypotheses"]}
    assert math.isclose(sum(probs.values()), 1.0, abs_tol=1e-5)
    assert question["evidence"], "the test corpus must yield evidence"
    logs = {h: math.log(p) for h, p in probs.items()}
    mean = sum(logs.values()) / len(logs)
    for h in probs:
        total = sum(e["contributions"][h] for e in question["evidence"])
        assert math.isclose(logs[h] - mean, total, abs_tol=1e-4)


def test_same_input_gives_the_same_result(
    corpus: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    first, _ = api.analyze([corpus], questions=tmp_path / "questions.toml")
    second, _ = api.analyze([corpus], questions=tmp_path / "questions.toml")
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


DERIVABLE = {
    "a.txt": "General Jane Doe said that the northern army holds the bridge at Kell.\n",
    "b.txt": "Colonel Ann Roe said that the northern army holds the bridge at Kell.\n",
    "c.txt": "Officials in the south said that the bridge at Kell was destroyed by floods.\n",
    "d.txt": "Local residents said that the bridge at Kell was destroyed by floods.\n",
}


def test_a_derived_question_is_drafted_edited_and_weighed(
    tmp_path: Path, env: dict[str, str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in DERIVABLE.items():
        (folder / name).write_text(text)
    ws = tmp_path / "ws"
    base = ["--workspace", str(ws)]
    assert run(["init", str(ws)], env)[0] == 0
    assert run([*base, "add", str(folder)], env)[0] == 0
    code, out, err = run([*base, "questions"], env)
    assert code == 3 and "fogline assess" in err  # nothing weighed yet
    assert run([*base, "assess"], env)[0] == 0
    code, out, err = run([*base, "questions"], env)
    assert code == 0, err
    assert "Derived by fogline" in out and "floods" in out
    code, _, err = run([*base, "questions", "--draft"], env)
    assert code == 0 and "questions.toml" in err
    (drafted,) = api.load_questions(ws / "questions.toml")
    assert len(drafted.hypotheses) == 2 and not drafted.derived
    code, _, err = run([*base, "questions", "--draft"], env)
    assert code == 4 and "already exists" in err  # the analyst's edits are never overwritten
    path = ws / "questions.toml"
    path.write_text(
        path.read_text().replace("Which of these accounts holds?", "Is Kell's bridge up?")
    )
    code, out, err = run([*base, "assess"], env)
    assert code == 0, err
    assert "Is Kell's bridge up?" in out
    (question,) = api.result(Workspace.open(ws))["questions"]
    assert not question["derived"] and len(question["hypotheses"]) == 2


def test_ask_adds_a_question_and_weighs_it(
    tmp_path: Path, corpus: Path, env: dict[str, str]
) -> None:
    ws = tmp_path / "ws"
    base = ["--workspace", str(ws)]
    assert run(["init", str(ws)], env)[0] == 0
    assert run([*base, "add", str(corpus)], env)[0] == 0
    code, out, err = run(
        [
            *base,
            "ask",
            "Is the bridge at Kell held?",
            "-H",
            "The northern army holds the bridge at Kell.",
            "-H",
            "The northern army was driven away from the bridge at Kell.",
            "--about",
            "Kell",
        ],
        env,
    )
    assert code == 0, err
    assert "Question q1 added" in err
    assert "Is the bridge at Kell held?" in out and "driven away" in out and "%" in out
    (question,) = api.load_questions(ws / "questions.toml")
    assert question.about == ("Kell",) and len(question.hypotheses) == 2
    code, _, err = run(
        [*base, "ask", "Was it rebuilt?", "-H", "Yes.", "-H", "No.", "--no-assess"], env
    )
    assert code == 0, err
    code, _, err = run([*base, "report", "--out", str(tmp_path / "r.html")], env)
    assert code == 3 and "fogline assess" in err  # the new question is not weighed yet
    code, _, err = run([*base, "ask", "Was it rebuilt?", "-H", "Yes.", "-H", "No."], env)
    assert code == 4 and "already asks" in err and len(err.strip().splitlines()) == 1
    code, _, err = run([*base, "ask", "Q?", "-H", "Only one."], env)
    assert code == 4 and "at least two" in err


def test_grade_corrects_a_source_and_assess_applies_it(
    tmp_path: Path, corpus: Path, env: dict[str, str]
) -> None:
    ws = tmp_path / "ws"
    base = ["--workspace", str(ws)]
    assert run(["init", str(ws), "--questions", str(tmp_path / "questions.toml")], env)[0] == 0
    assert run([*base, "add", str(corpus)], env)[0] == 0
    assert run([*base, "assess"], env)[0] == 0

    def grade_of(name: str) -> str | None:
        sources = api.result(Workspace.open(ws))["sources"]
        return next(s["grade"] for s in sources if s["name"] == name)

    assert grade_of("General Jane Doe") is None
    code, _, err = run([*base, "grade", "Gen. Jane Doe", "e"], env)
    assert code == 0 and "graded E" in err and "fogline assess" in err
    code, _, err = run([*base, "report", "--out", str(tmp_path / "r.html")], env)
    assert code == 3  # the correction is not applied until the next assessment
    assert run([*base, "assess"], env)[0] == 0
    assert grade_of("General Jane Doe") == "E"
    assert run([*base, "grade", "General Jane Doe", "none"], env)[0] == 0
    assert run([*base, "assess"], env)[0] == 0
    assert grade_of("General Jane Doe") is None
    code, _, err = run([*base, "grade", "General Jane Doe", "G"], env)
    assert code == 2 and "G" in err
