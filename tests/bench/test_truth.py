"""Tests for fogline bench truth: adapters, generic format, figures vs floors, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fogline.bench import truth
from fogline.bench.truth_baselines import majority_vote
from fogline.bench.truth_data import (
    Claim,
    load_dataset,
    load_generic,
    normalise_authors,
    normalise_time,
)
from fogline.cli import cli
from fogline.errors import InputError
from tests.bench.floors import floors, shared_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:16 a.m.", "07:16"),
        ("6:59aDec 1", "06:59"),
        ("Thu  20:00", "20:00"),
        ("11/30 8:00 p.m.", "20:00"),
        ("12:10 a.m. (Estimated runway)", "00:10"),
        ("12:05 PM", "12:05"),
        ("Not Available", None),
    ],
)
def test_normalise_time(text: str, expected: str | None) -> None:
    assert normalise_time(text) == expected


def test_normalise_authors_ignores_order_initials_and_stop_words() -> None:
    a = normalise_authors("Simsion, Graeme C.; Witt, Graham C.")
    assert (
        a
        == normalise_authors("By (author) Graham Witt and Graeme Simsion")
        == ("graeme graham simsion witt")
    )
    assert normalise_authors("Not Available") is None


def test_normalise_authors_decodes_entities_and_drops_accents_and_role_words() -> None:
    expected = "holger hoos stutzle thomas"
    assert normalise_authors("Holger H. Hoos, Thomas St&uuml;tzle") == expected
    assert (
        normalise_authors("Hoos, Holger (Author) St\u00fctzle, Thomas (Joint Author)") == expected
    )
    assert normalise_authors("Hoos, Holger; Stutzle, Thomas; etc.") == expected
    assert normalise_authors("Smith &amp;amp; Jones") == "jones smith"


def test_subset_claims_partly_support_their_supersets() -> None:
    implies = truth.subset_implies({"i": ["a", "a b", "c"], "j": ["x", "y"]}, 0.3)
    assert implies == {"i": [("a", "a b", 0.3)]}


def test_majority_vote_ties_go_to_the_smallest_value() -> None:
    claims = [Claim("a", "i", "y"), Claim("b", "i", "x"), Claim("c", "j", "z")]
    assert majority_vote(claims) == {"i": "x", "j": "z"}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_generic_format_through_the_cli(tmp_path: Path) -> None:
    rows = ["source,item,value"]
    for item, good in [("i1", "a"), ("i2", "b"), ("i3", "c")]:
        rows += [f"s{j},{item},{good}" for j in range(3)] + [f"bad,{item},zz", f"s0,{item},dup"]
    claims = write(tmp_path / "claims.csv", "\n".join(rows) + "\n")
    gold = write(tmp_path / "gold.csv", "item,value\ni1,a\ni2,b\ni3,c\ni4,d\n")
    data = load_generic(claims, gold)
    assert len(data.claims) == 12  # s0's second claim per item is dropped
    out = tmp_path / "pred.csv"
    args = ["bench", "truth", "--claims", str(claims), "--gold", str(gold)]
    result = CliRunner().invoke(cli, [*args, "--no-crowdkit", "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output.strip().splitlines()[-1])
    assert doc["accuracy"] == 0.75  # i4 has no claims
    assert doc["baselines"]["majority_vote"]["accuracy"] == 0.75
    assert out.read_text().splitlines() == ["item,value", "i1,a", "i2,b", "i3,c"]


def test_bad_inputs_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_dataset("flight", tmp_path / "missing")
    with pytest.raises(InputError):
        load_generic(write(tmp_path / "c.csv", "who,what\n"), tmp_path / "g.csv")
    result = CliRunner().invoke(cli, ["bench", "truth"])
    assert result.exit_code != 0


@pytest.mark.parametrize("name", ["flight", "book"])
def test_truth_bench_meets_its_floors(name: str) -> None:
    data = load_dataset(name, shared_data("truth", name))
    methods = ("DawidSkene",) if name == "flight" else ()
    doc = truth.run(data, label=name, crowdkit=methods, baseline_timeout_s=60)
    floor = floors(f"truth_{name}")
    for figure in ("accuracy", "accuracy_tune", "accuracy_test"):
        assert doc[figure] >= floor[figure]
    vote = doc["baselines"]["majority_vote"]
    assert doc["accuracy"] > vote["accuracy"]
    for result in doc["baselines"].values():
        assert "wall_time_s" in result
        assert "error" in result or 0.0 <= result["accuracy"] <= 1.0
    assert doc["bench"] == "truth" and doc["size"]["gold_items"] == len(data.gold)
