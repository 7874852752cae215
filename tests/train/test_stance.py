"""``fogline train stance`` on a tiny slice: it runs end to end and is deterministic."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fogline.backends.embedders import HashingEmbedder
from fogline.stance.model import load
from fogline.train.stance import run
from tests.bench.floors import shared_data


@pytest.mark.slow
def test_training_on_a_slice_is_deterministic_and_loads(tmp_path: Path) -> None:
    data = shared_data("fnc1")
    embed = HashingEmbedder().embed
    summaries = []
    for name in ("a", "b"):
        summaries.append(
            run(
                data,
                tmp_path / name,
                rumoureval=shared_data("rumoureval2017"),
                rumoureval_per_label=2,
                limit=40,
                embed=embed,
                epochs=1,
                max_length=48,
                class_cap=8,
                layers=2,  # a cut encoder trains, ships and reloads
                top_layers=1,
                batch_size=8,
            )
        )
    a, b = (tmp_path / n / "stance.safetensors" for n in ("a", "b"))
    assert a.read_bytes() == b.read_bytes()
    assert (tmp_path / "a" / "stance.json").read_text() == (
        tmp_path / "b" / "stance.json"
    ).read_text()
    assert summaries[0]["cross_encoder_pairs"] <= 24 + 6
    assert summaries[0]["rumoureval_rows"] == 6  # two replies each: deny, support, comment
    assert summaries[0]["weights_mb"] < 50
    model = load(tmp_path / "a", embed=embed)
    assert len(model.cross.bert.encoder.layer) == 2
    proba = model.predict_proba([("Troops crossed the river", "Troops crossed the river today.")])
    assert proba.shape == (1, 4) and np.isclose(proba.sum(), 1.0)

    # Refitting only the relatedness stage keeps the weights and changes only the config.
    refit = run(data, tmp_path / "a", limit=40, embed=embed, relatedness_only=True)
    assert a.read_bytes() == b.read_bytes()
    assert refit["fnc1_dev_pairs"] == summaries[0]["fnc1_dev_pairs"]
    assert 0.0 <= refit["dev_relatedness_accuracy"] <= 1.0
    assert (tmp_path / "a" / "stance.json").read_text() == (
        tmp_path / "b" / "stance.json"
    ).read_text()
