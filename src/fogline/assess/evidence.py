"""From linked claims to weighted evidence rows: one row per source, hypothesis and stance.

A row's weight is a product of named factors, each kept so that the number can be
explained:

- ``stance``: the stance confidence of the source's strongest claim;
- ``hedging``: a hedged claim ("likely", "claimed") counts ``hedging`` of a plain one;
- ``relay``: a claim known only through an intermediary ("Tarn Wire cited bloggers");
- ``recency``: a claim said (or, failing that, published) d days before the question's
  newest dated claim counts 0.5 ** (d / ``recency_half_life_days``): the situation moves;
- ``interest``: a claim that serves the source's side counts ``serves_side``; one against
  it (an admission) counts ``against_interest``; a partisan settling for a neutral
  hypothesis when its side's favourite was on offer counts ``modest_claim``;
- ``independence``: sources whose claims share an origin (echo, citation, copied text)
  split one witness between them: 1/n each;
- absence rows: a source on the side a hypothesis favours that has spoken in the corpus
  but never asserted it; all absences toward one hypothesis share ``1/sqrt(n)`` weight.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from fogline.assess.model import EvidenceRow
from fogline.link.pipeline import LinkResult
from fogline.records import (
    Claim,
    Evidence,
    Modality,
    Question,
    StanceLabel,
    Statement,
    stable_id,
)
from fogline.union_find import UnionFind


@dataclass(frozen=True, slots=True)
class EvidenceParams:
    hedging: float = 0.5
    prediction: float = 0.5  # a forecast says less about what is the case now
    relay: float = 0.8
    serves_side: float = 0.5
    against_interest: float = 1.5
    modest_claim: float = 1.2
    unresolved_speaker: float = 0.5
    min_confidence: float = 0.2
    # A statement loses half its weight for each this many days it is older than the
    # question's newest evidence (the situation moves); 0 switches recency off.
    recency_half_life_days: float = 30.0

    def as_dict(self) -> dict[str, float]:
        return {f"evidence.{k}": getattr(self, k) for k in self.__dataclass_fields__}


def _interest(
    side: str | None,
    favours: str | None,
    label: StanceLabel,
    sides_in_play: set[str],
    p: EvidenceParams,
) -> float:
    if side is None:
        return 1.0
    if favours is None:
        return p.modest_claim if side in sides_in_play and label == StanceLabel.SUPPORTS else 1.0
    serves = (favours == side) == (label == StanceLabel.SUPPORTS)
    return p.serves_side if serves else p.against_interest


_TIMEX_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_TIMEX_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_TIMEX_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def timex_day(value: str | None) -> date | None:
    """The first day a TIMEX3-style value covers ("2025-03-11", "2025-W09" gives its
    Monday, "2025-03" its first day); None for anything vaguer."""
    if not value:
        return None
    try:
        if m := _TIMEX_DAY.match(value):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _TIMEX_WEEK.match(value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m := _TIMEX_MONTH.match(value):
            return date(int(m[1]), int(m[2]), 1)
    except ValueError:
        return None
    return None


def _recency(
    when: dict[str, date | None], question_claims: list[str], half_life: float
) -> dict[str, float]:
    """Claim id -> 0.5 ** (days older than the question's newest dated claim / half-life),
    for the dated claims that are older; undated claims keep their weight."""
    dated = {c: d for c in question_claims if (d := when.get(c)) is not None}
    if half_life <= 0 or not dated:
        return {}
    newest = max(dated.values())
    return {c: 0.5 ** ((newest - d).days / half_life) for c, d in dated.items() if d < newest}


def build_evidence(
    link: LinkResult,
    claims: list[Claim],
    statements: list[Statement],
    params: EvidenceParams,
    published_on: Mapping[str, date | None] | None = None,
) -> tuple[list[Evidence], list[EvidenceRow]]:
    """Evidence records and the matching model rows, in the same order. ``published_on``
    (document id -> publication date) dates the claims whose statement has no date of
    its own, for the recency factor."""
    claim_by_id = {c.id: c for c in claims}
    statement_by_id = {s.id: s for s in statements}
    actor_by_id = {a.id: a for a in link.actors.actors}
    groups = UnionFind()
    for dep in link.dependences:
        groups.union(dep.claim_id, dep.depends_on)

    def source_of(claim: Claim) -> tuple[str, float]:
        st = statement_by_id.get(claim.statement_id or "")
        if st is not None and st.id in link.actors.by_statement:
            return link.actors.by_statement[st.id], 1.0
        outlet = link.actors.by_document[claim.document_id]
        return outlet, (params.unresolved_speaker if st is not None else 1.0)

    when: dict[str, date | None] = {}
    for claim in claims:
        st = statement_by_id.get(claim.statement_id or "")
        said = timex_day(st.said_at) if st is not None else None
        when[claim.id] = said or (published_on or {}).get(claim.document_id)
    evidence: list[Evidence] = []
    for question in link.questions:
        recency = _recency(
            when,
            [s.claim_id for s in link.stances if s.question_id == question.id],
            params.recency_half_life_days,
        )
        favours = {h.id: h.favours for h in question.hypotheses}
        sides_in_play = {f for f in favours.values() if f}
        cells: dict[tuple[str, str, StanceLabel], list[tuple[str, float, dict[str, float]]]] = (
            defaultdict(list)
        )
        for stance in link.stances:
            if stance.question_id != question.id or stance.label == StanceLabel.UNRELATED:
                continue
            if stance.confidence < params.min_confidence:
                continue
            claim = claim_by_id[stance.claim_id]
            source, resolved = source_of(claim)
            st = statement_by_id.get(claim.statement_id or "")
            factors = {"stance": stance.confidence}
            if claim.modality == Modality.HEDGED:
                factors["hedging"] = params.hedging
            if claim.modality == Modality.PREDICTED:
                factors["prediction"] = params.prediction
            if st is not None and st.via:
                factors["relay"] = params.relay
            if resolved != 1.0:
                factors["unresolved"] = resolved
            if claim.id in recency:
                factors["recency"] = recency[claim.id]
            cells[(source, stance.hypothesis_id, stance.label)].append(
                (claim.id, math.prod(factors.values()), factors)
            )
        rows = []
        for (source, hyp, label), items in sorted(cells.items()):
            _, _, factors = max(items, key=lambda item: (item[1], item[0]))
            side = actor_by_id[source].side if source in actor_by_id else None
            factors = dict(factors)
            factors["interest"] = _interest(side, favours[hyp], label, sides_in_play, params)
            rows.append((source, hyp, label, tuple(sorted(i[0] for i in items)), factors))
        evidence.extend(_with_independence(question, rows, groups))
        published = {
            (link.actors.by_document[claim_by_id[s.claim_id].document_id], s.hypothesis_id)
            for s in link.stances
            if s.question_id == question.id
            and s.label == StanceLabel.SUPPORTS
            and s.confidence >= params.min_confidence
        }
        evidence.extend(_absences(question, rows, link, claims, published))
    model_rows = [
        EvidenceRow(e.question_id, e.source_id, e.hypothesis_id, e.label, e.weight, e.absent)
        for e in evidence
    ]
    return evidence, model_rows


def _with_independence(
    question: Question,
    rows: list[tuple[str, str, StanceLabel, tuple[str, ...], dict[str, float]]],
    groups: UnionFind,
) -> list[Evidence]:
    members: dict[tuple[str, StanceLabel, str], set[str]] = defaultdict(set)
    row_roots = []
    for _source, hyp, label, claim_ids, _ in rows:
        roots = {groups.find(c) for c in claim_ids}
        root = min(roots)
        for other in roots:
            groups.union(root, other)
        row_roots.append((hyp, label, root))
    for (source, *_), (hyp, label, root) in zip(rows, row_roots, strict=True):
        members[(hyp, label, groups.find(root))].add(source)
    out = []
    for (source, hyp, label, claim_ids, factors), (_, _, root) in zip(rows, row_roots, strict=True):
        factors = dict(factors)
        factors["independence"] = 1.0 / len(members[(hyp, label, groups.find(root))])
        out.append(
            Evidence(
                id=stable_id("evidence", question.id, source, hyp, label),
                question_id=question.id,
                source_id=source,
                hypothesis_id=hyp,
                label=label,
                claim_ids=claim_ids,
                weight=round(math.prod(factors.values()), 6),
                factors={k: round(v, 4) for k, v in factors.items()},
            )
        )
    return out


def _absences(
    question: Question,
    rows: list[tuple[str, str, StanceLabel, tuple[str, ...], dict[str, float]]],
    link: LinkResult,
    claims: list[Claim],
    published: set[tuple[str, str]],
) -> list[Evidence]:
    """Sources on a hypothesis's side that spoke in the corpus but never asserted it.

    An outlet that published someone else's assertion of it (``published``) is not silent."""
    spoke = set(link.actors.by_statement.values()) | {
        link.actors.by_document[c.document_id] for c in claims
    }
    asserted = {
        (source, hyp) for source, hyp, label, _, _ in rows if label == StanceLabel.SUPPORTS
    } | published
    out = []
    for hyp in question.hypotheses:
        if hyp.favours is None:
            continue
        silent = sorted(
            a.id
            for a in link.actors.actors
            if a.side == hyp.favours and a.id in spoke and (a.id, hyp.id) not in asserted
        )
        for source in silent:
            weight = 1.0 / math.sqrt(len(silent))
            out.append(
                Evidence(
                    id=stable_id("absence", question.id, source, hyp.id),
                    question_id=question.id,
                    source_id=source,
                    hypothesis_id=hyp.id,
                    label=StanceLabel.SUPPORTS,
                    claim_ids=(),
                    weight=round(weight, 6),
                    factors={"independence": round(weight, 4)},
                    absent=True,
                )
            )
    return out
