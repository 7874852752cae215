"""How sure the estimator is: intervals for source accuracies and for posteriors.

Both are computed after the fit with the fitted state held fixed, so they say how much
the evidence at hand could move a number, not how wrong the model could be.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

from fogline.assess.design import Design, FloatArray, log_posterior


def accuracy_bounds(
    acc: FloatArray, a_post: FloatArray, b_post: FloatArray, interval: float
) -> tuple[FloatArray, FloatArray]:
    """Per source: a normal approximation to its Beta(a_post, b_post) posterior's central
    ``interval``, clipped to [0, 1]; (0, 1) for a source with no pseudo-counts."""
    z = NormalDist().inv_cdf(0.5 + interval / 2.0)
    n = a_post + b_post
    sd = np.sqrt(acc * (1.0 - acc) / (np.maximum(n, 0.0) + 1.0))
    lo = np.where(n > 0, np.clip(acc - z * sd, 0.0, 1.0), 0.0)
    hi = np.where(n > 0, np.clip(acc + z * sd, 0.0, 1.0), 1.0)
    return lo, hi


def posterior_bounds(
    d: Design,
    llr: FloatArray,
    log_post: FloatArray,
    n_bootstrap: int,
    interval: float,
    random_state: int,
) -> tuple[FloatArray, FloatArray]:
    """Per slot: the central ``interval`` of the posterior over ``n_bootstrap`` resamples
    of the sources that have evidence (each row's weighted log-likelihood ratio held
    fixed); the point posterior twice when there is nothing to resample."""
    point = np.exp(log_post)
    active = np.unique(d.src)
    if not n_bootstrap or not active.size:
        return point, point
    rng = np.random.default_rng(random_state)
    draws = np.empty((n_bootstrap, point.size), dtype=np.float32)
    for b in range(n_bootstrap):
        picked = active[rng.integers(0, active.size, size=active.size)]
        mult = np.bincount(picked, minlength=int(active.max()) + 1)
        draws[b] = np.exp(log_posterior(d, llr * mult[d.src]))
    tail = (1.0 - interval) / 2.0
    lo, hi = np.quantile(draws, [tail, 1.0 - tail], axis=0).astype(np.float64)
    return lo, hi
