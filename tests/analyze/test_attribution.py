"""Each attribution construction, on sentences written for the test (published Thu 2025-03-13)."""

from __future__ import annotations

from typing import Any

from fogline.records import Statement, StatementKind


def only(analysis: Any) -> Statement:
    assert len(analysis.statements) == 1, analysis.statements
    st: Statement = analysis.statements[0]
    return st


def test_told_venue_time_and_content(analyze: Any) -> None:
    st = only(
        analyze(
            "General Ilse Marren, commander of Norrland's forces, told a parliamentary defence "
            "committee hearing on Tuesday that Aldmarkian forces hold good defensive terrain "
            "inside Selm Region."
        )
    )
    assert st.speaker == "General Ilse Marren"
    assert "Norrland" in (st.speaker_hint or "")
    assert st.cue == "told"
    assert st.venue == "a parliamentary defence committee hearing"
    assert (st.said_at, st.said_at_text) == ("2025-03-11", "Tuesday")
    assert st.content == "Aldmarkian forces hold good defensive terrain inside Selm Region"
    assert not st.direct


def test_quote_before_speaker_is_direct_with_event_time(analyze: Any) -> None:
    st = only(
        analyze(
            '"The enemy\'s attempt to break through failed two weeks ago," Rusk told state '
            "television on Sunday."
        )
    )
    assert st.speaker == "Rusk"
    assert st.direct
    assert st.content.startswith("The enemy's attempt")
    assert st.venue == "state television"
    assert st.said_at == "2025-03-09"
    assert (st.event_at, st.event_at_text) == ("2025-02-27", "two weeks ago")


def test_colon_quote(analyze: Any) -> None:
    st = only(analyze('Rusk said: "The areas are being cleared of enemy units."'))
    assert st.direct and st.content.startswith("The areas are being cleared")


def test_according_to(analyze: Any) -> None:
    st = only(
        analyze("According to the Halvard Institute, Aldmarkian forces likely still hold a strip.")
    )
    assert st.speaker == "the Halvard Institute"
    assert st.cue == "According to"
    assert "likely" in st.hedges
    assert st.content.startswith("Aldmarkian forces likely")


def test_cited_as_saying_records_the_relay(analyze: Any) -> None:
    st = only(
        analyze(
            "Tarn Wire cited Kerevian military bloggers as saying that fighting continues near "
            "the village of Dravik."
        )
    )
    assert st.speaker == "Kerevian military bloggers"
    assert st.via == "Tarn Wire"
    assert st.content == "fighting continues near the village of Dravik"


def test_citing_participle(analyze: Any) -> None:
    analysis = analyze(
        "Tarn Wire, citing Kerevian bloggers, reported that shelling continued on Monday."
    )
    (st,) = [s for s in analysis.statements if s.kind is StatementKind.SPEECH]
    assert (st.speaker, st.via) == ("Kerevian bloggers", "Tarn Wire")
    assert st.event_at == "2025-03-10"


def test_echo_names_what_it_echoes(analyze: Any) -> None:
    analysis = analyze(
        "Vell echoed Marren's assessment in his nightly video address, claiming that his "
        "troops are advancing."
    )
    echo, claim = analysis.statements
    assert (echo.speaker, echo.cue, echo.echoes) == ("Vell", "echoed", "Marren")
    assert echo.venue == "in his nightly video address"
    assert echo.content == "Marren's assessment"
    assert (claim.speaker, claim.content) == ("Vell", "his troops are advancing")


def test_passive_echo_takes_the_agent(analyze: Any) -> None:
    st = only(analyze("The claim was echoed by President Oskar Vell."))
    assert st.speaker == "President Oskar Vell"


def test_pronoun_and_descriptor_resolve_within_the_document(analyze: Any) -> None:
    analysis = analyze(
        "Colonel General Dmitar Rusk spoke on Sunday. He told reporters that the areas are "
        "being cleared. The general said the invaders had been crushed."
    )
    pronoun, descriptor = analysis.statements
    assert pronoun.resolution == "pronoun"
    assert "Dmitar Rusk" in (pronoun.resolved_speaker or "")
    assert pronoun.addressee == "reporters"
    assert descriptor.resolution == "descriptor"
    assert "Rusk" in (descriptor.resolved_speaker or "")


def test_pronoun_without_antecedent_is_unresolved(analyze: Any) -> None:
    st = only(analyze("He told reporters that the areas are being cleared."))
    assert st.resolution == "unresolved"
    assert st.resolved_speaker is None


def test_groups_stay_groups(analyze: Any) -> None:
    st = only(analyze("Officials said the bridge had been destroyed."))
    assert st.speaker == "Officials"


def test_quote_over_two_sentences(analyze: Any) -> None:
    st = only(analyze('"We hold the line. We will not retreat," the commander said.'))
    assert st.content == "We hold the line. We will not retreat,"
    assert st.direct


def test_statement_ids_are_stable(analyze: Any) -> None:
    text = "Officials said the bridge had been destroyed."
    assert analyze(text).statements[0].id == analyze(text).statements[0].id


def test_trailing_speech_clause(analyze: Any) -> None:
    st = only(
        analyze(
            "Kerevian units are clearing the border villages, Defence Ministry spokesman "
            "Major General Arkady Tolm said at a press briefing on Thursday."
        )
    )
    assert st.content == "Kerevian units are clearing the border villages"
    assert (st.venue, st.said_at) == ("at a press briefing", "2025-03-13")


def test_as_clause(analyze: Any) -> None:
    st = only(analyze("As General Rusk told state television last week, the enemy was crushed."))
    assert (st.speaker, st.content) == ("General Rusk", "the enemy was crushed")
    assert st.said_at == "2025-W10"


def test_relative_clause_speaker_climbs_to_the_name(analyze: Any) -> None:
    analysis = analyze(
        "The remarks came from General Ilse Marren, the commander of Norrland's armed forces, "
        "who told lawmakers that Aldmarkian troops hold good terrain."
    )
    st = next(s for s in analysis.statements if s.cue == "told")
    assert st.speaker == "General Ilse Marren"
    assert st.addressee == "lawmakers"


def test_echo_names_its_source_by_agent(analyze: Any) -> None:
    analysis = analyze(
        "Vell echoed remarks made on Tuesday by General Ilse Marren, who told lawmakers "
        "that Aldmarkian troops hold good terrain."
    )
    echo = next(s for s in analysis.statements if s.cue == "echoed")
    assert echo.echoes == "General Ilse Marren"


def test_unnamed_echo_echoes_the_statement_before(analyze: Any) -> None:
    analysis = analyze(
        "Rusk told state television that the push had been defeated, an assessment which was "
        "echoed by the minister."
    )
    told, echo = analysis.statements
    assert echo.echoes == "Rusk"
    assert echo.content == told.content == "the push had been defeated"


def test_mixed_quote_is_not_direct(analyze: Any) -> None:
    st = only(
        analyze('Grey Lynx acknowledged that the Aldmarkians had "turned the strip into a fort".')
    )
    assert not st.direct and st.mixed
    plain = only(analyze("Grey Lynx acknowledged that the Aldmarkians had turned the strip."))
    assert not plain.direct and not plain.mixed
    quoted = only(analyze('"The strip is ours," Grey Lynx said.'))
    assert quoted.direct and not quoted.mixed


def test_parenthetical_speech_clause_reports_the_clause_around_it(analyze: Any) -> None:
    st = only(analyze("Many of the closures, he said, have involved public courses."))
    assert (st.speaker, st.cue) == ("he", "said")
    assert st.content.startswith("Many of the closures") and st.content.endswith("courses")


def test_name_colon_line_is_a_statement(analyze: Any) -> None:
    st = only(analyze("General Marren: Aldmarkian forces hold good defensive terrain.\n\nMore."))
    assert (st.speaker, st.cue) == ("General Marren", ":")
    assert st.content == "Aldmarkian forces hold good defensive terrain."


def test_transcript_line_inside_a_quote(analyze: Any) -> None:
    text = (
        "Partial transcript as follows:\n\n"
        '"WALLACE: Let us start with the news on the debate story tonight.\n\n'
    )
    st = only(analyze(text))
    assert (st.speaker, st.cue) == ("WALLACE", ":")
    assert st.content == "Let us start with the news on the debate story tonight."


def test_quote_credited_after_a_dash(analyze: Any) -> None:
    text = (
        "Voices from the rally.\n\n"
        "\u201cThe border is calm and the roads are open.\u201d \u2015 Sonya Herridge\n"
    )
    st = only(analyze(text))
    assert (st.speaker, st.cue) == ("Sonya Herridge", "\u2015")
    assert st.content == "The border is calm and the roads are open."
    assert st.direct


def test_the_quotation_beside_the_cue_not_the_sentence_before(analyze: Any) -> None:
    # The parser hangs "She called ..." off "said" as a second complement; the quotation
    # next to the cue is what was said.
    text = (
        "A retired teacher from Dover said the speeches had led her to rule out both "
        "candidates. She called the senator a \u201cdecent man.\u201d\n\n"
        "\u201cI hate to say it,\u201d she said. \u201cI can't see him in the White House.\u201d"
    )
    said = [s for s in analyze(text).statements if s.speaker == "she"]
    assert [s.content for s in said] == ["I hate to say it,"]


def test_parenthetical_speech_clause_after_the_verb_it_reports(analyze: Any) -> None:
    st = only(analyze("The economy will recover, many economists say, because demand is rising."))
    assert (st.speaker, st.cue) == ("many economists", "say")
    assert st.content.startswith("The economy will recover")
    assert st.content.endswith("because demand is rising")


def test_a_report_inside_a_quotation_belongs_to_the_quoted_speaker(analyze: Any) -> None:
    st = only(analyze('"My brother told me that the mill had closed," the farmer said.'))
    assert (st.speaker, st.cue) == ("the farmer", "said")
    assert st.direct


def test_light_verb_with_its_object_is_the_cue(analyze: Any) -> None:
    st = only(analyze("The president made clear that the troops would stay."))
    assert (st.speaker, st.cue, st.content) == (
        "The president",
        "made clear",
        "the troops would stay",
    )
    st = only(analyze("The mayor issued a statement saying the water was safe."))
    assert (st.cue, st.content) == ("issued a statement saying", "the water was safe")
    st = only(analyze("Several lawmakers raised concerns that the plan would raise prices."))
    assert (st.speaker, st.cue) == ("Several lawmakers", "raised concerns")
    assert st.content == "the plan would raise prices"


def test_a_reporting_participle_after_a_quote_is_the_speaker_s_own_statement(
    analyze: Any,
) -> None:
    text = (
        'The senator stressed that "the only way forward is to get both parties working '
        'together," suggesting that the vote might be delayed.'
    )
    stressed, suggesting = analyze(text).statements
    assert stressed.content == "the only way forward is to get both parties working together,"
    assert (suggesting.speaker, suggesting.cue) == ("The senator", "suggesting")
    assert suggesting.content == "the vote might be delayed"


def test_a_participle_after_a_preposition_takes_the_clause_s_subject(analyze: Any) -> None:
    analysis = analyze(
        "Marren defended the decision by saying that the bridge had to be held at any cost."
    )
    (st,) = [s for s in analysis.statements if s.cue == "saying"]
    assert st.speaker == "Marren"
    assert st.content == "the bridge had to be held at any cost"


def test_a_fronted_relative_stays_out_of_the_content(analyze: Any) -> None:
    st = only(
        analyze(
            "The new curfew, which officials said will go into effect in the next few months, "
            "will not apply to soldiers."
        )
    )
    assert (st.speaker, st.cue) == ("officials", "said")
    assert st.content == "will go into effect in the next few months"


def test_attitudes_are_kept_apart_from_speech(analyze: Any) -> None:
    analysis = analyze(
        "The ministry backed the new conscription law. Marren said that he had been at the front."
    )
    kinds = {s.cue: s.kind for s in analysis.statements}
    assert kinds == {"backed": StatementKind.ATTITUDE, "said": StatementKind.SPEECH}
    speech_ids = {s.id for s in analysis.statements if s.kind is StatementKind.SPEECH}
    # An attitude asserts nothing: its sentence gives the author's claims, not the ministry's.
    assert {c.statement_id for c in analysis.claims} == speech_ids | {None}
    (he,) = [s for s in analysis.statements if s.cue == "said"]
    assert he.resolution == "name"


def test_a_pronoun_refers_back_to_a_speaker_not_to_an_attitude_s_holder(analyze: Any) -> None:
    analysis = analyze(
        "General Ilse Marren said that the bridge was held. General Dmitar Rusk wants a "
        "ceasefire. She said that the front was quiet."
    )
    (she,) = [s for s in analysis.statements if s.speaker == "She"]
    assert (she.resolution, she.resolved_speaker) == ("pronoun", "General Ilse Marren")


def test_a_statement_without_a_speaker_is_unresolved(analyze: Any) -> None:
    analysis = analyze("The Courier is expected to publish the list of villages on Friday.")
    (st,) = [s for s in analysis.statements if s.cue == "expected"]
    assert (st.speaker, st.resolution, st.kind) == ("", "unresolved", StatementKind.ATTITUDE)


def test_a_poll_opening_the_sentence_is_the_source(analyze: Any) -> None:
    analysis = analyze("In a CNN poll released Monday, most voters said they were unhappy.")
    poll = next(s for s in analysis.statements if s.cue == "In")
    assert poll.speaker == "a CNN poll"
    assert poll.content == "most voters said they were unhappy"


def test_a_single_name_before_a_colon_opens_a_statement(analyze: Any) -> None:
    analysis = analyze("Lewandowski: FBI director acted as judge and jury on Clinton.\n\nMore.")
    st = only(analysis)
    assert (st.speaker, st.cue) == ("Lewandowski", ":")
    assert st.content == "FBI director acted as judge and jury on Clinton."


def test_a_dateline_is_not_part_of_the_speaker(analyze: Any) -> None:
    analysis = analyze("RENO, Nev. (AP) \u2014 Donald Trump says the league has gone soft.")
    st = only(analysis)
    assert st.speaker == "Donald Trump"


def test_a_programme_named_after_the_verb_is_no_content(analyze: Any) -> None:
    st = only(analyze('"We will win," the candidate told Face the Nation on Sunday.'))
    assert (st.speaker, st.cue) == ("the candidate", "told")
    assert st.content.startswith("We will win")
