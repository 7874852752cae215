"""Model weights the project trains itself and ships in the package (see ``fogline train``)."""

from __future__ import annotations

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent


def model_path(name: str) -> Path:
    """The shipped weights file ``name`` inside the installed package."""
    return MODELS_DIR / name
