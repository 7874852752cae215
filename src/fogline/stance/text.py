"""Sentences of a body and the excerpt of them that bears on a claim."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\s*\n+\s*"
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

MAX_SENTENCES = 60
MAX_SENTENCE_CHARS = 400

STOPWORDS = frozenset(
    """a about after again against all also an and any are as at be been before being
    but by can could did do does for from had has have he her his how i if in into is it
    its just may me might more most my no nor not now of on once only or other our out
    over own said says same she should so some such than that the their them then there
    these they this those through to too under up very was we were what when where which
    while who whom why will with would you your""".split()  # noqa: SIM905
)


def split_sentences(body: str) -> list[str]:
    """The body's sentences (a regex splitter: fast, good enough for choosing an
    excerpt), each cut to ``MAX_SENTENCE_CHARS``, at most ``MAX_SENTENCES``."""
    parts = (p.strip() for p in _SENTENCE_END.split(body))
    out = [p[:MAX_SENTENCE_CHARS] for p in parts if len(p) > 1]
    return out[:MAX_SENTENCES] or [body.strip()[:MAX_SENTENCE_CHARS]]


def content_words(text: str) -> list[str]:
    """Lower-cased words that are not stopwords, in order."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


# Words with which a body refutes or doubts what it reports (FNC-1's disagreeing bodies).
REFUTING = frozenset(
    {"fake", "fraud", "hoax", "false", "deny", "denies", "denied", "not", "despite", "nope"}
    | {"doubt", "doubts", "bogus", "debunk", "debunked", "debunks", "pranks", "retract"}
    | {"untrue", "myth", "rumour", "rumor", "fabricated", "satire", "satirical", "never"}
)


def refutes(sentence: str) -> bool:
    """Does the sentence carry a refuting or doubting word?"""
    return any(w in REFUTING for w in _WORD.findall(sentence.lower()))


def excerpt(
    sentences: Sequence[str],
    similarity: npt.NDArray[np.floating],
    k: int,
    refuting: bool = False,
) -> str:
    """The ``k`` sentences most similar to the claim, in the body's own order. With
    ``refuting``, the last of the ``k`` places goes to the most similar sentence that
    carries a refuting word, when there is one (where a body's disagreement shows)."""
    if len(sentences) <= k:
        return " ".join(sentences)
    ranked = [int(t) for t in np.argsort(-np.asarray(similarity), kind="stable")]
    top = ranked[:k]
    if refuting:
        doubt = next((i for i in ranked if refutes(sentences[i])), None)
        if doubt is not None and doubt not in top:
            top[-1] = doubt
    return " ".join(sentences[i] for i in sorted(top))
