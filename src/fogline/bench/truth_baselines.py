"""Baselines for the truth benches: majority vote in-process, crowd-kit's methods guarded.

Majority vote counts one vote per claim; a tie goes to the lexicographically smallest
value (so the result does not depend on file order). Each crowd-kit method runs in a
child process (``python -m fogline.bench.truth_baselines METHOD IN OUT``) with a time
budget and an address-space limit, so an import error, a scikit-learn incompatibility,
running out of memory or time is reported as ``{"error": ...}`` instead of failing the bench.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from fogline.bench.truth_data import Claim

CROWDKIT_METHODS = ("DawidSkene", "MACE", "Wawa")
MEMORY_LIMIT_BYTES = 4 * 1024**3


def majority_vote(claims: Iterable[Claim]) -> dict[str, str]:
    """Item -> its most claimed value; ties go to the lexicographically smallest value."""
    tally: dict[str, dict[str, int]] = {}
    for c in claims:
        votes = tally.setdefault(c.item, {})
        votes[c.value] = votes.get(c.value, 0) + 1
    return {item: min(v, key=lambda x: (-v[x], x)) for item, v in tally.items()}


def run_crowdkit(
    method: str, claims: Iterable[Claim], *, timeout_s: float
) -> tuple[dict[str, str] | None, dict[str, Any]]:
    """Run one crowd-kit aggregator in a child process: (predictions or None, info).

    ``info`` holds ``wall_time_s`` and, when the method could not run, ``error``.
    """
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fogline-truth-") as tmp:
        src, dst = Path(tmp) / "claims.csv", Path(tmp) / "out.csv"
        with src.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["worker", "task", "label"])
            writer.writerows((c.source, c.item, c.value) for c in claims)
        cmd = [sys.executable, "-m", "fogline.bench.truth_baselines", method, str(src), str(dst)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            return None, _info(started, f"over the time budget of {timeout_s:g} s")
        if done.returncode != 0:
            lines = [ln for ln in done.stderr.strip().splitlines() if ln.strip()]
            reason = lines[-1] if lines else f"exit code {done.returncode}"
            if done.returncode < 0:
                reason = f"killed by signal {-done.returncode} (memory limit?)"
            return None, _info(started, reason[:300])
        with dst.open(encoding="utf-8", newline="") as f:
            predicted = {r["task"]: r["label"] for r in csv.DictReader(f)}
    return predicted, _info(started, None)


def _info(started: float, error: str | None) -> dict[str, Any]:
    info: dict[str, Any] = {"wall_time_s": round(time.perf_counter() - started, 3)}
    if error is not None:
        info["error"] = error
    return info


def _child(method: str, src: str, dst: str) -> None:
    """Child-process entry: fit ``method`` on the claims CSV and write ``task,label``."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    import pandas as pd  # type: ignore[import-untyped]
    from crowdkit import aggregation

    if method not in CROWDKIT_METHODS:
        raise SystemExit(f"unknown method {method!r}")
    data = pd.read_csv(src, dtype=str, keep_default_na=False)
    predicted = getattr(aggregation, method)().fit_predict(data)
    pd.DataFrame({"task": predicted.index, "label": predicted.to_numpy()}).to_csv(dst, index=False)


def score(predicted: Mapping[str, str], gold: Mapping[str, str]) -> float:
    """Share of gold items whose predicted value equals the gold value (0 if no gold)."""
    if not gold:
        return 0.0
    return sum(predicted.get(item) == value for item, value in gold.items()) / len(gold)


if __name__ == "__main__":
    _child(*sys.argv[1:4])
