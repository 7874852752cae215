"""Tests for ``bench time``: TimeML reading, TempEval-3 scoring, and floors on a slice."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from fogline.bench import time as bench_time
from fogline.bench.time_scoring import Counts, Timex, match, parse_timeml
from fogline.errors import InputError
from tests.bench.floors import floors, shared_data

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13T14:35:00" temporalFunction="false"
 functionInDocument="CREATION_TIME">Feb 13</TIMEX3></DCT>
<TEXT>
Sales <EVENT eid="e1">rose</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-W06"
 functionInDocument="NONE">last week</TIMEX3> and will <EVENT eid="e2">rise</EVENT> for
 <TIMEX3 tid="t2" type="DURATION" value="P2M">two months</TIMEX3>, he said
 <TIMEX3 tid="t3" type="DATE" value="1998-02-12">Thursday</TIMEX3>.
</TEXT>
</TimeML>
"""


def _doc_file(tmp_path: Path, name: str = "x1.tml", body: str = TML) -> Path:
    path = tmp_path / "sub" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def test_parse_timeml_offsets_anchor_and_gold() -> None:
    doc = parse_timeml(TML, "x1.tml")
    assert doc.anchor == date(1998, 2, 13)
    assert "<" not in doc.text and doc.text.startswith("\nSales rose last week")
    spans = [(doc.text[t.start : t.end], t.type, t.value) for t in doc.gold]
    assert spans == [
        ("last week", "DATE", "1998-W06"),
        ("two months", "DURATION", "P2M"),
        ("Thursday", "DATE", "1998-02-12"),
    ]


def test_parse_timeml_rejects_junk() -> None:
    with pytest.raises(InputError):
        parse_timeml("not xml", "bad.tml")
    with pytest.raises(InputError):
        parse_timeml("<TimeML><DOCID>x</DOCID></TimeML>", "notext.tml")


def test_match_is_one_to_one_by_largest_overlap() -> None:
    gold = [Timex(0, 10, "DATE", "a"), Timex(20, 25, "DATE", "b")]
    pred = [Timex(0, 3, "DATE", "a"), Timex(2, 10, "DATE", "x"), Timex(30, 35, "DATE", "c")]
    pairs = match(gold, pred)
    assert pairs == [(gold[0], pred[1])]


def test_counts_figures_tempeval3() -> None:
    gold = [
        Timex(0, 9, "DATE", "1998-W06"),
        Timex(14, 24, "DURATION", "P2M"),
        Timex(30, 38, "DATE", "1998-02-12"),
        Timex(50, 55, "SET", "P1D"),
    ]
    pred = [
        Timex(0, 9, "DATE", "1998-W06"),  # strict, right value and type
        Timex(10, 24, "DURATION", "P3M"),  # relaxed only, wrong value
        Timex(30, 38, "TIME", "1998-02-12"),  # strict, wrong type
        Timex(60, 62, "DATE", "1998"),  # spurious
    ]
    c = Counts()
    c.add(gold, pred)
    f = c.figures()
    assert (f["gold"], f["predicted"]) == (4, 4)
    assert f["precision_relaxed"] == f["recall_relaxed"] == f["timex_f1_relaxed"] == 0.75
    assert f["timex_f1_strict"] == 0.5
    assert f["value_accuracy"] == round(2 / 3, 4)
    assert f["value_f1"] == 0.5  # 0.75 x 2/3
    assert f["type_f1"] == 0.5
    empty = Counts().figures()
    assert empty["timex_f1_relaxed"] == 0.0 and empty["value_f1"] == 0.0


def test_run_scores_and_writes_predictions(tmp_path: Path) -> None:
    _doc_file(tmp_path)
    preds = tmp_path / "pred.jsonl"
    result = bench_time.run(tmp_path, preds, baselines=())
    assert result["bench"] == "time" and result["size"] == {"documents": 1, "gold_timex": 3}
    assert result["timex_f1_strict"] == 1.0 and result["value_f1"] == 1.0
    rows = [json.loads(line) for line in preds.read_text().splitlines()]
    doc = parse_timeml(TML)
    assert [doc.text[r["start"] : r["end"]] for r in rows] == [
        "last week",
        "two months",
        "Thursday",
    ]
    assert rows[0] == {"doc": "x1.tml", "start": 12, "end": 21, "type": "DATE", "value": "1998-W06"}


def test_dateparser_baseline_values_are_days() -> None:
    pytest.importorskip("dateparser")
    found = bench_time.dateparser_tagger("He left on Thursday.", date(1998, 2, 13))
    assert [(t.type, t.value) for t in found] == [("DATE", "1998-02-12")]


def test_bad_paths_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        bench_time.run(tmp_path / "missing")
    with pytest.raises(InputError):
        bench_time.run(tmp_path)  # no .tml files
    _doc_file(tmp_path)
    with pytest.raises(InputError):
        bench_time.run(tmp_path, limit=0)


def test_cli_prints_one_json_line(tmp_path: Path) -> None:
    from fogline.cli import cli

    _doc_file(tmp_path)
    res = CliRunner().invoke(cli, ["bench", "time", "--data", str(tmp_path), "--limit", "1"])
    assert res.exit_code == 0, res.output
    last = json.loads(res.stdout.strip().splitlines()[-1])
    assert last["bench"] == "time" and "dateparser" in last["baselines"]


SLICE = 80  # the first 80 documents by path: all 73 of AQUAINT, 7 of TimeBank


def test_floors_on_slice() -> None:
    data = shared_data("tempeval3")
    result = bench_time.run(data, limit=SLICE, baselines=("dateparser",))
    floor = floors("time")
    for name in ("timex_f1_relaxed", "timex_f1_strict", "value_f1", "type_f1"):
        assert result[name] >= floor[name], (name, result[name], floor[name])
        assert result["baselines"]["dateparser"][name] >= floor["dateparser_" + name]
    assert result["size"]["documents"] == SLICE
    assert set(result["baselines"]) >= {"dateparser"}
    assert result["docs_per_second"] > 0
