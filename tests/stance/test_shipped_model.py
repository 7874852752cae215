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


def test_split_given_relatedness_reads_polarity_of_every_pair() -> None:
    model = load()
    claim = "Aldmarkian forces broke through into Selm Region"
    texts = ["Our heroes have broken through.", "The attack was a hoax; no troops crossed."]
    split = model.predict_split([(claim, t) for t in texts])
    assert split.shape == (2, 3)
    assert np.allclose(split.sum(axis=1), 1.0)
    # The joint probabilities call the short restatement unrelated; the split still reads it.
    assert model.predict_proba([(claim, texts[0])])[0, 3] > 0.5
    assert split[0, 0] > split[0, 1]
    assert split[1, 1] > split[0, 1]


def test_a_recurring_pair_is_scored_once_with_the_same_answer() -> None:
    model = load()
    seen: list[int] = []
    real = model.cross_logits

    def counting(claims: list[str], texts: list[str], batch_size: int = 32) -> np.ndarray:
        seen.append(len(claims))
        return real(claims, texts, batch_size)

    model.cross_logits = counting  # type: ignore[method-assign]
    a = ("Troops crossed the river into Selm", "Troops crossed the river into Selm on Monday.")
    b = ("Troops crossed the river into Selm", "No troops crossed; the report is a hoax.")
    once = model.predict_proba([a, b])
    again = model.predict_proba([a, b, a, a, b])
    assert len(seen) == 2 and seen[0] == seen[1] <= 2  # the repeats cost nothing
    assert np.allclose(again, once[[0, 1, 0, 0, 1]])
    split = model.predict_split([b, b, a])
    assert seen[-1] == 2 and np.allclose(split[0], split[1])  # the split reads every pair
