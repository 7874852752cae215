"""The result document: everything a presenter shows, as plain JSON-able data.

Built from the workspace alone, with deterministic ordering and no timestamps, so the
same workspace gives byte-identical JSON and HTML. The schema is documented in the
README ("The result document").
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from fogline import __version__
from fogline.link.speakers_file import apply_speakers, load_speaker_corrections
from fogline.settings import SPEAKERS_FILE
from fogline.store.records_io import (
    load_actors,
    load_claims,
    load_dependences,
    load_documents,
    load_propositions,
    load_sentences,
    load_stances,
    load_statements,
)
from fogline.store.workspace import Workspace


def _rows(ws: Workspace, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return list(ws.conn.execute(sql, params))


def build_result(ws: Workspace, workspace_label: str | None = None) -> dict[str, Any]:
    """The result document for the workspace's current contents."""
    documents = load_documents(ws)
    statements = apply_speakers(
        load_statements(ws), load_speaker_corrections(ws.directory / SPEAKERS_FILE)
    )
    claims = load_claims(ws)
    actors = {a.id: a for a in load_actors(ws)}
    speaker_of = dict(_rows(ws, "SELECT statement_id, actor_id FROM statement_actors"))
    sentences = defaultdict(list)
    for s in load_sentences(ws):
        sentences[s.document_id].append(
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text}
        )
    n_statements: dict[str, int] = defaultdict(int)
    for st in statements:
        n_statements[st.document_id] += 1
    proposition_of = {}
    propositions = []
    stored_propositions = load_propositions(ws)
    for prop in stored_propositions:
        for claim_id in prop.claim_ids:
            proposition_of[claim_id] = prop.id
    claim_source: dict[str, str | None] = {}
    outlet_of = dict(_rows(ws, "SELECT document_id, actor_id FROM document_actors"))
    for c in claims:
        claim_source[c.id] = speaker_of.get(c.statement_id or "") or outlet_of.get(c.document_id)
    for p in stored_propositions:
        propositions.append(
            {
                "id": p.id,
                "text": p.text,
                "claims": list(p.claim_ids),
                "n_sources": len({claim_source.get(c) for c in p.claim_ids}),
            }
        )
    statement_counts: dict[str, int] = defaultdict(int)
    for actor_id in speaker_of.values():
        statement_counts[actor_id] += 1
    for actor_id in outlet_of.values():
        statement_counts.setdefault(actor_id, 0)
    reliability = {r[0]: r[1:] for r in _rows(ws, "SELECT * FROM reliability")}
    depends_on = _source_dependences(ws, claim_source)
    targets: dict[str, list[str]] = defaultdict(list)
    for a_id, b_id in sorted(depends_on):
        targets[a_id].append(b_id)
    questions = _questions(ws, actors)
    params = json.loads(ws.get_meta("params") or "{}")
    problems = _rows(ws, "SELECT path, reason FROM problems ORDER BY path")
    return {
        "fogline_version": __version__,
        "workspace": workspace_label,
        "params": params,
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "outlet": d.outlet,
                "author": d.author,
                "published_at": d.published_at.isoformat() if d.published_at else None,
                "url": d.url,
                "path": d.path,
                "language": d.language,
                "n_statements": n_statements[d.id],
                "sentences": sentences[d.id],
            }
            for d in documents
        ],
        "statements": [
            {
                "id": st.id,
                "document": st.document_id,
                "sentence_index": st.sentence_index,
                "speaker": st.speaker,
                "actor": speaker_of.get(st.id),
                "actor_name": actors[speaker_of[st.id]].name if st.id in speaker_of else None,
                "resolution": st.resolution,
                "cue": st.cue,
                "content": st.content,
                "direct": st.direct,
                "mixed": st.mixed,
                "venue": st.venue,
                "addressee": st.addressee,
                "said_at": st.said_at,
                "said_at_text": st.said_at_text,
                "event_at": st.event_at,
                "event_at_text": st.event_at_text,
                "via": st.via,
                "echoes": st.echoes,
                "hedges": list(st.hedges),
            }
            for st in statements
        ],
        "claims": [
            {
                "id": c.id,
                "document": c.document_id,
                "statement": c.statement_id,
                "text": c.text,
                "modality": c.modality.value,
                "hedges": list(c.hedges),
                "loaded": list(c.loaded),
                "check_worthiness": c.check_worthiness,
                "proposition": proposition_of.get(c.id),
            }
            for c in claims
        ],
        "propositions": propositions,
        "questions": questions,
        "hypotheses": [
            {k: h[k] for k in ("id", "text", "probability", "interval", "favours")}
            | {"question": q["id"]}
            for q in questions
            for h in q["hypotheses"]
        ],
        "sources": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind.value,
                "anonymous": a.anonymous,
                "side": a.side,
                "grade": a.grade,
                "reliability": reliability[a.id][0] if a.id in reliability else None,
                "reliability_interval": list(reliability[a.id][1:3])
                if a.id in reliability
                else None,
                "independence": reliability[a.id][3] if a.id in reliability else 1.0,
                "depends_on": targets.get(a.id, []),
                "n_statements": statement_counts.get(a.id, 0),
                "aliases": list(a.aliases),
            }
            for a in sorted(actors.values(), key=lambda a: a.name.lower())
        ],
        "source_dependences": [
            {"source": a, "depends_on": b, "kinds": dict(sorted(kinds.items()))}
            for (a, b), kinds in sorted(depends_on.items())
        ],
        "dependences": [
            {
                "claim": d.claim_id,
                "depends_on": d.depends_on,
                "kind": d.kind.value,
                "score": d.score,
            }
            for d in load_dependences(ws)
        ],
        "stances": [
            {
                "claim": s.claim_id,
                "question": s.question_id,
                "hypothesis": s.hypothesis_id,
                "label": s.label.value,
                "confidence": s.confidence,
            }
            for s in load_stances(ws)
        ],
        "skipped": [{"path": p, "reason": r} for p, r in problems],
    }


def _source_dependences(
    ws: Workspace, claim_source: dict[str, str | None]
) -> dict[tuple[str, str], dict[str, int]]:
    """(source, the source it depends on) -> how many of its claims depend, by kind."""
    out: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = _rows(ws, "SELECT claim_id, depends_on, kind FROM dependences")
    for claim, origin, kind in rows:
        a, b = claim_source.get(claim), claim_source.get(origin)
        if a and b and a != b:
            out[(a, b)][kind] += 1
    return out


def _questions(ws: Workspace, actors: dict[str, Any]) -> list[dict[str, Any]]:
    posteriors: dict[str, dict[str, tuple[Any, ...]]] = defaultdict(dict)
    for q, h, p, low, high, _, majority, votes in _rows(ws, "SELECT * FROM posteriors"):
        posteriors[q][h] = (p, low, high, bool(majority), votes)
    contributions: dict[str, dict[str, float]] = defaultdict(dict)
    for e, h, v in _rows(ws, "SELECT * FROM contributions"):
        contributions[e][h] = round(v, 6)
    evidence = defaultdict(list)
    for row in _rows(
        ws,
        "SELECT id, question_id, source_id, hypothesis_id, label, claim_ids, "
        "weight, factors, absent FROM evidence ORDER BY rowid",
    ):
        e_id, q, source, h, label, claim_ids, weight, factors, absent = row
        evidence[q].append(
            {
                "id": e_id,
                "source": source,
                "source_name": actors[source].name if source in actors else source,
                "hypothesis": h,
                "label": label,
                "absent": bool(absent),
                "weight": weight,
                "factors": json.loads(factors),
                "claims": json.loads(claim_ids),
                "contributions": contributions.get(e_id, {}),
            }
        )
    out = []
    questions = _rows(ws, "SELECT id, text, derived, about FROM questions ORDER BY id")
    for q_id, text, derived, about in questions:
        hyps = []
        majority = None
        for h_id, h_text, favours, phrasings in _rows(
            ws,
            "SELECT id, text, favours, phrasings FROM hypotheses WHERE question_id = ? "
            "ORDER BY position",
            (q_id,),
        ):
            p, low, high, is_majority, votes = posteriors[q_id].get(
                h_id, (None, None, None, False, 0)
            )
            if is_majority:
                majority = h_id
            hyps.append(
                {
                    "id": h_id,
                    "text": h_text,
                    "favours": favours,
                    "phrasings": json.loads(phrasings),
                    "probability": None if p is None else round(p, 6),
                    "interval": None if p is None else [round(low, 6), round(high, 6)],
                    "majority_votes": votes,
                }
            )
        total_votes = sum(h["majority_votes"] for h in hyps)
        for h in hyps:
            h["majority_vote_share"] = (
                round(h["majority_votes"] / total_votes, 6) if (total_votes) else None
            )
        for ev in evidence[q_id]:
            ev["contributions"] = {h["id"]: ev["contributions"].get(h["id"], 0.0) for h in hyps}
        ranked = sorted(
            evidence[q_id],
            key=lambda e: -max((abs(v) for v in e["contributions"].values()), default=0.0),
        )
        out.append(
            {
                "id": q_id,
                "text": text,
                "derived": bool(derived),
                "about": json.loads(about),
                "hypotheses": hyps,
                "majority_vote": majority,
                "evidence": ranked,
            }
        )
    return out
