from __future__ import annotations

import math
from datetime import date

import pytest

from fogline.assess.evidence import EvidenceParams, build_evidence, timex_day
from fogline.link.actors import ActorIndex
from fogline.link.pipeline import LinkResult
from fogline.records import (
    Actor,
    ActorKind,
    Claim,
    Dependence,
    DependenceKind,
    Hypothesis,
    Modality,
    Question,
    Stance,
    StanceLabel,
)

QUESTION = Question(
    "q",
    "?",
    (
        Hypothesis("north_wins", "q", "N", favours="north"),
        Hypothesis("stalemate", "q", "S"),
        Hypothesis("south_wins", "q", "W", favours="south"),
    ),
)


def claim(cid: str, doc: str, modality: Modality = Modality.ASSERTED) -> Claim:
    return Claim(
        id=cid, document_id=doc, statement_id=None, text=cid, start=0, end=1, modality=modality
    )


def make_link(stances: list[Stance], deps: list[Dependence]) -> LinkResult:
    actors = (
        Actor("n1", "North One", ActorKind.OUTLET, side="north"),
        Actor("n2", "North Two", ActorKind.OUTLET, side="north"),
        Actor("s1", "South One", ActorKind.OUTLET, side="south"),
        Actor("x", "Neutral", ActorKind.OUTLET),
    )
    index = ActorIndex(actors, {}, {"dn1": "n1", "dn2": "n2", "ds1": "s1", "dx": "x"})
    return LinkResult(index, (), (QUESTION,), tuple(stances), tuple(deps))


def stance(cid: str, hyp: str, label: StanceLabel = StanceLabel.SUPPORTS) -> Stance:
    return Stance(cid, "q", hyp, label, 1.0)


def test_interest_hedging_and_absence_factors() -> None:
    claims = [
        claim("a", "dn1"),
        claim("b", "ds1"),
        claim("c", "dx", Modality.HEDGED),
        claim("d", "dx", Modality.PREDICTED),
        claim("unrelated", "dn2"),
    ]
    link = make_link(
        [
            stance("a", "north_wins"),
            stance("b", "stalemate"),
            stance("c", "stalemate"),
            stance("d", "south_wins"),
        ],
        [],
    )
    evidence, rows = build_evidence(link, claims, [], EvidenceParams())
    by = {(e.source_id, e.hypothesis_id, e.absent): e for e in evidence}
    assert by[("n1", "north_wins", False)].factors["interest"] == 0.5  # serves its side
    assert by[("s1", "stalemate", False)].factors["interest"] == 1.2  # settles for less
    assert by[("x", "stalemate", False)].factors["hedging"] == 0.5
    assert by[("x", "south_wins", False)].factors["prediction"] == 0.5
    # n2 (north) spoke but never claimed north_wins; s1 never claimed south_wins
    assert by[("n2", "north_wins", True)].weight == 1.0
    assert by[("s1", "south_wins", True)].weight == 1.0
    assert len(rows) == len(evidence)
    for e in evidence:
        if not e.absent:
            assert math.isclose(e.weight, math.prod(e.factors.values()), rel_tol=1e-4)


def test_admission_against_interest_weighs_more() -> None:
    link = make_link([stance("b", "north_wins")], [])
    (e, *_) = build_evidence(link, [claim("b", "ds1")], [], EvidenceParams())[0]
    assert e.factors["interest"] == 1.5


def test_one_origin_one_witness() -> None:
    claims = [claim("a", "dn1"), claim("b", "dn2"), claim("c", "dx")]
    deps = [
        Dependence("b", "a", DependenceKind.NEAR_DUPLICATE),
        Dependence("c", "a", DependenceKind.ECHO),
    ]
    link = make_link([stance(c.id, "stalemate") for c in claims], deps)
    evidence, _ = build_evidence(link, claims, [], EvidenceParams())
    present = [e for e in evidence if not e.absent]
    assert len(present) == 3
    assert all(abs(e.factors["independence"] - 1 / 3) < 1e-3 for e in present)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-03-11", date(2025, 3, 11)),
        ("2025-03-11T14:00", date(2025, 3, 11)),
        ("2025-W09", date(2025, 2, 24)),
        ("2025-03", date(2025, 3, 1)),
        ("PAST_REF", None),
        ("2025", None),
        ("2025-02-30", None),
        (None, None),
    ],
)
def test_timex_day_is_the_first_day_a_value_covers(value: str | None, day: date | None) -> None:
    assert timex_day(value) == day


def test_older_claims_count_less_when_the_situation_moves() -> None:
    link = make_link([stance("old", "north_wins"), stance("new", "stalemate")], [])
    claims = [claim("old", "dx"), claim("new", "dn1")]
    published = {"dx": date(2025, 3, 1), "dn1": date(2025, 3, 31)}
    evidence, _ = build_evidence(link, claims, [], EvidenceParams(), published)
    factors = {e.claim_ids[0]: e.factors for e in evidence if e.claim_ids}
    assert factors["old"]["recency"] == 0.5  # 30 days before the newest, one half-life
    assert "recency" not in factors["new"]
    off = build_evidence(link, claims, [], EvidenceParams(recency_half_life_days=0), published)
    assert all("recency" not in e.factors for e in off[0])
    undated = build_evidence(link, claims, [], EvidenceParams())
    assert all("recency" not in e.factors for e in undated[0])
