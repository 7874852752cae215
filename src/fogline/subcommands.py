"""Command groups filled from a package: each module's ``command`` becomes a subcommand."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import click


def register_modules(group: click.Group, package: ModuleType, skip: set[str]) -> None:
    """Add ``package.<name>.command`` to ``group`` as ``name`` (underscores as dashes) for
    every module not private and not in ``skip``, in name order."""
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name in skip:
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        command = getattr(module, "command", None)
        if isinstance(command, click.Command):
            group.add_command(command, name=info.name.replace("_", "-"))
