"""``fogline bench checkworthy``: which sentences are worth fact-checking?

The shipped scorer (``fogline.analyze.checkworthy``) ranks and labels the sentences of
the held-out ``test`` part of one data set (the split rule is in
``fogline.bench.checkworthy_data``; the shipped weights never saw that part). Figures:
F1, precision and recall of the positive class at the model's threshold tuned for that
data set, and MAP: for CLEF 2019 the mean over debates of average precision (the task's
primary measure), for ClaimBuster average precision over the whole held-out part.

Baselines, measured in the same run on the same sentences:

- ``tfidf_logreg``: TF-IDF (scikit-learn, word 1-2-grams, sublinear tf, min_df 2) and a
  logistic regression, fitted on the same training parts as the shipped model (the
  ``train`` part to choose its threshold on ``tune``, then refitted on both);
- ``has_number``: a rule, a sentence is check-worthy when it holds a digit (ranked by
  that, then by length).

``--part all`` scores every sentence at ``--data`` (a split the model never saw, such
as the official test files); the TF-IDF baseline then trains on ``--train-data``.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from fogline.analyze.checkworthy import CheckWorthiness
from fogline.bench.checkworthy_data import (
    DATASETS,
    Sentence,
    held_out_texts,
    limit_rows,
    load,
    load_available,
    normalise,
    select,
)
from fogline.bench.checkworthy_scoring import Vector, best_threshold, figures
from fogline.bench.report import document, emit
from fogline.errors import InputError

PART_CODE = {"test": 0, "tune": 1}


def _training_sets(data: Path, dataset: str) -> dict[str, list[Sentence]]:
    """Every data set at ``data`` (a checkworthy folder), else just ``dataset``'s."""
    try:
        return load_available(data)
    except InputError:
        return {dataset: load(data, dataset)}


def tfidf_baseline(
    sets: Mapping[str, Sequence[Sentence]], dataset: str, evaluated: Sequence[Sentence]
) -> tuple[Vector, dict[str, float]]:
    """TF-IDF + logistic regression scores of ``evaluated``, and its threshold (tuned on
    ``dataset``'s tune part), training size and scoring speed (sentences/s). Like the
    shipped model it never trains on a test-part text nor on an evaluated one."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
    from sklearn.pipeline import make_pipeline  # type: ignore[import-untyped]

    unseen = held_out_texts(sets.values(), ["test"]) | {normalise(s.text) for s in evaluated}

    def fitted(rows: Sequence[Sentence]) -> Any:
        if len({s.label for s in rows}) < 2:
            raise InputError("the TF-IDF baseline needs positive and negative training rows")
        model = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
            LogisticRegression(solver="liblinear", random_state=0),
        )
        return model.fit([s.text for s in rows], [s.label for s in rows])

    tune_rows = [s for s in sets.get(dataset, ()) if s.part == "tune"]
    threshold = 0.5
    if tune_rows:
        held = unseen | {normalise(s.text) for s in tune_rows}
        model = fitted(select(sets.values(), ["train"], held))
        tune_scores = model.predict_proba([s.text for s in tune_rows])[:, 1]
        threshold = best_threshold([s.label for s in tune_rows], tune_scores)
    rows = select(sets.values(), ["train", "tune"], unseen)
    model = fitted(rows)
    t0 = time.perf_counter()
    scores = np.asarray(model.predict_proba([s.text for s in evaluated])[:, 1], dtype=np.float64)
    speed = len(evaluated) / max(time.perf_counter() - t0, 1e-9)
    return scores, {"threshold": threshold, "trained_on": len(rows), "sentences_per_s": speed}


def number_rule(texts: Sequence[str]) -> Vector:
    """1 + a length tie-break (< 0.5) for a sentence with a digit, the tie-break alone
    otherwise; 0.5 is the yes/no cut."""
    return np.array(
        [(1.0 if re.search(r"\d", t) else 0.0) + min(len(t), 400) / 1000 for t in texts]
    )


def run(
    data: Path,
    *,
    dataset: str = "claimbuster",
    part: str = "test",
    train_data: Path | None = None,
    limit: int | None = None,
    predictions: Path | None = None,
    weights: Path | None = None,
) -> dict[str, Any]:
    """The check-worthiness bench's result document (see the module doc); writes the
    shipped model's predictions when asked."""
    started = time.perf_counter()
    if dataset not in DATASETS:
        raise InputError(f"unknown data set {dataset!r}; choose from {', '.join(DATASETS)}")
    rows = load(data, dataset)
    evaluated = limit_rows([s for s in rows if part == "all" or s.part == part], limit)
    if not evaluated:
        raise InputError(f"{data}: no {dataset} sentences in the {part} part")
    scorer = CheckWorthiness.load(weights)
    texts = [s.text for s in evaluated]
    labels = [s.label for s in evaluated]
    groups = [s.group for s in evaluated] if dataset == "clef2019" else None
    t0 = time.perf_counter()
    ours_scores = scorer.score(texts)
    ours_speed = len(texts) / max(time.perf_counter() - t0, 1e-9)
    threshold = scorer.thresholds.get(dataset, scorer.threshold)
    ours = figures(labels, ours_scores, threshold, groups)
    ours["sentences_per_s"] = round(ours_speed, 1)

    sets = _training_sets(train_data or data, dataset)
    tfidf_scores, fit = tfidf_baseline(sets, dataset, evaluated)
    tfidf = figures(labels, tfidf_scores, fit["threshold"], groups)
    tfidf["sentences_per_s"] = round(fit["sentences_per_s"], 1)
    rule = figures(labels, number_rule(texts), 0.5, groups)

    if predictions is not None:
        write_predictions(predictions, dataset, evaluated, ours_scores, threshold)
    size = {
        "sentences": len(evaluated),
        "positives": sum(labels),
        "debates": len({s.group for s in evaluated}) if groups else 0,
        "baseline_training_sentences": int(fit["trained_on"]),
    }
    notes = {
        "dataset": dataset,
        "part": "every sentence at --data"
        if part == "all"
        else f"the {part} part: sha256(key)[0] % 5 == {PART_CODE[part]}; key = "
        + ("debate file name (whole debates)" if groups else "normalised sentence text")
        + ("; the shipped model was fitted on it too" if part == "tune" else ""),
        "evaluated_debates": sorted({s.group for s in evaluated}) if groups else [],
        "map": "mean over debates of average precision (CLEF 2019 task 1 primary measure)"
        if groups
        else "average precision over the evaluated sentences",
        "threshold": "the shipped model's F1-best cut on this data set's tune part",
        "model": dict(scorer.info),
        "baselines": "tfidf_logreg: sklearn TF-IDF 1-2-grams + logistic regression on the "
        "same training parts, threshold tuned on tune; has_number: digit rule",
    }
    return document(
        "checkworthy",
        ours,
        {"tfidf_logreg": tfidf, "has_number": rule},
        data=str(data),
        size=size,
        started=started,
        notes=notes,
    )


def write_predictions(
    path: Path, dataset: str, rows: Sequence[Sentence], scores: Vector, threshold: float
) -> None:
    """ClaimBuster: a CSV ``sentence_id,label,score``. CLEF 2019: a folder of
    ``<debate>.tsv`` files of ``line_number<TAB>score`` (the task's submission format)."""
    try:
        if dataset == "claimbuster":
            with path.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(["sentence_id", "label", "score"])
                for s, p in zip(rows, scores, strict=True):
                    writer.writerow([s.id, int(p >= threshold), f"{p:.6f}"])
            return
        path.mkdir(parents=True, exist_ok=True)
        by_debate: dict[str, list[str]] = {}
        for s, p in zip(rows, scores, strict=True):
            by_debate.setdefault(s.group, []).append(f"{s.id}\t{p:.6f}\n")
        for debate, lines in by_debate.items():
            (path / f"{debate}.tsv").write_text("".join(lines), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write predictions to {path}: {exc}") from exc


@click.command()
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    required=True,
    help="The checkworthy folder, or the data set's own CSV file / folder of .tsv files.",
)
@click.option("--dataset", type=click.Choice(DATASETS), default="claimbuster", show_default=True)
@click.option(
    "--part",
    type=click.Choice(["test", "tune", "all"]),
    default="test",
    show_default=True,
    help="Which sentences to score: the held-out test part, tune, or all of --data.",
)
@click.option(
    "--train-data",
    type=click.Path(path_type=Path),
    default=None,
    help="Where the TF-IDF baseline's training parts are (default: --data).",
)
@click.option(
    "--predictions",
    type=click.Path(path_type=Path),
    default=None,
    help="Write scores: ClaimBuster a CSV file, CLEF a folder of <debate>.tsv.",
)
@click.option(
    "--limit",
    type=int,
    default=None,
    help="Only N sentences: whole debates from the first (CLEF), an even sample (ClaimBuster).",
)
def command(
    data: Path,
    dataset: str,
    part: str,
    train_data: Path | None,
    predictions: Path | None,
    limit: int | None,
) -> None:
    """Check-worthiness on held-out ClaimBuster or CLEF 2019 sentences: fogline's scorer vs
    TF-IDF + logistic regression and a has-a-number rule. Prints one JSON object: F1,
    precision, recall, MAP, R-precision and sentences/s for each."""
    click.echo(f"scoring {dataset} ...", err=True)
    result = run(
        data,
        dataset=dataset,
        part=part,
        train_data=train_data,
        limit=limit,
        predictions=predictions,
    )
    click.echo(emit(result))
