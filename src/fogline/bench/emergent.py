"""``fogline bench emergent``: an article headline's stance toward its Emergent claim.

The trained stance model reads (claim, headline) and its agree / disagree / discuss split
(``predict_split``) gives for / against / observing. Every Emergent headline is about its
claim, so "unrelated" is not an answer here and the relatedness stage is not consulted:
with it, 9 of the 860 held-out headlines (6 of them "against", such as a headline calling
the claim a hoax) fell below the relatedness at which the cross-encoder runs and got the
prior's "for" (held-out accuracy .780; .781 with every headline read). Accuracy, macro
F1, per-class F1 and the confusion matrix are printed beside the majority class of the
scored rows, in one run.

Split: claims fall into a ``tune`` and a ``test`` half by the parity of the first byte of
SHA-256(claimId) (the rule of ``bench clustering`` and ``bench veracity``). The shipped
model was fine-tuned on the tune half's rows, so ``--part test`` (default) is the held-out
figure. FNC-1 was built from Emergent's articles: the notes count the scored headlines
that also occur as headlines in the part of FNC-1 the model was trained on (there it was
taught the stance of the article's *body* toward that headline, not the headline's stance
toward the claim).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from fogline.bench.data_files import hash_split, write_csv
from fogline.bench.report import document, emit
from fogline.bench.stance import model_dir_option
from fogline.bench.stance_scoring import classification
from fogline.errors import InputError
from fogline.stance import RELATED_LABELS
from fogline.stance.datasets import FNC_TO_EMERGENT, EmergentRow, read_emergent

EMERGENT_LABELS = ("for", "against", "observing")
PARTS = ("test", "tune", "all")


def predict(rows: Sequence[EmergentRow], model: Any) -> tuple[list[str], float]:
    """for / against / observing per row, and rows per second."""
    started = time.perf_counter()
    proba = model.predict_split([(r.claim, r.headline) for r in rows])
    rate = len(rows) / max(time.perf_counter() - started, 1e-9)
    return [FNC_TO_EMERGENT[RELATED_LABELS[int(i)]] for i in proba.argmax(axis=1)], rate


def seen_in_fnc(rows: Sequence[EmergentRow], fnc_stances: Path | None) -> int | None:
    """How many scored headlines occur (case-insensitively) among the FNC-1 training
    part's headlines, or None without the FNC-1 files."""
    if fnc_stances is None:
        return None
    from fogline.stance.datasets import read_bodies, read_pairs, split_parts

    bodies = read_bodies(fnc_stances.parent / "train_bodies.csv")
    pairs = read_pairs(fnc_stances, bodies)
    trained = {
        p.claim.casefold()
        for p, side in zip(pairs, split_parts(pairs), strict=True)
        if side == "train"
    }
    return sum(1 for r in rows if r.headline.casefold() in trained)


def write_predictions(path: Path, rows: Sequence[EmergentRow], labels: Sequence[str]) -> None:
    """``articleId``, ``articleHeadlineStance`` in input order."""
    pairs = ([r.article_id, label] for r, label in zip(rows, labels, strict=True))
    write_csv(path, ["articleId", "articleHeadlineStance"], pairs)


def run(
    data: Path,
    *,
    part: str = "test",
    limit: int | None = None,
    predictions: Path | None = None,
    fnc_stances: Path | None = None,
    model: Any = None,
    model_dir: Path | None = None,
    threads: int = 1,
) -> dict[str, Any]:
    """The Emergent stance bench's result document (see the module doc); ``model`` (a
    loaded model) or ``model_dir`` (a trained model's folder) replaces the shipped model."""
    import torch

    from fogline.stance.model import load

    started = time.perf_counter()
    rows = [r for r in read_emergent(data) if part == "all" or hash_split(r.claim_id) == part]
    rows = rows[:limit]
    if not rows:
        raise InputError(f"no rows to score in {data} (part {part})")
    torch.set_num_threads(threads)
    model = model if model is not None else load(model_dir)
    predicted, rate = predict(rows, model)
    if predictions is not None:
        write_predictions(predictions, rows, predicted)
    size = {"rows": len(rows), "claims": len({r.claim_id for r in rows})}
    notes: dict[str, Any] = {
        "part": part,
        "split": "claims by parity of sha256(claimId)[0]: even = tune (trained on), odd = test",
        "fnc1_training_headlines_scored": seen_in_fnc(rows, fnc_stances),
        "threads": threads,
        "model_dir": str(model_dir) if model_dir is not None else "shipped",
    }
    if any(r.stance is None for r in rows):
        return document(
            "emergent",
            {"rows_per_s": round(rate, 1)},
            {},
            data=str(data),
            size=size,
            started=started,
            notes=notes,
        )
    gold = [r.stance or "" for r in rows]
    majority = Counter(gold).most_common(1)[0][0]
    size.update({f"gold_{label}": gold.count(label) for label in EMERGENT_LABELS})
    return document(
        "emergent",
        {**classification(gold, predicted, EMERGENT_LABELS), "rows_per_s": round(rate, 1)},
        {
            "majority_class": {
                **classification(gold, [majority] * len(gold), EMERGENT_LABELS),
                "label": majority,
            }
        },
        data=str(data),
        size=size,
        started=started,
        notes=notes,
    )


@click.command()
@click.option(
    "--data",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Emergent-format CSV (claimHeadline, articleHeadline, articleId, claimId, "
    "articleHeadlineStance).",
)
@click.option(
    "--part",
    type=click.Choice(PARTS),
    default="test",
    show_default=True,
    help="test = the claims the shipped model never saw.",
)
@click.option(
    "--predictions",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write articleId,articleHeadlineStance here (input order).",
)
@click.option(
    "--fnc-stances",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="FNC-1 train_stances.csv: count scored headlines the model saw in FNC-1.",
)
@click.option("--limit", type=int, default=None, help="Score only the first N rows of the part.")
@model_dir_option
@click.option("--threads", type=int, default=1, show_default=True, help="torch threads.")
def command(
    data: Path,
    part: str,
    predictions: Path | None,
    fnc_stances: Path | None,
    limit: int | None,
    model_dir: Path | None,
    threads: int,
) -> None:
    """Emergent headline stance toward its claim (for / against / observing): fogline's
    trained stance model vs the majority class. Prints one JSON object."""
    click.echo("loading the stance model and scoring ...", err=True)
    click.echo(
        emit(
            run(
                data,
                part=part,
                limit=limit,
                predictions=predictions,
                fnc_stances=fnc_stances,
                model_dir=model_dir,
                threads=threads,
            )
        )
    )
