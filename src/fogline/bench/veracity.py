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
explainable features to the final probabilities: the model's centred log-posteriors
(clipped to +-``CLIP``), the claim's share of each stance, and log(1 + reports). Its
coefficients are printed under ``notes`` so that every probability can be traced.

Figures (see ``veracity_scoring``): accuracy, macro_f1, brier, ece on the test split at the
top level, the tune split's under ``tune``. Baselines, with the same figures:
``majority_stance`` (p = the share of class-asserting reports pointing to each class,
uniform when there are none; ties go to the first class in the listed order),
``class_prior`` (the tune split's base rates for every claim) and ``stance_logistic`` (the
calibration layer on the stance features alone, its L2 also chosen by cross-validation on
the tune split: what the source model adds).
"""

from __future__ import annotations

import csv
import math
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
from fogline.bench.veracity_scoring import ahead, score
from fogline.errors import InputError
from fogline.records import StanceLabel

WEIGHTS = (0.1, 0.3, 1.0)
L2S = (1e-3, 1e-2, 1e-1)
FOLDS = 5
CLIP = 30.0


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


def cv_cross_entropy(x: FloatArray, gold: IntArray, n_classes: int, l2: float) -> float:
    """Mean held-out cross-entropy of the calibrator over ``FOLDS`` folds (item i in fold
    i mod FOLDS); a fold whose training part misses a class still counts."""
    fold = np.arange(gold.size) % FOLDS
    total = 0.0
    for f in range(FOLDS):
        train, held = fold != f, fold == f
        if not held.any() or not train.any():
            continue
        cal = SoftmaxCalibrator(l2=l2).fit(x[train], gold[train], n_classes)
        p = cal.predict_proba(x[held])[np.arange(int(held.sum())), gold[held]]
        total -= float(np.sum(np.log(np.maximum(p, 1e-12))))
    return total / gold.size


def predict(
    data: VeracityData, tune: np.ndarray[Any, np.dtype[np.bool_]], gold: IntArray
) -> tuple[FloatArray, dict[str, Any], HypothesisModel]:
    """fogline's probabilities for every claim, what was chosen, and the source model.

    The row weight (from ``WEIGHTS``) and the calibrator's L2 (from ``L2S``) are the pair
    with the lowest cross-validated cross-entropy on the tune split (first on ties); the
    calibrator is then refitted on the whole tune split.
    """
    stance_x = stance_features(data)
    k = len(data.classes)
    best: tuple[float, float, float, FloatArray, HypothesisModel] | None = None
    for w in WEIGHTS:
        model = fit_sources(data, w)
        x = np.hstack([model_features(data, model), stance_x])
        for l2 in L2S:
            loss = cv_cross_entropy(x[tune], gold[tune], k, l2)
            if best is None or loss < best[0] - 1e-12:
                best = (loss, w, l2, x, model)
    assert best is not None
    loss, w, l2, x, model = best
    cal = SoftmaxCalibrator(l2=l2).fit(x[tune], gold[tune], k)
    names = [f"logpost_{h}" for h in data.classes] + [f"share_{s}" for s in data.stances]
    names.append("log1p_reports")
    chosen = {
        "row_weight": w,
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
    proba, chosen, model = predict(data, tune, gold)
    if predictions is not None:
        write_predictions(predictions, data, proba)
    figures = _figures(proba, gold, tune)
    k = len(data.classes)
    prior = np.bincount(gold[tune], minlength=k) / tune.sum()
    stance_x = stance_features(data)
    l2 = min(L2S, key=lambda v: cv_cross_entropy(stance_x[tune], gold[tune], k, v))
    stance_only = SoftmaxCalibrator(l2=l2).fit(stance_x[tune], gold[tune], k)
    baselines = {
        "majority_stance": _figures(majority_stance(data), gold, tune),
        "class_prior": _figures(np.tile(prior, (len(gold), 1)), gold, tune),
        "stance_logistic": _figures(stance_only.predict_proba(stance_x), gold, tune),
    }
    top = {f: figures[f] for f in ("accuracy", "macro_f1", "brier", "ece")}
    base = {f: baselines["majority_stance"][f] for f in top}
    notes = {
        "split": f"headline figures on {test_split!r}; tuned on {tune_split!r} (under 'tune')"
        + ("; claims split by sha256(claimId)[0] parity" if data.name == "emergent" else ""),
        "ece": "top-class probability, 10 equal-width bins",
        "brier": "multi-class: mean of sum_k (p_k - y_k)^2, in [0, 2]",
        "target": {"ahead_of_majority_stance": ahead(top, base), "ece_le_0.05": top["ece"] <= 0.05},
        "model": chosen,
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
