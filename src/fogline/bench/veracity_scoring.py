"""Figures for claim-veracity prediction: accuracy, macro-F1, multi-class Brier and ECE.

Probabilities are an (n, k) array whose rows sum to 1; gold labels are class indices.

- ``accuracy``: share of items whose most probable class (ties: the first column) is gold.
- ``macro_f1``: unweighted mean of per-class F1 over the classes that occur in the gold
  labels or the predictions (a class in neither is left out, not counted as 0 or 1).
- ``brier``: mean over items of sum_k (p_k - y_k)^2, y one-hot; 0 is perfect, 2 the worst.
- ``ece``: expected calibration error of the top-class probability with 10 equal-width
  bins on [0, 1] (bin i holds confidences in [i/10, (i+1)/10), the last bin also 1.0):
  sum over bins of (items in bin / n) * |accuracy in bin - mean confidence in bin|.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]

FIGURES = ("accuracy", "macro_f1", "brier", "ece")
LOWER_IS_BETTER = frozenset({"brier", "ece"})


def _check(proba: FloatArray, gold: IntArray) -> None:
    if proba.ndim != 2 or gold.shape != (proba.shape[0],):
        raise ValueError(f"need an (n, k) array and n labels, got {proba.shape} and {gold.shape}")
    if gold.size and (gold.min() < 0 or gold.max() >= proba.shape[1]):
        raise ValueError("gold labels must be column indices of proba")


def accuracy(proba: FloatArray, gold: IntArray) -> float:
    """Share of rows whose argmax (first column on ties) is the gold label; 0.0 if empty."""
    _check(proba, gold)
    if not gold.size:
        return 0.0
    return float(np.mean(np.argmax(proba, axis=1) == gold))


def macro_f1(proba: FloatArray, gold: IntArray) -> float:
    """Mean F1 over the classes present in the gold labels or the argmax predictions."""
    _check(proba, gold)
    pred = np.argmax(proba, axis=1)
    scores = []
    for k in range(proba.shape[1]):
        tp = int(np.sum((pred == k) & (gold == k)))
        fp = int(np.sum((pred == k) & (gold != k)))
        fn = int(np.sum((pred != k) & (gold == k)))
        if tp + fp + fn:
            scores.append(2.0 * tp / (2.0 * tp + fp + fn))
    return float(np.mean(scores)) if scores else 0.0


def brier(proba: FloatArray, gold: IntArray) -> float:
    """Multi-class Brier score: mean of sum_k (p_k - onehot_k)^2, in [0, 2]; 0.0 if empty."""
    _check(proba, gold)
    if not gold.size:
        return 0.0
    onehot = np.eye(proba.shape[1])[gold]
    return float(np.mean(np.sum((proba - onehot) ** 2, axis=1)))


def ece(proba: FloatArray, gold: IntArray, n_bins: int = 10) -> float:
    """Expected calibration error of the top-class probability, ``n_bins`` equal-width bins."""
    _check(proba, gold)
    if not gold.size:
        return 0.0
    conf = np.max(proba, axis=1)
    hit = (np.argmax(proba, axis=1) == gold).astype(np.float64)
    bins = np.minimum((conf * n_bins).astype(np.intp), n_bins - 1)
    total = 0.0
    for b in range(n_bins):
        mask = bins == b
        if mask.any():
            total += float(mask.mean()) * abs(float(hit[mask].mean()) - float(conf[mask].mean()))
    return total


def score(proba: FloatArray, gold: IntArray) -> dict[str, float]:
    """All four figures, rounded to 4 decimals."""
    return {
        "accuracy": round(accuracy(proba, gold), 4),
        "macro_f1": round(macro_f1(proba, gold), 4),
        "brier": round(brier(proba, gold), 4),
        "ece": round(ece(proba, gold), 4),
    }


def ahead(ours: dict[str, float], theirs: dict[str, float]) -> bool:
    """True if ``ours`` is strictly better than ``theirs`` on every figure."""
    return all(
        ours[f] < theirs[f] if f in LOWER_IS_BETTER else ours[f] > theirs[f] for f in FIGURES
    )
