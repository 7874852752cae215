"""Quality floors for the benchmarks (tests/baselines.json) and where their data lives.

A floor is checked on a small slice of the shared data, by the test beside each bench.
When the shared data is not on this machine those tests skip, unless
FOGLINE_REQUIRE_DATA=1, then they fail.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASELINES = ROOT / "tests" / "baselines.json"


def shared_data(*parts: str) -> Path:
    """A path under the shared data folder (FOGLINE_DATA, else ../shared/data)."""
    base = Path(os.environ.get("FOGLINE_DATA", ROOT.parent / "shared" / "data"))
    path = base.joinpath(*parts)
    if not path.exists():
        reason = f"shared data not found: {path}"
        if os.environ.get("FOGLINE_REQUIRE_DATA") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def floors(bench: str) -> dict[str, Any]:
    """The floors recorded for ``bench``."""
    data: dict[str, dict[str, Any]] = json.loads(BASELINES.read_text())
    return data[bench]
