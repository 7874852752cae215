"""Deriving a question: opposing accounts first, the most voiced as the fallback."""

from __future__ import annotations

from fogline.backends.stance import LexicalStance
from fogline.link.questions import derive_question, opposition
from fogline.records import Claim, Modality, Proposition

ASSERTED = Modality.ASSERTED

TEXTS = {
    "holds": ("The army holds the bridge at Kell.", 4),
    "weather": ("Heavy rain fell over the whole valley.", 3),
    "lost": ("The army does not hold the bridge at Kell.", 2),
    "lone": ("A single blogger says the bridge was sold.", 1),
}


def corpus() -> tuple[list[Proposition], list[Claim], dict[str, str]]:
    propositions, claims, source_of = [], [], {}
    for key, (text, n_sources) in TEXTS.items():
        ids = []
        for i in range(n_sources):
            claim = Claim(f"c-{key}-{i}", f"d-{key}-{i}", None, text, 0, len(text), ASSERTED)
            claims.append(claim)
            source_of[claim.id] = f"source-{key}-{i}"
            ids.append(claim.id)
        propositions.append(Proposition(id=f"p-{key}", text=text, claim_ids=tuple(ids)))
    return propositions, claims, source_of


def test_opposition_is_symmetric_and_finds_the_negated_account() -> None:
    texts = [TEXTS["holds"][0], TEXTS["lost"][0], TEXTS["weather"][0]]
    matrix = opposition(LexicalStance(), texts)
    assert (matrix == matrix.T).all()
    assert matrix[0, 1] > 0 > matrix[0, 2]


def test_with_a_stance_scorer_the_hypotheses_oppose_each_other() -> None:
    question = derive_question(*corpus(), stance=LexicalStance())
    assert question is not None and question.derived
    assert [h.text for h in question.hypotheses] == [TEXTS["holds"][0], TEXTS["lost"][0]]
    assert "opposing" in question.text


def test_without_a_scorer_the_most_voiced_accounts_are_taken() -> None:
    question = derive_question(*corpus())
    assert question is not None
    assert [h.text for h in question.hypotheses] == [
        TEXTS["holds"][0],
        TEXTS["weather"][0],
        TEXTS["lost"][0],
    ]


def test_one_account_with_two_sources_is_no_question() -> None:
    propositions, claims, source_of = corpus()
    assert derive_question(propositions[:1] + propositions[3:], claims, source_of) is None
