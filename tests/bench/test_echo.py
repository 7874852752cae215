"""Tests for fogline bench echo: the planted worlds as synthetic recovery checks."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fogline.assess.model import EvidenceRow, HypothesisModel
from fogline.bench import echo
from fogline.bench.truth_baselines import majority_vote
from fogline.cli import cli
from fogline.records import StanceLabel
from tests.bench.floors import floors


def fit(world: echo.World) -> HypothesisModel:
    values: dict[str, set[str]] = {}
    for c in world.claims:
        values.setdefault(c.item, set()).add(c.value)
    questions = {item: sorted(v) for item, v in values.items()}
    rows = [EvidenceRow(c.item, c.source, c.value, StanceLabel.SUPPORTS) for c in world.claims]
    return HypothesisModel(n_bootstrap=0, dependence_rounds=5).fit(questions, rows)


def test_world_is_deterministic_and_planted_as_described() -> None:
    a, b = echo.make_world(3), echo.make_world(3)
    assert a == b
    assert set(a.roles.values()) == {"honest", "bad", "copier", "partisan", "silent"}
    acc = a.accuracy()
    assert acc["bad"] < 0.3
    assert all(0.5 < acc[s] < 0.97 for s, r in a.roles.items() if r == "honest")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_truth_and_source_accuracies_are_recovered(seed: int) -> None:
    world = echo.make_world(seed)
    model = fit(world)
    predicted = model.predict()
    hits = sum(predicted[i] == t for i, t in world.truth.items()) / len(world.truth)
    voted = majority_vote(world.claims)
    vote_hits = sum(voted[i] == t for i, t in world.truth.items()) / len(world.truth)
    assert hits >= 0.88  # measured 0.905-0.95 on seeds 0-2
    assert vote_hits <= 0.6
    planted = world.accuracy()
    for source, role in world.roles.items():
        if role != "silent":  # silent sources have a handful of claims: shrunk to the prior
            assert abs(model.accuracy_[source] - planted[source]) <= 0.1
    # The echo chamber is found: the copiers depend on the bad source and count as one.
    copiers = [s for s, r in world.roles.items() if r == "copier"]
    assert (
        sum(("bad", c) in model.dependence_ or (c, "bad") in model.dependence_ for c in copiers)
        >= 4
    )


def test_echo_bench_meets_its_floor_through_the_cli() -> None:
    result = CliRunner().invoke(
        cli, ["bench", "echo", "--seed", "0", "--worlds", "5", "--no-crowdkit"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output.strip().splitlines()[-1])
    assert doc["bench"] == "echo" and doc["size"]["worlds"] == 5
    assert doc["accuracy"] >= floors("echo")["accuracy"]
    assert doc["baselines"]["majority_vote"]["accuracy"] < doc["accuracy"]
