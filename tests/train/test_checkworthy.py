"""Tests for fogline train checkworthy: a tiny slice trains deterministically."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from click.testing import CliRunner

from fogline.analyze.checkworthy import CheckWorthiness
from fogline.cli import cli
from tests.bench.floors import shared_data


def test_training_on_a_slice_is_deterministic(tmp_path: Path) -> None:
    data = shared_data("checkworthy")
    docs, models = [], []
    for name in ("a.npz", "b.npz"):
        out = tmp_path / name
        args = ["train", "checkworthy", "--data", str(data), "--out", str(out), "--limit", "600"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        docs.append(json.loads(result.output.strip().splitlines()[-1]))
        models.append(CheckWorthiness.load(out))
    assert docs[0]["sha256"] == docs[1]["sha256"]
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    assert np.array_equal(models[0].weights, models[1].weights)
    assert models[0].bias == models[1].bias and models[0].thresholds == models[1].thresholds
    assert docs[0]["sizes"] == {"claimbuster": 600, "clef2019": 600}
    assert set(docs[0]["tune"]) <= {"claimbuster", "clef2019"} and docs[0]["tune"]
    assert sum(docs[0]["trained_on"].values()) < 1200  # the test part is held out
