"""The per-document analyze stage: a Document in, its sentences, entities, statements,
claims and time expressions out. Pure: no I/O beyond the loaded spaCy pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from typing import Any

from fogline.analyze.attribution import extract_statements
from fogline.analyze.checkworthy import CheckWorthiness
from fogline.analyze.claims import extract_claims
from fogline.analyze.lexicon import TITLE_WORDS
from fogline.analyze.quotes import find_quotes
from fogline.analyze.speakers import resolve_speakers
from fogline.analyze.timex import find_times
from fogline.records import Claim, Document, DocumentAnalysis, Mention, Sentence, StatementKind

ANALYZER_VERSION = "rules-9"  # bumped whenever statements or claims come out differently


@cache
def _checkworthiness() -> CheckWorthiness:
    return CheckWorthiness.load()


def score_claims(claims: list[Claim]) -> list[Claim]:
    """Claims with their check-worthiness (the shipped model, trained on political debates)."""
    if not claims:
        return claims
    scores = _checkworthiness().score([c.text for c in claims])
    return [
        replace(c, check_worthiness=round(float(s), 4)) for c, s in zip(claims, scores, strict=True)
    ]


def _titled_names(document_id: str, parsed: Any) -> list[Mention]:
    """Proper names led by a title ("Colonel General Dmitar Rusk") that NER missed."""
    found = []
    for tok in parsed:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound" or tok.ent_type_ == "PERSON":
            continue
        chain = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if chain and chain[0].lower_.rstrip(".") in TITLE_WORDS:
            start = chain[0].idx
            found.append(
                Mention(
                    document_id,
                    start,
                    tok.idx + len(tok.text),
                    parsed.text[start : tok.idx + len(tok.text)],
                    "PERSON",
                )
            )
    return found


def analyze_parsed(document: Document, parsed: Any) -> DocumentAnalysis:
    """Analyze one document given its spaCy parse."""
    sentences = tuple(
        Sentence(document.id, i, s.start_char, s.end_char, s.text)
        for i, s in enumerate(parsed.sents)
    )
    mentions = tuple(
        sorted(
            {Mention(document.id, e.start_char, e.end_char, e.text, e.label_) for e in parsed.ents}
            | set(_titled_names(document.id, parsed)),
            key=lambda m: (m.start, m.end, m.label),
        )
    )
    quotes = find_quotes(document.text)
    statements = extract_statements(parsed, document.id, document.published_at, quotes)
    statements = resolve_speakers(statements, list(mentions))
    # An attitude ("X wants C") asserts nothing: its sentence stays the author's claims.
    speech = [s for s in statements if s.kind is StatementKind.SPEECH]
    claims = score_claims(extract_claims(parsed, document.id, speech))
    times = tuple(find_times(document.text, document.published_at))
    return DocumentAnalysis(
        document_id=document.id,
        sentences=sentences,
        mentions=mentions,
        statements=tuple(statements),
        claims=tuple(claims),
        times=times,
    )


def analyze_documents(
    documents: Iterable[Document], nlp: Any, batch_size: int = 8
) -> Iterator[tuple[Document, DocumentAnalysis]]:
    """Analyze documents in order, parsing them in batches."""
    pairs = ((d.text, d) for d in documents)
    for parsed, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield document, analyze_parsed(document, parsed)
