"""Content boundaries at another cue or a quotation (``attribution_content``), on sentences
written for the test."""

from __future__ import annotations

from typing import Any


def test_statement_announced_before_a_colon_quotes_what_follows(analyze: Any) -> None:
    (st,) = analyze(
        "The ministry issued the following statement:\n\n"
        '"The bridge at Selm has been destroyed. Our units hold the line."'
    ).statements
    assert st.speaker == "The ministry"
    assert st.cue == "issued the following statement"
    assert st.content.startswith("The bridge at Selm has been destroyed")
    assert st.direct


def test_conjunct_report_stands_on_its_own_with_the_outer_speaker(analyze: Any) -> None:
    said, warned = analyze(
        "General Marren said the bridge had fallen on Monday and warned that Aldmarkian "
        "units would advance."
    ).statements
    assert (said.cue, said.content) == ("said", "the bridge had fallen on Monday")
    assert warned.speaker == "General Marren"
    assert (warned.cue, warned.content) == ("warned", "Aldmarkian units would advance")


def test_conjunct_report_with_its_own_subject_keeps_it(analyze: Any) -> None:
    said, thought = analyze(
        "Most officers said the front was stable, and about a third of them thought that a "
        "new offensive was coming."
    ).statements
    assert said.content == "the front was stable"
    assert thought.speaker == "a third of them"
    assert thought.content == "a new offensive was coming"


def test_quotation_is_never_cut_at_a_conjunct(analyze: Any) -> None:
    (st,) = analyze(
        'Rusk said: "The bridge has fallen and we warned that the enemy would come."'
    ).statements
    assert st.content == "The bridge has fallen and we warned that the enemy would come."
