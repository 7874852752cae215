"""The stance model that ships in the package: loads offline, small, and reads relatedness."""

from __future__ import annotations

import json

import numpy as np
import pytest

from fogline.models import model_path
from fogline.stance.model import CONFIG_FILE, WEIGHTS_FILE, load

pytestmark = pytest.mark.slow


def test_shipped_model_loads_offline_and_scores_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert model_path(WEIGHTS_FILE).stat().st_size < 50 * 1024 * 1024
    config = json.loads(model_path(CONFIG_FILE).read_text(encoding="utf-8"))
    assert config["labels"] == ["agree", "disagree", "discuss", "unrelated"]
    model = load()
    proba = model.predict_proba(
        [
            ("Troops crossed the river into Selm", "Troops crossed the river into Selm on Monday."),
            ("Troops crossed the river into Selm", "The central bank raised interest rates again."),
        ]
    )
    assert proba.shape == (2, 4)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert proba[0, 3] < 0.5 < proba[1, 3]
    assert proba[0, 0] > proba[0, 1]  # a restatement agrees more than it disagrees
