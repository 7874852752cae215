"""Learned dependence between sources: who copies whom (copy-aware Accu).

See the ``model`` module docstring for the test; this module finds the pairs of
sources that support hypotheses of the same questions and turns their shared (false)
values into P(dependent) and per-row independence factors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from fogline.assess.design import SUPPORT, Design, FloatArray, IntArray, sum_by


@dataclass(frozen=True, slots=True)
class Pairs:
    """Pairs of SUPPORTS rows (positive weight, different sources) on the same question."""

    first: IntArray  # design row
    second: IntArray
    same: NDArray[np.bool_]  # both support the same hypothesis
    pair_of: IntArray  # index into source_pairs
    source_pairs: IntArray  # (n, 2) source ids, smaller first


def support_pairs(d: Design) -> Pairs:
    """All pairs of positive-weight SUPPORTS rows by different sources on one question
    (derived entries, which are not claims, left out)."""
    rows = np.flatnonzero((d.kind == SUPPORT) & (d.weight > 0) & ~d.derived)
    q = d.slot_question[d.slot[rows]]
    rows = rows[np.argsort(q, kind="stable")]
    q = d.slot_question[d.slot[rows]]
    starts = np.flatnonzero(np.r_[True, q[1:] != q[:-1]]) if rows.size else np.zeros(0, np.intp)
    sizes = np.diff(np.r_[starts, rows.size])
    firsts: list[IntArray] = []
    seconds: list[IntArray] = []
    for m in np.unique(sizes[sizes > 1]).tolist():
        base = starts[sizes == m]
        i, j = np.triu_indices(m, 1)
        firsts.append(rows[(base[:, None] + i[None, :]).ravel()])
        seconds.append(rows[(base[:, None] + j[None, :]).ravel()])
    first = np.concatenate(firsts) if firsts else np.zeros(0, np.intp)
    second = np.concatenate(seconds) if seconds else np.zeros(0, np.intp)
    s1, s2 = d.src[first], d.src[second]
    keep = s1 != s2
    first, second, s1, s2 = first[keep], second[keep], s1[keep], s2[keep]
    lo, hi = np.minimum(s1, s2).astype(np.int64), np.maximum(s1, s2).astype(np.int64)
    codes, pair_of = np.unique(lo * (int(d.src.max(initial=0)) + 1) + hi, return_inverse=True)
    width = int(d.src.max(initial=0)) + 1
    return Pairs(
        first=first,
        second=second,
        same=d.slot[first] == d.slot[second],
        pair_of=pair_of.astype(np.intp),
        source_pairs=np.stack([codes // width, codes % width], axis=1).astype(np.intp),
    )


def independence(
    d: Design,
    pairs: Pairs,
    acc: FloatArray,
    p_slot: FloatArray | None,
    copy_rate: float,
    copy_prior: float,
    false_values: int,
) -> tuple[FloatArray, FloatArray]:
    """Per-row independence factors and P(dependent) per source pair (module doc).

    Without posteriors (the first round) the test sees only whether a pair agrees. A
    derived entry shares the factor of the row it comes from.
    """
    c = copy_rate
    a = np.clip(acc[d.src], 1.0 / (d.km1 + 1.0) + 0.01, 0.99)
    a1, a2 = a[pairs.first], a[pairs.second]
    n = np.maximum(d.km1[pairs.first], float(false_values))
    ind_t, ind_f = a1 * a2, (1.0 - a1) * (1.0 - a2) / n
    if p_slot is None:
        same_llr = np.log1p(c / (ind_t + ind_f) - c)
    else:
        mean = (a1 + a2) / 2.0
        p = p_slot[d.slot[pairs.first]]
        same_llr = p * np.log1p(c * mean / ind_t - c)
        same_llr += (1.0 - p) * np.log1p(c * (1.0 - mean) / ind_f - c)
    llr = np.where(pairs.same, same_llr, math.log1p(-c))
    prior = math.log(copy_prior / (1.0 - copy_prior))
    score = sum_by(pairs.pair_of, llr, pairs.source_pairs.shape[0]) + prior
    dep = 0.5 * (1.0 + np.tanh(0.5 * score))
    # Within a hypothesis, the less accurate (then later) row of a pair is the copy.
    rank = np.lexsort((np.arange(d.src.size), -acc[d.src]))
    position = np.empty_like(rank)
    position[rank] = np.arange(rank.size)
    same = pairs.same
    f, s = pairs.first[same], pairs.second[same]
    later = np.where(position[f] > position[s], f, s)
    log_keep = np.log1p(-c * dep[pairs.pair_of[same]])
    return np.exp(sum_by(later, log_keep, d.src.size))[d.parent], dep
