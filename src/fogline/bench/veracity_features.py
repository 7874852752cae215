"""The explainable features that ``bench veracity``'s calibration layer reads, per claim.

- ``model_features``: the source model's centred log-posteriors, clipped to +-``CLIP``;
- ``stance_features``: the claim's share of each stance and log(1 + reports);
- ``context_features``: facts about the claim's origin that the data set records
  (``VeracityData.context_names``; RumourEval: is the source tweet's author verified,
  log10 followers, log10 retweets), an empty block when it records none;
- ``majority_stance``: the majority-stance baseline's probabilities.
"""

from __future__ import annotations

import math

import numpy as np

from fogline.assess.model import HypothesisModel
from fogline.bench.veracity_calibration import FloatArray
from fogline.bench.veracity_data import VeracityData

CLIP = 30.0


def stance_features(data: VeracityData) -> FloatArray:
    """Per claim: the share of each stance (zeros if no reports), then log(1 + reports)."""
    out = np.zeros((len(data.claims), len(data.stances) + 1))
    for i, c in enumerate(data.claims):
        n = len(c.reports)
        for j, s in enumerate(data.stances):
            out[i, j] = sum(1 for _, st in c.reports if st == s) / n if n else 0.0
        out[i, -1] = math.log1p(n)
    return out


def model_features(data: VeracityData, model: HypothesisModel) -> FloatArray:
    """Per claim: the model's log-posteriors, centred over the classes, clipped to +-CLIP."""
    logp = np.array(
        [[model.log_posteriors_[c.id][h] for h in data.classes] for c in data.claims],
        dtype=np.float64,
    )
    out: FloatArray = np.clip(logp - logp.mean(axis=1, keepdims=True), -CLIP, CLIP)
    return out


def context_features(data: VeracityData) -> FloatArray:
    """Per claim: its ``context`` values, shape (claims, len(context_names)).

    Raises ValueError if a claim's context does not match ``context_names``."""
    width = len(data.context_names)
    if any(len(c.context) != width for c in data.claims):
        raise ValueError(f"every claim's context must have {width} values")
    out = np.zeros((len(data.claims), width))
    for i, c in enumerate(data.claims):
        out[i] = c.context
    return out


def majority_stance(data: VeracityData) -> FloatArray:
    """Per claim: the share of class-asserting reports for each class (uniform if none)."""
    k = len(data.classes)
    out = np.full((len(data.claims), k), 1.0 / k)
    for i, c in enumerate(data.claims):
        counts = np.zeros(k)
        for _, stance in c.reports:
            if stance in data.points_to:
                counts[data.classes.index(data.points_to[stance])] += 1.0
        if counts.sum():
            out[i] = counts / counts.sum()
    return out
