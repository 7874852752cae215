"""Relatedness features of a (claim, body) pair: embedding and word-overlap similarities.

A body is prepared once (its sentences, their embeddings and word sets), since many
claims meet the same body; each claim then costs a few vector products and set lookups.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from fogline.stance.text import content_words, split_sentences

FEATURE_NAMES = (
    "cos_max",
    "cos_top3",
    "cos_mean_body",
    "cos_first",
    "word_overlap",
    "bigram_overlap",
    "top_sentence_overlap",
    "claim_words",
)

Vector = npt.NDArray[np.float32]
Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Body:
    """A text prepared for comparison with many claims."""

    sentences: tuple[str, ...]
    vectors: Matrix
    words: tuple[frozenset[str], ...]
    all_words: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    mean: Vector


def prepare_body(sentences: Sequence[str], vectors: Matrix) -> Body:
    """A body from its sentences and their L2-normalised embeddings (one row each)."""
    words = [content_words(s) for s in sentences]
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean)) or 1.0
    return Body(
        sentences=tuple(sentences),
        vectors=vectors,
        words=tuple(frozenset(w) for w in words),
        all_words=frozenset(itertools.chain.from_iterable(words)),
        bigrams=frozenset(itertools.chain.from_iterable(itertools.pairwise(w) for w in words)),
        mean=(mean / norm).astype(np.float32),
    )


def prepare_bodies(texts: Sequence[str], embed: Callable[[Sequence[str]], Matrix]) -> list[Body]:
    """Each text as a prepared body, in order; all their sentences embedded in one call."""
    split = [split_sentences(t) for t in texts]
    flat = [s for sentences in split for s in sentences]
    vectors = embed(flat) if flat else np.zeros((0, 1), dtype=np.float32)
    out, at = [], 0
    for sentences in split:
        out.append(prepare_body(sentences, vectors[at : at + len(sentences)]))
        at += len(sentences)
    return out


def _share(items: Sequence[object], pool: frozenset[object]) -> float:
    return sum(1 for w in items if w in pool) / len(items) if items else 0.0


def pair_features(claim: str, claim_vector: Vector, body: Body) -> npt.NDArray[np.float64]:
    """The ``FEATURE_NAMES`` figures for one pair (claim vector L2-normalised)."""
    cos = body.vectors @ claim_vector
    ranked = np.sort(cos)[::-1]
    words = content_words(claim)
    top = int(np.argmax(cos))
    return np.array(
        [
            float(ranked[0]),
            float(ranked[:3].mean()),
            float(body.mean @ claim_vector),
            float(cos[0]),
            _share(words, body.all_words),
            _share(list(itertools.pairwise(words)), body.bigrams),
            _share(words, body.words[top]),
            float(np.log1p(len(words))),
        ],
        dtype=np.float64,
    )


def cosines(claim_vector: Vector, body: Body) -> npt.NDArray[np.float32]:
    """The claim's cosine with each of the body's sentences."""
    out: npt.NDArray[np.float32] = body.vectors @ claim_vector
    return out
