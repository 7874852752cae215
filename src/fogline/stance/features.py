"""Relatedness features of a (claim, body) pair: embedding, word-overlap and TF-IDF
similarities.

A body is prepared once (its sentences, their embeddings, word sets and TF-IDF vector),
since many claims meet the same body; each claim then costs a few vector products and
dictionary lookups.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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
    "tfidf_cos",
    "idf_overlap",
)

Vector = npt.NDArray[np.float32]
Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Idf:
    """Inverse document frequencies of content words over a set of training bodies:
    ``log((n + 1) / (df + 1)) + 1``, so an unseen word weighs most."""

    documents: int
    df: Mapping[str, int]

    @classmethod
    def fit(cls, texts: Iterable[Sequence[str]]) -> Idf:
        """From bodies given as their sentences."""
        df: Counter[str] = Counter()
        n = 0
        for sentences in texts:
            df.update({w for s in sentences for w in content_words(s)})
            n += 1
        return cls(n, dict(sorted(df.items())))

    def weight(self, word: str) -> float:
        return math.log((self.documents + 1) / (self.df.get(word, 0) + 1)) + 1.0

    def vector(self, words: Sequence[str]) -> dict[str, float]:
        """The L2-normalised TF-IDF vector of a bag of words."""
        raw = {w: n * self.weight(w) for w, n in Counter(words).items()}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        return {w: v / norm for w, v in raw.items()}

    def to_json(self) -> dict[str, Any]:
        return {"documents": self.documents, "df": dict(self.df)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Idf:
        return cls(int(data["documents"]), {str(w): int(n) for w, n in data["df"].items()})


# Without a fitted table every word weighs the same (TF-IDF cosine = TF cosine).
UNIFORM = Idf(0, {})


@dataclass(frozen=True, slots=True)
class Body:
    """A text prepared for comparison with many claims."""

    sentences: tuple[str, ...]
    vectors: Matrix
    words: tuple[frozenset[str], ...]
    all_words: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    mean: Vector
    tfidf: Mapping[str, float]


def prepare_body(sentences: Sequence[str], vectors: Matrix, idf: Idf = UNIFORM) -> Body:
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
        tfidf=idf.vector(list(itertools.chain.from_iterable(words))),
    )


def prepare_bodies(
    texts: Sequence[str], embed: Callable[[Sequence[str]], Matrix], idf: Idf = UNIFORM
) -> list[Body]:
    """Each text as a prepared body, in order; all their sentences embedded in one call."""
    split = [split_sentences(t) for t in texts]
    flat = [s for sentences in split for s in sentences]
    vectors = embed(flat) if flat else np.zeros((0, 1), dtype=np.float32)
    out, at = [], 0
    for sentences in split:
        out.append(prepare_body(sentences, vectors[at : at + len(sentences)], idf))
        at += len(sentences)
    return out


def _share(items: Sequence[object], pool: frozenset[object]) -> float:
    return sum(1 for w in items if w in pool) / len(items) if items else 0.0


def pair_features(
    claim: str, claim_vector: Vector, body: Body, idf: Idf = UNIFORM
) -> npt.NDArray[np.float64]:
    """The ``FEATURE_NAMES`` figures for one pair (claim vector L2-normalised; ``idf`` the
    table the body was prepared with)."""
    cos = body.vectors @ claim_vector
    ranked = np.sort(cos)[::-1]
    words = content_words(claim)
    top = int(np.argmax(cos))
    mass = {w: idf.weight(w) for w in words}
    total = sum(mass.values())
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
            sum(v * body.tfidf.get(w, 0.0) for w, v in idf.vector(words).items()),
            sum(v for w, v in mass.items() if w in body.all_words) / total if total else 0.0,
        ],
        dtype=np.float64,
    )


def cosines(claim_vector: Vector, body: Body) -> npt.NDArray[np.float32]:
    """The claim's cosine with each of the body's sentences."""
    out: npt.NDArray[np.float32] = body.vectors @ claim_vector
    return out
