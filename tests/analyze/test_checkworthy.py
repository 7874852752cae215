"""Tests for the check-worthiness scorer: shipped weights, ranking, features, bad files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fogline.analyze import checkworthy
from fogline.analyze.checkworthy import CheckWorthiness, featurise, read_weights, write_weights
from fogline.errors import ModelError

CHECKABLE = [
    "Unemployment fell to 3.5% in 2019",
    "We have lost 700,000 manufacturing jobs since 2008.",
    "Crime in Chicago went up 40 percent last year.",
]
NOT_CHECKABLE = [
    "Thank you all for coming tonight",
    "Good evening, everyone.",
    "What do you think about that?",
]


@pytest.fixture(scope="module")
def scorer() -> CheckWorthiness:
    return checkworthy.load()


def test_shipped_weights_load_offline_and_score_in_unit_interval(scorer: CheckWorthiness) -> None:
    scores = scorer.score(CHECKABLE + NOT_CHECKABLE)
    assert scores.shape == (6,)
    assert np.all((scores >= 0) & (scores <= 1))
    assert scorer.score([]).shape == (0,)
    assert set(scorer.thresholds) == {"claimbuster", "clef2019"}
    assert 0 < scorer.threshold < 1


def test_checkable_sentences_rank_above_pleasantries(scorer: CheckWorthiness) -> None:
    high, low = scorer.score(
        ["Unemployment fell to 3.5% in 2019", "Thank you all for coming tonight"]
    )
    assert high > low
    scores = scorer.score(CHECKABLE + NOT_CHECKABLE)
    assert min(scores[:3]) > max(scores[3:])
    assert scorer.is_checkworthy(CHECKABLE) == [True, True, True]
    assert scorer.is_checkworthy(NOT_CHECKABLE) == [False, False, False]


def test_features_are_deterministic_and_in_range() -> None:
    idx, val = featurise("The deficit doubled to $1.4 trillion in 2009.", 1024)
    idx2, val2 = featurise("The deficit doubled to $1.4 trillion in 2009.", 1024)
    assert np.array_equal(idx, idx2) and np.array_equal(val, val2)
    assert len(set(idx.tolist())) == len(idx) and idx.min() >= 0 and idx.max() < 1024
    assert featurise("", 1024)[0].size >= 1  # the length cue is always there


def test_round_trip_and_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "cw.npz"
    weights = np.linspace(-1, 1, 64)
    blocks = {"word": 1.0, "char": 1.0, "cue": 0.5}
    for target in (path, tmp_path / "again.npz"):
        write_weights(
            target,
            weights,
            0.25,
            block_weights=blocks,
            threshold=0.4,
            thresholds={"x": 0.3},
            info={},
        )
    first = path.read_bytes()
    assert (tmp_path / "again.npz").read_bytes() == first  # same inputs, same bytes
    model = read_weights(path)
    assert model.dim == 64 and model.bias == 0.25 and model.thresholds == {"x": 0.3}
    with pytest.raises(ModelError, match="not found"):
        CheckWorthiness.load(tmp_path / "missing.npz")
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(first[: len(first) // 2])
    with pytest.raises(ModelError, match="unreadable"):
        CheckWorthiness.load(corrupt)
    junk = tmp_path / "junk.npz"
    junk.write_text("not a zip file")
    with pytest.raises(ModelError, match="unreadable"):
        CheckWorthiness.load(junk)
    wrong = tmp_path / "wrong.npz"
    np.savez(wrong, weights=weights, bias=np.float64(0.0), meta=np.asarray('{"format": "x"}'))
    with pytest.raises(ModelError, match="not in format"):
        CheckWorthiness.load(wrong)


def test_very_long_input_is_bounded(scorer: CheckWorthiness) -> None:
    long = "The budget grew by 4 percent. " * 10_000
    assert 0 <= scorer.score([long])[0] <= 1
    assert np.array_equal(featurise(long, 512)[0], featurise(long[:5000], 512)[0])
