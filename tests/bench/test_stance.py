"""The stance and Emergent benches with the shipped model, on slices of the shared data."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fogline.cli import cli
from fogline.models import model_path

from .floors import floors, shared_data


def _bench(args: list[str]) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["bench", *args])
    assert result.exit_code == 0, result.output
    out: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return out


@pytest.mark.slow
def test_stance_floors_on_a_dev_slice(tmp_path: Path) -> None:
    data = shared_data("fnc1")
    out = tmp_path / "pred.csv"
    figures = _bench(
        [
            "stance",
            "--bodies",
            str(data / "train_bodies.csv"),
            "--stances",
            str(data / "train_stances.csv"),
            "--part",
            "dev",
            "--limit",
            "400",
            "--predictions",
            str(out),
        ]
    )
    assert figures["bench"] == "stance" and figures["size"]["pairs"] == 400
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 400 and set(rows[0]) == {"Headline", "Body ID", "Stance"}
    majority = figures["baselines"]["majority_class"]
    assert set(majority) >= {"fnc_score", "macro_f1", "f1", "confusion", "label"}
    for key, floor in floors("stance").items():
        value = figures["f1"][key[3:]] if key.startswith("f1_") else figures[key]
        assert value >= floor, (key, value, floor)


@pytest.mark.slow
def test_emergent_floors_on_the_held_out_half(tmp_path: Path) -> None:
    data = shared_data("emergent", "url-versions-2015-06-14-clean-train.csv")
    out = tmp_path / "pred.csv"
    figures = _bench(["emergent", "--data", str(data), "--limit", "300", "--predictions", str(out)])
    assert figures["size"]["rows"] == 300
    assert out.read_text(encoding="utf-8").startswith("articleId,articleHeadlineStance")
    assert "majority_class" in figures["baselines"]
    for key, floor in floors("emergent").items():
        assert figures[key] >= floor, (key, figures[key], floor)


@pytest.mark.slow
def test_a_trained_model_folder_is_scored_in_place_of_the_shipped_one(tmp_path: Path) -> None:
    data = shared_data("emergent", "url-versions-2015-06-14-clean-train.csv")
    folder = tmp_path / "model"
    folder.mkdir()
    for name in ("stance.json", "stance.safetensors"):
        shutil.copyfile(model_path(name), folder / name)
    shipped, copied = tmp_path / "shipped.csv", tmp_path / "copied.csv"
    _bench(["emergent", "--data", str(data), "--limit", "20", "--predictions", str(shipped)])
    args = ["--data", str(data), "--limit", "20", "--predictions", str(copied)]
    figures = _bench(["emergent", *args, "--model", str(folder)])
    assert figures["notes"]["model_dir"] == str(folder)
    assert copied.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(
        cli, ["bench", "emergent", "--data", str(data), "--model", str(empty)]
    )
    assert result.exit_code != 0 and "stance model not found" in result.output
