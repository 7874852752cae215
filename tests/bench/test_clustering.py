"""Tests for fogline bench clustering: loading, scoring, planted clusters and the floors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fogline.bench import clustering
from fogline.cli import cli
from fogline.errors import InputError
from fogline.settings import Settings
from tests.bench.floors import floors, shared_data

HEADER = ["", "claimHeadline", "articleHeadline", "articleHeadlineStance", "articleId", "claimId"]
PLANTED = {
    "c-burger": [
        "Man kept a McDonald's burger for twenty years",
        "McDonald's burger kept for twenty years looks the same",
        "Twenty year old McDonald's burger has not rotted",
    ],
    "c-watch": [
        "Apple will sell 19 million Apple Watches this year",
        "Analyst says Apple Watches will sell 19 million",
    ],
    "c-shark": [
        "Shark spotted swimming in flooded Houston highway",
        "Photo of shark on flooded highway is fake",
    ],
}


def write_emergent(path: Path) -> list[tuple[str, str]]:
    """An Emergent-format CSV of the planted headlines; (articleId, claimId) in file order."""
    rows, ids = [], []
    n = 0
    for round_ in range(3):  # interleave claims, as the real file does
        for claim_id, headlines in PLANTED.items():
            if round_ < len(headlines):
                ids.append((f"a{n}", claim_id))
                rows.append([n, claim_id, headlines[round_], "for", f"a{n}", claim_id])
                n += 1
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return ids


def test_load_keeps_whole_claims_under_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    write_emergent(path)
    assert len(clustering.load(path)) == 7
    limited = clustering.load(path, limit=5)  # burger (3) + watch (2); shark would overflow
    assert {h.claim_id for h in limited} == {"c-burger", "c-watch"}
    assert len(clustering.load(path, limit=1)) == 3  # at least one whole claim


def test_bad_inputs_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such data file"):
        clustering.load(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("articleId,articleHeadline\na1,Hello\n")
    with pytest.raises(InputError, match="missing column"):
        clustering.load(bad)


def test_split_is_stable_and_scores_are_sklearns() -> None:
    assert clustering.hash_split("x") == clustering.hash_split("x")
    assert {clustering.hash_split(f"claim{i}") for i in range(20)} == {"tune", "test"}
    perfect = clustering.score(["a", "a", "b"], ["p", "p", "q"])
    assert perfect["v_measure"] == 1.0 and perfect["adjusted_rand"] == 1.0
    split = clustering.score(["a", "a", "b"], ["p", "q", "r"])
    assert split["homogeneity"] == 1.0 and split["completeness"] < 1.0
    assert split["clusters"] == 3 and split["gold_claims"] == 2


def test_planted_claims_are_recovered_and_predictions_written(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    ids = write_emergent(path)
    out = tmp_path / "pred.csv"
    doc = clustering.run(path, embedder="hashing", threshold=0.3, predictions=out)
    assert doc["bench"] == "clustering" and doc["threshold"] == 0.3
    assert doc["size"] == {
        "headlines": 7,
        "claims": 3,
        "tune_headlines": doc["size"]["tune_headlines"],
        "test_headlines": 7 - doc["size"]["tune_headlines"],
    }
    assert doc["all"]["v_measure"] >= 0.6
    assert "tfidf_greedy" in doc["baselines"]
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["articleId"] for r in rows] == [a for a, _ in ids]
    by_claim: dict[str, set[str]] = {}
    for r, (_, claim_id) in zip(rows, ids, strict=True):
        by_claim.setdefault(claim_id, set()).add(r["proposition"])
    assert len(set().union(*by_claim.values())) <= 5  # far fewer clusters than headlines


@pytest.mark.slow
def test_clustering_bench_meets_its_floors_through_the_cli(tmp_path: Path) -> None:
    data = shared_data("emergent", "url-versions-2015-06-14-clean-train.csv")
    out = tmp_path / "pred.csv"
    result = CliRunner().invoke(
        cli,
        ["bench", "clustering", "--data", str(data), "--limit", "300", "--predictions", str(out)],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output.strip().splitlines()[-1])
    floor = floors("clustering")
    assert doc["bench"] == "clustering" and doc["size"]["headlines"] <= 300
    assert doc["threshold"] == Settings().proposition_threshold  # the default unless --threshold
    measured = {
        "v_measure": doc["v_measure"],
        "adjusted_rand": doc["adjusted_rand"],
        "v_measure_tune": doc["tune"]["v_measure"],
        "tuned_v_measure": doc["tuned"]["test"]["v_measure"],
        "tfidf_v_measure": doc["baselines"]["tfidf_greedy"]["v_measure"],
    }
    for name, value in floor.items():
        assert measured[name] >= value, (name, value, measured[name])
    baseline = doc["baselines"]["tfidf_greedy"]
    assert {"v_measure", "adjusted_rand", "threshold", "tune"} <= set(baseline)
    assert len(out.read_text().splitlines()) == doc["size"]["headlines"] + 1


def test_scale_check_clusters_synthetic_claims() -> None:
    out = clustering.scale_check(2000, 0.525)
    assert out["claims"] == 2000 and out["planted"] == 200
    # Noise this wide around each centre keeps most planted groups whole.
    assert 150 <= out["propositions"] <= 400
    assert out["seconds"] >= 0
