from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any

import pytest

from fogline.errors import InputError
from fogline.present import write_csv, write_json
from fogline.present.exports import TABLES


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_json_round_trip(result: dict[str, Any], tmp_path: Path, hostile: Any) -> None:
    path = tmp_path / "result.json"
    write_json(result, path)
    raw = path.read_text(encoding="utf-8")
    assert json.loads(raw) == result
    assert hostile.script in raw  # ensure_ascii=False: text as written, not \u escapes
    assert raw.startswith('{\n  "fogline_version": "0.1.0",')  # indent 2, keys in order
    assert raw.endswith("}\n")
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]


def test_json_is_deterministic(result: dict[str, Any], tmp_path: Path) -> None:
    write_json(result, tmp_path / "a.json")
    write_json(result, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_json_refuses_nan(result: dict[str, Any], tmp_path: Path) -> None:
    result["params"]["bad"] = math.nan
    with pytest.raises(ValueError):
        write_json(result, tmp_path / "result.json")
    assert list(tmp_path.iterdir()) == []


def test_json_missing_directory(result: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_json(result, tmp_path / "nope" / "result.json")


def test_csv_files_and_headers(result: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "csv"
    paths = write_csv(result, out)
    assert [p.name for p in paths] == list(TABLES)
    assert sorted(p.name for p in out.iterdir()) == sorted(TABLES)
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == TABLES[path.name][0]
    documents = read_csv(out / "documents.csv")
    assert "sentences" not in documents[0]
    assert [d["n_sentences"] for d in documents] == ["4", "3", "4"]
    assert documents[2]["url"] == "http://isc.example/update?id=1&x=<y>"


def test_csv_contents(result: dict[str, Any], tmp_path: Path, hostile: Any) -> None:
    out = tmp_path / "csv"
    write_csv(result, out)
    statements = read_csv(out / "statements.csv")
    assert len(statements) == 6
    bob = next(s for s in statements if s["id"] == hostile.script_statement)
    assert bob["content"] == hostile.script
    assert bob["speaker"] == hostile.html_speaker
    assert bob["actor"] == "" and bob["direct"] == "true"
    assert json.loads(statements[4]["hedges"]) == ["likely"]

    evidence = read_csv(out / "evidence.csv")
    assert len(evidence) == 6
    first = evidence[0]
    assert first["question"] == "selm" and first["id"] == "e1"
    assert json.loads(first["factors"])["interest"] == 0.6
    assert json.loads(first["contributions"]) == {
        "foothold": 0.41,
        "breakthrough": -0.2,
        "repelled": -0.21,
    }
    assert evidence[5]["absent"] == "true"

    contributions = read_csv(out / "contributions.csv")
    assert len(contributions) == 18
    assert contributions[0] == {
        "question": "selm",
        "evidence": "e1",
        "source": "ac01",
        "hypothesis": "foothold",
        "contribution": "0.41",
    }

    hypotheses = read_csv(out / "hypotheses.csv")
    assert [h["id"] for h in hypotheses] == ["foothold", "breakthrough", "repelled"]
    assert hypotheses[0]["interval_low"] == "0.55" and hypotheses[0]["interval_high"] == "0.84"
    assert [h["majority_vote_pick"] for h in hypotheses] == ["false", "false", "true"]

    sources = read_csv(out / "sources.csv")
    assert sources[1]["depends_on"] == '["ac01"]'
    assert sources[4]["side"] == ""
    assert len(read_csv(out / "dependences.csv")) == 3
    assert len(read_csv(out / "claims.csv")) == 7
    assert len(read_csv(out / "propositions.csv")) == 2
    assert read_csv(out / "skipped.csv") == [
        {"path": "corpus/bad.bin", "reason": "binary file, not text"}
    ]


def test_csv_neutralises_formulas(result: dict[str, Any], tmp_path: Path) -> None:
    result["statements"][0]["content"] = '=HYPERLINK("http://evil","x")'
    result["statements"][1]["content"] = "-1+2"
    write_csv(result, tmp_path / "csv")
    statements = read_csv(tmp_path / "csv" / "statements.csv")
    assert statements[0]["content"] == '\'=HYPERLINK("http://evil","x")'
    assert statements[1]["content"] == "'-1+2"
    contributions = read_csv(tmp_path / "csv" / "contributions.csv")
    assert contributions[1]["contribution"] == "-0.2"  # numbers are left alone


def test_csv_into_existing_directory_replaces_only_its_own_files(
    result: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "csv"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "sources.csv").write_text("stale", encoding="utf-8")
    write_csv(result, out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "sources.csv").read_text(encoding="utf-8").startswith("id,name,kind")
    assert sorted(p.name for p in out.iterdir()) == sorted([*TABLES, "notes.txt"])
    write_csv(result, out)  # a second run is fine too
    assert sorted(p.name for p in out.iterdir()) == sorted([*TABLES, "notes.txt"])


def test_csv_refusals(result: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_csv(result, tmp_path / "missing" / "csv")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a directory"):
        write_csv(result, tmp_path / "file")
    (tmp_path / "csv" / "evidence.csv").mkdir(parents=True)
    with pytest.raises(InputError, match="is a directory"):
        write_csv(result, tmp_path / "csv")
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["evidence.csv"]


def test_csv_of_an_empty_result(tmp_path: Path) -> None:
    paths = write_csv({}, tmp_path / "csv")
    for path in paths:
        assert path.read_text(encoding="utf-8").count("\n") == 1  # header only
