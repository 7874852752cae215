"""Scores for stance: FNC-1's weighted score, per-class and macro F1, confusion matrix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fogline.stance import LABELS


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """FNC-1's official score as a percentage of the best possible: 0.25 for getting
    related-vs-unrelated right, 0.75 more for the exact label of a related pair."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        related = g != "unrelated"
        best += 1.0 if related else 0.25
        if related == (p != "unrelated"):
            score += 0.25
        if related and g == p:
            score += 0.75
    return 100.0 * score / best if best else 0.0


def per_class_f1(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, float]:
    """F1 of each label (0 when a label is never predicted or never gold)."""
    out = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label != g)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label != p)
        out[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def confusion(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, dict[str, int]]:
    """``confusion[gold][predicted]`` counts."""
    out = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, predicted, strict=True):
        out[g][p] += 1
    return out


def classification(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] = LABELS
) -> dict[str, Any]:
    """Accuracy, macro F1, per-class F1 and the confusion matrix, rounded for printing."""
    f1 = per_class_f1(gold, predicted, labels)
    return {
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold), 4)
        if gold
        else 0.0,
        "macro_f1": round(sum(f1.values()) / len(f1), 4),
        "f1": {k: round(v, 4) for k, v in f1.items()},
        "confusion": confusion(gold, predicted, labels),
    }
