"""The attribution bench: its scoring rule on hand-made examples, and the floors on a slice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fogline.analyze.attribution import extract_statements
from fogline.analyze.quotes import find_quotes
from fogline.backends import load_parser
from fogline.bench.attribution import PARSER, baseline_system, fogline_system, run
from fogline.bench.attribution_convention import to_attribution
from fogline.bench.attribution_scoring import (
    Attribution,
    Tally,
    Tokens,
    pair,
    parse_ann,
    to_brat,
)
from fogline.cli import cli
from fogline.errors import InputError

from .floors import floors, shared_data

TEXT = "Officials said that the bridge fell. The mayor told reporters: rain is coming."


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_parser(PARSER)


def span(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return (start, start + len(word))


GOLD_1 = Attribution((span("Officials"),), (span("said"),), (span("that the bridge fell"),))
GOLD_2 = Attribution((span("The mayor"),), (span("told"),), (span("rain is coming"),))


def test_tokens_share_a_character() -> None:
    tokens = Tokens(TEXT)
    assert tokens.of((span("Officials"),)) == frozenset({0})
    # "fficials sa" touches "Officials" and "said"; a span on a space touches nothing.
    assert tokens.of(((1, 12),)) == frozenset({0, 1})
    assert tokens.of(((9, 10),)) == frozenset()
    assert tokens.of((span("bridge"), span("rain"))) == frozenset({4, 10})


def test_perfect_prediction_scores_one() -> None:
    tally = Tally()
    tally.add(TEXT, [GOLD_2, GOLD_1], [GOLD_1, GOLD_2])
    figures = tally.figures()
    for key in ("attribution", "source", "cue", "content"):
        assert figures[f"{key}_f1"] == 1.0
        assert figures[f"{key}_exact_f1"] == 1.0
    assert (figures["gold"], figures["matched"]) == (2, 2)


def test_partial_overlap_per_role_and_unmatched_prediction_counts_fully() -> None:
    partial = Attribution((span("mayor"),), (span("told reporters"),), (span("rain"),))
    spurious = Attribution((span("bridge"),), (span("fell"),), (span("Officials"),))
    tally = Tally()
    tally.add(TEXT, [partial, spurious], [GOLD_1, GOLD_2])
    f = tally.figures()
    # One pair (contents share "rain"); "spurious" shares no content token with GOLD_1.
    assert f["matched"] == 1
    assert f["attribution_precision"] == 0.5 and f["attribution_recall"] == 0.5
    # source: pred tokens {mayor} + {bridge}; gold {Officials} + {The, mayor}; overlap 1.
    assert f["source_precision"] == 0.5
    assert f["source_recall"] == pytest.approx(1 / 3, abs=1e-4)
    # cue: pred {told, reporters} + {fell} = 3, gold {said} + {told} = 2, overlap 1.
    assert f["cue_precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert f["cue_recall"] == 0.5
    # content: pred {rain} + {Officials} = 2, gold 4 + 3 = 7, overlap 1.
    assert f["content_f1"] == pytest.approx(2 * 0.5 * (1 / 7) / (0.5 + 1 / 7), abs=1e-4)
    assert f["content_exact_f1"] == 0.0 and f["attribution_exact_f1"] == 0.0


def test_pairing_is_greedy_by_largest_content_overlap_one_to_one() -> None:
    gold = [frozenset({1, 2}), frozenset({2, 3, 4, 5})]
    pred = [frozenset({2, 3}), frozenset({2, 3, 4})]
    # pred 1 takes gold 1 (3 shared); pred 0 then pairs with gold 0 (1 shared).
    assert pair(pred, gold) == [(1, 1), (0, 0)]
    assert pair([frozenset({9})], gold) == []
    assert pair([frozenset({2}), frozenset({2})], [frozenset({2})]) == [(0, 0)]


def test_parse_ann_multiline_discontiguous_and_no_source() -> None:
    ann = (
        "T1\tSource 0 9\tOfficials\n"
        "T2\tCue 10 14\tsaid\n"
        "T3\tContent 15 24;25 35\tthat the\nbridge fell\n"
        "T4\tAttribution 10 14\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 47 51\ttold\n"
        "T6\tContent 63 77\train is coming\n"
        "T7\tAttribution-no-source 47 51\ttold\n"
        "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
        "T8\tDiscard 0 3\tOff\n"
        "E3\tAttribution:T8\n"
    )
    first, second = parse_ann(ann)
    assert first == Attribution(((0, 9),), ((10, 14),), ((15, 24), (25, 35)))
    assert second == Attribution((), ((47, 51),), ((63, 77),))


def test_brat_round_trip() -> None:
    ann = to_brat(TEXT, [GOLD_1, GOLD_2])
    assert ann.count("\nE") + ann.startswith("E") == 2
    assert "T1\tSource 0 9\tOfficials" in ann
    assert parse_ann(ann) == [GOLD_1, GOLD_2]


def test_systems_on_a_parse(nlp: Any) -> None:
    doc = nlp(TEXT)
    ours = fogline_system(doc)
    base = baseline_system(doc)
    assert ours and base
    tally = Tally()
    tally.add(TEXT, ours, [GOLD_1, GOLD_2])
    assert tally.figures()["attribution_f1"] == 1.0


def _surfaces(text: str, attribution: Attribution) -> tuple[list[str], ...]:
    return tuple([text[a:b] for a, b in attribution.role(r)] for r in ("source", "cue", "content"))


def test_polnear_conventions_complementiser_adverb_and_venue_in_the_cue(nlp: Any) -> None:
    text = "The senator also said in a statement Monday that the bill would pass."
    (found,) = fogline_system(nlp(text))
    source, cue, content = _surfaces(text, found)
    assert source == ["The senator"]
    assert cue == ["also said in a statement Monday"]
    assert content == ["that the bill would pass"]


def test_polnear_conventions_split_and_continued_quotes(nlp: Any) -> None:
    text = '"We are on our fourth secretary," he said. "There is a reason for that."'
    found = fogline_system(nlp(text))
    assert [_surfaces(text, f)[2] for f in found] == [
        ["We are on our fourth secretary,", "There is a reason for that."]
    ]
    text = "Like his comments, Mr. Graham said, the jabs were unacceptable."
    (around,) = fogline_system(nlp(text))
    assert _surfaces(text, around)[2] == ["Like his comments", "the jabs were unacceptable"]


def test_attitudes_count_unless_speech_only(nlp: Any) -> None:
    text = "The senator backed the bill. The mayor said that rain is coming."
    doc = nlp(text)
    cues = [_surfaces(text, f)[1] for f in fogline_system(doc)]
    assert cues == [["backed"], ["said"]]
    assert [_surfaces(text, f)[1] for f in fogline_system(doc, speech_only=True)] == [["said"]]


def test_relative_pronoun_is_the_source(nlp: Any) -> None:
    text = "Trump, who said that the polls were rigged, lost the state."
    doc = nlp(text)
    (st,) = [s for s in extract_statements(doc, "d", None, []) if s.cue == "said"]
    found = to_attribution(doc, text, st, find_quotes(text), {})
    assert _surfaces(text, found)[0] == ["who"]


def test_bad_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        run(tmp_path / "missing")
    with pytest.raises(InputError):
        run(tmp_path)


@pytest.mark.slow
def test_floors_on_a_dev_slice(tmp_path: Path) -> None:
    data = shared_data("polnear", "dev")
    out = tmp_path / "pred"
    # 16 articles (388 gold attributions): on 8 (56 gold) one attribution moved a figure
    # by about .02.
    result = CliRunner().invoke(
        cli,
        ["bench", "attribution", "--data", str(data), "--limit", "16", "--predictions", str(out)],
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["bench"] == "attribution"
    assert figures["size"]["documents"] == 16
    assert len(list(out.glob("*.ann"))) == 16
    assert "cue_verb" in figures["baselines"]
    for key in ("attribution_f1", "source_f1", "cue_f1", "content_f1", "docs_per_s_parse"):
        assert key in figures["baselines"]["cue_verb"]
    for key in ("docs_per_s_parse", "docs_per_s_attribution", "gold", "content_exact_f1"):
        assert key in figures
    speech = figures["variants"]["speech"]
    assert speech["predicted"] <= figures["predicted"]
    for key, floor in floors("attribution").items():
        assert figures[key] >= floor, (key, figures[key], floor)


def test_polnear_conventions_a_nested_report_is_part_of_the_outer_content(nlp: Any) -> None:
    text = "He said CNN had tweeted that the race was over."
    doc = nlp(text)
    assert len(extract_statements(doc, "d", None, [])) == 2
    (found,) = fogline_system(doc)
    assert _surfaces(text, found) == (
        ["He"],
        ["said"],
        ["CNN had tweeted that the race was over"],
    )


def test_polnear_conventions_source_without_a_speech_clause_describing_it(nlp: Any) -> None:
    text = (
        "Carson, who said last week that the polls were wrong, told reporters that he "
        "would stay in the race."
    )
    (told,) = [f for f in fogline_system(nlp(text)) if _surfaces(text, f)[1] == ["told"]]
    assert _surfaces(text, told)[0] == ["Carson"]
    text = "Ms. Lee, who runs the clinic, said the funds had run out."
    (found,) = fogline_system(nlp(text))
    assert _surfaces(text, found)[0] == ["Ms. Lee, who runs the clinic"]


def test_polnear_conventions_quote_continued_after_the_whole_speech_clause(nlp: Any) -> None:
    text = '"The plan is dead," Smith told reporters on Monday. "We will start again next year."'
    (found,) = fogline_system(nlp(text))
    assert _surfaces(text, found)[2] == ["The plan is dead,", "We will start again next year."]


def test_polnear_conventions_source_is_the_subject_a_name_stands_beside(nlp: Any) -> None:
    text = "The company's chief executive, John Ferriola, said the plant would close."
    (found,) = fogline_system(nlp(text))
    assert _surfaces(text, found)[0] == ["The company's chief executive, John Ferriola"]


def test_polnear_conventions_copula_and_auxiliaries_belong_to_the_cue(nlp: Any) -> None:
    text = "The Times is expected to endorse the senator."
    (found,) = [f for f in fogline_system(nlp(text)) if not f.source]
    assert _surfaces(text, found)[1:] == (
        ["is expected"],
        ["The Times", "to endorse the senator"],
    )
    text = "Lawmakers are still nervous about the deal."
    (found,) = fogline_system(nlp(text))
    assert _surfaces(text, found)[1] == ["are still nervous about"]


def test_polnear_conventions_focus_adverbs_stay_out_of_source_and_cue(nlp: Any) -> None:
    text = "Even a top party strategist said the race was lost."
    (found,) = fogline_system(nlp(text))
    assert _surfaces(text, found)[0] == ["a top party strategist"]
    text = "When asked whether he would run again, the senator smiled."
    (found,) = fogline_system(nlp(text))
    assert _surfaces(text, found)[1] == ["asked"]
