"""Speaker spans from the parse: what stands before a break ahead of the name is left out."""

from __future__ import annotations

from typing import Any

from fogline.analyze.parse_spans import after_break, span_text


def _subject(doc: Any) -> Any:
    return next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "say")


def test_a_dateline_before_a_dash_is_cut(nlp: Any) -> None:
    doc = nlp("RENO, Nev. (AP) \u2014 Republican hopeful Donald Trump says the league is soft.")
    head = _subject(doc)
    tokens = after_break(list(head.subtree), head)
    assert span_text(doc, (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))) == (
        "Republican hopeful Donald Trump"
    )


def test_a_list_keeps_its_commas(nlp: Any) -> None:
    doc = nlp("Voters in Alabama, Georgia and Virginia said they felt betrayed.")
    head = _subject(doc)
    tokens = list(head.subtree)
    assert after_break(tokens, head) == tokens
