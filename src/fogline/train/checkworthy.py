"""``fogline train checkworthy``: fit the shipped check-worthiness weights.

Reads ClaimBuster 2-class and/or CLEF 2019 task 1 training data from the folder
``--data`` (see ``fogline.bench.checkworthy_data`` for the fixed train/tune/test split),
fits a logistic regression (scikit-learn, liblinear, fixed seed) on the hashed features
of ``fogline.analyze.checkworthy``, and writes ``checkworthy.npz``. Two fits: one on the
``train`` part, scored on each set's ``tune`` part to choose the yes/no thresholds and
to report tune figures; then the shipped one on ``train`` + ``tune``. The ``test`` part
is never read into either fit. The same data give byte-identical weights.

The settings below were chosen on the tune parts by the mean of ClaimBuster AP and CLEF
MAP (a grid over C 0.3-10, CLEF sample weight 0.3-3, block weights, 2^17 or 2^18
buckets; the spread was small, .530-.536). Adding MiniLM sentence embeddings to the
features raised tune ClaimBuster AP by .017 and CLEF MAP not at all, so the runtime
stays numpy-only. ``fogline bench checkworthy`` reports the held-out figures.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from fogline.analyze.checkworthy import WEIGHTS_FILE, CheckWorthiness, featurise_many, write_weights
from fogline.bench.checkworthy_data import (
    Sentence,
    even_sample,
    held_out_texts,
    load_available,
    select,
)
from fogline.bench.checkworthy_scoring import best_threshold, figures
from fogline.errors import InputError
from fogline.models import model_path

SETTINGS: Mapping[str, Any] = {
    "dim": 2**18,
    "block_weights": {"word": 1.0, "char": 1.0, "cue": 0.5},
    "C": 3.0,
    "clef_weight": 0.5,
}
DEFAULT_DATASET = "claimbuster"  # its threshold is the model's default yes/no cut


def fit(
    rows: Sequence[Sentence], settings: Mapping[str, Any] = SETTINGS
) -> tuple[np.ndarray[Any, np.dtype[np.float64]], float]:
    """Logistic-regression weights (one per hashed bucket) and bias fitted on ``rows``."""
    from scipy import sparse  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    if not rows or len({s.label for s in rows}) < 2:
        raise InputError("check-worthiness training needs both positive and negative sentences")
    dim = int(settings["dim"])
    r, c, v = featurise_many([s.text for s in rows], dim, settings["block_weights"])
    matrix = sparse.csr_matrix((v, (r, c)), shape=(len(rows), dim))
    labels = np.array([s.label for s in rows])
    weight = float(settings["clef_weight"])
    sample = np.array([weight if s.dataset == "clef2019" else 1.0 for s in rows])
    model = LogisticRegression(
        C=float(settings["C"]), solver="liblinear", random_state=0, max_iter=1000
    )
    model.fit(matrix, labels, sample_weight=sample)
    # Round through float32 (the stored precision) so tune figures match the shipped file.
    weights = np.asarray(model.coef_[0], dtype=np.float32).astype(np.float64)
    return weights, float(model.intercept_[0])


def _scorer(weights: np.ndarray[Any, np.dtype[np.float64]], bias: float) -> CheckWorthiness:
    return CheckWorthiness(weights, bias, SETTINGS["block_weights"], 0.5, {}, {})


def tune(sets: Mapping[str, Sequence[Sentence]]) -> dict[str, dict[str, Any]]:
    """Fit on ``train``, then per data set: the best-F1 threshold and figures on ``tune``."""
    weights, bias = fit(
        select(sets.values(), ["train"], held_out_texts(sets.values(), ["tune", "test"]))
    )
    scorer = _scorer(weights, bias)
    out: dict[str, dict[str, Any]] = {}
    for name, rows in sets.items():
        part = [s for s in rows if s.part == "tune"]
        if not part:
            continue
        labels = [s.label for s in part]
        scores = scorer.score([s.text for s in part])
        cut = best_threshold(labels, scores)
        groups = [s.group for s in part] if name == "clef2019" else None
        out[name] = {"sentences": len(part), **figures(labels, scores, cut, groups)}
    return out


def _digest(sets: Mapping[str, Sequence[Sentence]]) -> str:
    """A short hash of the labelled sentences read (to tie weights to their data)."""
    h = hashlib.sha256()
    for name, rows in sorted(sets.items()):
        for s in rows:
            h.update(f"{name}\x1f{s.group}\x1f{s.id}\x1f{s.label}\x1f{s.text}\n".encode())
    return h.hexdigest()[:16]


def train(data: Path, out: Path, limit: int | None = None) -> dict[str, Any]:
    """Fit and write the weights file ``out`` from the data folder ``data`` (an even
    sample of ``limit`` sentences of each set when given); the run's summary as a dict."""
    started = time.perf_counter()
    sets = load_available(data)
    if limit is not None:
        sets = {k: even_sample(v, limit) for k, v in sets.items()}
    tuned = tune(sets)
    rows = select(sets.values(), ["train", "tune"], held_out_texts(sets.values(), ["test"]))
    weights, bias = fit(rows)
    thresholds = {k: v["threshold"] for k, v in tuned.items()}
    default = thresholds.get(DEFAULT_DATASET, next(iter(thresholds.values()), 0.5))
    info = {
        "trained_on": {k: sum(1 for s in rows if s.dataset == k) for k in sets},
        "positives": {k: sum(s.label for s in rows if s.dataset == k) for k in sets},
        "data_digest": _digest(sets),
        "settings": {k: v for k, v in SETTINGS.items() if k != "block_weights"},
        "split": "sha256(key)[0] % 5: 0 test (held out), 1 tune, else train; "
        "fitted on train + tune; key = CLEF debate or ClaimBuster normalised text",
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    write_weights(
        out,
        weights,
        bias,
        block_weights=SETTINGS["block_weights"],
        threshold=default,
        thresholds=thresholds,
        info=info,
    )
    return {
        "model": "checkworthy",
        "out": str(out),
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "bytes": out.stat().st_size,
        "sizes": {k: len(v) for k, v in sets.items()},
        **info,
        "nonzero_weights": int(np.count_nonzero(weights)),
        "tune": tuned,
        "threshold": default,
        "wall_time_s": round(time.perf_counter() - started, 3),
    }


@click.command()
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    required=True,
    help="The checkworthy folder (claimbuster_2class/, clef2019_task1/training/).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help=f"Weights file to write (default: the shipped fogline/models/{WEIGHTS_FILE}).",
)
@click.option(
    "--limit", type=int, default=None, help="Only an even sample of N sentences of each set."
)
def command(data: Path, out: Path | None, limit: int | None) -> None:
    """Fit the check-worthiness weights on the train + tune parts of ClaimBuster and CLEF
    2019 (the test part held out); prints one JSON object with sizes, tune figures, the
    file's SHA-256 and the wall time."""
    click.echo("training check-worthiness ...", err=True)
    target = model_path(WEIGHTS_FILE) if out is None else out
    click.echo(json.dumps(train(data, target, limit)))
