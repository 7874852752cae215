"""A small, explainable calibration layer: multinomial logistic regression on a few features.

p(class | x) = softmax(x @ coef_ + intercept_), fitted by Newton's method (with step
halving) on the mean cross-entropy plus ``l2 / 2 * ||coef_||^2`` (the intercepts are not
penalised). With few features each coefficient reads as "how much one unit of this
feature moves the log-odds of that class"; the intercepts absorb the tuning data's base
rates.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]


def softmax(z: FloatArray) -> FloatArray:
    """Row-wise softmax, stable for large logits."""
    z = z - np.max(z, axis=1, keepdims=True)
    e = np.exp(z)
    out: FloatArray = e / np.sum(e, axis=1, keepdims=True)
    return out


class SoftmaxCalibrator:
    """Multinomial logistic regression with L2 on the weights; deterministic (no randomness)."""

    def __init__(self, *, l2: float = 1e-3, max_iter: int = 50, tol: float = 1e-9) -> None:
        if not l2 > 0.0:
            raise ValueError(f"l2 must be > 0, got {l2}")
        self.l2 = l2
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, x: FloatArray, gold: IntArray, n_classes: int) -> SoftmaxCalibrator:
        """Fit on features ``x`` (n, d) and gold class indices; return self.

        Raises ValueError on empty input or labels outside ``range(n_classes)``.
        """
        n, d = x.shape
        if n == 0:
            raise ValueError("cannot fit a calibrator on no items")
        if gold.min() < 0 or gold.max() >= n_classes:
            raise ValueError("gold labels must be in range(n_classes)")
        k = n_classes
        xb = np.hstack([x, np.ones((n, 1))])
        onehot = np.eye(k)[gold]
        penalty = np.tile(np.r_[np.full(d, self.l2), 0.0][:, None], (1, k)).ravel()
        w = np.zeros((d + 1) * k)
        self.n_iter_ = 0
        for _ in range(self.max_iter):
            self.n_iter_ += 1
            p = softmax(xb @ w.reshape(d + 1, k))
            grad = (xb.T @ (p - onehot)).ravel() / n + penalty * w
            # Hessian blocks: sum_i x_i x_i^T (p_ic [c = l] - p_ic p_il), laid out (feature, class).
            hess = np.empty((d + 1, k, d + 1, k))
            for c in range(k):
                for m in range(k):
                    r = p[:, c] * ((c == m) - p[:, m])
                    hess[:, c, :, m] = xb.T @ (xb * r[:, None])
            h = hess.reshape((d + 1) * k, (d + 1) * k) / n
            h += np.diag(penalty) + 1e-9 * np.eye(h.shape[0])
            if float(np.max(np.abs(grad))) <= self.tol:
                break
            step = np.linalg.solve(h, grad)
            # Backtrack: halve the Newton step until the penalised loss does not rise.
            now = self._loss(xb, onehot, w, penalty)
            t = 1.0
            while t > 1e-6 and not self._loss(xb, onehot, w - t * step, penalty) <= now:
                t /= 2.0
            w = w - t * step
        full = w.reshape(d + 1, k)
        # Softmax is invariant to a shift shared by all classes: centre each row for reading.
        full = full - full.mean(axis=1, keepdims=True)
        self.coef_: FloatArray = full[:d]
        self.intercept_: FloatArray = full[d]
        return self

    @staticmethod
    def _loss(xb: FloatArray, onehot: FloatArray, w: FloatArray, penalty: FloatArray) -> float:
        z = xb @ w.reshape(xb.shape[1], onehot.shape[1])
        z = z - np.max(z, axis=1, keepdims=True)
        log_p = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
        return float(-np.mean(np.sum(onehot * log_p, axis=1)) + 0.5 * np.sum(penalty * w * w))

    def predict_proba(self, x: FloatArray) -> FloatArray:
        """Class probabilities, shape (n, n_classes)."""
        if not hasattr(self, "coef_"):
            raise RuntimeError("SoftmaxCalibrator is not fitted: call fit() first")
        return softmax(x @ self.coef_ + self.intercept_)
