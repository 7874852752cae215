"""Tests for fogline.assess.intervals: accuracy and posterior bounds."""

from __future__ import annotations

import numpy as np

from fogline.assess.design import build_design, log_posterior
from fogline.assess.intervals import accuracy_bounds, posterior_bounds
from fogline.assess.model import EvidenceRow
from fogline.records import StanceLabel


def test_accuracy_bounds_narrow_with_evidence_and_stay_in_the_unit_interval() -> None:
    acc = np.array([0.7, 0.7, 0.99, 0.5])
    lo, hi = accuracy_bounds(
        acc, np.array([7.0, 70.0, 99.0, 0.0]), np.array([3.0, 30.0, 1.0, 0.0]), 0.9
    )
    assert np.all((lo <= acc) & (acc <= hi))
    assert hi[1] - lo[1] < hi[0] - lo[0]
    assert hi[2] <= 1.0 and (lo[3], hi[3]) == (0.0, 1.0)


def test_posterior_bounds_bracket_the_point_and_collapse_without_bootstrap() -> None:
    questions = {"q": ["a", "b"]}
    rows = [
        EvidenceRow("q", f"s{i}", "a" if i < 4 else "b", StanceLabel.SUPPORTS) for i in range(6)
    ]
    d, *_ = build_design(questions, rows, {}, 0.7)
    llr = np.ones(d.src.size)  # every row a unit log-likelihood ratio for its value
    log_post = log_posterior(d, llr)
    point = np.exp(log_post)
    lo, hi = posterior_bounds(d, llr, log_post, 0, 0.9, 0)
    assert np.array_equal(lo, point) and np.array_equal(hi, point)
    lo, hi = posterior_bounds(d, llr, log_post, 200, 0.9, 0)
    assert np.all(lo <= point + 1e-6) and np.all(point <= hi + 1e-6)
    assert hi[0] - lo[0] > 0.05
