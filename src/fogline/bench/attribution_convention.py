"""fogline's statements in PolNeAR's span conventions, for the attribution bench.

The pipeline keeps a statement's content without its complementiser and its cue as the
bare verb, which is what claims and the report want. PolNeAR marks more: the
complementiser ("that the bridge fell"), the cue's auxiliaries, negation, particle,
adverbs and the phrases up to its content ("has also not said", "said in a statement
Monday"), the speaker's whole noun phrase (or the relative pronoun, "who said"; the
subject a name stands beside, "the company's chief, John Doe"; without a clause that
reports what the speaker said elsewhere), the content on both sides of a speech clause
inside it (``C1, X said, C2``), and a quotation that goes on after the speech clause
(``"C1," X told Y on Monday. "C2."``) as a second content span. A report nested in
another's content is not marked on its own (``outermost``). A cue runs on through the
complements PolNeAR's cues take in ("tried to argue that C", ``attribution_extent``).
These functions map ``Statement`` records onto those conventions.
"""

from __future__ import annotations

from typing import Any

from fogline.analyze.parse_spans import hint, tokens_between
from fogline.bench.attribution_extent import run_on, run_up
from fogline.bench.attribution_scoring import Attribution
from fogline.records import Statement

Span = tuple[int, int]
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_RELATIVES = frozenset({"who", "which", "that", "whom"})
# Relative clauses that report what the speaker said, thought or asked ("who said C", "who
# requested anonymity"): PolNeAR's sources leave them out (say 1 of 14 kept on train).
_REPORTING_LEMMAS = frozenset(
    {"say", "tell", "note", "write", "argue", "add", "explain", "claim", "request", "think"}
)
_CUE_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})
_ADVERB_DEPS = frozenset({"advmod", "npadvmod"})
_FOCUS = frozenset({"even", "meanwhile"})
# Subordinators that stand beside a cue but are no part of it ("when asked"); train fold
# (4/5 fitted, 1/5 scored) cue F1 .5888 -> .5891, and .5688 -> .5691 on a second fold.
_WH_ADVERBS = frozenset({"when", "where", "how", "why", "whenever", "while"})
_COMPLEMENTISERS = frozenset({"that", "whether", "if", "how", "why", "what", "when", "where"})
_MAX_CUE_RUN = 8
_RUN_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct"})
# A continuing quotation starts at most this many characters after the speech clause.
_CONTINUATION_GAP = 5
# The rest of a speech clause's sentence after its cue and source ("told CNN's Jake Tapper
# on Sunday."), at most this long, before a continuing quotation.
_CLAUSE_REST = 80
_QUOTE_MARKS = frozenset('"\u201c\u201d')


def to_attribution(
    doc: Any, text: str, st: Statement, quotes: list[Span], taken: dict[Span, int]
) -> Attribution:
    """``st`` as a PolNeAR attribution; ``text`` is ``doc.text`` (which spaCy builds anew on
    each access); ``taken`` maps the contents of the document's statements to their cue
    offsets: a quotation another speech clause reports is no continuation."""
    content = _content_span(doc, st)
    cue = cue_phrase(doc, st)
    head = tokens_between(doc, st.cue_start, st.cue_start + 1)
    if len(head):
        cue, content = run_on(head[0], cue, content)
        cue = run_up(head[0], cue, content)
    spans = _around_clause(text, content, st, cue)
    whole = source_phrase(doc, text, st) if st.speaker_end > st.speaker_start else None
    source = _without_focus(doc, _without_clauses(doc, whole)) if whole else None
    clause_end = _clause_end(doc, text, st, max(cue[1], whole[1] if whole else 0))
    follow = _continuation(text, st, clause_end, quotes, taken)
    if follow is not None:
        spans.append(follow)
    return Attribution(
        source=(source,) if source else (),
        cue=(cue,),
        content=tuple(spans),
    )


def outermost(statements: list[Statement]) -> list[Statement]:
    """The statements whose cue stands inside no other statement's content. PolNeAR
    annotates a report nested in another one's content ("He said CNN had tweeted that C")
    only as part of the outer content: no gold cue of a train fold (0 of 4,097) lies inside
    another attribution's content."""
    contents = sorted((s.content_start, s.content_end, s.cue_start) for s in statements)
    return [
        s
        for s in statements
        if not any(a <= s.cue_start < b and cue != s.cue_start for a, b, cue in contents)
    ]


def cue_phrase(doc: Any, st: Statement) -> Span:
    """The cue verb with its auxiliaries, negation, particle and the adverbs next to it
    ("has not said", "also points out", "said Monday"), an adjective with its copula ("are
    still nervous about"), a cue of several words with its auxiliaries and without the
    "by" of an agent ("was asked about", "was reported"); else the cue as stored."""
    at = tokens_between(doc, st.cue_start, st.cue_end)
    if len(at) and at[0].dep_ == "acomp" and at[0].head.lemma_ == "be" and at[0].head.i < at[0].i:
        copula = at[0].head  # "are still uneasy about C"
        parts = [copula, *(c for c in copula.lefts if c.dep_ in _CUE_DEPS and c.i > copula.i - 3)]
        return (min(t.idx for t in parts), st.cue_end)
    if len(at) > 1 and at[0].pos_ == "VERB":  # "was asked about C", "has called for C"
        helpers = [c for c in at[0].lefts if c.dep_ in _CUE_DEPS and c.i > at[0].i - 4]
        end = st.cue_end
        if at[-1].dep_ == "agent":  # "was reported by X": PolNeAR's cue ends at the verb
            end = at[-2].idx + len(at[-2].text)
        return (min([st.cue_start, *(t.idx for t in helpers)]), end)
    if len(at) != 1:
        return (st.cue_start, st.cue_end)
    verb = at[0]
    parts = [verb, *(c for c in verb.children if c.dep_ in _CUE_DEPS)]
    lo = min(t.i for t in parts)
    hi = max(t.i for t in parts)
    for child in verb.children:
        if child.dep_ not in _ADVERB_DEPS or child.n_lefts or child.n_rights:
            continue
        if child.lower_ in _WH_ADVERBS:
            continue
        if child.i == lo - 1 or child.i == hi + 1:
            parts.append(child)
            lo, hi = min(lo, child.i), max(hi, child.i)
    hi = _up_to_content(verb, hi, st)
    start = min(t.idx for t in parts)
    end = max(int(doc[hi].idx + len(doc[hi].text)), max(t.idx + len(t.text) for t in parts))
    inside = (start, end)
    around = st.content_start < start and end < st.content_end  # "X is expected to C"
    if st.content_start < end and start < st.content_end and not around:
        inside = (verb.idx, verb.idx + len(verb.text))
    return (min(inside[0], st.cue_start), max(inside[1], st.cue_end))


def _up_to_content(verb: Any, hi: int, st: Statement) -> int:
    """The cue's last token, run on to just before a content to its right when every word
    in between hangs off the verb ("said in a statement Saturday that C")."""
    doc = verb.doc
    if st.content_start <= verb.idx:
        return hi
    j = hi
    for tok in doc[hi + 1 : hi + 1 + _MAX_CUE_RUN]:
        if tok.idx >= st.content_start or tok.lower_ in _COMPLEMENTISERS:
            break
        if st.speaker_start <= tok.idx < st.speaker_end or not _under(tok, verb):
            return hi
        if tok.head.i == verb.i and tok.dep_ not in _RUN_DEPS:
            return hi
        if not (tok.is_punct or tok.is_space):
            j = tok.i
    else:
        return hi  # the content is further off: keep the cue as it is
    return j


def _under(tok: Any, verb: Any) -> bool:
    node = tok
    for _ in range(6):
        if node.i == verb.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def source_phrase(doc: Any, text: str, st: Statement) -> Span:
    """The source as PolNeAR marks it: the relative pronoun when the cue sits in a relative
    clause ("Trump, who said C"), else the speaker's whole phrase."""
    at = tokens_between(doc, st.cue_start, st.cue_end)
    if len(at):  # the cue's first word: its verb ("called" of "called for")
        pronoun = next(
            (c for c in at[0].children if c.dep_ in _SUBJECT_DEPS and c.lower_ in _RELATIVES),
            None,
        )
        if pronoun is not None:
            return (pronoun.idx, pronoun.idx + len(pronoun.text))
        described = _described_name(doc, st, at[0])
        if described is not None:
            return described
    return speaker_phrase(text, st)


def _described_name(doc: Any, st: Statement, cue: Any) -> Span | None:
    """ "the company's chief executive, John Ferriola, said": the speaker is the name in
    apposition to the cue's subject; PolNeAR's source is the subject's whole phrase."""
    names = tokens_between(doc, st.speaker_start, st.speaker_end)
    ids = {t.i for t in names}
    head = next((t for t in names if t.head.i not in ids), None)
    if head is None or head.dep_ != "appos" or head.head.i > head.i:
        return None
    subject = head.head
    if subject.dep_ not in _SUBJECT_DEPS or subject.head.i != cue.i:
        return None
    whole = hint(subject, cue)
    return (min(whole[0], st.speaker_start), max(whole[1], st.speaker_end))


def speaker_phrase(text: str, st: Statement) -> Span:
    """The speaker's whole noun phrase (``speaker_hint``) where it is written around the
    speaker's name; else the name itself."""
    hint = st.speaker_hint or ""
    at = text.find(hint, max(0, st.speaker_end - len(hint))) if hint else -1
    if at < 0 or not (at <= st.speaker_start and st.speaker_end <= at + len(hint)):
        return (st.speaker_start, st.speaker_end)
    return (at, at + len(hint))


def _without_clauses(doc: Any, source: Span) -> Span:
    """The source phrase up to a clause that describes the speaker rather than names them:
    a relative clause without a relative pronoun or one that reports speech ("Carson, who
    said last week that C"), or a participle ("John Archer, wearing a T-shirt"). PolNeAR's
    sources keep "X, who oversaw Y" more often than not, and drop these."""
    tokens = tokens_between(doc, *source)
    ids = {t.i for t in tokens}
    first_cut: int | None = None
    for tok in tokens:
        if tok.head.i not in ids or tok.i <= tok.head.i:
            continue
        if tok.dep_ == "relcl":
            relative = any(c.lower_ in _RELATIVES and c.i < tok.i for c in tok.children)
            cut = not relative or tok.lemma_.lower() in _REPORTING_LEMMAS
        else:
            cut = tok.dep_ == "acl" and tok.tag_ == "VBG"
        if cut:
            first_cut = tok.left_edge.i if first_cut is None else min(first_cut, tok.left_edge.i)
    if first_cut is None:
        return source
    kept = [t for t in tokens if t.i < first_cut and not t.is_space]
    while kept and kept[-1].is_punct:
        kept.pop()
    return (kept[0].idx, kept[-1].idx + len(kept[-1].text)) if kept else source


def _without_focus(doc: Any, source: Span) -> Span:
    """The source without a focus or linking adverb opening it ("even a top GOP strategist",
    "Meanwhile, Rihanna"): PolNeAR leaves "even" out 18 times in 24 on 4/5 of its train
    split (train fold source F1 .7316 -> .7319, and .7184 -> .7185 on a second fold)."""
    tokens = [t for t in tokens_between(doc, *source) if not t.is_space]
    if len(tokens) < 2 or tokens[0].lower_ not in _FOCUS or tokens[0].dep_ != "advmod":
        return source
    rest = tokens[1:]
    while rest and rest[0].is_punct:
        rest = rest[1:]
    return (rest[0].idx, source[1]) if rest else source


def _around_clause(text: str, content: Span, st: Statement, cue: Span) -> list[Span]:
    """``C1, X said, C2``: the content on both sides of a speech clause (source and cue
    phrase) inside it."""
    start = min(st.speaker_start, cue[0])
    end = max(st.speaker_end, cue[1])
    if not (content[0] < start and end < content[1]):
        return [content]
    left = text[content[0] : start].rstrip(" ,\n")
    right_start = end + len(text[end : content[1]]) - len(text[end : content[1]].lstrip(" ,\n"))
    return [(content[0], content[0] + len(left)), (right_start, content[1])]


def _content_span(doc: Any, st: Statement) -> Span:
    """The content with the complementiser that opens it ("that C", "whether C")."""
    before = tokens_between(doc, max(0, st.content_start - 12), st.content_start)
    words = [t for t in before if not t.is_space]
    if words and words[-1].lower_ in _COMPLEMENTISERS:
        mark = words[-1]
        if st.content_start <= mark.head.idx < st.content_end:
            return (mark.idx, st.content_end)
    return (st.content_start, st.content_end)


def _clause_end(doc: Any, text: str, st: Statement, end: int) -> int:
    """Where the speech clause ending at ``end`` (its cue or source) really ends: at its
    sentence's end when only a short rest without quotation marks follows ("told CNN's
    Jake Tapper on Sunday.")."""
    cue = tokens_between(doc, st.cue_start, st.cue_end)
    if not len(cue):
        return end
    sent_end = int(cue[0].sent.end_char)
    rest = text[end:sent_end]
    if end < sent_end and len(rest) <= _CLAUSE_REST and not _QUOTE_MARKS & set(rest):
        return sent_end
    return end


def _continuation(
    text: str, st: Statement, clause_end: int, quotes: list[Span], taken: dict[Span, int]
) -> Span | None:
    """``"C1," X said, "C2"`` / ``"C1," X said. "C2"``: the quotation opening right after
    a speech clause (ending at ``clause_end``) that follows its quoted content."""
    if st.cue_start < st.content_end or not any(a <= st.content_start < b for a, b in quotes):
        return None
    if not st.cue[:1].isalpha():  # a credit line ("C" \u2015 Name) ends its quotation
        return None
    for a, b in quotes:
        if a <= clause_end:
            continue
        gap = text[clause_end:a]
        if len(gap) <= _CONTINUATION_GAP and not gap.strip(" ,.:;\u201c\"'\n"):
            return None if _overlaps_any(taken, a, b) else (a, b)
        return None
    return None


def _overlaps_any(taken: dict[Span, int], a: int, b: int) -> bool:
    """Whether a statement whose cue stands outside [a, b) reports text inside it."""
    return any(x < b and a < y and not a <= cue < b for (x, y), cue in taken.items())
