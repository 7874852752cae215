"""``fogline bench stance``: the trained stance model on any FNC-1-format split.

Prints FNC-1's weighted score (as a percentage of the maximum), macro F1, per-class F1,
the confusion matrix (``confusion[gold][predicted]``) and pairs per second (the model on
``--threads`` torch threads, one by default; loading excluded), beside the majority-class
baseline (the most frequent gold label of the scored rows) in the same run.

FNC-1's public file is its training data, which the shipped model was trained on. With
``--part dev`` only the held-out development part is scored: the headlines and bodies
that ``fogline.stance.datasets.split_parts`` kept apart from training (whole claims'
components, about a fifth of the related pairs). ``--part all`` (default) scores every
row, right for a split the model never saw (such as FNC-1's competition test set).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from fogline.bench.data_files import write_csv
from fogline.bench.report import document, emit
from fogline.bench.stance_scoring import classification, fnc_score
from fogline.errors import InputError
from fogline.stance import LABELS
from fogline.stance.datasets import Pair, read_bodies, read_pairs, split_parts

PARTS = ("all", "dev", "train")


def select(pairs: list[Pair], part: str, limit: int | None) -> list[int]:
    """Row indices of the part to score (input order), at most ``limit``."""
    if part == "all":
        rows = list(range(len(pairs)))
    else:
        if any(p.stance is None for p in pairs):
            raise InputError(f"--part {part} needs the Stance column to rebuild the split")
        rows = [i for i, side in enumerate(split_parts(pairs)) if side == part]
    return rows[:limit]


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """The figures the bench prints for one method."""
    return {"fnc_score": round(fnc_score(gold, predicted), 2), **classification(gold, predicted)}


def predict(pairs: Sequence[Pair], bodies: dict[str, str], model: Any) -> tuple[list[str], float]:
    """Predicted labels and the pairs per second of the prediction."""
    started = time.perf_counter()
    proba = model.predict_proba([(p.claim, bodies[p.body_id]) for p in pairs])
    rate = len(pairs) / max(time.perf_counter() - started, 1e-9)
    return [LABELS[int(i)] for i in proba.argmax(axis=1)], rate


def write_predictions(path: Path, pairs: Sequence[Pair], labels: Sequence[str]) -> None:
    """``Headline``, ``Body ID``, ``Stance`` rows in input order."""
    rows = ([p.claim, p.body_id, label] for p, label in zip(pairs, labels, strict=True))
    write_csv(path, ["Headline", "Body ID", "Stance"], rows)


def run(
    bodies_path: Path,
    stances_path: Path,
    *,
    part: str = "all",
    limit: int | None = None,
    predictions: Path | None = None,
    model: Any = None,
    model_dir: Path | None = None,
    threads: int = 1,
) -> dict[str, Any]:
    """The stance bench's result document (see the module doc); ``model`` (a loaded model)
    or ``model_dir`` (a trained model's folder) replaces the shipped model."""
    import torch

    from fogline.stance.model import load

    started = time.perf_counter()
    bodies = read_bodies(bodies_path)
    pairs = read_pairs(stances_path, bodies)
    chosen = [pairs[i] for i in select(pairs, part, limit)]
    if not chosen:
        raise InputError(f"no pairs to score in {stances_path} (part {part})")
    torch.set_num_threads(threads)
    model = model if model is not None else load(model_dir)
    predicted, rate = predict(chosen, bodies, model)
    if predictions is not None:
        write_predictions(predictions, chosen, predicted)
    size = {"pairs": len(chosen), "bodies": len({p.body_id for p in chosen})}
    if any(p.stance is None for p in chosen):
        return document(
            "stance",
            {"pairs_per_s": round(rate, 1)},
            {},
            data=str(stances_path),
            size=size,
            started=started,
            notes={"scored": "no Stance column: predictions only"},
        )
    gold = [p.stance or "" for p in chosen]
    majority = Counter(gold).most_common(1)[0][0]
    size.update({f"gold_{label}": gold.count(label) for label in LABELS})
    return document(
        "stance",
        {**scores(gold, predicted), "pairs_per_s": round(rate, 1)},
        {"majority_class": {**scores(gold, [majority] * len(gold)), "label": majority}},
        data=str(stances_path),
        size=size,
        started=started,
        notes={
            "part": part,
            "model": "fogline.stance (relatedness LR + fine-tuned MiniLM cross-encoder)",
            "model_dir": str(model_dir) if model_dir is not None else "shipped",
            "threads": threads,
            "trained": getattr(model, "config", {}).get("trained"),
        },
    )


model_dir_option = click.option(
    "--model",
    "model_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help="Score the model in this folder (as 'fogline train stance --out' writes it) "
    "instead of the shipped one.",
)


@click.command()
@click.option(
    "--bodies",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="FNC-1 bodies CSV (Body ID, articleBody).",
)
@click.option(
    "--stances",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="FNC-1 stances CSV (Headline, Body ID[, Stance]).",
)
@click.option(
    "--part",
    type=click.Choice(PARTS),
    default="all",
    show_default=True,
    help="dev = the part of FNC-1's training file held out from training.",
)
@click.option(
    "--predictions",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write Headline,Body ID,Stance here (input order).",
)
@click.option("--limit", type=int, default=None, help="Score only the first N pairs of the part.")
@model_dir_option
@click.option(
    "--threads",
    type=int,
    default=1,
    show_default=True,
    help="torch threads for the model (pairs/s is per this many cores).",
)
def command(
    bodies: Path,
    stances: Path,
    part: str,
    predictions: Path | None,
    limit: int | None,
    model_dir: Path | None,
    threads: int,
) -> None:
    """Stance (agree / disagree / discuss / unrelated) on an FNC-1-format split: fogline's
    trained model vs the majority class. Prints one JSON object: FNC score, macro F1,
    per-class F1, confusion matrix, pairs/s."""
    click.echo("loading the stance model and scoring ...", err=True)
    click.echo(
        emit(
            run(
                bodies,
                stances,
                part=part,
                limit=limit,
                predictions=predictions,
                model_dir=model_dir,
                threads=threads,
            )
        )
    )
