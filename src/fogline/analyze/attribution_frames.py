"""Attribution frames beyond the speech-verb rules of ``attribution``: positions taken
(``X accused Y of Z``), ``according to X, C``, ``Name: C`` lines, ``"C" \u2015 Name``
credits, and cues the learned classifier accepts (``attribution_learned``), each as a
``Found`` (character spans)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fogline.analyze.attribution_learned import (
    LearnedFrame,
    cue_probability,
    is_clause,
    learned_frame,
)
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
    attitude: bool = False  # a position held, wanted or backed, not something said


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


def learned(cue: Any, attitudes: bool, in_quote: bool = False) -> Found | None:
    """A cue the learned classifier accepts, read with the generic frame.

    Speech when the frame reports a clause with its own subject ("X hinted that C"), or
    when its content is a complement that carries what was said, asked or intended ("X
    called for a ban", "X plans to C", "C was reported by X", "X denied the report") and
    the cue is affirmative; an infinitive needs a confident cue (``CONFIDENT``). Any other
    frame is an attitude (``Found.attitude``; None unless ``attitudes``): a negated cue
    with such a complement ("did not respond to a request for comment"), an object ("X
    praised Y", "X wants Y"), a frame without a source ("X is expected to C")."""
    frame = learned_frame(cue)
    if frame is None:
        return None
    attitude = not frame.clausal and not _spoken(cue, frame, in_quote)
    if attitude and not attitudes:
        return None
    if frame.speaker is None:  # no source: an empty speaker span at the cue
        at = (frame.cue[0], frame.cue[0])
        return Found(at, at, frame.cue, frame.content, attitude=attitude)
    return Found(
        span(name_tokens(frame.speaker)),
        hint(frame.speaker, cue),
        frame.cue,
        frame.content,
        attitude=attitude,
    )


def _spoken(cue: Any, frame: LearnedFrame, in_quote: bool) -> bool:
    """Whether a frame without a reported clause still carries what was said, asked or
    intended (``SPOKEN_KINDS``, ``OBJECT_SPEECH``), by a named speaker, affirmatively."""
    said_object = frame.kind == "dobj" and cue.lemma_.lower() in OBJECT_SPEECH
    if not (frame.kind in SPOKEN_KINDS or said_object) or frame.speaker is None:
        return False
    if said_object and cue.doc.text[frame.content[0] : frame.content[1]].lower() in _PRONOUNS:
        return False
    if any(c.dep_ == "neg" for c in cue.children):
        return False
    return not (frame.kind == "xcomp" and cue_probability(cue, in_quote) < CONFIDENT)


# Learned frames the pipeline keeps beside clausal ones (``LearnedFrame.kind``). Measured
# on a train fold (fitted on 4/5 of PolNeAR train, scored on the other 1/5; the pipeline's
# attribution F1): .679 without them, .717 with them (.711 without OBJECT_SPEECH). Also
# taking every object ("X praised Y", "X backed Y") gives .754, but the demo corpus does
# not count those as statements (its statement precision falls from .944 to about .78).
# An infinitive ("X plans to C") needs the cue at CONFIDENT: .722 at the classifier's
# own 0.4, but that takes "they hoped to cross" (0.54), an intention the demo does not
# count as a statement either.
SPOKEN_KINDS = frozenset({"xcomp", "prep-cue", "for-clause", "agent", "oprd", "ccomp"})
# Speech verbs whose object is what was said ("denied the report", "announced a plan").
OBJECT_SPEECH = frozenset(
    {
        "announce",
        "deny",
        "reject",
        "dismiss",
        "confirm",
        "describe",
        "accuse",
        "acknowledge",
        "concede",
        "predict",
        "repeat",
        "reiterate",
    }
)
_PRONOUNS = frozenset({"it", "this", "that", "them", "him", "her", "so", "these", "those"})
CONFIDENT = 0.6


# Objects that carry a light verb's speech ("made clear that C", "expressed confidence that
# C", "issued a statement saying C", "raised concerns that C").
LIGHT_OBJECTS = frozenset(
    {
        "clear",
        "case",
        "point",
        "statement",
        "confidence",
        "concern",
        "doubt",
        "hope",
        "fear",
        "belief",
        "view",
        "argument",
        "warning",
        "assurance",
        "promise",
    }
)
LIGHT_VERBS = frozenset({"make", "issue", "express", "voice", "raise", "offer", "give"})
_LIGHT_CLAUSES = frozenset({"acl", "ccomp", "advcl"})


def light_verb(verb: Any, found: Found | None) -> Found | None:
    """``X made clear that C`` / ``X issued a statement saying C``: the verb with its object
    is the cue, the clause the object introduces the content (the speaker the subject's,
    when no other frame found one); ``found`` unchanged otherwise."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in LIGHT_VERBS:
        return found
    if found is not None and found.cue != span([verb]):
        return found
    obj = next(
        (
            c
            for c in verb.rights
            if c.dep_ in ("dobj", "ccomp", "oprd", "acomp")
            and c.lemma_.lower() in LIGHT_OBJECTS
            and c.i - verb.i <= 3
        ),
        None,
    )
    if obj is None:
        return found
    clause = next((c for c in obj.rights if c.dep_ in _LIGHT_CLAUSES), None)
    if clause is None:
        clause = next((c for c in verb.rights if c.dep_ == "ccomp" and c.i > obj.i), None)
    if clause is None:
        return found
    cue_end = obj
    if clause.lemma_.lower() == "say" and clause.dep_ == "acl":
        said = next((c for c in clause.children if c.dep_ == "ccomp"), None)
        if said is None:
            return found
        cue_end, clause = clause, said
    elif not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
        return found
    content = span(strip_mark(clause))
    if content[1] <= content[0]:
        return found
    cue = (verb.idx, cue_end.idx + len(cue_end.text))
    if found is not None:
        return Found(found.speaker, found.speaker_hint, cue, content, found.via, found.echoes)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    head = speaker_head(subject)
    return Found(span(name_tokens(head)), hint(head, verb), cue, content)


def colon_line(colon: Any) -> Found | None:
    """``Name: C`` opening a line, possibly inside a quoted transcript (``"WALLACE: C``):
    Name said C, to the line's end."""
    doc, i = colon.doc, colon.i
    j = i
    while j > 0 and i - j < 4 and (doc[j - 1].pos_ == "PROPN" or _all_caps(doc[j - 1])):
        j -= 1
    if j == i and i > 0 and _title_noun(doc[i - 1]):
        j = i - 1  # "Lewandowski: C", the name tagged as a common noun (fold: .7853 -> .7859)
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


def _title_noun(tok: Any) -> bool:
    return bool(
        tok.pos_ == "NOUN"
        and tok.is_alpha
        and tok.text[:1].isupper()
        and tok.text[1:].islower()
        and tok.lower_ not in _NOT_SPEAKERS
    )


# Line labels that are no speaker ("Update: C", "Note: C").
_NOT_SPEAKERS = frozenset(
    {"update", "note", "correction", "photo", "video", "watch", "related", "source", "image"}
)


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


# "In a CNN poll released Monday, 31% said C": PolNeAR makes the poll the source and "In"
# the cue. Sentence-initial "In" with a poll or survey is a cue 11 times in 12 on 4/5 of
# PolNeAR train; elsewhere ("ahead in the polls") a third of the time: left out. Train
# fold: source F1 .7155 -> .7174.
_SURVEYS = frozenset({"poll", "survey"})


def in_survey(tok: Any) -> Found | None:
    """``In a poll released Monday, C``: tok is "In" opening its sentence."""
    if tok.i != tok.sent.start or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in _SURVEYS:
        return None
    excluded = {t.i for t in tok.subtree}
    content = span(t for t in tok.head.subtree if t.i not in excluded)
    if content[1] <= content[0]:
        return None
    return Found(span(name_tokens(source)), hint(source, tok), span([tok]), content)
