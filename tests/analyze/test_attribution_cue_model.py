"""The cue classifier's scoring: a weighted sum of sparse parse features and a logistic."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fogline.analyze.attribution_cue_model import (
    MODEL_FILE,
    CueModel,
    QuoteMask,
    cue_features,
    load_cue_model,
)
from fogline.models import model_path


def test_quote_mask() -> None:
    mask = QuoteMask([(10, 20), (30, 40)])
    assert 10 in mask and 19 in mask and 35 in mask
    assert 9 not in mask and 20 not in mask and 25 not in mask and 45 not in mask
    assert 0 not in QuoteMask([])


def test_features_name_the_lemma_its_dependents_and_its_subject(nlp: Any) -> None:
    doc = nlp("Officials said that the bridge fell.")
    feats = cue_features(doc[1], in_quote=False)
    assert "l=say" in feats and "lc=say|ccomp" in feats and "q=False" in feats
    assert any(f.startswith("s=") for f in feats)


def test_a_planted_model_scores_by_its_weights(nlp: Any) -> None:
    doc = nlp("Officials said that the bridge fell.")
    model = CueModel(weights={"l=say": 4.0}, bias=-2.0, threshold=0.5, lemmas=frozenset({"say"}))
    assert model.probability(doc[1], False) == pytest.approx(1 / (1 + 2.718281828**-2.0))
    assert model.is_cue(doc[1], False)
    assert model.probability(doc[4], False) == 0.0  # "bridge": a lemma never seen as a cue


def test_the_shipped_model_loads_and_is_small() -> None:
    model = load_cue_model()
    assert model is not None and 0 < model.threshold < 1
    assert "say" in model.lemmas and model.weights
    path = model_path(MODEL_FILE)
    assert path.stat().st_size < 4_000_000
    assert json.loads(path.read_text(encoding="utf-8"))["trained_on"] == "train"
