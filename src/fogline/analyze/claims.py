"""Claims: the checkable assertions in statements and in the author's own voice.

Claims come from each statement's content and from each author sentence that carries no
statement, has a verb and is not a question; a compound one is split into atomic claims
at its coordinated clauses that have their own subject ("troops crossed the river | and
the army holds the bridge", "prices rose | while wages fell"). Each claim gets a modality
(denied when its verb is negated or its cue is a denial, hedged when a hedge word or a
hedging cue weakens it, predicted when its verb is in the future) and the loaded-language
terms it contains.
"""

from __future__ import annotations

from typing import Any

from fogline.analyze.lexicon import DENIAL_VERBS, HEDGE_WORDS, LOADED_WORDS
from fogline.analyze.parse_spans import tokens_between
from fogline.records import Claim, Modality, Statement, stable_id

_MIN_TOKENS = 5


def _negated(tokens: list[Any]) -> bool:
    """True when the main verb of the tokens is negated ("did not", "never", "no evidence")."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    for root in roots:
        verb = root
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if any(
            c.dep_ in ("nsubj", "attr", "dobj") and c.lower_ in ("nothing", "none")
            for c in verb.children
        ):
            return True
        if any(
            c.dep_ == "det"
            and c.lower_ == "no"
            and c.head.dep_ in ("nsubj", "attr", "dobj")
            and c.head.head.i == verb.i
            for c in tokens
        ):
            return True
    return False


def _loaded(tokens: list[Any]) -> tuple[str, ...]:
    return tuple(sorted({t.lower_ for t in tokens if t.lower_ in LOADED_WORDS}))


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


def _predicted(tokens: list[Any]) -> bool:
    """True when the main verb is in the future ("will advance", "is going to fall")."""
    inside = {t.i for t in tokens}
    for root in (t for t in tokens if t.head.i not in inside or t.head.i == t.i):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in root.children):
            return True
        if root.lower_ == "going" and any(c.dep_ == "xcomp" for c in root.children):
            return True
    return False


def _modality(tokens: list[Any], hedges: tuple[str, ...], denial: bool) -> Modality:
    if denial != _negated(tokens):
        return Modality.DENIED
    if hedges:
        return Modality.HEDGED
    if _predicted(tokens):
        return Modality.PREDICTED
    return Modality.ASSERTED


_SPLIT_MARKS = frozenset({"while", "whereas"})
_JOINERS = frozenset({"cc", "punct", "mark"})


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def split_clauses(tokens: list[Any]) -> list[list[Any]]:
    """The tokens cut into atomic clauses: at each clause coordinated with the main verb
    ("and", "but", "while") that has its own subject, joiners dropped. A part shorter than
    four words or without a verb leaves the whole unsplit."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    cuts = []
    for root in roots:
        for child in root.children:
            if child.i not in inside or child.pos_ not in ("VERB", "AUX"):
                continue
            marked = any(c.dep_ == "mark" and c.lower_ in _SPLIT_MARKS for c in child.children)
            if (child.dep_ == "conj" or (child.dep_ == "advcl" and marked)) and _has_subject(child):
                cuts.append(child.left_edge.i)
    if not cuts:
        return [tokens]
    parts: list[list[Any]] = [[]]
    for tok in tokens:
        if tok.i in cuts and parts[-1]:
            parts.append([])
        parts[-1].append(tok)
    trimmed = []
    for part in parts:
        while part and (part[-1].dep_ in _JOINERS or part[-1].is_space):
            part = part[:-1]
        while part and part[0].dep_ in _JOINERS:
            part = part[1:]
        words = [t for t in part if not t.is_punct]
        if len(words) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in part):
            return [tokens]
        trimmed.append(part)
    return trimmed


def _span(tokens: list[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def extract_claims(doc: Any, document_id: str, statements: list[Statement]) -> list[Claim]:
    """Claims of a parsed document, statements' claims first, then the author's, in text order."""
    claims: list[Claim] = []
    covered: set[int] = set()
    for st in statements:
        tokens = list(tokens_between(doc, st.content_start, st.content_end))
        cue_tokens = tokens_between(doc, st.cue_start, st.cue_start + 1)
        covered.add(st.sentence_index)
        denial = st.cue.split()[0].lower() in {
            "denied",
            "denies",
            "deny",
            "denying",
            "dismissed",
            "rejected",
        } or any(t.lemma_.lower() in DENIAL_VERBS for t in cue_tokens)
        parts = split_clauses(tokens) if tokens else [tokens]
        for k, part in enumerate(parts):
            start, end = _span(part) if len(parts) > 1 else (st.content_start, st.content_end)
            claims.append(
                Claim(
                    id=stable_id(document_id, "claim", st.id, *([k] if k else [])),
                    document_id=document_id,
                    statement_id=st.id,
                    text=doc.text[start:end] if len(parts) > 1 else st.content,
                    start=start,
                    end=end,
                    modality=_modality(part, st.hedges, denial),
                    hedges=st.hedges,
                    loaded=_loaded(part),
                )
            )
    for index, sent in enumerate(doc.sents):
        if index in covered:
            continue
        tokens = [t for t in sent if not t.is_space]
        words = [t for t in tokens if not t.is_punct]
        if len(words) < _MIN_TOKENS or sent.text.rstrip().endswith("?"):
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in tokens):
            continue
        parts = split_clauses(tokens)
        for part in parts:
            hedges = tuple(sorted({t.lower_ for t in part if t.lower_ in HEDGE_WORDS}))
            if len(parts) > 1:
                start, end = _span(part)
            else:
                text = sent.text.strip()
                start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                end = start + len(text)
            claims.append(
                Claim(
                    id=stable_id(document_id, "claim", start, end),
                    document_id=document_id,
                    statement_id=None,
                    text=doc.text[start:end],
                    start=start,
                    end=end,
                    modality=_modality(part, hedges, False),
                    hedges=hedges,
                    loaded=_loaded(part),
                )
            )
    return claims
