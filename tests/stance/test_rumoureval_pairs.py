"""RumourEval replies as extra stance pairs: layout, labels, cleaning, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fogline.errors import InputError
from fogline.stance.rumoureval_pairs import clean_tweet, read_reply_pairs
from tests.bench.floors import shared_data


def _tweet(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"text": text, "user": {"screen_name": "x"}}), encoding="utf-8")


def test_replies_labelled_by_their_stance_toward_the_rumour(tmp_path: Path) -> None:
    thread = tmp_path / "train" / "sydneysiege" / "100"
    _tweet(thread / "source-tweet" / "100.json", "RT @news: Gunman takes hostages http://t.co/x")
    _tweet(thread / "replies" / "101.json", "@news this is not true, police say")
    _tweet(thread / "replies" / "102.json", "@news confirmed by police")
    _tweet(thread / "replies" / "103.json", "@news is this real?")
    _tweet(thread / "replies" / "104.json", "@news terrible")
    _tweet(tmp_path / "train" / "ferguson" / "200" / "replies" / "201.json", "no source tweet")
    labels = {"100": "support", "101": "deny", "102": "support", "103": "query", "104": "comment"}
    (tmp_path / "train-annotations").mkdir()
    (tmp_path / "train-annotations" / "subtaskA.json").write_text(json.dumps(labels))
    pairs = read_reply_pairs(tmp_path)
    assert [(p.text, p.stance) for p in pairs] == [
        ("this is not true, police say", "disagree"),
        ("confirmed by police", "agree"),
        ("terrible", "discuss"),
    ]
    assert {p.claim for p in pairs} == {"Gunman takes hostages"}


def test_a_folder_that_is_not_rumoureval_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_reply_pairs(tmp_path)
    (tmp_path / "train-annotations").mkdir()
    (tmp_path / "train-annotations" / "subtaskA.json").write_text("{}")
    with pytest.raises(InputError, match="RumourEval 2017 layout"):
        read_reply_pairs(tmp_path)


def test_clean_tweet() -> None:
    assert clean_tweet("RT: @a @b_c Look   https://t.co/abc here") == "Look here"


def test_the_shared_train_split() -> None:
    pairs = read_reply_pairs(shared_data("rumoureval2017"))
    counts = {label: sum(p.stance == label for p in pairs) for label in ("agree", "disagree")}
    assert counts["disagree"] > 300 and counts["agree"] > 500
    assert all("@" not in p.text.split()[0] for p in pairs if p.text)
