"""Which claims repeat, cite or copy which: the edges that keep an echo from counting
as a second witness.

- near-duplicate: claims in different documents sharing most of their word 4-grams
  (Jaccard at least ``threshold``); the later-published one depends on the earlier.
  Candidate pairs come from an inverted index of 4-grams, so the cost follows the number
  of shared 4-grams, not the square of the number of claims.
- echo: a statement whose cue is "echoed" (or "repeated", "reiterated") and that names
  whose words it echoes ("echoed Marren's assessment") depends on that actor's claims.
- citation: a later report of the same speaker's same statement (a third of its content
  words shared) depends on the earliest report of it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from fogline.analyze.lexicon import ECHO_VERBS
from fogline.link.actors import name_key
from fogline.records import Claim, Dependence, DependenceKind, Statement

_N = 4


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + _N]) for i in range(max(0, len(words) - _N + 1))}


def near_duplicates(
    claims: list[Claim], published: dict[str, date | None], threshold: float
) -> list[Dependence]:
    """Near-duplicate edges between claims of different documents."""
    shingles = [_shingles(c.text) for c in claims]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, grams in enumerate(shingles):
        for gram in grams:
            index[gram].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for postings in index.values():
        if len(postings) > 200:  # a 4-gram this common is boilerplate, not copying
            continue
        for a_pos, a in enumerate(postings):
            for b in postings[a_pos + 1 :]:
                if claims[a].document_id != claims[b].document_id:
                    shared[(a, b)] += 1
    edges = []
    for (a, b), count in sorted(shared.items()):
        union = len(shingles[a]) + len(shingles[b]) - count
        score = count / union if union else 0.0
        if score < threshold:
            continue
        first, later = sorted((a, b), key=lambda i: _order(claims[i], published))
        edges.append(
            Dependence(
                claims[later].id, claims[first].id, DependenceKind.NEAR_DUPLICATE, round(score, 4)
            )
        )
    return edges


def _order(claim: Claim, published: dict[str, date | None]) -> tuple[str, str]:
    when = published.get(claim.document_id)
    return (when.isoformat() if when else "9999", claim.document_id)


def explicit_dependences(
    statements: list[Statement],
    claims: list[Claim],
    speaker_of: dict[str, str],
    resolve_name: dict[str, str],
    published: dict[str, date | None] | None = None,
) -> list[Dependence]:
    """Echo and citation edges. ``resolve_name`` maps a name key to an actor id."""
    published = published or {}
    echo_statements = {s.id for s in statements if s.echoes}
    claims_by_actor: dict[str, list[Claim]] = defaultdict(list)
    claim_of_statement = {c.statement_id: c for c in claims if c.statement_id}
    for st in statements:
        actor = speaker_of.get(st.id)
        if actor and st.id in claim_of_statement:
            claims_by_actor[actor].append(claim_of_statement[st.id])
    for same_speaker in claims_by_actor.values():
        same_speaker.sort(key=lambda c: _order(c, published))
    words_of = {c.id: _words(c.text) for c in claims}
    edges = []
    for st in statements:
        claim = claim_of_statement.get(st.id)
        if claim is None:
            continue
        cue = st.cue.lower()
        if st.echoes and any(cue.startswith(v[:4]) for v in ECHO_VERBS):
            target = resolve_name.get(name_key(st.echoes))
            for other in claims_by_actor.get(target or "", []):
                if other.id != claim.id and other.statement_id not in echo_statements:
                    edges.append(Dependence(claim.id, other.id, DependenceKind.ECHO))
        actor = speaker_of.get(st.id)
        origin = _first_report(claim, claims_by_actor.get(actor or "", []), published, words_of)
        if origin is not None:
            edges.append(Dependence(claim.id, origin[0].id, DependenceKind.CITATION, origin[1]))
    return edges


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3}


def _first_report(
    claim: Claim,
    same_speaker: list[Claim],
    published: dict[str, date | None],
    words_of: dict[str, set[str]],
) -> tuple[Claim, float] | None:
    """The earliest report, in another document, of what looks like the same statement by
    the same speaker (a third of the content words shared): the later report cites it.

    ``same_speaker`` is in publication order; ``words_of`` holds each claim's content words.
    """
    words = words_of[claim.id]
    for other in same_speaker:
        if other.document_id == claim.document_id:
            continue
        if _order(other, published) >= _order(claim, published):
            break
        other_words = words_of[other.id]
        score = len(words & other_words) / max(1, len(words | other_words))
        if score >= 1 / 3:
            return other, round(score, 4)
    return None
