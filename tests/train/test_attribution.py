"""fogline train attribution: the cue classifier trains deterministically on a slice, and
the parses it caches are reused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fogline.analyze.attribution_cue_model import CueModel
from fogline.backends import load_parser
from fogline.bench.attribution_scoring import Article, Attribution
from fogline.cli import cli
from fogline.train.attribution import PARSER, THRESHOLD, cue_examples, fit_cue_model
from tests.bench.floors import shared_data


@pytest.fixture(scope="module")
def nlp() -> Any:
    """The parser ``fogline train attribution`` parses with."""
    return load_parser(PARSER)


def test_fit_recovers_a_planted_cue() -> None:
    features = [["l=say", "d=ROOT"], ["l=say", "d=amod"], ["l=bridge", "d=nsubj"]] * 20
    labels = [1, 0, 0] * 20
    lemmas = ["say", "say", "bridge"] * 20
    model = fit_cue_model(features, labels, lemmas)
    assert model["lemmas"] == ["say"]  # "bridge" is never a cue: never scored
    assert model["threshold"] == THRESHOLD
    assert model["weights"]["d=ROOT"] > 0 > model["weights"]["d=amod"]
    assert model["examples"] == 40 and model["positives"] == 20


@pytest.mark.slow
def test_training_on_a_slice_is_deterministic(tmp_path: Path) -> None:
    data = shared_data("polnear", "train")
    parses = tmp_path / "parses.spacy"
    outputs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        args = ["train", "attribution", "--data", str(data), "--out", str(out)]
        args += ["--limit", "4", "--parses", str(parses)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        outputs.append(json.loads(result.output.strip().splitlines()[-1]))
    assert parses.exists()
    assert outputs[0]["sha256"] == outputs[1]["sha256"]
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    raw = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    model = CueModel(raw["weights"], raw["bias"], raw["threshold"], frozenset(raw["lemmas"]))
    assert "say" in model.lemmas and raw["articles"] == 4 and raw["positives"] > 0
    extent = json.loads((tmp_path / "attribution_cue_extent.json").read_text(encoding="utf-8"))
    assert extent["articles"] == 4 and all(0 <= v <= 1 for v in extent["shares"].values())


def test_cue_examples_label_the_heads_of_gold_cues(nlp: Any) -> None:
    text = "Officials have said that the bridge fell."
    gold = Attribution(((0, 9),), ((10, 19),), ((20, 40),))
    features, labels, lemmas = cue_examples([Article("a", text, (gold,))], [nlp(text)])
    positives = [lemma for lemma, y in zip(lemmas, labels, strict=True) if y]
    assert positives == ["say"]  # "have" is inside the cue but hangs off "said"
    assert len(features) == len(labels) == len(lemmas)


def test_a_copular_cue_is_labelled_at_its_adjective(nlp: Any) -> None:
    text = "Lawmakers are still uneasy about the deal."
    cue = (text.index("are"), text.index(" the"))
    gold = Attribution(((0, 9),), (cue,), ((text.index("the"), len(text) - 1),))
    _, labels, lemmas = cue_examples([Article("a", text, (gold,))], [nlp(text)])
    assert [lemma for lemma, y in zip(lemmas, labels, strict=True) if y] == ["uneasy"]
