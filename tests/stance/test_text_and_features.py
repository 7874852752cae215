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
from fogline.stance.features import (
    FEATURE_NAMES,
    LEAD_CHARS,
    Idf,
    lead,
    pair_features,
    prepare_bodies,
    similarities,
)
from fogline.stance.model import Relatedness, StanceModel, read_config, softmax
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
    assert calls == [2]  # one lead per body, in one call
    assert body.sentences == tuple(sentences) and other.sentences == ("One line.",)
    near = pair_features("troops crossed the river", embed(["troops crossed the river"])[0], body)
    far = pair_features(
        "the election was postponed", embed(["the election was postponed"])[0], body
    )
    assert near.shape == (len(FEATURE_NAMES),)
    lead_cos, overlap = FEATURE_NAMES.index("cos_lead"), FEATURE_NAMES.index("word_overlap")
    assert near[lead_cos] > far[lead_cos] and near[overlap] > far[overlap]
    assert content_words("The troops, they said, crossed") == ["troops", "crossed"]


def test_the_lead_is_the_first_sentences_up_to_its_length() -> None:
    short = ["Troops crossed the river.", "Bread prices rose."]
    assert lead(short) == "Troops crossed the river. Bread prices rose."
    long = ["x" * (LEAD_CHARS - 10), "The second sentence does not fit."]
    assert lead(long) == long[0]
    assert lead(["y" * (LEAD_CHARS + 50)]) == "y" * (LEAD_CHARS + 50)  # the first stays whole
    assert lead([]) == ""


def test_excerpts_follow_the_claims_words_without_embedding_sentences() -> None:
    body_text = "Bread prices rose. Troops crossed the river at dawn. The mayor was away."
    (body,) = prepare_bodies([body_text], None)
    assert body.lead.shape == (0,)  # nothing embedded
    sims = similarities("Troops crossed the river", body)
    assert int(np.argmax(sims)) == 1 and sims[0] == sims[2] == 0.0
    assert excerpt(body.sentences, sims, 1) == "Troops crossed the river at dawn."


def test_idf_weighs_rare_words_up_and_round_trips() -> None:
    idf = Idf.fit([["Troops crossed the river."], ["Troops held the bridge."], ["Prices rose."]])
    assert idf.documents == 3 and idf.df["troops"] == 2 and idf.df["river"] == 1
    assert idf.weight("zebra") > idf.weight("river") > idf.weight("troops")
    assert Idf.from_json(json.loads(json.dumps(idf.to_json()))) == idf
    vector = idf.vector(["river", "troops", "troops"])
    assert np.isclose(sum(v * v for v in vector.values()), 1.0)
    embed = HashingEmbedder().embed
    (body,) = prepare_bodies(["Troops crossed the river at dawn."], embed, idf)
    rare = pair_features("the river", embed(["the river"])[0], body, idf)
    common = pair_features("the troops", embed(["the troops"])[0], body, idf)
    tfidf, idf_overlap = FEATURE_NAMES.index("tfidf_cos"), FEATURE_NAMES.index("idf_overlap")
    assert rare[idf_overlap] == common[idf_overlap] == 1.0
    assert 0.0 < common[tfidf] < rare[tfidf] <= 1.0


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


def _config(features: Sequence[str]) -> dict[str, object]:
    n = len(features)
    relatedness = Relatedness(np.zeros(n), np.ones(n), np.ones(n), -50.0)
    return {
        "features": list(features),
        "relatedness": relatedness.to_json(),
        "prior": [0.4, 0.2, 0.4],
        "max_length": 32,
        "excerpt_sentences": 2,
    }


def test_a_model_trained_on_fewer_features_reads_only_its_columns() -> None:
    embed = HashingEmbedder().embed
    older = StanceModel(None, None, embed, _config(FEATURE_NAMES[:5]))
    proba = older.predict_proba([("Troops crossed", "Troops crossed the river.")])
    assert proba.shape == (1, 4) and proba[0, 3] > 0.99  # never reaches the cross-encoder
    with pytest.raises(ModelError, match="unknown features"):
        StanceModel(None, None, embed, _config(["cos_max", "sentiment"]))
