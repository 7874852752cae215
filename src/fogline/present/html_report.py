"""The self-contained HTML report: one file an analyst can open offline and mail.

The page makes no network request of any kind: CSS is inline, there is no script, no font
and no image, the favicon is ``data:``, document URLs are shown as text (never as links), and
a Content-Security-Policy meta tag forbids every fetch even if some text slipped through.
All report text is escaped by Jinja2's autoescape and nothing is marked safe. The same result
renders to byte-identical HTML.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from fogline.present import numbers
from fogline.present.atomic import write_text_atomic
from fogline.present.graph import dependence_graph
from fogline.present.index import (
    ResultIndex,
    Target,
    anchor,
    evidence_claims,
    rows,
    source_kind,
    text,
)
from fogline.present.timeline import timeline

TEMPLATE = "report.html.j2"
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
# Served by `fogline serve`, the page's own forms may post back to it (and nowhere else).
SERVED_CSP = CSP.replace("form-action 'none'", "form-action 'self'")
_LLR_SATURATION = 1.0  # |contribution| at which a matrix cell reaches full colour


@functools.cache
def _template() -> jinja2.Template:
    source = resources.files("fogline.present").joinpath("templates", TEMPLATE)
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.from_string(source.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Controls:
    """The forms of the served page: the server's token, what the last change did
    (``failed`` when it was refused), whether the shown result is up to date, and the
    sources whose grade the analyst may correct."""

    token: str
    message: str = ""
    failed: bool = False
    assessed: bool = True
    sources: tuple[str, ...] = ()  # names a grade can be given to


def render_html(result: Mapping[str, Any], controls: Controls | None = None) -> str:
    """The report for ``result`` (a result document, see RESULT_SCHEMA.md) as an HTML string;
    with ``controls``, the page ``fogline serve`` shows."""
    csp = CSP if controls is None else SERVED_CSP
    return _template().render(report=_view(result), csp=csp, controls=controls)


def write_html(result: Mapping[str, Any], path: Path) -> None:
    """Write the report to ``path`` atomically (UTF-8). Raises InputError if it cannot."""
    write_text_atomic(Path(path), render_html(result))


def _cell_style(value: Any) -> str:
    """Background for a matrix cell: green for positive, red for negative, alpha by size."""
    number = numbers.as_float(value)
    if number is None or number == 0:
        return ""
    alpha = 0.08 + 0.62 * min(1.0, abs(number) / _LLR_SATURATION)
    rgb = "22, 163, 74" if number > 0 else "220, 38, 38"
    return f"background-color: rgba({rgb}, {alpha:.2f})"


def _link(target: Target | None) -> dict[str, str] | None:
    return None if target is None else {"href": "#" + target.anchor, "label": target.label}


def _time(value: Any, said_as: Any) -> dict[str, str]:
    return {"value": text(value), "text": text(said_as)}


def _hypotheses(question: Mapping[str, Any]) -> list[dict[str, Any]]:
    majority = question.get("majority_vote")
    out = []
    for h in rows(question, "hypotheses"):
        interval = numbers.as_pair(h.get("interval"))
        low, high = (numbers.unit(interval[0]), numbers.unit(interval[1])) if interval else (0, 0)
        out.append(
            {
                "id": text(h.get("id")),
                "text": text(h.get("text")) or text(h.get("id")),
                "favours": text(h.get("favours")),
                "probability": numbers.percent(h.get("probability")),
                "interval": numbers.percent_interval(h.get("interval")),
                "bar": f"width: {numbers.unit(h.get('probability')) * 100:.1f}%",
                "band": f"left: {low * 100:.1f}%; width: {max(0.0, high - low) * 100:.1f}%"
                if interval
                else "",
                "mv_share": numbers.percent(h.get("majority_vote_share")),
                "is_mv": h.get("id") is not None and h.get("id") == majority,
                "p": numbers.as_float(h.get("probability")),
            }
        )
    return out


def _strength(evidence: Mapping[str, Any]) -> float:
    contributions = evidence.get("contributions")
    values = contributions.values() if isinstance(contributions, Mapping) else []
    return max((abs(v) for v in map(numbers.as_float, values) if v is not None), default=0.0)


def _question(
    index: ResultIndex, result: Mapping[str, Any], question: Mapping[str, Any]
) -> dict[str, Any]:
    hyps = _hypotheses(question)
    hyp_text = {h["id"]: h["text"] for h in hyps}
    ranked = [h for h in hyps if h["p"] is not None]
    leader = max(ranked, key=lambda h: h["p"]) if ranked else None
    majority = text(question.get("majority_vote"))
    evidence = sorted(
        enumerate(rows(question, "evidence")), key=lambda pair: (-_strength(pair[1]), pair[0])
    )
    matrix, totals = [], dict.fromkeys(hyp_text, 0.0)
    for _, ev in evidence:
        contributions = ev.get("contributions")
        contributions = contributions if isinstance(contributions, Mapping) else {}
        cells = []
        for hyp_id in hyp_text:
            value = contributions.get(hyp_id)
            totals[hyp_id] += numbers.as_float(value) or 0.0
            cells.append({"value": numbers.signed(value), "style": _cell_style(value)})
        factors = ev.get("factors")
        factors = factors if isinstance(factors, Mapping) else {}
        links = [_link(t) for t in index.evidence_targets(ev)]
        source_id = ev.get("source")
        matrix.append(
            {
                "source": index.source_name(source_id, ev.get("source_name")),
                "source_href": "#" + anchor("src", source_id)
                if str(source_id) in index.source_by_id
                else "",
                "label": text(ev.get("label")),
                "absent": bool(ev.get("absent")),
                "hypothesis": hyp_text.get(text(ev.get("hypothesis")))
                or text(ev.get("hypothesis")),
                "weight": numbers.decimal(ev.get("weight")),
                "factors": [(text(k), numbers.decimal(v)) for k, v in factors.items()],
                "cells": cells,
                "links": links,
                "hypothesis_id": text(ev.get("hypothesis")),
                "claims": ",".join(text(c) for c in evidence_claims(ev)),
            }
        )
    return {
        "anchor": anchor("q", question.get("id")),
        "id": text(question.get("id")),
        "text": text(question.get("text")) or text(question.get("id")),
        "derived": bool(question.get("derived")),
        "hypotheses": hyps,
        "columns": list(hyp_text.values()),
        "leader": leader["text"] if leader else "",
        "majority": hyp_text.get(majority, majority),
        "agree": bool(leader and majority and leader["id"] == majority),
        "matrix": matrix,
        "reports": _report_stances(index, result, question, list(hyp_text)),
        "totals": [{"value": numbers.signed(v), "style": _cell_style(v)} for v in totals.values()],
    }


def _report_stances(
    index: ResultIndex,
    result: Mapping[str, Any],
    question: Mapping[str, Any],
    hyp_ids: list[str],
) -> list[dict[str, Any]]:
    """Per report (document) and hypothesis: its most confident stance, how confident,
    how many of its claims take a stance, and a link to the strongest claim."""
    best: dict[tuple[str, str], tuple[float, str, Any]] = {}
    counts: dict[tuple[str, str], int] = {}
    for st in rows(result, "stances"):
        if text(st.get("question")) != text(question.get("id")):
            continue
        claim = index.claim_by_id.get(text(st.get("claim")))
        confidence = numbers.as_float(st.get("confidence"))
        if claim is None or confidence is None or st.get("label") == "unrelated":
            continue
        key = (text(claim.get("document")), text(st.get("hypothesis")))
        counts[key] = counts.get(key, 0) + 1
        if key not in best or confidence > best[key][0]:
            best[key] = (confidence, text(st.get("label")), st.get("claim"))
    out = []
    for d in index.documents:
        doc_id = text(d.get("id"))
        cells = []
        for hyp_id in hyp_ids:
            found = best.get((doc_id, hyp_id))
            cells.append(
                {
                    "label": found[1],
                    "confidence": numbers.decimal(found[0]),
                    "claims": counts[(doc_id, hyp_id)],
                    "link": _link(index.claim_target(found[2])),
                }
                if found
                else None
            )
        if any(cells):
            out.append(
                {
                    "number": f"D{index.doc_number.get(doc_id, '?')}",
                    "href": "#" + anchor("doc", doc_id),
                    "title": text(d.get("title")) or text(d.get("path")) or doc_id,
                    "outlet": text(d.get("outlet")),
                    "cells": cells,
                }
            )
    return out


def _sources(index: ResultIndex) -> list[dict[str, Any]]:
    out = []
    for s in index.sources_list:
        depends = s.get("depends_on")
        out.append(
            {
                "anchor": anchor("src", s.get("id")),
                "name": text(s.get("name")) or text(s.get("id")),
                "kind": source_kind(s),
                "side": text(s.get("side")),
                "grade": text(s.get("grade")),
                "reliability": numbers.decimal(s.get("reliability")),
                "interval": numbers.decimal_interval(s.get("reliability_interval")),
                "independence": numbers.decimal(s.get("independence")),
                "depends_on": [
                    {
                        "name": index.source_name(d),
                        "href": "#" + anchor("src", d) if str(d) in index.source_by_id else "",
                    }
                    for d in (depends if isinstance(depends, list | tuple) else [])
                ],
                "n_statements": text(s.get("n_statements")),
                "aliases": text(s.get("aliases")),
            }
        )
    return out


def _statements(index: ResultIndex) -> list[dict[str, Any]]:
    worth: dict[str, float] = {}
    for c in index.claims_list:
        score = numbers.as_float(c.get("check_worthiness"))
        key = text(c.get("statement"))
        if score is not None and key:
            worth[key] = max(score, worth.get(key, 0.0))
    out = []
    for s in index.statements:
        actor = s.get("actor")
        out.append(
            {
                "anchor": anchor("st", s.get("id")),
                "id": text(s.get("id")),
                "number": f"S{index.statement_number.get(str(s.get('id')), '?')}",
                "speaker": text(s.get("speaker")),
                "actor": text(s.get("actor_name")),
                "actor_href": "#" + anchor("src", actor)
                if str(actor) in index.source_by_id
                else "",
                "resolution": text(s.get("resolution")),
                "cue": text(s.get("cue")),
                "content": text(s.get("content")),
                "direct": "direct"
                if s.get("direct")
                else ("mixed" if s.get("mixed") else "indirect"),
                "venue": text(s.get("venue")),
                "addressee": text(s.get("addressee")),
                "said_at": _time(s.get("said_at"), s.get("said_at_text")),
                "event_at": _time(s.get("event_at"), s.get("event_at_text")),
                "via": text(s.get("via")),
                "hedges": text(s.get("hedges")),
                "worth": numbers.decimal(worth.get(text(s.get("id")))),
                "document": _link(index.document_target(s.get("document"))),
                "sentence": _link(
                    index.sentence_target(s.get("document"), s.get("sentence_index"))
                ),
            }
        )
    return out


def _documents(index: ResultIndex) -> list[dict[str, Any]]:
    said: dict[tuple[str, int], list[dict[str, str]]] = {}
    for s in index.statements:
        sentence_index, link = s.get("sentence_index"), _link(index.statement_target(s.get("id")))
        if isinstance(sentence_index, int) and link is not None:
            said.setdefault((str(s.get("document")), sentence_index), []).append(link)
    out = []
    for d in index.documents:
        doc_id = str(d.get("id"))
        sentences = [
            {
                "anchor": anchor("doc", doc_id, f"s{i}"),
                "text": sentence,
                "said": said.get((doc_id, i), []),
            }
            for i, sentence in sorted(index.sentences.get(doc_id, {}).items())
        ]
        out.append(
            {
                "anchor": anchor("doc", doc_id),
                "number": f"D{index.doc_number.get(doc_id, '?')}",
                "title": text(d.get("title")) or text(d.get("path")) or doc_id,
                "meta": [
                    (label, text(d.get(key)))
                    for label, key in (
                        ("outlet", "outlet"),
                        ("author", "author"),
                        ("published", "published_at"),
                        ("language", "language"),
                        ("path", "path"),
                    )
                    if d.get(key)
                ],
                "url": text(d.get("url")),
                "sentences": sentences,
            }
        )
    return out


def _dependences(index: ResultIndex, result: Mapping[str, Any]) -> list[dict[str, Any]]:
    def claim(claim_id: Any) -> dict[str, Any]:
        return {
            "text": index.claim_quote(claim_id) or text(claim_id),
            "link": _link(index.claim_target(claim_id)),
        }

    return [
        {
            "claim": claim(d.get("claim")),
            "depends_on": claim(d.get("depends_on")),
            "kind": text(d.get("kind")).replace("_", " "),
            "score": numbers.decimal(d.get("score")),
        }
        for d in rows(result, "dependences")
    ]


PROPOSITION_LINKS = 8  # claims linked per proposition; the rest are counted


def _reading_order(index: ResultIndex) -> Callable[[str], tuple[int, int, str]]:
    """Sort key for claim ids: by document, then statement, as the report lists them."""

    def key(claim_id: str) -> tuple[int, int, str]:
        claim = index.claim_by_id.get(claim_id, {})
        return (
            index.doc_number.get(str(claim.get("document")), 0),
            index.statement_number.get(str(claim.get("statement")), 0),
            claim_id,
        )

    return key


def _propositions(index: ResultIndex, result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Propositions voiced by two claims or more, most sources first: the canonical
    wording, how many sources voice it, and links to where its claims are read."""
    out = []
    for p in rows(result, "propositions"):
        claims = [c for c in p.get("claims") or [] if isinstance(c, str)]
        if len(claims) < 2:
            continue
        links = [_link(index.claim_target(c)) for c in sorted(claims, key=_reading_order(index))]
        shown = [link for link in links if link is not None][:PROPOSITION_LINKS]
        n_sources = numbers.as_float(p.get("n_sources"))
        out.append(
            {
                "text": text(p.get("text")),
                "n_sources": int(n_sources) if n_sources is not None else 0,
                "n_claims": len(claims),
                "links": shown,
                "more": len(claims) - len(shown),
            }
        )
    return sorted(out, key=lambda p: (-p["n_sources"], -p["n_claims"], p["text"]))


def _view(result: Mapping[str, Any]) -> dict[str, Any]:
    index = ResultIndex(result)
    params = result.get("params")
    return {
        "version": text(result.get("fogline_version")),
        "counts": [
            (n, noun if n == 1 else plural)
            for n, noun, plural in (
                (len(index.documents), "document", "documents"),
                (len(index.statements), "statement", "statements"),
                (len(index.sources_list), "source", "sources"),
                (len(index.questions), "question", "questions"),
                (len(rows(result, "skipped")), "file skipped", "files skipped"),
            )
            if n or noun != "file skipped"
        ],
        "questions": [_question(index, result, q) for q in index.questions],
        "sources": _sources(index),
        "propositions": _propositions(index, result),
        "statements": _statements(index),
        "timeline": [{**row, "target": _link(row["target"])} for row in timeline(index)],
        "documents": _documents(index),
        "dependences": _dependences(index, result),
        "graph": dependence_graph(result, index),
        "skipped": [
            {"path": text(s.get("path")), "reason": text(s.get("reason"))}
            for s in rows(result, "skipped")
        ],
        "params": [
            (text(k), text(v)) for k, v in (params.items() if isinstance(params, Mapping) else [])
        ],
    }
