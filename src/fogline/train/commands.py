"""``fogline train NAME``: the training commands, found as ``fogline.train.<name>.command``."""

from __future__ import annotations

import click

import fogline.train
from fogline.subcommands import register_modules

_NOT_TRAINERS = {"commands"}


@click.group()
def train() -> None:
    """Retrain a model that ships with fogline from data at a path (deterministic; writes
    the weights file and prints one JSON object describing the run)."""


register_modules(train, fogline.train, _NOT_TRAINERS)
