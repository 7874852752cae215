"""Attribution cues learned from PolNeAR's train split, for what the hand rules miss.

A token the cue classifier of ``attribution_cue_model`` accepts ("Republicans wanted
something", "Muslim advocates hailed the nomination", "Trump's claim that C") is read with
a generic frame: the subject (or a noun's owner) is the source and the complements to the
right are the content. Nothing is found without a speaker.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from fogline.analyze.attribution_cue_model import load_cue_model
from fogline.analyze.parse_spans import Span, span, speaker_head, strip_mark, subject_of

# Complements that carry what was said, wanted or held ("wants to run", "backed the bill",
# "called for a ban", "seemed stable").
_CONTENT_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "prep", "dative", "oprd", "attr", "acomp", "parataxis"}
)
# Prepositions that belong to the cue ("referred to X", "called for X", "pointed to X").
_CUE_PREPS = frozenset({"to", "for", "about", "on", "of", "with", "at", "against", "into", "over"})


class LearnedFrame(NamedTuple):
    """A generic attribution: the speaker's head token, the cue span, the content span."""

    speaker: Any  # None: an attribution without a source ("X is expected to C")
    cue: Span
    content: Span
    clausal: bool = False  # the content is a clause with its own subject: reported speech
    # Where the content came from: the complement's dependency ("ccomp", "xcomp", "dobj",
    # "oprd", ...), "prep-cue" ("called for X"), "agent" ("was reported by X"),
    # "sourceless" ("X is expected to C"), "noun" ("Trump's claim that C"); an adjective
    # cue's kind is prefixed "adj-".
    kind: str = ""


def _is_time(prep: Any) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree)


def is_learned_cue(tok: Any, in_quote: bool = False) -> bool:
    """Whether the shipped cue classifier reads ``tok`` as an attribution cue."""
    model = load_cue_model()
    return model is not None and model.is_cue(tok, in_quote)


def cue_probability(tok: Any, in_quote: bool = False) -> float:
    """The shipped cue classifier's probability that ``tok`` heads a cue (0.0 without it)."""
    model = load_cue_model()
    return model.probability(tok, in_quote) if model is not None else 0.0


def learned_frame(cue: Any) -> LearnedFrame | None:
    """The generic frame of a learned cue: a verb's subject and its complements to the right
    ("advocates hailed the nomination"), an adjective's subject through its copula ("X is
    confident that C"), a noun's owner and its complement ("Trump's claim that C"); None
    without a speaker or a content."""
    if cue.pos_ == "NOUN":
        return _noun_frame(cue)
    passive = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and cue.pos_ == "VERB":
        return _passive_frame(cue, passive)
    if is_asked(cue):
        return _asked_frame(cue)
    subject = subject_of(cue)
    if subject is None and cue.pos_ == "ADJ" and cue.dep_ in ("acomp", "amod", "attr"):
        subject = subject_of(cue.head)
    if subject is None or subject.i > cue.i or subject.pos_ in ("DET",):
        return None
    if cue.pos_ == "VERB" and cue.lemma_.lower() in RAISING_VERBS:
        return _raising_frame(cue, subject)
    cue_tokens = [cue]
    content_tokens: list[Any] = []
    clausal = False
    kind = ""
    for child in cue.rights:
        if child.dep_ == "prt":
            cue_tokens.append(child)
        elif child.dep_ == "prep" and _is_time(child):
            continue
        elif (
            child.dep_ == "advcl"
            and not content_tokens
            and (mark := _for_clause(child)) is not None
        ):
            cue_tokens.append(mark)  # "called for X to do Y", parsed as a "for" clause
            content_tokens.extend(t for t in child.subtree if t.i != mark.i)
            kind = kind or "for-clause"
        elif child.dep_ == "prep" and child.lower_ in _CUE_PREPS and not content_tokens:
            pobj = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                cue_tokens.append(child)
                content_tokens.extend(t for g in pobj for t in g.subtree)
                kind = kind or "prep-cue"
        elif child.dep_ in _CONTENT_DEPS:
            if child.dep_ == "ccomp":
                clausal = clausal or (not content_tokens and is_clause(child))
                content_tokens.extend(strip_mark(child))
            else:
                content_tokens.extend(child.subtree)
            kind = kind or child.dep_
    prefix = "adj-" if cue.pos_ == "ADJ" else ""
    return _frame(subject, cue_tokens, content_tokens, clausal, prefix + kind)


def is_asked(cue: Any) -> bool:
    """ "Asked whether C, ..." / "when asked about C": a participle without a subject."""
    return bool(
        cue.tag_ == "VBN"
        and cue.dep_ == "advcl"
        and cue.lemma_.lower() == "ask"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    )


def _asked_frame(cue: Any) -> LearnedFrame | None:
    """``Asked whether C, X said D`` / ``when asked about C``: the question is put by no
    one named (PolNeAR marks it without a source: 52 of 65 such participles on 4/5 of its
    train split); the content is the question or what it was about. The speech rules
    leave it alone, so the answer keeps its own content (train fold: attribution F1 .7842 ->
    .7846)."""
    for child in cue.rights:
        if child.dep_ == "ccomp" or (
            child.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children)
        ):
            content = span(strip_mark(child))
            cue_span = span([cue])
        elif child.dep_ == "prep" and child.lower_ == "about":
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if not objects:
                continue
            content = span([t for g in objects for t in g.subtree])
            cue_span = span([cue, child])
        else:
            continue
        if content[1] <= content[0]:
            return None
        return LearnedFrame(None, cue_span, content, False, "sourceless")
    return None


def _for_clause(clause: Any) -> Any | None:
    """The "for" opening an infinitive clause with a subject ("for X to do Y"), or None.
    Read as "called for C" (train fold: attribution / source / cue F1 .7822 / .7134 / .5753
    -> .7837 / .7155 / .5787)."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)
    if mark is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    return mark


def _passive_frame(cue: Any, passive: Any) -> LearnedFrame | None:
    """``C was reported by X`` (X the source, "was reported by" the cue) and, without an
    agent, ``X is expected to C`` (no source; the content runs around the cue) and ``X
    was asked about C`` (no source; measured on the train fold: attribution F1 .7792 ->
    .7807); a pronoun subject stays in the content ("She is expected to C", "voters who
    are expected to C"; .7846 -> .7853)."""
    agent = next((c for c in cue.rights if c.dep_ == "agent"), None)
    by_whom = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    if agent is not None and by_whom is not None:
        return _frame(by_whom, [cue, agent], list(passive.subtree), False, "agent")
    rest = [c for c in cue.rights if c.dep_ in ("xcomp", "ccomp", "oprd")]
    if not rest:
        about = next(
            (
                c
                for c in cue.rights
                if c.dep_ == "prep" and c.lower_ in _CUE_PREPS and not _is_time(c)
            ),
            None,
        )
        objects = [g for g in about.children if g.dep_ in ("pobj", "pcomp")] if about else []
        if objects:  # "Trump was asked about the dispute": the asker is not given
            content = span([t for g in objects for t in g.subtree])
            return LearnedFrame(None, span([cue, about]), content, False, "sourceless")
    if not rest:
        return None
    tokens = [*passive.subtree, *(t for c in rest for t in c.subtree)]
    content = span(tokens)
    if content[1] <= content[0]:
        return None
    return LearnedFrame(None, span([cue]), content, False, "sourceless")


# "X seems to C" / "X appears C": how things look to the writer, not X's own view. PolNeAR
# marks them without a source (train fold: seem 79% of 108, appear 83% of 81, sound 54%
# of 13); the subject is part of the content.
RAISING_VERBS = frozenset({"seem", "appear", "sound"})


def _raising_frame(cue: Any, subject: Any) -> LearnedFrame | None:
    rest = [c for c in cue.rights if c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd")]
    if not rest:
        return None
    content = span([*subject.subtree, *(t for c in rest for t in c.subtree)])
    if content[1] <= content[0]:
        return None
    return LearnedFrame(None, span([cue]), content, False, "sourceless")


def _noun_frame(cue: Any) -> LearnedFrame | None:
    """``Trump's claim that C`` / ``the decision by X to C``: the noun's owner speaks; with
    no owner, ``questions about C`` has no source (train fold: attribution F1 .7814 ->
    .7822)."""
    owner = next((c for c in cue.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next(
            (c for c in cue.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"),
            None,
        )
    by = next((c for c in cue.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
    if owner is None and by is not None:
        owner = next((g for g in by.children if g.dep_ == "pobj"), None)
    cue_tokens = [cue]
    content_tokens: list[Any] = []
    clausal = False
    for child in cue.rights:
        if by is not None and child.i == by.i:
            continue
        if child.dep_ in ("acl", "ccomp") and child.pos_ in ("VERB", "AUX"):
            clausal = is_clause(child)
            content_tokens.extend(strip_mark(child))
        elif child.dep_ == "prep" and child.lower_ in _CUE_PREPS and not content_tokens:
            pobj = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                cue_tokens.append(child)
                content_tokens.extend(t for g in pobj for t in g.subtree)
        if content_tokens:
            break
    if owner is None:  # "questions about C": nobody is named as asking
        content = span(content_tokens) if content_tokens else (0, 0)
        if content[1] <= content[0] or len(cue_tokens) < 2:
            return None
        return LearnedFrame(None, span(cue_tokens), content, False, "sourceless")
    return _frame(owner, cue_tokens, content_tokens, clausal, "noun")


def _frame(
    subject: Any, cue_tokens: list[Any], content_tokens: list[Any], clausal: bool, kind: str
) -> LearnedFrame | None:
    if not content_tokens:
        return None
    content = span(content_tokens)
    head = speaker_head(subject)
    if content[1] <= content[0] or content[0] <= head.idx < content[1]:
        return None
    return LearnedFrame(head, span(cue_tokens), content, clausal, kind)


def is_clause(tok: Any) -> bool:
    """A complement with a verb and a subject of its own, not a noun phrase misparsed."""
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in tok.children
    )
