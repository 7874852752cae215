"""The cross-encoder's layer surgery, on a tiny randomly initialised BERT (no download)."""

from __future__ import annotations

import pytest
import torch
from transformers import BertConfig, BertModel

from fogline.errors import ModelError
from fogline.stance.cross_encoder import (
    CrossEncoder,
    freeze_below,
    keep_layers,
    load_tuned,
    tuned_state,
)


def tiny_bert(layers: int = 4) -> BertModel:
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=50,
        hidden_size=16,
        num_hidden_layers=layers,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=32,
    )
    return BertModel(config)


def batch() -> dict[str, torch.Tensor]:
    ids = torch.tensor([[1, 5, 7, 2, 9, 3], [1, 4, 2, 8, 0, 0]])
    return {"input_ids": ids, "attention_mask": (ids > 0).long()}


def test_keep_layers_cuts_the_encoder_and_its_tuned_state() -> None:
    model = CrossEncoder(keep_layers(tiny_bert(4), 2), 3)
    assert len(model.bert.encoder.layer) == 2 and model.bert.config.num_hidden_layers == 2
    trainable = freeze_below(model, 1)
    tuned = tuned_state(model, 1)
    assert all(name.startswith(("bert.encoder.layer.1.", "head.")) for name in tuned)
    assert len(trainable) == len(tuned)
    assert model(batch()).shape == (2, 3)


def test_a_cut_model_reloads_from_its_shipped_state() -> None:
    trained = CrossEncoder(keep_layers(tiny_bert(4), 2), 3).eval()
    with torch.no_grad():
        for param in trained.parameters():
            param.add_(0.01)
    state = tuned_state(trained, 2)
    fresh = CrossEncoder(keep_layers(tiny_bert(4), 2), 3).eval()
    load_tuned(fresh, state, 2)
    with torch.no_grad():
        # float16 storage: equal to half precision
        assert torch.allclose(fresh(batch()), trained(batch()), atol=1e-2)


def test_keep_layers_refuses_a_depth_it_does_not_have() -> None:
    assert keep_layers(tiny_bert(4), 4).config.num_hidden_layers == 4
    with pytest.raises(ModelError, match="has 4 layers; cannot keep 5"):
        keep_layers(tiny_bert(4), 5)
