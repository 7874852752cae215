"""Attributed statements from a spaCy dependency parse: who said what, where, to whom.

Rules over the parse, one speech cue at a time:

- ``X said/told/claimed (that) C``: speaker from the subject, content from the clausal
  complement, or from an adjacent quotation when the verb has none (``"C," X said``);
- ``according to X, C``: speaker from the object of "to", content the rest of the clause;
- ``Y cited X as saying C`` and ``Y, citing X, reported C``: speaker X, relayed ``via`` Y;
- ``X echoed Z's assessment`` and ``C, which was echoed by X``: an echo of Z, kept in
  ``echoes`` for the link stage to tie to Z's statement;
- participles without a subject (``..., claiming that C``) take the subject of their head;
- ``C1, X said, C2``: a parenthetical speech clause reports the clause around it;
- ``X said C1 and warned that C2``, ``X issued this statement: "C"``: ``attribution_content``;
- ``Name: C`` lines, ``"C" \u2015 Name`` credits, positions taken, light verbs ("made
  clear that C") and learned cues: see ``attribution_frames``;
- a cue inside a quotation reports the quoted speaker's words, not the document's: skipped
  (PolNeAR marks 8 of 4,097 cues of a train fold there).

The time phrase of the sentence outside the content gives when it was said; a time
phrase inside the content gives when the reported event happened.

A statement is speech ("X said C", "X called for C") or an attitude ("X wants C", "X
backed C", "X is expected to C"; ``StatementKind``): PolNeAR counts both as attributions,
while the link and assess stages read only speech as something a speaker asserted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from fogline.analyze.attribution_content import colon_quote, split_conjuncts
from fogline.analyze.attribution_cue_model import QuoteMask
from fogline.analyze.attribution_frames import (
    Found,
    according_to,
    colon_line,
    dash_credit,
    in_survey,
    learned,
    light_verb,
    position,
)
from fogline.analyze.attribution_learned import is_asked, is_learned_cue
from fogline.analyze.lexicon import (
    CITE_VERBS,
    CUE_VERBS,
    ECHO_VERBS,
    HEDGE_WORDS,
    HEDGING_CUES,
    POSITION_FRAMES,
    VENUE_NOUNS,
)
from fogline.analyze.parse_spans import (
    Span,
    hint,
    name_tokens,
    nearest_content,
    span,
    span_text,
    speaker_head,
    strip_mark,
    subject_of,
    tokens_between,
    without_reports,
)
from fogline.analyze.quotes import quote_at
from fogline.analyze.timex import find_times
from fogline.analyze.venues import time_in, venue_and_addressee
from fogline.records import Statement, StatementKind, TimeRef, stable_id

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CONTENT_DEPS = ("ccomp", "xcomp", "parataxis")


def _that_clause_under_object(children: list[Any]) -> Any | None:
    """ "told a hearing that C": the parser may hang C off the object as a clause."""
    objects = [c for c in children if c.dep_ in ("dobj", "dative")]
    objects += [g for c in children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for child in objects:
        for clause in child.children:
            if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
            ):
                return clause
    return None


def _find_one(cue: Any, quotes: list[Span], text: str) -> Found | None:
    lemma = cue.lemma_.lower()
    if is_asked(cue):
        return None  # "Asked whether C, X replied D": the question has no named asker
    subject = subject_of(cue)
    children = list(cue.children)
    content_tok = nearest_content(cue, children, _CONTENT_DEPS)
    if content_tok is None:
        content_tok = _that_clause_under_object(children)
    via: str | None = None
    echoes: str | None = None
    if lemma in CITE_VERBS:
        cited = next((c for c in children if c.dep_ == "dobj"), None)
        as_prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"), None)
        saying = next((c for c in as_prep.children if c.dep_ == "pcomp"), None) if as_prep else None
        inner = next((c for c in saying.children if c.dep_ == "ccomp"), None) if saying else None
        if cited is None or subject is None:
            return None
        if inner is None and cue.dep_ == "advcl" and cue.head.lemma_.lower() in CUE_VERBS:
            return None  # "Y, citing X, reported C": handled from the head verb.
        if inner is None:
            return None
        via = span_text(cue.doc, span(name_tokens(subject)))
        cited_head = speaker_head(cited)
        return Found(
            speaker=span(name_tokens(cited_head)),
            speaker_hint=hint(cited_head, cue),
            cue=span([cue]),
            content=span(strip_mark(inner)),
            via=via,
        )
    for child in children:  # "Y, citing X, reported that C"
        if child.dep_ in ("advcl", "prep") and child.lemma_.lower() in CITE_VERBS:
            cited = next((c for c in child.children if c.dep_ in ("dobj", "pobj")), None)
            if cited is not None and subject is not None:
                via = span_text(cue.doc, span(name_tokens(subject)))
                subject = cited
    if lemma in ECHO_VERBS:
        echoed = next((c for c in children if c.dep_ in ("dobj", "nsubjpass")), None)
        if echoed is None and cue.dep_ == "relcl":
            echoed = cue.head
        if echoed is not None:
            owner = next((c for c in echoed.children if c.dep_ == "poss"), None)
            if owner is None:  # "echoed remarks made on Tuesday by General Marren"
                owner = next(
                    (
                        t
                        for t in echoed.subtree
                        if t.dep_ == "pobj" and t.head.dep_ == "agent" and t.pos_ == "PROPN"
                    ),
                    None,
                )
            if owner is not None and owner.pos_ == "PROPN":
                echoes = span_text(cue.doc, span(name_tokens(owner)))
            if content_tok is None:
                venue_preps = {
                    t.i
                    for c in echoed.children
                    if c.dep_ == "prep" and any(g.lemma_.lower() in VENUE_NOUNS for g in c.children)
                    for t in c.subtree
                }
                tokens = [t for t in echoed.subtree if t.i not in venue_preps]
                if cue.dep_ == "relcl":
                    inside = {t.i for t in cue.subtree}
                    tokens = [t for t in echoed.subtree if t.i not in inside]
                content = span(tokens)
                if subject is None:
                    return None
                head = speaker_head(subject)
                return Found(
                    span(name_tokens(head)),
                    hint(head, cue),
                    span([cue]),
                    content,
                    via,
                    echoes,
                )
    if subject is None:
        return None
    if via is None and subject.dep_ == "dobj" and subject.head.lemma_.lower() in CITE_VERBS:
        relay = subject.head.head  # "Y, citing X, reported C" parsed with X as the reporter
        if relay.pos_ in ("PROPN", "NOUN") and relay.i != subject.head.i:
            via = span_text(cue.doc, span(name_tokens(relay)))
    head = speaker_head(subject)
    speaker = span(name_tokens(head))
    host = _host_clause(cue) if content_tok is None else None
    if host is not None and _adjacent_quote(quotes, cue, speaker, text) is None:
        content = host
    elif content_tok is not None:
        tokens = without_reports(cue, strip_mark(content_tok))
        if content_tok.i > cue.i and tokens and tokens[0].i < subject.i < cue.i:
            # "which officials said will go into effect": the fronted relative stays out
            tokens = [t for t in tokens if t.i > cue.i]
        content = span(tokens) if tokens else (0, 0)
        quote = quote_at(quotes, *content)
        if quote is not None and quote[0] <= content[0] and content[1] <= quote[1]:
            content = quote  # a quotation running over several sentences
    else:
        quote = _adjacent_quote(quotes, cue, speaker, text)
        if quote is None:
            return None
        content = quote
    if content[1] <= content[0]:
        return None
    around = content == host and _parenthetical(cue)  # the content runs on both sides
    if speaker[0] < content[1] and content[0] < speaker[1] and not around:
        return None
    return Found(speaker, hint(head, cue), span([cue]), content, via, echoes)


def _speech_frame(cue: Any, quotes: list[Span], text: str, attitudes: bool) -> Found | None:
    """A learned cue verb the generic frame cannot read, read as a speech verb: an inverted
    or parenthetical subject, a quotation beside it ('"Quiet," he demanded'), the clause it
    hangs off. Measured on the train fold: attribution F1 .772 -> .778. Speech when what it
    reports is a quotation, else an attitude ("C, X hoped")."""
    found = _find_one(cue, quotes, text)
    if found is None or quote_at(quotes, *found.content) is not None:
        return found
    return replace(found, attitude=True) if attitudes else None


def _host_clause(cue: Any) -> Span | None:
    """``C, X said`` and ``As X told Y, C``: the cue hangs off the clause it reports."""
    if cue.dep_ not in ("conj", "advcl", "parataxis") or cue.head.i == cue.i:
        return None
    if cue.head.pos_ not in ("VERB", "AUX"):
        return None
    marked_as = any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
    if not (cue.i > cue.head.i or marked_as or _parenthetical(cue)):
        return None
    if any(c.dep_ == "dobj" and c.lemma_.lower() not in VENUE_NOUNS for c in cue.children):
        return None
    inside = {t.i for t in cue.subtree}
    tokens = [t for t in cue.head.subtree if t.i not in inside and t.dep_ != "cc"]
    return span(tokens) if tokens else None


def _parenthetical(cue: Any) -> bool:
    """``C1, X said, C2``: a speech clause set off by commas inside the clause it reports."""
    if cue.dep_ != "parataxis":
        return False
    first, last = cue.left_edge.i, cue.right_edge.i
    doc = cue.doc
    left = doc[first].text == "," or (first > 0 and doc[first - 1].text == ",")
    right = doc[last].text == "," or (last + 1 < len(doc) and doc[last + 1].text == ",")
    around = first > cue.head.left_edge.i and last < cue.head.right_edge.i
    return bool(around and left and right)


def _adjacent_quote(quotes: list[Span], cue: Any, speaker: Span, text: str) -> Span | None:
    """The quotation this cue introduces or closes: ``"C," X said`` / ``X said: "C"``,
    or one inside the cue's sentence; quotes may run over several sentences."""
    left = min(speaker[0], cue.idx)
    right = max(speaker[1], cue.idx + len(cue.text))
    for q_start, q_end in quotes:
        if 0 <= left - q_end <= 4 and text[q_end:left].strip(' ,\u201d"\n') == "":
            return (q_start, q_end)
        if 0 <= q_start - right <= 4 and text[right:q_start].strip(' :,\u201c"\n') == "":
            return (q_start, q_end)
    sent = cue.sent
    quote = quote_at(quotes, sent.start_char, sent.end_char)
    if quote is None or quote[0] <= cue.idx < quote[1]:
        return None
    return quote


def extract_statements(
    doc: Any,
    document_id: str,
    published: date | None,
    quotes: list[Span],
    attitudes: bool = True,
) -> list[Statement]:
    """All attributed statements in a parsed spaCy ``doc``, in text order.

    Besides the hand rules, a cue the learned classifier (``attribution_learned``) accepts
    gives a speech statement when it reports a clause ("X hinted that C") or carries what
    was said in a complement ("X called for Y"; ``attribution_frames.learned``). Every
    other learned cue (PolNeAR's wide notion of attribution: "X wants Y", "X backed Y",
    and sourceless "X is expected to C" with an empty speaker span) gives a statement of
    kind ``ATTITUDE``, hedged by its cue; ``attitudes=False`` leaves those out."""
    seen_content: set[Span] = set()
    in_quotes = QuoteMask(quotes)
    text = doc.text  # built anew on each access: once per document
    found_all: list[tuple[int, Any, Any, Found]] = []
    for sent_index, sent in enumerate(doc.sents):
        for tok in sent:
            found: Found | None = None
            quoted = tok.idx in in_quotes
            if tok.text == ":":
                found = colon_line(tok)  # "WALLACE: C" lines open inside quoted transcripts
            elif quoted:
                continue  # the quoted speaker's own report, not the document's
            elif tok.lower_ == "according" and tok.dep_ in ("prep", "advmod"):
                found = according_to(tok)
            elif tok.lower_ == "in" and tok.dep_ == "prep":
                found = in_survey(tok)
            elif tok.is_punct:
                found = dash_credit(tok, quotes)
            elif tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CUE_VERBS:
                found = _find_one(tok, quotes, text)
            if found is None and tok.lemma_.lower() in POSITION_FRAMES:
                found = position(tok)
            if found is None and is_learned_cue(tok, quoted):
                found = learned(tok, attitudes, quoted)
                if found is None and tok.pos_ == "VERB":
                    found = _speech_frame(tok, quotes, text, attitudes)
            found = light_verb(tok, found)
            if found is not None:
                found = colon_quote(doc, found, quotes, text)
            if found is None or found.content in seen_content:
                continue
            seen_content.add(found.content)
            found_all.append((sent_index, sent, tok, found))
    found_all = split_conjuncts(doc, found_all, quotes)
    statements: list[Statement] = []
    times: dict[int, list[TimeRef]] = {}
    for sent_index, sent, tok, found in found_all:
        if sent_index not in times:
            times[sent_index] = [
                TimeRef(r.start + sent.start_char, r.end + sent.start_char, r.text, r.type, r.value)
                for r in find_times(sent.text, published)
            ]
        statements.append(
            _build(doc, text, tok, found, document_id, sent_index, quotes, times[sent_index])
        )
    return _link_echoes(statements)


def _link_echoes(statements: list[Statement]) -> list[Statement]:
    """ "X said C, an assessment which was echoed by Y": an echo that names no one echoes
    the statement just before it, and takes its content when it has none of its own."""
    out: list[Statement] = []
    for st in statements:
        previous = next((p for p in reversed(out) if p.kind is StatementKind.SPEECH), None)
        is_echo = any(w.startswith(("echo", "repeat", "reiterat")) for w in st.cue.lower().split())
        if (
            is_echo
            and st.echoes is None
            and previous is not None
            and (st.sentence_index - previous.sentence_index <= 1)
        ):
            echoes = previous.resolved_speaker or previous.speaker
            if len(st.content.split()) <= 3:
                st = replace(
                    st,
                    echoes=echoes,
                    content=previous.content,
                    content_start=previous.content_start,
                    content_end=previous.content_end,
                )
            else:
                st = replace(st, echoes=echoes)
        out.append(st)
    return out


def _build(
    doc: Any,
    text: str,
    cue: Any,
    found: Found,
    document_id: str,
    sent_index: int,
    quotes: list[Span],
    times: list[TimeRef],
) -> Statement:
    venue, addressee = (
        (None, None) if cue.lower_ == "according" else venue_and_addressee(cue, found.content)
    )
    quote = quote_at(quotes, *found.content)
    direct = quote is not None and (quote[1] - quote[0]) >= 0.9 * (
        found.content[1] - found.content[0]
    )
    # Mixed: reported in the reporter's words around a quoted fragment of the speaker's
    # ("she said the strip was \"narrow\"").
    mixed = not direct and quote is not None and found.content[0] <= quote[0] < found.content[1]
    points = [r for r in times if r.type in ("DATE", "TIME")]
    said = time_in(points, found.content, inside=False)
    event = time_in(points, found.content, inside=True)
    content_tokens = tokens_between(doc, *found.content)
    hedges = sorted({t.lower_ for t in content_tokens if t.lower_ in HEDGE_WORDS})
    if cue.lemma_.lower() in HEDGING_CUES or (found.attitude and cue.lower_ not in hedges):
        hedges.append(cue.lower_)  # an attitude asserts nothing: its claims are hedged
    return Statement(
        id=stable_id(document_id, found.cue[0], found.content[0], found.content[1]),
        document_id=document_id,
        sentence_index=sent_index,
        speaker=text[found.speaker[0] : found.speaker[1]],
        speaker_start=found.speaker[0],
        speaker_end=found.speaker[1],
        cue=text[found.cue[0] : found.cue[1]],
        cue_start=found.cue[0],
        cue_end=found.cue[1],
        content=text[found.content[0] : found.content[1]],
        content_start=found.content[0],
        content_end=found.content[1],
        direct=direct,
        mixed=mixed,
        venue=text[venue[0] : venue[1]] if venue else None,
        addressee=text[addressee[0] : addressee[1]] if addressee else None,
        said_at=said.value if said else None,
        said_at_text=said.text if said else None,
        event_at=event.value if event else None,
        event_at_text=event.text if event else None,
        via=found.via,
        hedges=tuple(hedges),
        speaker_hint=text[found.speaker_hint[0] : found.speaker_hint[1]],
        echoes=found.echoes,
        kind=StatementKind.ATTITUDE if found.attitude else StatementKind.SPEECH,
    )
