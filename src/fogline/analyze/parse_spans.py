"""Spans of a spaCy parse that attribution needs: a speaker's name and whole phrase,
the subject of a speech verb, the complement clause a cue reports, clause spans without
their complementiser.

Tokens are compared by index (``tok.i``): spaCy builds a new Token object on each access.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fogline.analyze.lexicon import CUE_VERBS, POSITION_FRAMES, RELATIVE_PRONOUNS

Span = tuple[int, int]
NAME_DEPS = ("compound", "amod", "det", "poss", "case", "nmod", "nummod", "quantmod", "flat")


def span(tokens: Iterable[Any]) -> Span:
    toks = [t for t in tokens if not t.is_space and (not t.is_punct or t.text in "%$")]
    if not toks:
        return (0, 0)
    return (min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks))


def strip_mark(tok: Any) -> list[Any]:
    """A clause's tokens without its leading complementiser ("that") and edge punctuation."""
    return [t for t in tok.subtree if not (t.dep_ == "mark" and t.head.i == tok.i and t.i < tok.i)]


def name_tokens(head: Any) -> list[Any]:
    """The speaker's name phrase: the head with its left modifiers and an "of" phrase."""
    toks = [head]
    for child in head.lefts:
        if child.dep_ in NAME_DEPS:
            toks.extend(child.subtree)
    if head.pos_ != "PROPN":
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                toks.extend(child.subtree)
    return after_break(toks, head)


def after_break(tokens: list[Any], head: Any) -> list[Any]:
    """``tokens`` without what stands before the last break ahead of ``head``: a comma, a
    spaced dash, a colon, a line break or extra spaces ("10:10 a.m.  Jeb Bush", "RENO,
    Nev. (AP) — Donald Trump", "All of a sudden, black voters"): a dateline or an adverbial
    the parser hung on the name, not part of it. A list ("Alabama, Georgia and Ohio") keeps
    its commas; a no-break space is no break. Train fold: source F1 .7177 -> .7188."""
    doc = head.doc
    listed = any(t.dep_ in ("conj", "cc") for t in tokens)  # "Alabama, Georgia and Ohio"
    cut = -1
    for tok in tokens:
        if tok.i >= head.i:
            continue
        spaced = tok.i > 0 and bool(doc[tok.i - 1].whitespace_)
        if (
            (tok.text in _BREAKS and not (listed and tok.text == ","))
            or (tok.text in _DASHES and spaced)
            or (tok.is_space and ("\n" in tok.text or not tok.text.strip(" ")))
        ):
            cut = max(cut, tok.i)
    return [t for t in tokens if t.i > cut] if cut >= 0 else tokens


_BREAKS = frozenset({",", ":", ";"})
_DASHES = frozenset({"-", "--", "\u2014", "\u2013"})


def hint(head: Any, cue: Any) -> Span:
    """The speaker's whole noun phrase with appositives and descriptions, without the clause
    that holds the cue itself, a time phrase, or anything before a break (``after_break``)."""
    dropped: set[int] = set()
    for tok in head.subtree:
        inner = {t.i for t in tok.subtree}
        if (tok.i != head.i and tok.dep_ in ("relcl", "acl", "advcl") and cue.i in inner) or (
            tok.head.i == head.i
            and tok.dep_ in ("prep", "npadvmod")
            and tok.i > head.i
            and any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)
        ):
            dropped |= inner
    tokens = [t for t in head.subtree if t.i not in dropped]
    return span(after_break(tokens, head))


def speaker_head(head: Any) -> Any:
    """Prefer a proper-name apposition ("the chief of staff, General X") as the speaker."""
    if head.pos_ != "PROPN":
        for child in head.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        return antecedent(head.head.head)
    return head


def antecedent(noun: Any) -> Any:
    """Climb from a relative clause's noun to the name it describes: in "General Marren,
    the commander of Norrland's forces, who told ..." the clause may hang off "forces"."""
    node = noun
    for _ in range(6):
        if node.pos_ == "PROPN" and node.dep_ != "poss":
            return node
        if node.dep_ in ("appos", "pobj", "prep", "poss") and node.head.i != node.i:
            node = node.head
        else:
            break
    return noun


def subject_of(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:  # '"C," X said' can parse C's subject as a second subject of "said"
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "bloggers, reported that C" (a participle read as a modifier)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)  # "X defended it by citing C": X cites C
    if verb.dep_ in ("advcl", "conj", "xcomp", "relcl") and verb.head.i != verb.i:
        if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
            return antecedent(verb.head)
        host = verb.head
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and host.dep_ == "ccomp":
            host = host.head  # 'X stressed that "C," suggesting D': D is X's, not C's
        return subject_of(host)
    return None


def without_reports(cue: Any, tokens: list[Any]) -> list[Any]:
    """A content's tokens without a trailing participle that reports more ('"C,"
    suggesting D' hung off C's verb): that is a statement of its own."""
    dropped: set[int] = set()
    for tok in tokens:
        if (
            tok.dep_ == "advcl"
            and tok.tag_ == "VBG"
            and tok.i > cue.i
            and tok.lemma_.lower() in _REPORTING_VERBS
        ):
            dropped |= {t.i for t in tok.subtree}
    return [t for t in tokens if t.i not in dropped] if dropped else tokens


def nearest_content(cue: Any, children: list[Any], deps: Iterable[str]) -> Any | None:
    """The complement clause the cue reports: of several (a misparse can hang the sentence
    before as a second ``ccomp``, or a name after the verb as an ``xcomp``: '"C," X told
    Face the Nation'), a verb before a word of another kind, then the one not cut off from
    the cue by a sentence end or a paragraph break, then the nearest."""
    best: tuple[int, int, int] | None = None
    pick = None
    cue_tree = {t.i for t in cue.subtree}
    for child in children:
        if child.dep_ not in deps:
            continue
        if child.i > cue.i:
            between = cue.doc[cue.i + 1 : child.left_edge.i]
        else:
            between = cue.doc[child.right_edge.i + 1 : cue.i]
        inside = cue_tree - {t.i for t in child.subtree}
        cut = sum(
            1
            for t in between
            if t.i in inside and (t.text in _SENTENCE_ENDS or (t.is_space and "\n" in t.text))
        )
        key = (int(child.pos_ not in ("VERB", "AUX")), cut, len(between))
        if best is None or key < best:
            best, pick = key, child
    return pick


_SENTENCE_ENDS = frozenset({".", "?", "!"})
_REPORTING_VERBS = CUE_VERBS | frozenset(POSITION_FRAMES)


def span_text(doc: Any, span: Span) -> str:
    return str(doc.text[span[0] : span[1]])


def tokens_between(doc: Any, start: int, end: int) -> Any:
    """The tokens of ``doc`` that start at a character offset in [start, end), as a span.

    Binary search on token offsets: no scan of the whole document per call.
    """

    def first_at(offset: int) -> int:
        lo, hi = 0, len(doc)
        while lo < hi:
            mid = (lo + hi) // 2
            if doc[mid].idx < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    return doc[first_at(start) : first_at(end)]
