"""Learned dependence between sources: who copies whom (copy-aware Accu).

This module finds the pairs of sources that support hypotheses of the same questions
and turns their shared (false) values into P(dependent), the direction of copying
(which of the two is the origin), per-row independence factors and per-row sharing (how
likely the row's value is one it shares with a source it depends on).

The test (Dong, Berti-Equille and Srivastava, VLDB 2009), as ``model.HypothesisModel``
runs it. After EM, each pair of sources that support hypotheses of the same questions
is tested for copying. On a shared question, independent sources agree on the truth with
P = a_s a_t, on one false value with P = (1 - a_s)(1 - a_t)/n, n = max(k - 1,
``false_values``); a copier (copying with probability c = ``copy_rate``) agrees on the
truth with c a + (1 - c) a_s a_t, on a false value with c (1 - a) + (1 - c)(1 - a_s)(1 -
a_t)/n (a the mean accuracy), and differs with (1 - c) times the independent chance.
With the truth weighted by its posterior, the summed log-ratio plus the prior log-odds
of ``copy_prior`` gives P(dependent). Sharing false values is what convicts a pair.
Direction (Accu's test): the values a dependent pair shares are better explained with
the one source as origin than the other (shared true values point to the more accurate
source, shared false values to the less accurate one); a source's *originality* sums
this over its partners. Among the supporters of one hypothesis, ordered by originality
(then accuracy, then first appearance), a row's weight is multiplied by its
*independence* prod_t (1 - c P(dep with earlier t)), so a group of copies counts as about
one witness, its origin. A source's accuracy is also split (``shared_accuracy_``,
``alone_accuracy_``) between the values it shares with sources it depends on (weighted
by ``sharing``, 1 - prod(1 - P(dep))) and those it claims alone, each shrunk toward its
overall accuracy with ``split_strength`` pseudo-rows; a row's likelihood uses the mix.
A copier is as good as its origin on what it copies and as good as itself on the rest.
Two copies of one origin also look dependent on each other, so where they agree on a
value their common origin does not claim, that agreement is not counted as shared
(``common_origin``): each chose the value on its own.
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
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Per-row independence factors, P(dependent) per source pair and each source's
    originality (module doc).

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
    origin = originality(d, pairs, dep, direction(d, pairs, acc, p_slot, dep, c, false_values))
    # Within a hypothesis, the more original (then more accurate, then earlier) row of a
    # dependent pair is kept whole and the other is the copy.
    rank = np.lexsort((np.arange(d.src.size), -acc[d.src], -np.round(origin[d.src], 6)))
    position = np.empty_like(rank)
    position[rank] = np.arange(rank.size)
    same = pairs.same
    f, s = pairs.first[same], pairs.second[same]
    later = np.where(position[f] > position[s], f, s)
    log_keep = np.log1p(-c * dep[pairs.pair_of[same]])
    return np.exp(sum_by(later, log_keep, d.src.size))[d.parent], dep, origin


def direction(
    d: Design,
    pairs: Pairs,
    acc: FloatArray,
    p_slot: FloatArray | None,
    dep: FloatArray,
    copy_rate: float,
    false_values: int,
) -> FloatArray:
    """Per source pair (lo, hi): P(lo copies hi | they are dependent), Accu's direction test.

    The values a pair shares are explained either by "s copies t" (t chose the value with
    its own accuracy; s repeated it with probability c) or by the reverse: shared true
    values point to the more accurate source as the origin, shared false values to the
    less accurate one. Without posteriors a shared value is true with probability 1/2.
    """
    c = copy_rate
    a = np.clip(acc[d.src], 1.0 / (d.km1 + 1.0) + 0.01, 0.99)
    same = pairs.same
    f, s = pairs.first[same], pairs.second[same]
    a_f, a_s = a[f], a[s]
    n = np.maximum(d.km1[f], float(false_values))
    p = 0.5 if p_slot is None else p_slot[d.slot[f]]

    def explained(origin: FloatArray, copy: FloatArray) -> FloatArray:
        truth = p * origin * (c + (1.0 - c) * copy)
        false = (1.0 - p) * (1.0 - origin) / n * (c + (1.0 - c) * (1.0 - copy) / n)
        return np.asarray(np.log(truth + false), dtype=np.float64)

    first_copies = explained(a_s, a_f) - explained(a_f, a_s)
    pair = pairs.pair_of[same]
    f_is_lo = d.src[f] == pairs.source_pairs[pair, 0]
    lo_copies = sum_by(pair, np.where(f_is_lo, first_copies, -first_copies), dep.size)
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * lo_copies)), dtype=np.float64)


def originality(d: Design, pairs: Pairs, dep: FloatArray, lo_copies: FloatArray) -> FloatArray:
    """Per source: how much it looks like the origin, not the copy, of its dependent
    partners: the sum over them of P(dependent) * (2 P(the partner copies it) - 1)."""
    towards_hi = dep * (2.0 * lo_copies - 1.0)
    lo, hi = pairs.source_pairs[:, 0], pairs.source_pairs[:, 1]
    width = int(d.src.max(initial=0)) + 1
    return sum_by(hi, towards_hi, width) - sum_by(lo, towards_hi, width)


def sharing(d: Design, pairs: Pairs, dep: FloatArray, origin: FloatArray) -> FloatArray:
    """Per entry: P(its value is one it shares with a source it depends on), 1 - prod(1 -
    dep) over the partners that claim the same value, each pair's dep first lowered by
    ``common_origin`` (a shared value that a common origin does not claim was not copied
    from it)."""
    same = pairs.same
    f, s = pairs.first[same], pairs.second[same]
    dep_same = common_origin(d, pairs, dep, origin)
    log_no = np.log1p(-np.minimum(dep_same, 1.0 - 1e-12))
    out = sum_by(f, log_no, d.src.size) + sum_by(s, log_no, d.src.size)
    return np.asarray(-np.expm1(out), dtype=np.float64)[d.parent]


def common_origin(
    d: Design, pairs: Pairs, dep: FloatArray, origin: FloatArray, least: float = 0.5
) -> FloatArray:
    """Per same-value pair (``pairs.same`` order): its P(dependent) times 1 - max_o dep(s, o)
    dep(t, o) over the sources o, more original than both, that depend on both (at least
    ``least``) and claim another value, and not this one, on the question.

    Two copies of one origin look dependent on each other; when they agree on a value the
    origin does not give, each chose it on its own. Without this, a copier's independent
    (and mostly right) answers would count as copied, and its accuracy on the values it
    claims alone would be underrated.
    """
    same = pairs.same
    f, s = pairs.first[same], pairs.second[same]
    out = np.array(dep[pairs.pair_of[same]], dtype=np.float64)
    p = dep[pairs.pair_of]
    other = ~same & (p >= least)
    x, y, p = pairs.first[other], pairs.second[other], p[other]
    sx, sy = d.src[x], d.src[y]
    table: dict[int, dict[int, float]] = {}
    for rows, partner, q in ((x, sy, origin[sy] > origin[sx]), (y, sx, origin[sx] > origin[sy])):
        for r, o, v in zip(rows[q].tolist(), partner[q].tolist(), p[q].tolist(), strict=True):
            table.setdefault(r, {})[o] = v
    if not table:
        return out
    listed = np.fromiter(table, dtype=np.intp, count=len(table))
    todo = np.flatnonzero(np.isin(f, listed) & np.isin(s, listed) & (out > 0.0)).tolist()
    if not todo:
        return out
    # A partner that also claims this value may be where it came from: it explains
    # nothing. Only a source with two values on one question can be such a partner.
    also: set[tuple[int, int]] = set()
    claims = np.flatnonzero((d.kind == SUPPORT) & (d.weight > 0) & ~d.derived)
    width = int(d.src.max(initial=0)) + 1
    keys = d.slot_question[d.slot[claims]].astype(np.int64) * width + d.src[claims]
    if np.unique(keys).size < keys.size:
        near = np.isin(f, listed) | np.isin(s, listed)
        for a, b in zip(f[near].tolist(), s[near].tolist(), strict=True):
            also.add((a, int(d.src[b])))
            also.add((b, int(d.src[a])))
    fl, sl = f.tolist(), s.tolist()
    for j in todo:
        a, b = fl[j], sl[j]
        ta, tb = table[a], table[b]
        best = max(
            (v * tb[o] for o, v in ta.items() if o in tb and (a, o) not in also),
            default=0.0,
        )
        out[j] *= 1.0 - best
    return out
