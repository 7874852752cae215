"""Claims: the checkable assertions in statements and in the author's own voice.

A first cut: one claim per statement (its content) and one per author sentence that
carries no statement, has a verb and is not a question. Each claim gets a modality
(denied when its verb is negated or its cue is a denial, hedged when a hedge word or a
hedging cue weakens it) and the loaded-language terms it contains.
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


def _modality(tokens: list[Any], hedges: tuple[str, ...], denial: bool) -> Modality:
    if denial != _negated(tokens):
        return Modality.DENIED
    if hedges:
        return Modality.HEDGED
    return Modality.ASSERTED


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
        claims.append(
            Claim(
                id=stable_id(document_id, "claim", st.id),
                document_id=document_id,
                statement_id=st.id,
                text=st.content,
                start=st.content_start,
                end=st.content_end,
                modality=_modality(tokens, st.hedges, denial),
                hedges=st.hedges,
                loaded=_loaded(tokens),
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
        hedges = tuple(sorted({t.lower_ for t in tokens if t.lower_ in HEDGE_WORDS}))
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        claims.append(
            Claim(
                id=stable_id(document_id, "claim", start, start + len(text)),
                document_id=document_id,
                statement_id=None,
                text=text,
                start=start,
                end=start + len(text),
                modality=_modality(tokens, hedges, False),
                hedges=hedges,
                loaded=_loaded(tokens),
            )
        )
    return claims
