"""Check-worthiness: how likely a sentence is a factual claim worth checking.

A logistic regression over hashed features that need only numpy at run time: word
unigrams and bigrams, character 2-5-grams inside word boundaries, and a few cues
(numbers, money and percentages, years, comparatives, capitalised names, first and
second person, questions, length). Each block is counted, log-scaled and L2-normalised,
then weighted by the block weight stored with the model. The weights are trained by
``fogline train checkworthy`` (see ``fogline.train.checkworthy``) and shipped as
``fogline/models/checkworthy.npz``.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import re
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from fogline.errors import InputError, ModelError
from fogline.models import model_path

Vector = npt.NDArray[np.float64]
Indices = npt.NDArray[np.int64]

WEIGHTS_FILE = "checkworthy.npz"
FORMAT = "fogline-checkworthy/1"
BLOCKS = ("word", "char", "cue")
DEFAULT_BLOCK_WEIGHTS: Mapping[str, float] = {"word": 1.0, "char": 1.0, "cue": 0.5}
MAX_CHARS = 2000  # a sentence longer than this is scored on its start (training ones are < 900)

_TOKEN = re.compile(r"[a-z0-9]+(?:['.,:%][a-z0-9]+)*%?|[$%?!]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONEY = re.compile(r"[$£€]|\b(?:dollars?|cents?|million|billion|trillion|percent)\b|%", re.I)
_FIRST = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours", "i'm", "we're", "i've"})
_SECOND = frozenset({"you", "your", "yours", "you're", "you've"})
_COMPARATIVE = frozenset(
    {"more", "less", "fewer", "most", "least", "than", "higher", "lower", "increase",
     "increased", "decrease", "decreased", "doubled", "tripled", "largest", "biggest",
     "smallest", "highest", "lowest", "record", "times", "rose", "fell", "cut", "raised"}
)  # fmt: skip


def _bucket(gram: str, dim: int) -> int:
    return zlib.crc32(gram.encode("utf-8")) % dim


def _cues(text: str, words: Sequence[str]) -> list[str]:
    """Named cue features of one sentence (as strings, hashed like the grams)."""
    cues = []
    if _DIGIT.search(text):
        cues.append("number")
    if _YEAR.search(text):
        cues.append("year")
    if _MONEY.search(text):
        cues.append("money")
    if "?" in text:
        cues.append("question")
    lower = [w.lower() for w in words]
    if any(w in _FIRST for w in lower):
        cues.append("first_person")
    if any(w in _SECOND for w in lower):
        cues.append("second_person")
    if any(w in _COMPARATIVE or w.endswith("est") for w in lower):
        cues.append("comparative")
    caps = sum(1 for w in words[1:] if w[0].isupper() and w.lower() not in _FIRST)
    cues.append(f"caps:{min(caps, 3)}")
    n = len(words)
    cues.append("len:" + ("0-3" if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16+"))
    if text.isupper():
        cues.append("all_caps")
    return cues


def _block(grams: Sequence[str], dim: int, scale: float) -> dict[int, float]:
    """Log-scaled counts of ``grams`` hashed into ``dim`` buckets, L2 norm ``scale``."""
    counts: dict[int, float] = {}
    for gram in grams:
        b = _bucket(gram, dim)
        counts[b] = counts.get(b, 0.0) + 1.0
    if not counts or scale == 0:
        return {}
    logged = {b: 1.0 + math.log(c) for b, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in logged.values()))
    return {b: scale * v / norm for b, v in logged.items()}


def featurise(
    text: str, dim: int, block_weights: Mapping[str, float] = DEFAULT_BLOCK_WEIGHTS
) -> tuple[Indices, Vector]:
    """The sparse feature vector of one sentence: bucket indices and their values."""
    text = text[:MAX_CHARS]
    lower = text.lower()
    tokens = _TOKEN.findall(lower)
    words = _WORD.findall(text)
    word_grams = [f"w:{t}" for t in tokens]
    word_grams += [f"b:{a} {b}" for a, b in itertools.pairwise(["<s>", *tokens, "</s>"])]
    char_grams: list[str] = []
    for token in tokens:
        padded = f" {token} "
        for n in range(2, 6):
            char_grams.extend(f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1))
    cue_grams = [f"q:{c}" for c in _cues(text, words)]
    merged: dict[int, float] = {}
    for name, grams in (("word", word_grams), ("char", char_grams), ("cue", cue_grams)):
        for b, v in _block(grams, dim, float(block_weights.get(name, 0.0))).items():
            merged[b] = merged.get(b, 0.0) + v
    return np.fromiter(merged, np.int64, len(merged)), np.fromiter(
        merged.values(), np.float64, len(merged)
    )


def featurise_many(
    texts: Sequence[str], dim: int, block_weights: Mapping[str, float] = DEFAULT_BLOCK_WEIGHTS
) -> tuple[Indices, Indices, Vector]:
    """Row ids, bucket indices and values of all ``texts`` (a COO sparse matrix)."""
    rows, cols, vals = [], [], []
    for row, text in enumerate(texts):
        idx, val = featurise(text, dim, block_weights)
        rows.append(np.full(len(idx), row, dtype=np.int64))
        cols.append(idx)
        vals.append(val)
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float64)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)


@dataclass(frozen=True, slots=True)
class CheckWorthiness:
    """A trained check-worthiness scorer: ``score`` gives P(check-worthy) per sentence.

    ``threshold`` is the default cut for a yes/no answer; ``thresholds`` holds the cut
    tuned on each training data set's tune part; ``info`` says how the weights were made.
    """

    weights: Vector
    bias: float
    block_weights: Mapping[str, float]
    threshold: float
    thresholds: Mapping[str, float]
    info: Mapping[str, Any]

    @property
    def dim(self) -> int:
        return int(self.weights.shape[0])

    @classmethod
    def load(cls, path: Path | None = None) -> CheckWorthiness:
        """The shipped scorer (or the weights file at ``path``); ModelError if it is
        missing or unreadable."""
        return read_weights(model_path(WEIGHTS_FILE) if path is None else path)

    def decision(self, texts: Sequence[str]) -> Vector:
        """The linear score (log-odds) of each text."""
        rows, cols, vals = featurise_many(texts, self.dim, self.block_weights)
        out = np.bincount(rows, weights=self.weights[cols] * vals, minlength=len(texts))
        return out.astype(np.float64) + self.bias

    def score(self, texts: Sequence[str]) -> Vector:
        """P(check-worthy) of each text, in [0, 1], in input order."""
        z = self.decision(texts)
        return 0.5 * (1.0 + np.tanh(0.5 * z))  # the logistic function, overflow-free

    def is_checkworthy(self, texts: Sequence[str], threshold: float | None = None) -> list[bool]:
        """Whether each text scores at or above ``threshold`` (default: the model's)."""
        cut = self.threshold if threshold is None else threshold
        return [bool(p >= cut) for p in self.score(texts)]


def load() -> CheckWorthiness:
    """The shipped check-worthiness scorer (ModelError if its weights are missing)."""
    return CheckWorthiness.load()


def read_weights(path: Path) -> CheckWorthiness:
    """A scorer from a weights file written by ``write_weights``."""
    try:
        with np.load(path, allow_pickle=False) as npz:
            weights = np.asarray(npz["weights"], dtype=np.float64)
            bias = float(npz["bias"])
            meta = json.loads(str(npz["meta"]))
    except FileNotFoundError:
        raise ModelError(
            f"check-worthiness weights not found at {path}; run: fogline train checkworthy"
        ) from None
    except (OSError, EOFError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as exc:
        raise ModelError(
            f"check-worthiness weights at {path} are unreadable ({type(exc).__name__}); "
            "reinstall fogline or run: fogline train checkworthy"
        ) from None
    if meta.get("format") != FORMAT or weights.ndim != 1 or not np.all(np.isfinite(weights)):
        raise ModelError(f"check-worthiness weights at {path} are not in format {FORMAT}")
    return CheckWorthiness(
        weights=weights,
        bias=bias,
        block_weights={k: float(v) for k, v in meta["block_weights"].items()},
        threshold=float(meta["threshold"]),
        thresholds={k: float(v) for k, v in meta.get("thresholds", {}).items()},
        info=meta.get("info", {}),
    )


def write_weights(
    path: Path,
    weights: Vector,
    bias: float,
    *,
    block_weights: Mapping[str, float],
    threshold: float,
    thresholds: Mapping[str, float],
    info: Mapping[str, Any],
) -> None:
    """Write a weights file ``read_weights`` reads; the same inputs give the same bytes
    (fixed zip timestamps, float32 weights, sorted JSON)."""
    meta = {
        "format": FORMAT,
        "block_weights": dict(block_weights),
        "threshold": threshold,
        "thresholds": dict(thresholds),
        "info": dict(info),
    }
    arrays: dict[str, npt.NDArray[Any]] = {
        "weights": np.asarray(weights, dtype=np.float32),
        "bias": np.asarray(bias, dtype=np.float64),
        "meta": np.asarray(json.dumps(meta, sort_keys=True)),
    }
    tmp = path.with_name(path.name + ".tmp")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, array in arrays.items():
                entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                entry.compress_type = zipfile.ZIP_DEFLATED
                buffer = io.BytesIO()
                np.lib.format.write_array(buffer, array, allow_pickle=False)
                zf.writestr(entry, buffer.getvalue())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write check-worthiness weights to {path}: {exc}") from exc
