"""Sentence splitting, excerpts, relatedness features and the model's small pieces."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from fogline.backends.embedders import HashingEmbedder
from fogline.errors import ModelError
from fogline.stance.features import FEATURE_NAMES, pair_features, prepare_bodies
from fogline.stance.model import Relatedness, read_config, softmax
from fogline.stance.text import content_words, excerpt, split_sentences


def test_split_sentences_and_excerpt_keep_body_order() -> None:
    body = 'The mayor spoke. "It is false," she said. Police found nothing.\nA new line'
    sentences = split_sentences(body)
    assert sentences == [
        "The mayor spoke.",
        '"It is false," she said.',
        "Police found nothing.",
        "A new line",
    ]
    assert excerpt(sentences, np.array([0.1, 0.9, 0.2, 0.8]), 2) == (
        '"It is false," she said. A new line'
    )
    assert split_sentences("   ") == [""]


def test_features_grow_with_overlap() -> None:
    embed = HashingEmbedder().embed
    sentences = ["Troops crossed the river at dawn.", "Bread prices rose."]
    calls: list[int] = []

    def counted(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        calls.append(len(texts))
        return embed(texts)

    body, other = prepare_bodies([" ".join(sentences), "One line."], counted)
    assert calls == [3] and body.sentences == tuple(sentences) and other.sentences == ("One line.",)
    near = pair_features("troops crossed the river", embed(["troops crossed the river"])[0], body)
    far = pair_features(
        "the election was postponed", embed(["the election was postponed"])[0], body
    )
    assert near.shape == (len(FEATURE_NAMES),)
    assert near[0] > far[0] and near[4] > far[4]
    assert content_words("The troops, they said, crossed") == ["troops", "crossed"]


def test_relatedness_round_trips_and_softmax_is_tempered() -> None:
    r = Relatedness(np.zeros(2), np.ones(2), np.array([1.0, -1.0]), 0.5)
    again = Relatedness.from_json(json.loads(json.dumps(r.to_json())))
    x = np.array([[1.0, 0.0], [0.0, 3.0]])
    assert np.allclose(r.probability(x), again.probability(x))
    logits = np.array([[2.0, 0.0, 0.0]])
    assert softmax(logits, 2.0)[0, 0] < softmax(logits, 1.0)[0, 0]
    assert np.allclose(softmax(logits, 1.0).sum(), 1.0)


def test_missing_or_damaged_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="fogline train stance"):
        read_config(tmp_path / "stance.json")
    (tmp_path / "stance.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="damaged"):
        read_config(tmp_path / "stance.json")
