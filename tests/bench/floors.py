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


# Where the shared data may be: $FOGLINE_DATA, beside the checkout, or the workplace's
# fixed location (a CI clone may live elsewhere than the working checkout).
CANDIDATES = (ROOT.parent / "shared" / "data", Path("/work/shared/data"))


def shared_data(*parts: str) -> Path:
    """A path under the shared data folder (FOGLINE_DATA, else the first candidate found)."""
    given = os.environ.get("FOGLINE_DATA")
    bases = [Path(given)] if given else list(CANDIDATES)
    path = next(
        (b.joinpath(*parts) for b in bases if b.joinpath(*parts).exists()),
        bases[0].joinpath(*parts),
    )
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
