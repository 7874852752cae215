"""``fogline bench NAME``: the benchmark commands, found as ``fogline.bench.<name>.command``."""

from __future__ import annotations

import click

import fogline.bench
from fogline.subcommands import register_modules

_NOT_BENCHES = {"commands", "data_files", "report", "scoring"}


@click.group()
def bench() -> None:
    """Run a benchmark on data at a path; prints one JSON object of figures (fogline's and
    its baselines', measured in the same run) as the last line."""


register_modules(bench, fogline.bench, _NOT_BENCHES)
