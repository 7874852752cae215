"""Scores for check-worthiness: F1 of the positive class and (mean) average precision.

Average precision follows the CLEF 2019 task 1 scorer: sentences ranked by score
(highest first, ties in input order), the mean of precision@k over the ranks k of the
positives. MAP averages it over debates that have at least one positive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float64]


def average_precision(labels: Sequence[int], scores: Sequence[float] | Vector) -> float:
    """AP of ``scores`` against 0/1 ``labels``; 0.0 when there is no positive."""
    y = np.asarray(labels, dtype=np.int64)
    if y.sum() == 0:
        return 0.0
    order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")
    hits = y[order]
    ranks = np.flatnonzero(hits) + 1
    return float(np.mean(np.arange(1, len(ranks) + 1) / ranks))


def r_precision(labels: Sequence[int], scores: Sequence[float] | Vector) -> float:
    """Precision at rank R, R being the number of positives (0.0 when there is none)."""
    y = np.asarray(labels, dtype=np.int64)
    r = int(y.sum())
    if r == 0:
        return 0.0
    order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")
    return float(y[order[:r]].sum() / r)


def mean_over_groups(
    groups: Sequence[str], labels: Sequence[int], scores: Sequence[float] | Vector
) -> dict[str, float]:
    """MAP and mean R-precision over the groups (debates) that hold a positive."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=np.int64)
    g = np.asarray(groups, dtype=object)
    aps, rps = [], []
    for group in dict.fromkeys(groups):
        mask = g == group
        if y[mask].sum() > 0:
            aps.append(average_precision(y[mask].tolist(), s[mask]))
            rps.append(r_precision(y[mask].tolist(), s[mask]))
    if not aps:
        return {"map": 0.0, "r_precision": 0.0}
    return {"map": float(np.mean(aps)), "r_precision": float(np.mean(rps))}


def prf(labels: Sequence[int], predicted: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class."""
    y = np.asarray(labels, dtype=bool)
    p = np.asarray(predicted, dtype=bool)
    tp = int((y & p).sum())
    precision = tp / int(p.sum()) if p.any() else 0.0
    recall = tp / int(y.sum()) if y.any() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def best_threshold(labels: Sequence[int], scores: Sequence[float] | Vector) -> float:
    """The score cut with the highest F1 on these labels (ties: the higher cut)."""
    s = np.asarray(scores, dtype=np.float64)
    if len(s) == 0:
        return 0.5
    candidates = np.unique(s)
    if len(candidates) > 400:
        candidates = np.unique(np.quantile(s, np.linspace(0.0, 1.0, 401)))
    best = max(candidates, key=lambda t: (prf(labels, (s >= t).tolist())["f1"], t))
    return float(best)


def figures(
    labels: Sequence[int],
    scores: Sequence[float] | Vector,
    threshold: float,
    groups: Sequence[str] | None = None,
) -> dict[str, Any]:
    """F1, precision, recall at ``threshold``; MAP (per group when ``groups`` is given,
    else AP over all) and R-precision; rounded to 4 places."""
    s = np.asarray(scores, dtype=np.float64)
    out: dict[str, Any] = dict(prf(labels, (s >= threshold).tolist()))
    if groups is not None:
        out.update(mean_over_groups(groups, labels, s))
    else:
        out["map"] = average_precision(labels, s)
        out["r_precision"] = r_precision(labels, s)
    rounded = {k: round(v, 4) for k, v in out.items()}
    rounded["threshold"] = round(float(threshold), 4)
    return rounded
