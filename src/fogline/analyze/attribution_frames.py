"""Attribution frames beyond the speech-verb rules of ``attribution``: positions taken
(``X accused Y of Z``), ``according to X, C``, ``Name: C`` lines, ``"C" \u2015 Name``
credits, and cues the learned classifier accepts (``attribution_learned``), each as a
``Found`` (character spans)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fogline.analyze.attribution_learned import is_clause, learned_frame
from fogline.analyze.lexicon import CITE_VERBS, CUE_VERBS, ECHO_VERBS, POSITION_FRAMES
from fogline.analyze.parse_spans import Span, hint, name_tokens, span, speaker_head, strip_mark


@dataclass(frozen=True, slots=True)
class Found:
    """One attribution found in the parse: speaker, its whole phrase, cue, content."""

    speaker: Span
    speaker_hint: Span
    cue: Span
    content: Span
    via: str | None = None
    echoes: str | None = None
    relay_speaker: bool = False


_FRAME_PREPS = frozenset({"as", "of", "for", "with", "on", "to"})
_NOT_POSITIONS = CITE_VERBS | ECHO_VERBS
# Verbs whose object is as often a listener, a topic or a thing as a position
# ("told lawmakers", "published the list", "shows vehicles", "discuss details",
# "praised the soldiers"): their object alone makes no statement.
_SPEECH_ONLY = CUE_VERBS | {"show", "defend", "promise", "praise", "fear", "discuss"}


def position(verb: Any) -> Found | None:
    """``X accused Y of Z`` / ``X vowed to Z`` / ``X found that Z``: a position taken, with
    the complement POSITION_FRAMES names for the verb as its content."""
    lemma = verb.lemma_.lower()
    frames = POSITION_FRAMES.get(lemma, frozenset())
    if verb.pos_ != "VERB" or lemma in _NOT_POSITIONS:
        return None
    children = list(verb.children)
    tokens: list[Any] = []
    for dep in ("ccomp", "xcomp", "dobj"):
        comp = next((c for c in children if c.dep_ == dep), None)
        if dep == "ccomp" and comp is not None and not is_clause(comp):
            continue
        if dep == "dobj" and lemma in _SPEECH_ONLY:
            continue
        if dep in frames and comp is not None:
            tokens = strip_mark(comp) if dep == "ccomp" else list(comp.subtree)
            if dep == "dobj":
                for child in children:
                    if child.i > verb.i and (
                        child.dep_ in ("oprd", "dative")
                        or (child.dep_ == "prep" and child.lower_ in _FRAME_PREPS)
                    ):
                        tokens.extend(child.subtree)
            break
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if not tokens or subject is None:
        return None
    head = speaker_head(subject)
    speaker, content = span(name_tokens(head)), span(tokens)
    if content[1] <= content[0] or (speaker[0] < content[1] and content[0] < speaker[1]):
        return None
    return Found(speaker, hint(head, verb), span([verb]), content)


def learned(cue: Any, clausal_only: bool) -> Found | None:
    """A cue the learned classifier accepts, read with the generic frame; ``clausal_only``
    keeps only reported speech (a content clause with its own subject, "X hinted that C")."""
    frame = learned_frame(cue)
    if frame is None or (clausal_only and not frame.clausal):
        return None
    if frame.speaker is None:  # no source: an empty speaker span at the cue
        at = (frame.cue[0], frame.cue[0])
        return Found(at, at, frame.cue, frame.content)
    return Found(
        span(name_tokens(frame.speaker)), hint(frame.speaker, cue), frame.cue, frame.content
    )


def colon_line(colon: Any) -> Found | None:
    """``Name: C`` opening a line, possibly inside a quoted transcript (``"WALLACE: C``):
    Name said C, to the line's end."""
    doc, i = colon.doc, colon.i
    j = i
    while j > 0 and i - j < 4 and (doc[j - 1].pos_ == "PROPN" or _all_caps(doc[j - 1])):
        j -= 1
    opener = j > 0 and doc[j - 1].text in _OPENING_QUOTES
    before = j - 1 if opener else j
    if j == i or not (before == 0 or "\n" in doc[before - 1].text or doc[before - 1].is_space):
        return None
    text = doc.text
    start = colon.idx + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while start < end and text[start].isspace():
        start += 1
    if end - start < 8:
        return None
    names = list(doc[j:i])
    return Found(span(names), span(names), (colon.idx, colon.idx + 1), (start, end))


_OPENING_QUOTES = frozenset({'"', "\u201c", "''", "``"})
_DASHES = frozenset({"\u2015", "\u2014", "\u2013"})


def _all_caps(tok: Any) -> bool:
    return bool(tok.is_alpha and tok.is_upper and len(tok.text) > 1)


def dash_credit(dash: Any, quotes: list[Span]) -> Found | None:
    """``"C" \u2015 Name`` closing a line (a quotation credited to a name after a dash);
    the tokenizer may glue the dash to the closing quotation mark (``\u201d\u2015``)."""
    if dash.text[-1:] not in _DASHES:
        return None
    at = dash.idx + len(dash.text) - 1
    quote = next((q for q in quotes if 0 <= at - q[1] <= 3), None)
    if quote is None or dash.doc.text[quote[1] : at].strip(' \u201d"'):
        return None
    names: list[Any] = []
    for tok in dash.doc[dash.i + 1 : dash.i + 7]:
        if "\n" in tok.text or (tok.is_space and names):
            break
        if not tok.is_space:
            names.append(tok)
    if not names or not all(t.text[:1].isupper() or t.is_punct for t in names):
        return None
    after = dash.doc[names[-1].i + 1] if names[-1].i + 1 < len(dash.doc) else None
    if after is not None and "\n" not in after.text and not after.is_punct:
        return None  # the line goes on: not a credit
    return Found(span(names), span(names), (at, at + 1), quote)


def according_to(tok: Any) -> Found | None:
    """``according to X, C``: tok is "according"."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if source is None:
        return None
    clause = tok.head
    while clause.dep_ in ("advcl", "ccomp", "conj") and clause.head.i != clause.i:
        clause = clause.head  # "C once D, according to X": the whole of C once D
    excluded = {t.i for t in tok.subtree}
    content_tokens = [t for t in clause.subtree if t.i not in excluded]
    content = span(content_tokens)
    if content[1] <= content[0]:
        return None
    head = speaker_head(source)
    return Found(span(name_tokens(head)), hint(head, tok), span([tok, to]), content)
