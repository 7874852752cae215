"""Truth discovery over mutually exclusive hypotheses: a weighted one-coin Dawid-Skene model.

Each question has k >= 2 hypotheses, exactly one true, under a uniform prior. Source s
has one accuracy a_s, learned jointly over all questions by EM with a Beta prior whose
mean comes from the source's Admiralty grade. A source is modelled as holding one
belief b per question: the truth with probability a_s, otherwise one of the k - 1 wrong
hypotheses uniformly. What it says follows from its belief:

- SUPPORTS h  = "b is h":         P = a_s if the truth is h, (1 - a_s)/(k - 1) otherwise.
- REFUTES h   = "b is not h", the refuted hypothesis chosen uniformly among the k - 1
  it does not believe: P = (1 - a_s)/(k - 1) if the truth is h, (k - 2 + a_s)/(k - 1)^2
  otherwise. A refutation lowers h exactly when a_s > 1/k, as a support raises h, and
  for k = 2 it equals a support of the other hypothesis. (Refuting uniformly among the
  k - 1 *false* hypotheses would instead raise h whenever a_s < (k - 1)/k.)
- absent for h (the source would gain from asserting h and stays silent): a factor
  (1 - absence_strength) on truth = h; it does not inform the source's accuracy.

A row's weight w >= 0 tempers it: the row adds w * log-likelihood. The accuracy used in a
likelihood is clipped to [1/k + 0.01, 0.99], so no source's word counts against itself.

Open domains (``open_domain=True``, for open-valued data such as times or author lists,
where the claimed values are only some of the possible ones): a wrong source picks one
of n = max(k - 1, ``false_values``) false values instead of k - 1 (Accu's n), in the
formulas above and in the clip (1/(n + 1) + 0.01). A support then weighs
log(a n / (1 - a)), the same on an item with two claimed values as on one with six.

Learned dependence (copy-aware Accu, Dong, Berti-Equille and Srivastava, VLDB 2009;
the test, its direction and the split accuracies are described in ``copying``): after
EM, pairs of sources that share (false) values are tested for copying, and among the
supporters of one hypothesis a row's weight is multiplied by its *independence*, so a
group of copies counts as about one witness, its origin. EM and this step alternate for
up to ``dependence_rounds`` rounds (0, the default, switches it off; the truth benches
and the pipeline use 5). Independence is a weight like any other factor, so the ACH
identity stays exact; ``independence_`` shows it per row.

Residual correlation: sources can share errors through channels neither the link stage
nor the copy test sees (a common briefing, the same wire story). With
``residual_correlation`` rho > 0 every row of a question on which n sources assert or
deny something is weighted by 1 / (1 + (n - 1) rho), the effective number of independent
witnesses among n equally correlated ones divided by n (Kish's design effect); so twenty
echoing reports cannot make a small corpus near-certain. ``tempering_`` shows the factor
per question; like independence it is a weight, and the ACH identity stays exact.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from fogline.assess.copying import independence, sharing, support_pairs
from fogline.assess.design import (
    ABSENT,
    REFUTE,
    SUPPORT,
    Design,
    EvidenceRow,
    FloatArray,
    build_design,
    log_posterior,
    sum_by,
    temper,
)
from fogline.assess.intervals import accuracy_bounds, posterior_bounds

__all__ = ["EvidenceRow", "HypothesisModel"]


def _row_accuracy(
    d: Design, share: FloatArray, shared: FloatArray, alone: FloatArray
) -> FloatArray:
    """Per entry: the source's accuracy on values it shares with a source it depends on,
    mixed by ``share``, and its accuracy on the values it claims alone."""
    return np.asarray(share * shared[d.src] + (1.0 - share) * alone[d.src], dtype=np.float64)


_TIE_TOL = 1e-12


class HypothesisModel:
    """Truth discovery over mutually exclusive hypotheses, one-coin Dawid-Skene style, with weights.

    ``fit`` learns ``accuracy_`` (per source) and ``posteriors_`` (per question); every
    centred log-posterior decomposes exactly as ``log_prior_c_`` plus the sum of the
    question's ``contributions_`` (the ACH matrix). ``intervals_`` come from a bootstrap
    over sources with the fitted accuracies held fixed. With learned dependence,
    ``row_accuracy_`` is the accuracy each row's likelihood used (the mix of the source's
    ``shared_accuracy_`` and ``alone_accuracy_``; otherwise its ``accuracy_``).
    Deterministic given ``random_state``.
    """

    def __init__(
        self,
        *,
        default_accuracy: float = 0.65,
        prior_strength: float = 4.0,
        absence_strength: float = 0.35,
        max_iter: int = 100,
        tol: float = 1e-8,
        n_bootstrap: int = 200,
        interval: float = 0.9,
        dependence_rounds: int = 0,
        copy_rate: float = 0.8,
        copy_prior: float = 0.05,
        false_values: int = 10,
        open_domain: bool = False,
        split_strength: float = 10.0,
        residual_correlation: float = 0.0,
        random_state: int = 0,
    ) -> None:
        if not 0.0 < default_accuracy < 1.0:
            raise ValueError(f"default_accuracy must be in (0, 1), got {default_accuracy}")
        if not prior_strength >= 0.0:
            raise ValueError(f"prior_strength must be >= 0, got {prior_strength}")
        if not 0.0 <= absence_strength < 1.0:
            raise ValueError(f"absence_strength must be in [0, 1), got {absence_strength}")
        if max_iter < 1 or n_bootstrap < 0 or not tol >= 0.0:
            raise ValueError("max_iter must be >= 1, n_bootstrap >= 0 and tol >= 0")
        if not 0.0 < interval < 1.0:
            raise ValueError(f"interval must be in (0, 1), got {interval}")
        if dependence_rounds < 0 or false_values < 1:
            raise ValueError("dependence_rounds must be >= 0 and false_values >= 1")
        if not (0.0 < copy_rate < 1.0 and 0.0 < copy_prior < 1.0):
            raise ValueError("copy_rate and copy_prior must be in (0, 1)")
        if not split_strength > 0.0:
            raise ValueError(f"split_strength must be > 0, got {split_strength}")
        self.split_strength = split_strength
        if not 0.0 <= residual_correlation < 1.0:
            raise ValueError(f"residual_correlation must be in [0, 1), got {residual_correlation}")
        self.residual_correlation = residual_correlation
        self.dependence_rounds = dependence_rounds
        self.copy_rate = copy_rate
        self.copy_prior = copy_prior
        self.false_values = false_values
        self.open_domain = open_domain
        self.default_accuracy = default_accuracy
        self.prior_strength = prior_strength
        self.absence_strength = absence_strength
        self.max_iter = max_iter
        self.tol = tol
        self.n_bootstrap = n_bootstrap
        self.interval = interval
        self.random_state = random_state

    def fit(
        self,
        questions: Mapping[str, Sequence[str]],
        rows: Sequence[EvidenceRow],
        grades: Mapping[str, str] | None = None,
        *,
        implies: Mapping[str, Sequence[tuple[str, str, float]]] | None = None,
    ) -> HypothesisModel:
        """Learn source accuracies and hypothesis posteriors; return self.

        ``questions`` maps a question id to its hypothesis ids (listing order is the tie
        order). ``grades`` maps source ids to Admiralty grades. ``implies`` maps a
        question to ``(a, b, strength)`` triples: a support of ``a`` also supports ``b``
        at ``strength`` (in [0, 1]) of its weight (partial support between similar
        values; see ``design``). A question with fewer than two hypotheses is skipped
        (its single hypothesis gets probability 1). Raises ValueError for a row whose
        question or hypothesis is unknown, or whose weight is negative or not finite,
        for a malformed grade and for a bad implication.
        """
        d, sources, rows_of, self._single = build_design(
            questions, rows, grades or {}, self.default_accuracy, implies
        )
        d, tempering = temper(d, self.residual_correlation)
        alpha = self.prior_strength * d.prior_mean
        beta = self.prior_strength * (1.0 - d.prior_mean)
        acc = d.prior_mean.copy()
        pairs = support_pairs(d) if self.dependence_rounds else None
        indep = np.ones(d.src.size)
        share = np.zeros(d.src.size)
        if pairs is not None:
            indep, dep, origin = independence(d, pairs, acc, None, *self._copying())
            share = sharing(d, pairs, dep, origin)
        n_iter = 0
        for _ in range(self.dependence_rounds if pairs is not None else 0):
            acc, split, _, _, n = self._em(d, acc, alpha, beta, indep, share)
            n_iter += n
            llr, _ = self._weighted_llr(d, _row_accuracy(d, share, *split), indep)
            p_slot = np.exp(log_posterior(d, llr))
            new, dep, origin = independence(d, pairs, acc, p_slot, *self._copying())  # type: ignore[arg-type]
            share = sharing(d, pairs, dep, origin)  # type: ignore[arg-type]
            done = bool(np.allclose(new, indep, atol=1e-6))
            indep = new
            if done:
                break
        acc, split, hits, total, n = self._em(d, acc, alpha, beta, indep, share)
        n_iter += n
        self.n_iter_ = n_iter
        a_row = _row_accuracy(d, share, *split)
        llr, _ = self._weighted_llr(d, a_row, indep)
        log_post = log_posterior(d, llr)
        self._store(d, sources, rows_of, acc, llr, log_post)
        self.tempering_ = {q: 1.0 for q in rows_of}
        self.tempering_.update(zip(d.questions, tempering.tolist(), strict=True))
        self.independence_ = {i: 1.0 for q in rows_of for i in rows_of[q]}
        own = ~d.derived
        self.independence_.update(zip(d.row_index[own].tolist(), indep[own].tolist(), strict=True))
        self.row_accuracy_ = dict(zip(d.row_index[own].tolist(), a_row[own].tolist(), strict=True))
        self.dependence_: dict[tuple[str, str], float] = {}
        if pairs is not None:
            _, dep, _ = independence(d, pairs, acc, np.exp(log_post), *self._copying())
            for (s, t), p in zip(pairs.source_pairs.tolist(), dep.tolist(), strict=True):
                if p >= 0.5:
                    self.dependence_[sources[s], sources[t]] = p
        a_sh, a_al = split
        self.shared_accuracy_ = dict(zip(sources, a_sh.tolist(), strict=True))
        self.alone_accuracy_ = dict(zip(sources, a_al.tolist(), strict=True))
        lo, hi = accuracy_bounds(acc, alpha + hits, beta + total - hits, self.interval)
        bounds = zip(lo.tolist(), hi.tolist(), strict=True)
        self.accuracy_interval_ = dict(zip(sources, bounds, strict=True))
        self._store_intervals(d, llr, log_post)
        return self

    def _em(
        self,
        d: Design,
        acc: FloatArray,
        alpha: FloatArray,
        beta: FloatArray,
        indep: FloatArray,
        share: FloatArray,
    ) -> tuple[FloatArray, tuple[FloatArray, FloatArray], FloatArray, FloatArray, int]:
        """EM with the independence factors and sharing fixed.

        Returns (acc, (shared acc, alone acc), hits, total, iters). Accuracies are learned
        from every informative row at its own weight; the independence factors only temper
        how much a row moves the posteriors. Derived (implied) entries are not claims and
        teach nothing about accuracy. The shared and alone accuracies split the same hits
        by ``share`` and are shrunk toward ``acc`` with ``split_strength`` pseudo-rows.
        """
        w = np.where((d.kind != ABSENT) & ~d.derived, d.weight, 0.0)
        n_src = acc.size
        total = sum_by(d.src, w, n_src)
        hits = np.zeros(n_src)
        km1 = self._n_false(d)
        n_iter = 0
        k_split = self.split_strength
        has_share = bool(share.any())
        tot_sh = sum_by(d.src, w * share, n_src)
        tot_al = total - tot_sh
        a_sh, a_al = acc.copy(), acc.copy()
        while n_iter < self.max_iter:
            n_iter += 1
            llr, a = self._weighted_llr(d, _row_accuracy(d, share, a_sh, a_al), indep)
            p_row = np.exp(log_posterior(d, llr)[d.slot])
            correct = np.where(d.kind == SUPPORT, p_row, (1.0 - p_row) * a * km1 / (km1 - 1.0 + a))
            hits = sum_by(d.src, w * correct, n_src)
            denom = alpha + beta + total
            new = np.where(denom > 0, (alpha + hits) / np.where(denom > 0, denom, 1.0), acc)
            delta = float(np.max(np.abs(new - acc), initial=0.0))
            acc = new
            if has_share:
                h_sh = sum_by(d.src, w * share * correct, n_src)
                new_sh = (k_split * acc + h_sh) / (k_split + tot_sh)
                new_al = (k_split * acc + hits - h_sh) / (k_split + tot_al)
                delta = max(delta, float(np.max(np.abs(new_sh - a_sh), initial=0.0)))
                delta = max(delta, float(np.max(np.abs(new_al - a_al), initial=0.0)))
                a_sh, a_al = new_sh, new_al
            else:
                a_sh = a_al = acc
            if delta <= self.tol:
                break
        return acc, (a_sh, a_al), hits, total, n_iter

    def _copying(self) -> tuple[float, float, int]:
        # The copy test's n is the likelihood's: k - 1 unless the domain is open.
        return self.copy_rate, self.copy_prior, self.false_values if self.open_domain else 1

    def predict(self) -> dict[str, str]:
        """Question -> most probable hypothesis; ties (within 1e-12 in log) go to the first listed.

        Questions without hypotheses are left out.
        """
        out: dict[str, str] = {}
        for q, logp in self._fitted().items():
            if logp:
                top = max(logp.values())
                out[q] = next(h for h, v in logp.items() if v >= top - _TIE_TOL)
        return out

    def predict_proba(self) -> dict[str, dict[str, float]]:
        """Question -> hypothesis -> posterior probability (a copy of ``posteriors_``)."""
        self._fitted()
        return {q: dict(p) for q, p in self.posteriors_.items()}

    def explain(self, question: str) -> list[tuple[int, dict[str, float]]]:
        """The question's rows (index into the fitted rows) with their contributions.

        Largest absolute contribution first, then by row index. UNRELATED rows, which
        the model ignores, are not listed. Raises KeyError for an unknown question.
        """
        self._fitted()
        if question not in self._rows_of:
            raise KeyError(f"unknown question: {question!r}")
        items = [(i, dict(self.contributions_[i])) for i in self._rows_of[question]]
        items.sort(key=lambda it: (-max((abs(v) for v in it[1].values()), default=0.0), it[0]))
        return items

    def _fitted(self) -> dict[str, dict[str, float]]:
        if not hasattr(self, "log_posteriors_"):
            raise RuntimeError("HypothesisModel is not fitted: call fit() first")
        return self.log_posteriors_

    def _n_false(self, d: Design) -> FloatArray:
        """Per row: how many false values a wrong source picks among (Accu's n)."""
        if self.open_domain:
            return np.maximum(d.km1, float(self.false_values))
        return d.km1

    def _weighted_llr(
        self, d: Design, a_row: FloatArray, indep: FloatArray
    ) -> tuple[FloatArray, FloatArray]:
        """Per row: w * (log-lik if the truth is its hypothesis - log-lik otherwise); clipped a."""
        km1 = self._n_false(d)
        a = np.clip(a_row, 1.0 / (km1 + 1.0) + 0.01, 0.99)
        log_km1 = np.log(km1)
        llr = np.log(a) - np.log1p(-a) + log_km1  # SUPPORT, the common case, on every row
        ref = d.kind == REFUTE
        if ref.any():
            llr = np.where(ref, np.log1p(-a) + log_km1 - np.log(km1 - 1.0 + a), llr)
        absent = d.kind == ABSENT
        if absent.any():
            llr = np.where(absent, math.log1p(-self.absence_strength), llr)
        return d.weight * indep * llr, a

    def _store(
        self,
        d: Design,
        sources: tuple[str, ...],
        rows_of: dict[str, list[int]],
        acc: FloatArray,
        llr: FloatArray,
        log_post: FloatArray,
    ) -> None:
        self.accuracy_ = dict(zip(sources, acc.tolist(), strict=True))
        self._rows_of = rows_of
        self.log_posteriors_: dict[str, dict[str, float]] = {}
        self.posteriors_: dict[str, dict[str, float]] = {}
        self.log_prior_c_: dict[str, dict[str, float]] = {}
        lp, pr = log_post.tolist(), d.log_prior.tolist()
        for q, hyps, o in self._by_question(d):
            if o is None:
                self.log_posteriors_[q] = dict.fromkeys(hyps, 0.0)
                self.posteriors_[q] = dict.fromkeys(hyps, 1.0)
                self.log_prior_c_[q] = dict.fromkeys(hyps, 0.0)
                continue
            self.log_posteriors_[q] = dict(zip(hyps, lp[o : o + len(hyps)], strict=True))
            self.posteriors_[q] = {h: math.exp(v) for h, v in self.log_posteriors_[q].items()}
            mean_prior = sum(pr[o : o + len(hyps)]) / len(hyps)
            self.log_prior_c_[q] = {h: pr[o + j] - mean_prior for j, h in enumerate(hyps)}
        self.contributions_: dict[int, dict[str, float]] = {}
        for q in self._single:
            for i in rows_of[q]:
                self.contributions_[i] = dict.fromkeys(self._single[q], 0.0)
        k = d.km1 + 1.0
        hit, miss = (llr * d.km1 / k).tolist(), (-llr / k).tolist()
        slot_h = [h for hyps in d.hypotheses for h in hyps]
        qs = d.slot_question.tolist()
        for j, (i, s) in enumerate(zip(d.row_index.tolist(), d.slot.tolist(), strict=True)):
            # A row's derived (implied) entries add to the row's own contributions.
            contrib = self.contributions_.get(i)
            if contrib is None:
                contrib = self.contributions_[i] = dict.fromkeys(d.hypotheses[qs[s]], 0.0)
            for h in contrib:
                contrib[h] += hit[j] if h == slot_h[s] else miss[j]

    def _store_intervals(self, d: Design, llr: FloatArray, log_post: FloatArray) -> None:
        lo, hi = posterior_bounds(
            d, llr, log_post, self.n_bootstrap, self.interval, self.random_state
        )
        self.intervals_: dict[str, dict[str, tuple[float, float]]] = {}
        lo_l, hi_l = lo.tolist(), hi.tolist()
        for q, hyps, o in self._by_question(d):
            if o is None:
                self.intervals_[q] = dict.fromkeys(hyps, (1.0, 1.0))
            else:
                self.intervals_[q] = {h: (lo_l[o + j], hi_l[o + j]) for j, h in enumerate(hyps)}

    def _by_question(self, d: Design) -> Iterator[tuple[str, tuple[str, ...], int | None]]:
        """Each question in input order, its hypotheses and first slot (None if skipped)."""
        index = {q: i for i, q in enumerate(d.questions)}
        for q in self._rows_of:
            i = index.get(q)
            if i is None:
                yield q, self._single[q], None
            else:
                yield q, d.hypotheses[i], int(d.offsets[i])
