"""``fogline train NAME``: the training commands, found as ``fogline.train.<name>.command``."""

from __future__ import annotations

import importlib
import pkgutil

import click

import fogline.train

_NOT_TRAINERS = {"commands"}


@click.group()
def train() -> None:
    """Retrain a model that ships with fogline from data at a path (deterministic; writes
    the weights file and prints one JSON object describing the run)."""


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(fogline.train.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name in _NOT_TRAINERS:
            continue
        module = importlib.import_module(f"fogline.train.{info.name}")
        command = getattr(module, "command", None)
        if isinstance(command, click.Command):
            train.add_command(command, name=info.name.replace("_", "-"))


_register()
