"""The evidence of a truth-discovery problem as flat arrays, and the sums over them.

One slot per (question, hypothesis), one entry per evidence row; questions with fewer
than two hypotheses are set aside. A SUPPORTS row also gets one *derived* entry for every
hypothesis its own implies (``implies``: partial support between similar values, as in
TruthFinder); a derived entry moves the posterior like a support tempered by the
implication's strength, but it is not a claim: it teaches nothing about the source's
accuracy and is not looked at by the copy detector. ``temper`` scales a question's rows
for the residual correlation between its sources. Shared by the estimator (``model``)
and the copy detector (``copying``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from fogline.assess.grades import reliability_prior
from fogline.records import StanceLabel

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]

SUPPORT, REFUTE, ABSENT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One source's stance toward one hypothesis, tempered by ``weight``.

    ``weight`` is the product of the hedging, interest and independence factors (1 = a
    full, independent assertion; 0 = no effect). For an absence row (``absent=True``)
    the label is not read. UNRELATED rows are ignored.
    """

    question: str
    source: str
    hypothesis: str
    label: StanceLabel
    weight: float = 1.0
    absent: bool = False


@dataclass(frozen=True, slots=True)
class Design:
    """The evidence as flat arrays: one slot per (question, hypothesis), one entry per row."""

    questions: tuple[str, ...]  # questions with >= 2 hypotheses; their slots are contiguous
    hypotheses: tuple[tuple[str, ...], ...]
    offsets: IntArray  # first slot of each question
    slot_question: IntArray  # question of each slot
    log_prior: FloatArray  # per slot
    row_index: IntArray  # position in the caller's rows
    src: IntArray
    slot: IntArray
    km1: FloatArray  # k - 1 of the row's question
    weight: FloatArray
    kind: IntArray
    prior_mean: FloatArray  # per source
    parent: IntArray  # the entry a derived entry comes from (itself for a row's own entry)
    derived: NDArray[np.bool_]


def build_design(
    questions: Mapping[str, Sequence[str]],
    rows: Sequence[EvidenceRow],
    grades: Mapping[str, str],
    default: float,
    implies: Mapping[str, Sequence[tuple[str, str, float]]] | None = None,
) -> tuple[Design, tuple[str, ...], dict[str, list[int]], dict[str, tuple[str, ...]]]:
    """Validate the input and lay it out as arrays; also the sources, rows per question
    (UNRELATED ones left out) and the questions with fewer than two hypotheses.

    ``implies`` maps a question to ``(a, b, strength)`` triples: a support of ``a`` also
    supports ``b`` at ``strength`` in [0, 1] of its weight. ValueError for an unknown
    question or hypothesis there, or a strength outside [0, 1]."""
    names: list[str] = []
    hyps_of: list[tuple[str, ...]] = []
    slot_of: dict[str, dict[str, int]] = {}
    single: dict[str, tuple[str, ...]] = {}
    n_slots = 0
    for q, listed in questions.items():
        hyps = tuple(listed)
        if isinstance(listed, str) or len(set(hyps)) != len(hyps):
            raise ValueError(f"question {q!r}: hypotheses must be a sequence of distinct ids")
        if len(hyps) < 2:
            single[q] = hyps
            continue
        slot_of[q] = {h: n_slots + j for j, h in enumerate(hyps)}
        n_slots += len(hyps)
        names.append(q)
        hyps_of.append(hyps)
    rows_of: dict[str, list[int]] = {q: [] for q in questions}
    src_of: dict[str, int] = {}
    index: list[int] = []
    src: list[int] = []
    slot: list[int] = []
    km1: list[int] = []
    weight: list[float] = []
    kind: list[int] = []
    for i, row in enumerate(rows):
        if row.question not in rows_of:
            raise ValueError(f"row {i}: unknown question {row.question!r}")
        known = slot_of.get(row.question, {})
        if row.hypothesis not in known and row.hypothesis not in single.get(row.question, ()):
            raise ValueError(f"row {i}: {row.hypothesis!r} is not a hypothesis of {row.question!r}")
        w = float(row.weight)
        if not (math.isfinite(w) and w >= 0.0):
            raise ValueError(f"row {i}: weight must be finite and >= 0, got {row.weight!r}")
        s = src_of.setdefault(row.source, len(src_of))
        if row.absent:
            code = ABSENT
        elif row.label == StanceLabel.SUPPORTS:
            code = SUPPORT
        elif row.label == StanceLabel.REFUTES:
            code = REFUTE
        else:
            continue
        rows_of[row.question].append(i)
        if known:
            index.append(i)
            src.append(s)
            slot.append(known[row.hypothesis])
            km1.append(len(known) - 1)
            weight.append(w)
            kind.append(code)
    implied = _implied_slots(implies or {}, slot_of, rows_of)
    parent = list(range(len(index)))
    for j in range(len(index)):
        if kind[j] != SUPPORT:
            continue
        for target, strength in implied.get(slot[j], ()):
            index.append(index[j])
            src.append(src[j])
            slot.append(target)
            km1.append(km1[j])
            weight.append(weight[j] * strength)
            kind.append(SUPPORT)
            parent.append(j)
    sizes = [len(h) for h in hyps_of]
    design = Design(
        questions=tuple(names),
        hypotheses=tuple(hyps_of),
        offsets=np.cumsum([0, *sizes[:-1]]).astype(np.intp) if sizes else np.zeros(0, np.intp),
        slot_question=np.repeat(np.arange(len(sizes), dtype=np.intp), sizes),
        log_prior=-np.log(np.repeat(np.asarray(sizes, dtype=np.float64), sizes)),
        row_index=np.asarray(index, dtype=np.intp),
        src=np.asarray(src, dtype=np.intp),
        slot=np.asarray(slot, dtype=np.intp),
        km1=np.asarray(km1, dtype=np.float64),
        weight=np.asarray(weight, dtype=np.float64),
        kind=np.asarray(kind, dtype=np.intp),
        prior_mean=np.asarray([reliability_prior(grades.get(s), default) for s in src_of]),
        parent=np.asarray(parent, dtype=np.intp),
        derived=np.arange(len(parent)) != np.asarray(parent, dtype=np.intp),
    )
    return design, tuple(src_of), rows_of, single


def _implied_slots(
    implies: Mapping[str, Sequence[tuple[str, str, float]]],
    slot_of: Mapping[str, Mapping[str, int]],
    known: Mapping[str, object],
) -> dict[int, list[tuple[int, float]]]:
    """Slot -> the (slot, strength) pairs a support of it implies (zero strengths dropped)."""
    out: dict[int, list[tuple[int, float]]] = {}
    for q, triples in implies.items():
        if q not in known:
            raise ValueError(f"implies: unknown question {q!r}")
        if q not in slot_of:
            continue  # a question with fewer than two hypotheses has nothing to share
        slots = slot_of[q]
        for a, b, strength in triples:
            if a not in slots or b not in slots:
                raise ValueError(f"implies: {a!r} or {b!r} is not a hypothesis of {q!r}")
            if not 0.0 <= strength <= 1.0:
                raise ValueError(f"implies: strength must be in [0, 1], got {strength!r}")
            if strength > 0.0 and a != b:
                out.setdefault(slots[a], []).append((slots[b], float(strength)))
    return out


def log_posterior(d: Design, llr: FloatArray) -> FloatArray:
    """Normalised log-posterior per slot, given each row's weighted log-likelihood ratio."""
    n_slots = d.slot_question.size
    if n_slots == 0:
        return np.zeros(0)
    score = d.log_prior + sum_by(d.slot, llr, n_slots)
    peak = np.maximum.reduceat(score, d.offsets)[d.slot_question]
    lse = np.log(np.add.reduceat(np.exp(score - peak), d.offsets))[d.slot_question]
    return np.asarray(score - peak - lse, dtype=np.float64)


def sum_by(index: IntArray, values: FloatArray, size: int) -> FloatArray:
    """Sum ``values`` into ``size`` bins by ``index``."""
    return np.bincount(index, weights=values, minlength=size).astype(np.float64, copy=False)


def temper(d: Design, rho: float) -> tuple[Design, FloatArray]:
    """The design with every row's weight times its question's tempering, and the factors.

    A question on which n sources assert or deny something is tempered by 1 / (1 + (n - 1)
    rho): n equally correlated witnesses (pairwise error correlation rho) are worth that
    share of n independent ones. rho = 0 leaves the design as it is."""
    n_q = len(d.questions)
    if rho <= 0.0 or not n_q:
        return d, np.ones(n_q)
    q_row = d.slot_question[d.slot]
    said = (d.kind != ABSENT) & ~d.derived & (d.weight > 0)
    width = int(d.src.max(initial=0)) + 1
    speakers = np.unique(q_row[said].astype(np.int64) * width + d.src[said])
    n = np.bincount(speakers // width, minlength=n_q).astype(np.float64)
    t = 1.0 / (1.0 + np.maximum(n - 1.0, 0.0) * rho)
    return replace(d, weight=d.weight * t[q_row]), t
