"""The trained stance model at run time: (claim, text) pairs -> calibrated probabilities
over ``LABELS`` (agree, disagree, discuss, unrelated).

P(unrelated) comes from a logistic relatedness model over similarity features; the split
of the rest among agree / disagree / discuss from the cross-encoder, temperature-scaled
on the held-out development split.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from fogline.errors import ModelError
from fogline.models import model_path
from fogline.stance import RELATED_LABELS
from fogline.stance.features import (
    FEATURE_NAMES,
    UNIFORM,
    Body,
    Idf,
    pair_features,
    prepare_bodies,
    similarities,
)
from fogline.stance.text import excerpt

WEIGHTS_FILE = "stance.safetensors"
CONFIG_FILE = "stance.json"
# Below this P(related), the cross-encoder is not run: its split no longer matters.
SKIP_BELOW = 0.02

Probabilities = npt.NDArray[np.float64]
EmbedFn = Callable[[Sequence[str]], npt.NDArray[np.float32]]


@dataclass(frozen=True, slots=True)
class Relatedness:
    """Standardised features -> logistic P(related)."""

    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]
    intercept: float

    def probability(self, features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-z))
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Relatedness:
        return cls(
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            np.asarray(data["coef"], dtype=np.float64),
            float(data["intercept"]),
        )


def softmax(logits: npt.NDArray[np.float64], temperature: float) -> npt.NDArray[np.float64]:
    """Row-wise softmax of ``logits / temperature``."""
    z = logits / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: npt.NDArray[np.float64] = e / e.sum(axis=1, keepdims=True)
    return out


class StanceModel:
    """Relatedness model + cross-encoder: ``predict_proba`` over all four labels, and
    ``predict_split`` for pairs known to be related."""

    def __init__(
        self,
        cross: Any,
        tokenizer: Any,
        embed: EmbedFn,
        config: dict[str, Any],
    ) -> None:
        self.cross = cross
        self.tokenizer = tokenizer
        self.embed = embed
        self.config = config
        self.relatedness = Relatedness.from_json(config["relatedness"])
        self.idf = Idf.from_json(config["idf"]) if "idf" in config else UNIFORM
        unknown = set(config["features"]) - set(FEATURE_NAMES)
        if unknown:
            raise ModelError(f"stance model uses unknown features: {sorted(unknown)}")
        # A model trained on fewer features reads only its own columns.
        self.columns = [FEATURE_NAMES.index(name) for name in config["features"]]
        self.temperature = float(config.get("temperature", 1.0))
        self.bias = np.asarray(config.get("bias", [0.0] * len(RELATED_LABELS)), dtype=np.float64)
        self.max_length = int(config["max_length"])
        self.excerpt_sentences = int(config["excerpt_sentences"])
        self.excerpt_refuting = bool(config.get("excerpt_refuting", False))

    def bodies(self, texts: Sequence[str], *, leads: bool = True) -> dict[str, Body]:
        """Each distinct text prepared once (with ``leads``, their leads embedded in one
        batch)."""
        distinct = list(dict.fromkeys(texts))
        embed = self.embed if leads else None
        return dict(zip(distinct, prepare_bodies(distinct, embed, self.idf), strict=True))

    def cross_logits(
        self, claims: Sequence[str], texts: Sequence[str], batch_size: int = 32
    ) -> npt.NDArray[np.float64]:
        """Raw cross-encoder logits over agree / disagree / discuss."""
        import torch

        from fogline.stance.cross_encoder import encode

        out = np.zeros((len(claims), len(RELATED_LABELS)), dtype=np.float64)
        # Similar lengths in one batch waste less padding.
        order = sorted(range(len(claims)), key=lambda i: len(claims[i]) + len(texts[i]))
        self.cross.eval()
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                rows = order[start : start + batch_size]
                batch = encode(
                    self.tokenizer,
                    [claims[i] for i in rows],
                    [texts[i] for i in rows],
                    self.max_length,
                )
                out[rows] = self.cross(batch).double().numpy()
        return out

    def _vectors(self, claims: Sequence[str]) -> dict[str, npt.NDArray[np.float32]]:
        distinct = list(dict.fromkeys(claims))
        return dict(zip(distinct, self.embed(distinct), strict=True))

    def _split(self, pairs: Sequence[tuple[str, str]], bodies: dict[str, Body]) -> Probabilities:
        """The cross-encoder's calibrated agree / disagree / discuss split per pair, reading
        the claim against the body's sentences most similar to it."""
        excerpts = []
        for claim, text in pairs:
            body = bodies[text]
            sims = similarities(claim, body, self.idf)
            excerpts.append(
                excerpt(body.sentences, sims, self.excerpt_sentences, self.excerpt_refuting)
            )
        logits = self.cross_logits([claim for claim, _ in pairs], excerpts)
        return softmax(logits + self.bias, self.temperature)

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> Probabilities:
        """(n, 4) probabilities over ``LABELS`` for (claim, text) pairs, in input order;
        a pair that recurs (a report republished word for word) is scored once."""
        distinct, where = _distinct(pairs)
        if len(distinct) < len(pairs):
            return self.predict_proba(distinct)[where]
        if not pairs:
            return np.zeros((0, len(RELATED_LABELS) + 1), dtype=np.float64)
        bodies = self.bodies([text for _, text in pairs])
        claim_vectors = self._vectors([claim for claim, _ in pairs])
        features = np.stack(
            [pair_features(c, claim_vectors[c], bodies[t], self.idf) for c, t in pairs]
        )
        related = self.relatedness.probability(features[:, self.columns])
        split = np.tile(np.asarray(self.config["prior"], dtype=np.float64), (len(pairs), 1))
        run = [i for i, p in enumerate(related) if p >= SKIP_BELOW]
        if run:
            split[run] = self._split([pairs[i] for i in run], bodies)
        return np.column_stack([split * related[:, None], 1.0 - related])

    def predict_split(self, pairs: Sequence[tuple[str, str]]) -> Probabilities:
        """(n, 3) probabilities over ``RELATED_LABELS`` given that each pair is related: the
        cross-encoder runs on every pair and the relatedness stage not at all (for callers
        that know the text is about the claim); a recurring pair is scored once."""
        distinct, where = _distinct(pairs)
        if len(distinct) < len(pairs):
            return self.predict_split(distinct)[where]
        if not pairs:
            return np.zeros((0, len(RELATED_LABELS)), dtype=np.float64)
        return self._split(pairs, self.bodies([text for _, text in pairs], leads=False))


def _distinct(
    pairs: Sequence[tuple[str, str]],
) -> tuple[list[tuple[str, str]], npt.NDArray[np.intp]]:
    """The distinct pairs in first-seen order, and where each input pair is among them."""
    position: dict[tuple[str, str], int] = {}
    where = np.array([position.setdefault(p, len(position)) for p in pairs], dtype=np.intp)
    return list(position), where


def read_config(path: Path) -> dict[str, Any]:
    """The model's JSON description; a clear error when it is missing or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelError(
            f"stance model not found at {path}; run 'fogline train stance' to build it"
        ) from exc
    except ValueError as exc:
        raise ModelError(f"stance model description {path} is damaged: {exc}") from exc
    if not isinstance(data, dict) or "relatedness" not in data:
        raise ModelError(f"stance model description {path} is damaged")
    return data


def load(directory: Path | None = None, embed: EmbedFn | None = None) -> StanceModel:
    """The shipped model (or the one in ``directory``), loaded offline."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    from fogline.backends.embedders import get_embedder
    from fogline.stance.cross_encoder import CrossEncoder, keep_layers, load_base, load_tuned

    folder = directory or model_path(WEIGHTS_FILE).parent
    config = read_config(folder / CONFIG_FILE)
    try:
        state = load_file(str(folder / WEIGHTS_FILE))
    except (OSError, SafetensorError) as exc:
        raise ModelError(f"cannot read stance weights {folder / WEIGHTS_FILE}: {exc}") from exc
    tokenizer, bert = load_base()
    cross = CrossEncoder(keep_layers(bert, int(config.get("layers", 6))), len(RELATED_LABELS))
    load_tuned(cross, state, int(config["top_layers"]))
    cross.eval()
    return StanceModel(cross, tokenizer, embed or get_embedder("minilm").embed, config)
