"""``fogline bench NAME``: the benchmark commands, found as ``fogline.bench.<name>.command``."""

from __future__ import annotations

import importlib
import pkgutil

import click

import fogline.bench

_NOT_BENCHES = {"commands", "data_files", "report", "scoring"}


@click.group()
def bench() -> None:
    """Run a benchmark on data at a path; prints one JSON object of figures (fogline's and
    its baselines', measured in the same run) as the last line."""


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(fogline.bench.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name in _NOT_BENCHES:
            continue
        module = importlib.import_module(f"fogline.bench.{info.name}")
        command = getattr(module, "command", None)
        if isinstance(command, click.Command):
            bench.add_command(command, name=info.name.replace("_", "-"))


_register()
