"""One real run of the pipeline over the demo corpus, shared by every test in tests/demo."""

from __future__ import annotations

from typing import Any

import pytest

from .measures import load_gold, run_demo


@pytest.fixture(scope="session")
def demo_run() -> tuple[dict[str, Any], Any]:
    """(result document, add report) of the real pipeline: spaCy + MiniLM, run once (~20 s)."""
    return run_demo(embedder="minilm")


@pytest.fixture(scope="session")
def demo_result(demo_run: tuple[dict[str, Any], Any]) -> dict[str, Any]:
    return demo_run[0]


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return load_gold()
