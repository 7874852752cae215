"""``fogline bench truth``: truth discovery on structured claims with a gold truth.

Input is either the generic format (``--claims CLAIMS.csv`` with ``source,item,value``
and ``--gold GOLD.csv`` with ``item,value``) or a shared data set through its adapter
(``--dataset flight|book --data DIR``); ``fogline.bench.truth_data`` documents both
and the value normalisation. At most one claim per source and item is kept.

fogline's method is ``HypothesisModel``: each item is a question whose hypotheses are
the values claimed for it (listed in sorted order, which is also the tie order), and
each claim is one SUPPORTS row, with learned dependence between sources switched on
(``DEPENDENCE_ROUNDS``) and the domain taken as open (``open_domain``: a wrong claim is
one of at least ``false_values`` = 10 false values, not only of the ones claimed). For
set-valued data (book's author lists, or ``--set-valued``) a claim of a token set also
supports each claimed strict superset at ``PARTIAL_SUPPORT`` of its weight: a listing
that leaves authors out is a common error, one that adds authors a rare one (the
false-negative / false-positive asymmetry of Zhao et al.'s latent truth model).

Baselines, measured in the same run on the same claims:
majority vote (ties to the lexicographically smallest value) and crowd-kit's
DawidSkene, MACE and Wawa, each in a guarded child process (``truth_baselines``).

Every accuracy is reported on all gold items and on two fixed halves: ``tune`` (the
gold items whose SHA-256 of the item id sorts in the first half) and ``test`` (the
rest). Only the ``tune`` half was used to choose the estimator's settings.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from fogline.assess.model import EvidenceRow, HypothesisModel
from fogline.bench.data_files import write_csv
from fogline.bench.report import document, emit
from fogline.bench.truth_baselines import CROWDKIT_METHODS, majority_vote, run_crowdkit, score
from fogline.bench.truth_data import Claim, TruthData, load_dataset, load_generic
from fogline.errors import InputError
from fogline.records import StanceLabel

DEPENDENCE_ROUNDS = 5
"""Rounds of learned copying (``HypothesisModel.dependence_rounds``) the benches use."""
PARTIAL_SUPPORT = 0.3
"""How much a claimed token set supports a claimed superset (chosen on the tune halves)."""


def subset_implies(
    questions: Mapping[str, Sequence[str]], strength: float = PARTIAL_SUPPORT
) -> dict[str, list[tuple[str, str, float]]]:
    """Per question, ``(a, b, strength)`` for every claimed value ``a`` whose tokens are a
    strict subset of those of another claimed value ``b``."""
    out: dict[str, list[tuple[str, str, float]]] = {}
    for q, hyps in questions.items():
        tokens = [frozenset(h.split()) for h in hyps]
        pairs = [
            (a, b, strength)
            for a, ta in zip(hyps, tokens, strict=True)
            for b, tb in zip(hyps, tokens, strict=True)
            if ta < tb
        ]
        if pairs:
            out[q] = pairs
    return out


def fogline_truth(
    claims: Sequence[Claim], *, seed: int = 0, set_valued: bool = False
) -> tuple[dict[str, str], float]:
    """Item -> fogline's value for every claimed item, and the fit's wall time in seconds."""
    started = time.perf_counter()
    values: dict[str, set[str]] = {}
    for c in claims:
        values.setdefault(c.item, set()).add(c.value)
    questions = {item: sorted(v) for item, v in values.items()}
    rows = [EvidenceRow(c.item, c.source, c.value, StanceLabel.SUPPORTS) for c in claims]
    model = HypothesisModel(
        n_bootstrap=0, random_state=seed, dependence_rounds=DEPENDENCE_ROUNDS, open_domain=True
    ).fit(questions, rows, implies=subset_implies(questions) if set_valued else None)
    predicted = model.predict()
    return predicted, time.perf_counter() - started


def split_gold(gold: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The gold items split into a ``tune`` half and a ``test`` half by SHA-256 of the id."""
    order = sorted(gold, key=lambda item: hashlib.sha256(item.encode()).hexdigest())
    half = (len(order) + 1) // 2
    return {i: gold[i] for i in order[:half]}, {i: gold[i] for i in order[half:]}


def figures(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """Accuracy on all gold items and on the tune and test halves, rounded to 4 places."""
    tune, test = split_gold(gold)
    return {
        "accuracy": round(score(predicted, gold), 4),
        "accuracy_tune": round(score(predicted, tune), 4),
        "accuracy_test": round(score(predicted, test), 4),
    }


def run(
    data: TruthData,
    *,
    label: str,
    seed: int = 0,
    crowdkit: Sequence[str] = CROWDKIT_METHODS,
    baseline_timeout_s: float = 120.0,
    predictions: Path | None = None,
) -> dict[str, Any]:
    """The whole result document for ``data``; writes fogline's predictions if asked."""
    started = time.perf_counter()
    claims = data.claims
    predicted, fit_s = fogline_truth(claims, seed=seed, set_valued=data.set_valued)
    ours: dict[str, Any] = {**figures(predicted, data.gold), "fit_time_s": round(fit_s, 3)}
    baselines: dict[str, dict[str, Any]] = {}
    t0 = time.perf_counter()
    voted = majority_vote(claims)
    baselines["majority_vote"] = {
        **figures(voted, data.gold),
        "wall_time_s": round(time.perf_counter() - t0, 3),
    }
    for method in crowdkit:
        got, info = run_crowdkit(method, claims, timeout_s=baseline_timeout_s)
        baselines[f"crowdkit_{method}"] = (
            info if got is None else {**figures(got, data.gold), **info}
        )
    if predictions is not None:
        write_predictions(predictions, predicted)
    covered = sum(v in {c.value for c in claims if c.item == i} for i, v in data.gold.items())
    size = {
        "claims": len(claims),
        "sources": len({c.source for c in claims}),
        "items": len({c.item for c in claims}),
        "gold_items": len(data.gold),
    }
    notes = {
        "gold_value_claimed": round(covered / len(data.gold), 4) if data.gold else 0.0,
        "split": "tune/test = gold items by SHA-256 of the item id, first half / rest",
        "majority_vote_ties": "lexicographically smallest value",
    }
    return document("truth", ours, baselines, data=label, size=size, started=started, notes=notes)


def write_predictions(path: Path, predicted: Mapping[str, str]) -> None:
    """Write ``item,value`` for every predicted item, sorted by item."""
    write_csv(path, ["item", "value"], sorted(predicted.items()))


def limit_items(data: TruthData, limit: int) -> TruthData:
    """The first ``limit`` gold items (file order) and only the claims about them."""
    gold = dict(list(data.gold.items())[:limit])
    claims = tuple(c for c in data.claims if c.item in gold)
    return TruthData(data.name, claims, gold, data.set_valued)


@click.command()
@click.option(
    "--claims", "claims_path", type=click.Path(path_type=Path), help="source,item,value CSV."
)
@click.option("--gold", "gold_path", type=click.Path(path_type=Path), help="item,value CSV.")
@click.option("--dataset", type=click.Choice(["flight", "book"]), help="A shared data set.")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), help="Its folder.")
@click.option("--predictions", type=click.Path(path_type=Path), help="Write fogline's item,value.")
@click.option("--limit", type=int, default=None, help="Only the first N gold items.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--baseline-timeout",
    type=float,
    default=120.0,
    show_default=True,
    help="Seconds each crowd-kit baseline may take before it is reported as failed.",
)
@click.option("--no-crowdkit", is_flag=True, help="Skip the crowd-kit baselines.")
@click.option(
    "--set-valued",
    is_flag=True,
    help="Generic format: values are space-separated token sets (a subset partly supports "
    "a superset).",
)
def command(
    claims_path: Path | None,
    gold_path: Path | None,
    dataset: str | None,
    data_dir: Path | None,
    predictions: Path | None,
    limit: int | None,
    seed: int,
    baseline_timeout: float,
    no_crowdkit: bool,
    set_valued: bool,
) -> None:
    """Truth discovery against a gold truth: fogline vs majority vote and crowd-kit.

    Either --claims CLAIMS.csv (columns source,item,value; one claim per row, the first
    per source and item kept) with --gold GOLD.csv (columns item,value), or --dataset
    flight|book with --data DIR (times normalised to 24-hour HH:MM; author lists to
    sorted name tokens). Prints one JSON object: accuracy on the gold items (all, tune
    half, test half) for fogline and under "baselines" for each baseline, with times.
    """
    if dataset is not None:
        if data_dir is None:
            raise InputError("--dataset needs --data DIR (the data set's folder)")
        data, label = load_dataset(dataset, data_dir), f"{dataset}:{data_dir}"
    elif claims_path is not None and gold_path is not None:
        data = load_generic(claims_path, gold_path, set_valued=set_valued)
        label = str(claims_path)
    else:
        raise InputError("give --claims CLAIMS.csv --gold GOLD.csv, or --dataset NAME --data DIR")
    if limit is not None:
        data = limit_items(data, limit)
    methods = () if no_crowdkit else CROWDKIT_METHODS
    click.echo(
        emit(
            run(
                data,
                label=label,
                seed=seed,
                crowdkit=methods,
                baseline_timeout_s=baseline_timeout,
                predictions=predictions,
            )
        )
    )
