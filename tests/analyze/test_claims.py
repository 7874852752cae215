from __future__ import annotations

from typing import Any

from fogline.records import Modality


def test_statement_and_author_claims_with_modality(analyze: Any) -> None:
    analysis = analyze(
        "Kerevia's defence ministry denied that any Aldmarkian unit remained in Selm. "
        "Aldmarkian forces probably still hold the village of Dravik. "
        "The fascist invaders were crushed near the border on Monday."
    )
    by_text = {c.text: c for c in analysis.claims}
    denied = by_text["any Aldmarkian unit remained in Selm"]
    assert denied.modality == Modality.DENIED and denied.statement_id
    hedged = next(c for c in analysis.claims if c.text.startswith("Aldmarkian forces probably"))
    assert hedged.modality == Modality.HEDGED and hedged.statement_id is None
    loaded = next(c for c in analysis.claims if c.text.startswith("The fascist"))
    assert set(loaded.loaded) == {"fascist", "invaders", "crushed"}


def test_negated_claim_is_denied(analyze: Any) -> None:
    analysis = analyze("Officials said that Aldmarkian troops did not advance beyond the river.")
    assert analysis.claims[0].modality == Modality.DENIED


def test_questions_and_fragments_are_not_claims(analyze: Any) -> None:
    analysis = analyze("Who holds the village? Nobody knows. Pelnovo, Selm Region.")
    assert analysis.claims == ()


def test_compound_sentences_split_into_atomic_claims(analyze: Any) -> None:
    text = (
        "Aldmarkian troops crossed the river at dawn and the army now holds the bridge. "
        "Prices rose sharply in March, while wages fell for the third month. "
        "Troops advanced and captured the village."
    )
    analysis = analyze(text)
    texts = [c.text for c in analysis.claims]
    assert texts == [
        "Aldmarkian troops crossed the river at dawn",
        "the army now holds the bridge",
        "Prices rose sharply in March",
        "wages fell for the third month",
        "Troops advanced and captured the village.",
    ]
    assert len({c.id for c in analysis.claims}) == len(texts)
    assert all(text[c.start : c.end] == c.text for c in analysis.claims)


def test_statement_content_splits_and_keeps_the_denial(analyze: Any) -> None:
    analysis = analyze(
        "The ministry denied that its forces shelled the market and that the army "
        "had mined the bridge near Selm."
    )
    denied = [c for c in analysis.claims if c.statement_id]
    assert denied and all(c.modality == Modality.DENIED for c in denied)


def test_future_claims_are_predicted(analyze: Any) -> None:
    analysis = analyze(
        "The army will retake the village within a week. "
        "Officials said prices are going to fall next year. "
        "The army retook the village on Monday."
    )
    modality = [c.modality for c in analysis.claims]
    assert modality.count(Modality.PREDICTED) == 2
    assert Modality.ASSERTED in modality
