"""Tests for fogline bench checkworthy: scoring, the split, planted data and the floors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fogline.bench import checkworthy
from fogline.bench.checkworthy_data import limit_rows, load, part_of
from fogline.bench.checkworthy_scoring import average_precision, figures, mean_over_groups, prf
from fogline.cli import cli
from fogline.errors import InputError
from tests.bench.floors import floors, shared_data

FIGURES = {"f1", "precision", "recall", "map", "r_precision", "threshold"}


def test_average_precision_follows_the_clef_scorer() -> None:
    assert average_precision([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision([0, 0], [0.3, 0.2]) == 0.0
    assert average_precision([0, 1], [0.5, 0.5]) == 0.5  # ties keep input order
    by_group = mean_over_groups(
        ["a", "a", "b", "b", "c"], [1, 0, 0, 1, 0], [0.9, 0.1, 0.9, 0.1, 0.5]
    )
    assert by_group == {"map": 0.75, "r_precision": 0.5}  # group c has no positive
    assert prf([1, 1, 0, 0], [True, False, True, False]) == {
        "f1": 0.5,
        "precision": 0.5,
        "recall": 0.5,
    }
    assert set(figures([1, 0], [0.9, 0.1], 0.5)) == FIGURES


def test_split_is_fixed_by_the_key() -> None:
    assert part_of("20160414_9dem") == "test" and part_of("20160209_msnbc_dem") == "train"
    assert {part_of(f"s{i}") for i in range(50)} == {"train", "tune", "test"}


def write_planted(root: Path) -> None:
    """A tiny checkworthy folder: numbers and figures are check-worthy, pleasantries not."""
    claims = [f"Spending rose {n} percent to ${n} billion in {1990 + n}." for n in range(1, 40)]
    chat = [f"Thank you, {name}, it is good to be here tonight." for name in ("Jim", "Ann", "Bo")]
    chat += [f"Let me say hello to friend number {w}." for w in ("one", "two", "three", "four")]
    chat *= 6
    (root / "claimbuster_2class").mkdir(parents=True)
    with (root / "claimbuster_2class" / "kfold_25ncs.csv").open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["sentence_id", "screening", "label", "text"])
        rows = [(1, c) for c in claims] + [(0, f"{c} ({i})") for i, c in enumerate(chat)]
        for i, (label, text) in enumerate(rows):
            writer.writerow([i, -3, label, text])
    clef = root / "clef2019_task1" / "training"
    clef.mkdir(parents=True)
    for d in range(8):
        lines = [f"{i + 1}\tSPEAKER\t{t}\t{lab}" for i, (lab, t) in enumerate(rows[d::8])]
        (clef / f"debate{d}.tsv").write_text("\n".join(lines) + "\n")


def test_bench_on_planted_data_ranks_figures_first_and_writes_predictions(tmp_path: Path) -> None:
    write_planted(tmp_path)
    out = tmp_path / "pred.csv"
    doc = checkworthy.run(tmp_path, dataset="claimbuster", predictions=out)
    assert doc["bench"] == "checkworthy" and set(doc) >= FIGURES
    assert doc["map"] >= 0.9 and doc["f1"] >= 0.8
    assert set(doc["baselines"]) == {"tfidf_logreg", "has_number"}
    with out.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == doc["size"]["sentences"] and set(rows[0]) == {
        "sentence_id",
        "label",
        "score",
    }
    folder = tmp_path / "clef_pred"
    doc = checkworthy.run(tmp_path, dataset="clef2019", predictions=folder)
    assert doc["notes"]["evaluated_debates"] == ["debate1", "debate3"]  # the test part
    assert sorted(p.name for p in folder.glob("*.tsv")) == ["debate1.tsv", "debate3.tsv"]
    assert doc["map"] >= 0.9
    assert limit_rows(load(tmp_path, "clef2019"), 10)[-1].group == "debate0"


def test_bad_inputs_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such data path"):
        checkworthy.run(tmp_path / "missing")
    with pytest.raises(InputError, match="no CLEF 2019"):
        checkworthy.run(tmp_path, dataset="clef2019")
    bad = tmp_path / "bad.csv"
    bad.write_text("sentence_id,label,text\n1,yes,Hello\n")
    with pytest.raises(InputError, match="label must be 0 or 1"):
        load(bad, "claimbuster")


@pytest.mark.parametrize(("dataset", "limit"), [("claimbuster", 1000), ("clef2019", 4200)])
def test_checkworthy_bench_meets_its_floors_through_the_cli(
    dataset: str, limit: int, tmp_path: Path
) -> None:
    data = shared_data("checkworthy")
    out = tmp_path / "pred"
    args = ["bench", "checkworthy", "--data", str(data), "--dataset", dataset]
    args += ["--limit", str(limit), "--predictions", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output.strip().splitlines()[-1])
    assert doc["bench"] == "checkworthy" and doc["notes"]["dataset"] == dataset
    assert doc["notes"]["part"].startswith("the test part")
    assert FIGURES | {"sentences_per_s"} <= set(doc)
    baseline = doc["baselines"]["tfidf_logreg"]
    assert set(baseline) >= FIGURES and set(doc["baselines"]["has_number"]) >= FIGURES
    measured = {f"{dataset}_{k}": doc[k] for k in ("f1", "map")}
    measured |= {f"{dataset}_tfidf_{k}": baseline[k] for k in ("f1", "map")}
    measured[f"{dataset}_map_margin"] = doc["map"] - baseline["map"]
    for name, value in floors("checkworthy").items():
        if name.startswith(f"{dataset}_"):
            assert measured[name] >= value, (name, value, measured[name])
