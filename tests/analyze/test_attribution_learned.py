"""The learned cue classifier and its generic frames: learned cues that report a clause or
carry what was said are speech, every other frame (sourceless ones included) an attitude."""

from __future__ import annotations

from typing import Any

from fogline.analyze.attribution import extract_statements
from fogline.analyze.attribution_learned import is_learned_cue, learned_frame
from fogline.analyze.quotes import find_quotes
from fogline.records import StatementKind


def _token(doc: Any, word: str) -> Any:
    (tok,) = [t for t in doc if t.lower_ == word]
    return tok


def test_learned_cue_frame(nlp: Any) -> None:
    doc = nlp("Muslim advocates hailed the nomination of the judge.")
    cue = _token(doc, "hailed")
    assert is_learned_cue(cue)
    frame = learned_frame(cue)
    assert frame is not None and not frame.clausal
    assert frame.speaker.text == "advocates"
    assert doc.text[frame.content[0] : frame.content[1]] == "the nomination of the judge"


def test_object_frames_are_attitudes_hedged_by_their_cue(nlp: Any) -> None:
    doc = nlp("Muslim advocates hailed the nomination of the judge.")
    assert extract_statements(doc, "d", None, [], attitudes=False) == []
    (st,) = extract_statements(doc, "d", None, [])
    assert (st.cue, st.content) == ("hailed", "the nomination of the judge")
    assert st.kind is StatementKind.ATTITUDE and "hailed" in st.hedges


def test_a_learned_cue_reporting_a_clause_is_a_pipeline_statement(nlp: Any) -> None:
    doc = nlp("The senator hinted that the committee would reject the budget.")
    assert is_learned_cue(_token(doc, "hinted"))
    (st,) = extract_statements(doc, "d", None, [])
    assert st.kind is StatementKind.SPEECH
    assert (st.speaker, st.cue) == ("The senator", "hinted")
    assert st.content == "the committee would reject the budget"


def test_noun_cue_with_its_owner(nlp: Any) -> None:
    doc = nlp("Trump's claim that the election was rigged drew criticism.")
    frame = learned_frame(_token(doc, "claim"))
    assert frame is not None and frame.clausal
    assert frame.speaker.text == "Trump"
    assert doc.text[frame.content[0] : frame.content[1]] == "the election was rigged"


def test_passive_with_agent_and_without(nlp: Any) -> None:
    doc = nlp("The registration issue was first reported by The Washington Post.")
    frame = learned_frame(_token(doc, "reported"))
    assert frame is not None and frame.speaker.text == "Post"
    assert doc.text[frame.content[0] : frame.content[1]] == "The registration issue"
    doc = nlp("The Times is expected to endorse the Democratic candidate.")
    frame = learned_frame(_token(doc, "expected"))
    assert frame is not None and frame.speaker is None
    assert doc.text[frame.content[0] : frame.content[1]].startswith("The Times is expected to")


def test_a_sourceless_statement_is_an_attitude_with_an_empty_speaker(nlp: Any) -> None:
    doc = nlp("The Times is expected to endorse the Democratic candidate.")
    found = [s for s in extract_statements(doc, "d", None, []) if s.cue == "expected"]
    assert found and found[0].speaker == "" and found[0].speaker_start == found[0].speaker_end
    assert found[0].kind is StatementKind.ATTITUDE
    assert all(s.speaker for s in extract_statements(doc, "d", None, [], attitudes=False))


def test_pipeline_keeps_complements_that_carry_what_was_said(nlp: Any) -> None:
    doc = nlp("The company plans to close the plant in the spring.")
    frame = learned_frame(_token(doc, "plans"))
    assert frame is not None and frame.kind == "xcomp" and not frame.clausal
    (st,) = extract_statements(doc, "d", None, [])
    assert (st.speaker, st.cue) == ("The company", "plans")
    assert st.content == "to close the plant in the spring"
    doc = nlp("The senator called for a ban on the sale of assault weapons.")
    frame = learned_frame(_token(doc, "called"))
    assert frame is not None and frame.kind == "prep-cue"
    (st,) = extract_statements(doc, "d", None, [])
    assert (st.cue, st.content) == ("called for", "a ban on the sale of assault weapons")


def test_a_negated_cue_with_a_complement_says_nothing(nlp: Any) -> None:
    doc = nlp("The agency did not respond to a request for comment.")
    assert extract_statements(doc, "d", None, [], attitudes=False) == []
    (st,) = extract_statements(doc, "d", None, [])
    assert st.content == "a request for comment" and st.kind is StatementKind.ATTITUDE


def test_a_speech_verb_s_object_is_what_was_said_unless_a_pronoun(nlp: Any) -> None:
    (st,) = extract_statements(nlp("The ministry denied the report."), "d", None, [])
    assert (st.speaker, st.cue, st.content) == ("The ministry", "denied", "the report")
    assert st.kind is StatementKind.SPEECH
    it = nlp("The ministry denied it.")
    assert extract_statements(it, "d", None, [], attitudes=False) == []
    assert all(s.kind is StatementKind.ATTITUDE for s in extract_statements(it, "d", None, []))


def test_a_learned_verb_beside_a_quotation_is_speech(nlp: Any) -> None:
    text = '"Quiet," he demanded, as the senator continued to interject.'
    found = extract_statements(nlp(text), "d", None, [(1, 7)])
    (st,) = [s for s in found if s.cue == "demanded"]
    assert (st.speaker, st.content, st.kind) == ("he", "Quiet,", StatementKind.SPEECH)


def test_seem_and_appear_have_no_source_of_their_own(nlp: Any) -> None:
    doc = nlp("The senator seemed to retreat from his plan.")
    frame = learned_frame(_token(doc, "seemed"))
    assert frame is not None and frame.speaker is None and frame.kind == "sourceless"
    assert doc.text[frame.content[0] : frame.content[1]] == (
        "The senator seemed to retreat from his plan"
    )


def test_a_passive_about_something_has_no_source(nlp: Any) -> None:
    doc = nlp("The senator was asked about the dispute on Sunday.")
    frame = learned_frame(_token(doc, "asked"))
    assert frame is not None and frame.speaker is None
    assert doc.text[frame.content[0] : frame.content[1]] == "the dispute"
    assert doc.text[frame.cue[0] : frame.cue[1]] == "asked about"


def test_a_noun_cue_without_an_owner_has_no_source(nlp: Any) -> None:
    doc = nlp("The senator faced questions about the contract.")
    frame = learned_frame(_token(doc, "questions"))
    assert frame is not None and frame.speaker is None
    assert doc.text[frame.content[0] : frame.content[1]] == "the contract"


def test_called_for_an_infinitive_clause_is_speech(nlp: Any) -> None:
    doc = nlp("Sanders has called for the national minimum wage to be raised to $15 by 2020.")
    frame = learned_frame(_token(doc, "called"))
    assert frame is not None and frame.kind == "for-clause"
    (st,) = extract_statements(doc, "d", None, [])
    assert (st.speaker, st.cue, st.kind) == ("Sanders", "called for", StatementKind.SPEECH)
    assert st.content == "the national minimum wage to be raised to $15 by 2020"


def test_a_question_put_by_no_one_named_is_sourceless(nlp: Any) -> None:
    doc = nlp('Asked if he was ever bullied, Trump replied, "Never."')
    frame = learned_frame(_token(doc, "asked"))
    assert frame is not None and frame.speaker is None and frame.kind == "sourceless"
    assert doc.text[frame.content[0] : frame.content[1]] == "he was ever bullied"
    found = extract_statements(doc, "d", None, find_quotes(doc.text))
    replied = [s for s in found if s.cue == "replied"]
    assert [(s.speaker, s.content) for s in replied] == [("Trump", "Never.")]


def test_a_pronoun_expected_to_act_is_sourceless(nlp: Any) -> None:
    doc = nlp("She is expected to make appearances on the morning show.")
    frame = learned_frame(_token(doc, "expected"))
    assert frame is not None and frame.speaker is None
    assert doc.text[frame.content[0] : frame.content[1]].startswith("She is expected to")
