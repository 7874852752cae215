"""The lexical fake stance scorer and the registry."""

from __future__ import annotations

import numpy as np
import pytest

from fogline.backends.stance import LexicalStance, get_stance_scorer
from fogline.errors import ModelError


def test_lexical_stance_reads_overlap_and_negation() -> None:
    proba = LexicalStance().predict_proba(
        [
            ("troops crossed the river", "Troops crossed the river at dawn."),
            ("troops crossed the river", "Troops never crossed the river."),
            ("troops crossed the river", "Bread prices rose in the capital."),
        ]
    )
    assert proba.shape == (3, 4)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert proba[0].argmax() == 0 and proba[1].argmax() == 1 and proba[2].argmax() == 3


def test_lexical_split_is_the_related_part_renormalised() -> None:
    pairs = [("troops crossed the river", "Troops never crossed the river."), ("a", "b")]
    scorer = LexicalStance()
    split, proba = scorer.predict_split(pairs), scorer.predict_proba(pairs)
    assert split.shape == (2, 3) and np.allclose(split.sum(axis=1), 1.0)
    assert np.allclose(split, proba[:, :3] / proba[:, :3].sum(axis=1, keepdims=True))
    assert split[0].argmax() == 1


def test_unknown_scorer_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="known: lexical, trained"):
        get_stance_scorer("nope")
