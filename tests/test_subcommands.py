"""Command groups filled from packages: every bench and trainer module is reachable."""

from __future__ import annotations

import click

import fogline.train
from fogline.bench.commands import bench
from fogline.subcommands import register_modules
from fogline.train.commands import train


def test_benches_and_trainers_are_registered_by_module_name() -> None:
    assert {"attribution", "checkworthy", "emergent", "stance", "truth"} <= set(bench.commands)
    assert {"data-files", "report", "stance-scoring"}.isdisjoint(bench.commands)
    assert {"attribution", "checkworthy", "stance"} == set(train.commands)


def test_skip_leaves_modules_out() -> None:
    group = click.Group("g")
    register_modules(group, fogline.train, {"commands", "stance"})
    assert set(group.commands) == {"attribution", "checkworthy"}
