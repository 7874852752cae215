"""Where a statement's content ends when it meets another cue or a quotation.

- ``X said C1 and suspected that C2``: a cue coordinated with the clause another cue
  reports is a report of its own, not part of that content (PolNeAR marks such conjuncts
  as attributions of their own, and a report inside another's content only as part of it);
- ``X issued the following statement: "C"``: an object announcing a quotation after a
  colon belongs to the cue, and the quotation is the content.

Measured on a train fold of PolNeAR (cue classifier fitted on 4/5 of its train split,
the bench's pipeline scored on the other 1/5; attribution / source / cue / content F1):
the colon rule .7910 / .7302 / .5868 / .7929 -> .7920 / .7315 / .5884 / .7943; the
conjunct rule then .7923 / .7316 / .5888 / .7937. On a second fold (1/5 scored, the other
4/5 fitted) .7711 / .7180 / .5682 / .7900 -> .7714 / .7188 / .5681 / .7909 -> .7720 /
.7184 / .5688 / .7906: the conjunct rule adds reports (attribution and cue F1) and moves
source and content F1 by less than .001 either way.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fogline.analyze.attribution_frames import Found
from fogline.analyze.parse_spans import Span, span, tokens_between
from fogline.analyze.quotes import quote_at

# (sentence index, sentence, cue token, what was found there), in text order.
Entry = tuple[int, Any, Any, Found]
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_QUOTE_OPENERS = " \n\u201c\"'`"
_MAX_COLON_GAP = 6


def split_conjuncts(doc: Any, entries: list[Entry], quotes: list[Span]) -> list[Entry]:
    """``entries`` with each content that holds a conjunct cue ("and suspected that C2",
    "and others would rather C2") cut before it, so the conjunct stands as its own report;
    a conjunct without a subject of its own takes the outer speaker ("Bob said he heard
    shots and suspected that C2": Bob suspected). A quotation is never cut."""
    cues = [tok for _, _, tok, _ in entries]
    outer_of: dict[int, Found] = {}
    out: list[Entry] = []
    for sent_index, sent, tok, found in entries:
        cut = _conjunct_cut(doc, found, cues, quotes)
        if cut is not None:
            content, conjuncts = cut
            found = replace(found, content=content)
            for other in conjuncts:
                if not any(c.dep_ in _SUBJECTS for c in other.children):
                    outer_of[other.i] = found
        out.append((sent_index, sent, tok, found))
    for k, (sent_index, sent, tok, found) in enumerate(out):
        outer = outer_of.get(tok.i)
        if outer is not None and outer.speaker[1] > outer.speaker[0]:
            found = replace(found, speaker=outer.speaker, speaker_hint=outer.speaker_hint)
            out[k] = (sent_index, sent, tok, found)
    return out


def _conjunct_cue(other: Any, root: Any, ids: set[int]) -> bool:
    return bool(
        other.i in ids and other.dep_ == "conj" and other.head.i == root.i and other.i > root.i
    )


def _conjunct_cut(
    doc: Any, found: Found, cues: list[Any], quotes: list[Span]
) -> tuple[Span, list[Any]] | None:
    """The content of ``found`` ended before the first cue coordinated with its clause,
    and those cues; None when there is none or nothing would be left."""
    start, end = found.content
    if quote_at(quotes, start, end) is not None:
        return None
    inside = tokens_between(doc, start, end)
    ids = {t.i for t in inside}
    root = next((t for t in inside if t.head.i not in ids or t.head.i == t.i), None)
    if root is None:
        return None
    conjuncts = [other for other in cues if _conjunct_cue(other, root, ids)]
    if not conjuncts:
        return None
    first = min(other.left_edge.i for other in conjuncts)
    kept = [t for t in inside if t.i < first]
    while kept and (kept[-1].dep_ == "cc" or kept[-1].is_punct or kept[-1].is_space):
        kept.pop()
    content = span(kept)
    return (content, conjuncts) if content[1] > content[0] else None


def colon_quote(doc: Any, found: Found, quotes: list[Span], text: str) -> Found:
    """``found`` with an object content that a colon and a quotation follow ("issued the
    following statement:", "tweeted the following:") taken into its cue and the quotation
    as its content; unchanged otherwise."""
    if found.content[0] < found.cue[1] or quote_at(quotes, *found.content) is not None:
        return found
    content = tokens_between(doc, *found.content)
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in content):
        return found  # a clause, not an object ("the following statement")
    end = found.content[1]
    for q_start, q_end in quotes:
        if q_start < end:
            continue
        if text[end:q_start].strip(_QUOTE_OPENERS) == ":" and q_start - end <= _MAX_COLON_GAP:
            return replace(found, cue=(found.cue[0], end), content=(q_start, q_end))
        break
    return found
