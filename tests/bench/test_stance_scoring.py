"""FNC-1's weighted score and the classification figures, on hand-checked cases."""

from __future__ import annotations

import pytest

from fogline.bench.stance_scoring import classification, fnc_score


def test_fnc_score_weights_relatedness_and_exact_labels() -> None:
    gold = ["agree", "unrelated", "discuss", "disagree"]
    assert fnc_score(gold, gold) == 100.0
    # Best: 1 + .25 + 1 + 1 = 3.25. "discuss" for a related pair earns .25; unrelated right .25.
    assert fnc_score(gold, ["discuss", "unrelated", "discuss", "unrelated"]) == pytest.approx(
        100 * (0.25 + 0.25 + 1.0) / 3.25
    )
    assert fnc_score(gold, ["unrelated"] * 4) == pytest.approx(100 * 0.25 / 3.25)


def test_classification_counts_each_label() -> None:
    gold = ["agree", "agree", "disagree", "unrelated"]
    predicted = ["agree", "disagree", "disagree", "unrelated"]
    out = classification(gold, predicted)
    assert out["accuracy"] == 0.75
    assert out["f1"]["agree"] == pytest.approx(2 / 3, abs=1e-4)
    assert out["f1"]["disagree"] == pytest.approx(2 / 3, abs=1e-4)
    assert out["f1"]["discuss"] == 0.0
    assert out["confusion"]["agree"]["disagree"] == 1
    assert out["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0 + 1) / 4, abs=1e-4)
