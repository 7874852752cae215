"""``fogline bench echo``: planted-truth worlds where an echo chamber outvotes the truth.

A world (``make_world``) has ``n_items`` questions with ``n_values`` candidate values
each, one of them true, and these sources:

- honest: ``n_honest`` independent sources of accuracy uniform in [0.6, 0.9], each
  answering an item with probability 0.5, a wrong answer uniform over the wrong values;
- an echo chamber: one bad source of accuracy 0.15 that answers every item (wrongly,
  uniform over the wrong values) and ``n_copiers`` copiers that each cover an item with
  probability 0.9 and then repeat the bad source's value with probability 0.8, else
  answer on their own with accuracy 0.7;
- partisans: ``n_partisans`` sources of accuracy 0.3 whose wrong answers all go to
  their side's value for the item (one wrong value per item, shared by the side);
- silent: ``n_silent`` sources that answer an item with probability 0.02 (accuracy 0.7).

Counting heads, the copied value wins most items (majority vote and Dawid-Skene score
about a third); a method that learns that the copiers share false values with the bad
source counts the chamber as one witness and recovers the truth. Each source's planted
accuracy is its share of correct claims in the world, so recovery can be checked.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import click
import numpy as np

from fogline.bench.report import document, emit
from fogline.bench.truth import fogline_truth
from fogline.bench.truth_baselines import majority_vote, run_crowdkit, score
from fogline.bench.truth_data import Claim


@dataclass(frozen=True, slots=True)
class World:
    """A planted world: claims, the truth per item and each source's role."""

    claims: tuple[Claim, ...]
    truth: dict[str, str]
    roles: dict[str, str]  # source -> honest | bad | copier | partisan | silent

    def accuracy(self) -> dict[str, float]:
        """Each source's share of correct claims (sources without claims left out)."""
        hits: dict[str, list[int]] = {}
        for c in self.claims:
            h = hits.setdefault(c.source, [0, 0])
            h[0] += c.value == self.truth[c.item]
            h[1] += 1
        return {s: h / n for s, (h, n) in hits.items()}


def make_world(
    seed: int,
    *,
    n_items: int = 200,
    n_values: int = 6,
    n_honest: int = 8,
    n_copiers: int = 6,
    n_partisans: int = 3,
    n_silent: int = 3,
) -> World:
    """A planted-truth world (see the module doc); deterministic given ``seed``."""
    rng = np.random.default_rng(seed)
    items = [f"w{seed}i{i}" for i in range(n_items)]
    truth = {item: f"v{int(rng.integers(n_values))}" for item in items}
    roles: dict[str, str] = {}
    claims: list[Claim] = []

    def answer(item: str, accuracy: float) -> str:
        if rng.random() < accuracy:
            return truth[item]
        wrong = [f"v{j}" for j in range(n_values) if f"v{j}" != truth[item]]
        return wrong[int(rng.integers(len(wrong)))]

    honest = {f"honest{j}": float(rng.uniform(0.6, 0.9)) for j in range(n_honest)}
    roles.update(dict.fromkeys(honest, "honest"))
    roles["bad"] = "bad"
    roles.update({f"copier{j}": "copier" for j in range(n_copiers)})
    roles.update({f"partisan{j}": "partisan" for j in range(n_partisans)})
    roles.update({f"silent{j}": "silent" for j in range(n_silent)})
    for item in items:
        side = answer(item, 0.0)
        for source, accuracy in honest.items():
            if rng.random() < 0.5:
                claims.append(Claim(source, item, answer(item, accuracy)))
        bad = answer(item, 0.15)
        claims.append(Claim("bad", item, bad))
        for j in range(n_copiers):
            if rng.random() < 0.9:
                value = bad if rng.random() < 0.8 else answer(item, 0.7)
                claims.append(Claim(f"copier{j}", item, value))
        for j in range(n_partisans):
            value = truth[item] if rng.random() < 0.3 else side
            claims.append(Claim(f"partisan{j}", item, value))
        for j in range(n_silent):
            if rng.random() < 0.02:
                claims.append(Claim(f"silent{j}", item, answer(item, 0.7)))
    return World(tuple(claims), truth, roles)


def run(
    seed: int,
    *,
    worlds: int = 20,
    crowdkit: Sequence[str] = ("DawidSkene",),
    baseline_timeout_s: float = 120.0,
) -> dict[str, Any]:
    """Accuracy of fogline and each baseline over ``worlds`` worlds seeded seed, seed+1..."""
    started = time.perf_counter()
    made = [make_world(seed + w) for w in range(worlds)]
    claims = tuple(c for world in made for c in world.claims)
    truth = {item: v for world in made for item, v in world.truth.items()}
    # Sources are per world: prefix them so worlds do not share a source.
    per_world = tuple(
        Claim(f"w{seed + w}:{c.source}", c.item, c.value)
        for w, world in enumerate(made)
        for c in world.claims
    )
    t0 = time.perf_counter()
    predicted, fit_s = fogline_truth(per_world, seed=seed)
    ours = {"accuracy": round(score(predicted, truth), 4), "fit_time_s": round(fit_s, 3)}
    baselines: dict[str, dict[str, Any]] = {}
    t0 = time.perf_counter()
    voted = majority_vote(per_world)
    baselines["majority_vote"] = {
        "accuracy": round(score(voted, truth), 4),
        "wall_time_s": round(time.perf_counter() - t0, 3),
    }
    for method in crowdkit:
        got, info = run_crowdkit(method, per_world, timeout_s=baseline_timeout_s)
        baselines[f"crowdkit_{method}"] = (
            info if got is None else {"accuracy": round(score(got, truth), 4), **info}
        )
    size = {"worlds": worlds, "claims": len(claims), "items": len(truth)}
    return document(
        "echo",
        ours,
        baselines,
        data=f"planted worlds, seeds {seed}..{seed + worlds - 1}",
        size=size,
        started=started,
    )


@click.command()
@click.option("--seed", type=int, default=0, show_default=True, help="First world's seed.")
@click.option("--worlds", type=int, default=20, show_default=True, help="How many worlds.")
@click.option("--baseline-timeout", type=float, default=120.0, show_default=True)
@click.option("--no-crowdkit", is_flag=True, help="Skip crowd-kit's Dawid-Skene.")
def command(seed: int, worlds: int, baseline_timeout: float, no_crowdkit: bool) -> None:
    """Planted-truth worlds with an echo chamber: fogline vs majority vote and Dawid-Skene.

    Each world has honest sources of varying accuracy, a bad source with copiers,
    partisans and near-silent sources (see fogline.bench.echo). Prints one JSON object
    with the accuracy over all worlds' items for fogline and each baseline.
    """
    methods = () if no_crowdkit else ("DawidSkene",)
    click.echo(
        emit(run(seed, worlds=worlds, crowdkit=methods, baseline_timeout_s=baseline_timeout))
    )
