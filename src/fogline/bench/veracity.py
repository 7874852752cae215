"""``fogline bench veracity``: a claim's truth from the stances of the reports about it.

Each claim is a question whose hypotheses are the data set's veracity classes (Emergent:
true / false / unknown; RumourEval: true / false / unverified). Each report is one
``EvidenceRow`` from its outlet (Emergent) or author (RumourEval): a stance that asserts a
class SUPPORTS it (for/support -> true, against/deny -> false, observing/query -> unknown
or unverified; RumourEval's comments assert nothing and are left out of the evidence).
``HypothesisModel`` learns each source's accuracy across all claims of both splits without
labels and gives a posterior per claim. Every row carries one weight w <= 1, because
reports on one claim are far from independent witnesses. w (from ``WEIGHTS``) and the
calibrator's L2 (from ``L2S``) are chosen by 5-fold cross-validated cross-entropy on the
tune split; no test label is read before scoring.

A calibration layer (``SoftmaxCalibrator``, fitted on the tune split only) maps a few
explainable features (``veracity_features``) to the final probabilities: the model's
centred log-posteriors, the claim's share of each stance, log(1 + reports) and, where the
data set records them, facts about the claim's origin (RumourEval: is the source tweet's
author verified, log10 followers, log10 retweets: who started the rumour and how far it
spread). Whether to use the origin facts is chosen like w and the L2, by cross-validated
cross-entropy on the tune claims only. That candidate set was added in session 4 after
comparing pooled out-of-fold figures of a few such sets on RumourEval, so its headline
figures there carry that much selection; the per-fold choice itself reads no held-out
label. With 297 threads the ECE is noisy: over four other hash salts for the folds it
ranged .035-.064 (the other figures stayed ahead of the majority stance's). The
calibrator's coefficients are printed under ``notes`` so that every probability can be
traced.

Figures (see ``veracity_scoring``): accuracy, macro_f1, brier, ece at the top level.
Emergent: on the test split, the tune split's under ``tune``. RumourEval: its dev split is
one event of 25 threads, too few to score on, so train and dev are pooled (297 threads)
and every thread is scored out of fold by ``FOLDS``-fold cross-validation (fold = first
byte of sha256(thread id) mod ``FOLDS``): the weight, the L2 and the calibrator come from
the other folds' labels only, exactly as the tune split serves Emergent. ``by_split``
restricts those predictions to train and dev; ``cross_event`` repeats the protocol with
leave-one-event-out folds (eight events), the harder case of a new event whose base
rates no training fold shows. The source model reads no label and is fitted once.

Baselines, with the same figures:
``majority_stance`` (p = the share of class-asserting reports pointing to each class,
uniform when there are none; ties go to the first class in the listed order),
``class_prior`` (the tune claims' base rates for every claim) and ``stance_logistic`` (the
calibration layer on the stance features alone, its L2 also chosen by cross-validation on
the tune split: what the source model adds).
"""

from __future__ import annotations

import csv
import hashlib
import time
from pathlib import Path
from typing import Any

import click
import numpy as np

from fogline.assess.model import EvidenceRow, HypothesisModel
from fogline.bench import report
from fogline.bench.veracity_calibration import FloatArray, IntArray, SoftmaxCalibrator
from fogline.bench.veracity_data import (
    EMERGENT_STANCES,
    EMERGENT_TRUTH,
    VeracityData,
    load_emergent,
    load_rumoureval,
)
from fogline.bench.veracity_features import (
    context_features,
    majority_stance,
    model_features,
    stance_features,
)
from fogline.bench.veracity_scoring import ahead, score
from fogline.errors import InputError
from fogline.records import StanceLabel

WEIGHTS = (0.1, 0.3, 1.0)
L2S = (1e-3, 1e-2, 1e-1)
FOLDS = 5


def fit_sources(data: VeracityData, weight: float) -> HypothesisModel:
    """The source model fitted on every claim's reports (no labels used)."""
    questions = {c.id: list(data.classes) for c in data.claims}
    rows = [
        EvidenceRow(c.id, source, data.points_to[stance], StanceLabel.SUPPORTS, weight)
        for c in data.claims
        for source, stance in c.reports
        if stance in data.points_to
    ]
    return HypothesisModel(random_state=0, n_bootstrap=0).fit(questions, rows)


def cv_proba(x: FloatArray, gold: IntArray, n_classes: int, l2: float) -> FloatArray:
    """Held-out probabilities of the calibrator over ``FOLDS`` folds (item i in fold
    i mod FOLDS); a fold whose training part misses a class still counts."""
    fold = np.arange(gold.size) % FOLDS
    out = np.full((gold.size, n_classes), 1.0 / n_classes)
    for f in range(FOLDS):
        train, held = fold != f, fold == f
        if not held.any() or not train.any():
            continue
        cal = SoftmaxCalibrator(l2=l2).fit(x[train], gold[train], n_classes)
        out[held] = cal.predict_proba(x[held])
    return out


def cv_cross_entropy(x: FloatArray, gold: IntArray, n_classes: int, l2: float) -> float:
    """Mean held-out cross-entropy of the calibrator (see ``cv_proba``)."""
    p = cv_proba(x, gold, n_classes, l2)[np.arange(gold.size), gold]
    return -float(np.sum(np.log(np.maximum(p, 1e-12)))) / max(gold.size, 1)


Candidate = tuple[float, bool, FloatArray, HypothesisModel]
"""(row weight, with the claims' context features, calibration features, source model)."""


def candidates(data: VeracityData) -> list[Candidate]:
    """Per row weight in ``WEIGHTS``: the calibration features without and (if the data
    set records any) with the claims' context features, each with its source model.

    The source model reads no label, so it is fitted once per weight on every claim's
    reports."""
    stance_x = stance_features(data)
    context_x = context_features(data)
    out: list[Candidate] = []
    for w in WEIGHTS:
        model = fit_sources(data, w)
        x = np.hstack([model_features(data, model), stance_x])
        out.append((w, False, x, model))
        if data.context_names:
            out.append((w, True, np.hstack([x, context_x]), model))
    return out


def predict(
    data: VeracityData,
    tune: np.ndarray[Any, np.dtype[np.bool_]],
    gold: IntArray,
    cands: list[Candidate] | None = None,
) -> tuple[FloatArray, dict[str, Any], HypothesisModel]:
    """fogline's probabilities for every claim, what was chosen, and the source model.

    The row weight (from ``WEIGHTS``), whether to use the context features and the
    calibrator's L2 (from ``L2S``) are the choice with the lowest cross-validated
    cross-entropy on the ``tune`` claims (first on ties); the calibrator is then refitted
    on all of them. Only the tune claims' labels are read.
    """
    k = len(data.classes)
    best: tuple[float, float, bool, float, FloatArray, HypothesisModel] | None = None
    for w, with_context, x, model in cands if cands is not None else candidates(data):
        for l2 in L2S:
            loss = cv_cross_entropy(x[tune], gold[tune], k, l2)
            if best is None or loss < best[0] - 1e-12:
                best = (loss, w, with_context, l2, x, model)
    assert best is not None
    loss, w, with_context, l2, x, model = best
    cal = SoftmaxCalibrator(l2=l2).fit(x[tune], gold[tune], k)
    names = [f"logpost_{h}" for h in data.classes] + [f"share_{s}" for s in data.stances]
    names.append("log1p_reports")
    if with_context:
        names.extend(data.context_names)
    chosen = {
        "row_weight": w,
        "context": with_context,
        "l2": l2,
        "tune_cv_cross_entropy": round(loss, 4),
        "calibration": {
            "features": names,
            "coef": {
                h: {n: round(float(v), 4) for n, v in zip(names, cal.coef_[:, j], strict=True)}
                for j, h in enumerate(data.classes)
            },
            "intercept": {
                h: round(float(v), 4) for h, v in zip(data.classes, cal.intercept_, strict=True)
            },
        },
    }
    return cal.predict_proba(x), chosen, model


def baseline_probas(
    data: VeracityData, tune: np.ndarray[Any, np.dtype[np.bool_]], gold: IntArray
) -> dict[str, FloatArray]:
    """Every baseline's probabilities for every claim, fitted on the ``tune`` claims only."""
    k = len(data.classes)
    prior = np.bincount(gold[tune], minlength=k) / tune.sum()
    stance_x = stance_features(data)
    l2 = min(L2S, key=lambda v: cv_cross_entropy(stance_x[tune], gold[tune], k, v))
    stance_only = SoftmaxCalibrator(l2=l2).fit(stance_x[tune], gold[tune], k)
    return {
        "majority_stance": majority_stance(data),
        "class_prior": np.tile(prior, (len(gold), 1)),
        "stance_logistic": stance_only.predict_proba(stance_x),
    }


def thread_folds(data: VeracityData, k: int = FOLDS) -> list[str]:
    """Per claim: its fold, ``fold<i>`` with i = the first byte of sha256(claim id) mod k."""
    return [f"fold{hashlib.sha256(c.id.encode()).digest()[0] % k}" for c in data.claims]


def by_group(
    data: VeracityData, gold: IntArray, groups_of: list[str], cands: list[Candidate]
) -> tuple[FloatArray, dict[str, FloatArray], dict[str, Any]]:
    """Leave-one-group-out predictions: each group's claims scored by settings chosen and a
    calibrator fitted on the other groups only. Returns fogline's out-of-fold
    probabilities, the baselines' probabilities and what each fold chose."""
    groups = np.array(groups_of)
    proba = np.zeros((len(gold), len(data.classes)))
    base: dict[str, FloatArray] = {}
    chosen: dict[str, Any] = {}
    for g in sorted(set(groups.tolist())):
        held = groups == g
        if held.all():
            raise InputError(f"too few claims to cross-validate: all {held.size} are in {g}")
        p, picked, _ = predict(data, ~held, gold, cands)
        proba[held] = p[held]
        chosen[g] = {"claims": int(held.sum())}
        chosen[g].update({k: picked[k] for k in ("row_weight", "context", "l2")})
        for name, bp in baseline_probas(data, ~held, gold).items():
            base.setdefault(name, np.zeros_like(proba))[held] = bp[held]
    return proba, base, chosen


def _figures(proba: FloatArray, gold: IntArray, tune: np.ndarray[Any, Any]) -> dict[str, Any]:
    out: dict[str, Any] = score(proba[~tune], gold[~tune])
    out["tune"] = score(proba[tune], gold[tune])
    return out


def _reliable(data: VeracityData, model: HypothesisModel, least: int = 5) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for c in data.claims:
        for source, stance in c.reports:
            if stance in data.points_to:
                counts[source] = counts.get(source, 0) + 1
    busy = sorted((s for s, n in counts.items() if n >= least), key=lambda s: model.accuracy_[s])
    show = busy[:3] + busy[-3:] if len(busy) > 6 else busy
    return {s: {"accuracy": round(model.accuracy_[s], 3), "reports": counts[s]} for s in show}


def write_predictions(path: Path, data: VeracityData, proba: FloatArray) -> None:
    """``claimId, claimTruth, p_<class>..., split`` for every claim (claimTruth predicted)."""
    try:
        with path.open("w", encoding="utf-8", newline="") as fh:
            out = csv.writer(fh, lineterminator="\n")
            out.writerow(["claimId", "claimTruth", *(f"p_{h}" for h in data.classes), "split"])
            for c, p in zip(data.claims, proba, strict=True):
                top = data.classes[int(np.argmax(p))]
                out.writerow([c.id, top, *(f"{float(v):.6f}" for v in p), c.split])
    except OSError as exc:
        raise InputError(f"cannot write predictions to {path}: {exc}") from exc


def run(data: VeracityData, source: str, predictions: Path | None = None) -> dict[str, Any]:
    """The whole result document for ``bench veracity`` on ``data`` (read from ``source``)."""
    started = time.perf_counter()
    tune_split, test_split = data.splits
    tune = np.array([c.split == tune_split for c in data.claims], dtype=np.bool_)
    if not tune.any() or tune.all():
        raise InputError(f"need claims in both the {tune_split} and {test_split} splits")
    gold = np.array([data.classes.index(c.truth) for c in data.claims], dtype=np.intp)
    if data.by_group:
        cands = candidates(data)
        proba, base_p, chosen = by_group(data, gold, thread_folds(data), cands)
        figures: dict[str, Any] = score(proba, gold)
        masks = ((tune_split, tune), (test_split, ~tune))
        figures["by_split"] = {name: score(proba[m], gold[m]) for name, m in masks}
        baselines = {name: score(p, gold) for name, p in base_p.items()}
        events, event_base, _ = by_group(data, gold, [c.group for c in data.claims], cands)
        figures["cross_event"] = {
            **score(events, gold),
            "majority_stance": score(event_base["majority_stance"], gold),
        }
        split_note = (
            f"{tune_split} + {test_split} pooled; headline figures over every claim, each "
            f"scored out of fold by {FOLDS}-fold cross-validation (fold = sha256(claim id)[0] "
            f"mod {FOLDS}; settings chosen and calibrator fitted on the other folds only); "
            "'by_split' restricts the same predictions to each split; 'cross_event' scores "
            "leave-one-event-out folds the same way (a new event's base rates unseen)"
        )
        weights = [f["row_weight"] for f in chosen.values()]
        model = next(m for w, _, _, m in cands if w == max(set(weights), key=weights.count))
        model_note: dict[str, Any] = {"folds": chosen}
    else:
        proba, picked, model = predict(data, tune, gold)
        figures = _figures(proba, gold, tune)
        baselines = {
            name: _figures(p, gold, tune) for name, p in baseline_probas(data, tune, gold).items()
        }
        split_note = f"headline figures on {test_split!r}; tuned on {tune_split!r} (under 'tune')"
        if data.name == "emergent":
            split_note += "; claims split by sha256(claimId)[0] parity"
        model_note = picked
    if predictions is not None:
        write_predictions(predictions, data, proba)
    top = {f: figures[f] for f in ("accuracy", "macro_f1", "brier", "ece")}
    base = {f: baselines["majority_stance"][f] for f in top}
    notes = {
        "split": split_note,
        "ece": "top-class probability, 10 equal-width bins",
        "brier": "multi-class: mean of sum_k (p_k - y_k)^2, in [0, 2]",
        "target": {"ahead_of_majority_stance": ahead(top, base), "ece_le_0.05": top["ece"] <= 0.05},
        "model": model_note,
        "sources_least_and_most_accurate": _reliable(data, model),
    }
    size = {
        "claims": len(data.claims),
        f"{tune_split}_claims": int(tune.sum()),
        f"{test_split}_claims": int((~tune).sum()),
        "reports": sum(len(c.reports) for c in data.claims),
        "sources": len({s for c in data.claims for s, _ in c.reports}),
    }
    return report.document(
        "veracity",
        {"dataset": data.name, **figures},
        baselines,
        data=source,
        size=size,
        started=started,
        notes=notes,
    )


def load(
    dataset: str,
    data: Path | None,
    stances: Path | None,
    truth: Path | None,
    limit: int | None,
) -> tuple[VeracityData, str]:
    """The data set named by the CLI options, and a description of where it came from."""
    if dataset == "rumoureval":
        if data is None:
            raise InputError("--dataset rumoureval needs --data DIR (the rumoureval2017 folder)")
        return load_rumoureval(data, limit), str(data)
    if stances is None or truth is None:
        if data is None:
            raise InputError("give --stances FILE and --truth FILE, or --data DIR (Emergent)")
        stances = stances or data / EMERGENT_STANCES
        truth = truth or data / EMERGENT_TRUTH
    for path in (stances, truth):
        if not path.is_file():
            raise InputError(f"no such file: {path}")
    return load_emergent(stances, truth, limit), f"{stances} + {truth}"


@click.command(name="veracity")
@click.option(
    "--dataset",
    type=click.Choice(["emergent", "rumoureval"]),
    default="emergent",
    show_default=True,
)
@click.option("--data", type=click.Path(path_type=Path), default=None, help="Data set folder.")
@click.option("--stances", type=click.Path(path_type=Path), default=None, help="Emergent stances.")
@click.option("--truth", type=click.Path(path_type=Path), default=None, help="Emergent truth.")
@click.option("--predictions", type=click.Path(path_type=Path), default=None)
@click.option("--limit", type=int, default=None, help="First N claims (RumourEval: per split).")
@click.option("--predicted-stance", is_flag=True, help="Use fogline's stance model's labels.")
def command(
    dataset: str,
    data: Path | None,
    stances: Path | None,
    truth: Path | None,
    predictions: Path | None,
    limit: int | None,
    predicted_stance: bool,
) -> None:
    """Predict each claim's truth from the stances of its reports; score beside baselines."""
    if predicted_stance:
        raise InputError("no trained stance model yet (issue 5)")
    loaded, source = load(dataset, data, stances, truth, limit)
    click.echo(report.emit(run(loaded, source, predictions)))
