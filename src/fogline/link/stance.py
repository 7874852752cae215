"""Each claim's stance toward the hypotheses of a question.

A cheap gate first: a claim whose embedding is not within ``threshold`` cosine of any
wording of any hypothesis (or whose report is off the question's topic) is unrelated.
Which hypothesis a claim speaks to is the one with the wording closest to it in the
embedding space; whether it supports or refutes that hypothesis is the stance scorer's
call (the trained model, ``fogline.stance``; a lexical fake in unit tests), reading
(wording, claim) for each of the hypothesis' wordings: the claim supports it when the best
agree probability is at least the best disagree probability, and refutes it otherwise,
when that probability reaches ``min_confidence``. The confidence is that calibrated
probability.

Why the split: the trained model (FNC-1 and Emergent: headline vs article) says "agree"
to nearly every wording on the claim's topic, so it cannot tell apart mutually exclusive
hypotheses that share their words ("the attempt failed" agrees at 0.8-0.9 with both
"broke through" and "failed"), while MiniLM puts a claim nearest the hypothesis it
restates. On the demo's gold statements, letting session 2's model pick the hypothesis
by its own agree probability gave 0.60 stance accuracy, the nearest wording with its
polarity 0.68 (the embedding alone, ``FOGLINE_STANCE=similarity``, 0.62); with the
model retrained in session 3 (better on FNC-1 and Emergent) the rule gives 0.63.

The probabilities are the scorer's joint ones, relatedness included, although its
relatedness stage (trained on headlines against whole articles) calls some one-clause
claims unrelated to every wording ("Our heroes have broken through": P .98). Measured on
the demo in session 4 and dropped: the split given relatedness (``predict_split``, the
cross-encoder on every gated pair) gives 0.585 and ranks the true hypothesis at 0.46
(joint: 0.63 and 0.53); the split renormalised from the joint probabilities gives 0.65,
but only because pairs below the relatedness at which the cross-encoder runs then carry
the training prior, which leans to "agree".

A claim denied by its cue ("denied that troops crossed") reads as its content; the
denial turns a support into a refutation and back. A denial written into the claim's own
words ("troops have not crossed") is left to the model.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from fogline.backends.stance import StanceScorer
from fogline.records import Claim, Modality, Question, Stance, StanceLabel
from fogline.stance import RELATED_LABELS

_NEGATION = re.compile(r"\b(no|not|never|none|nobody|nothing|n't|without)\b", re.IGNORECASE)
MIN_CONFIDENCE = 0.4
_AGREE, _DISAGREE = RELATED_LABELS.index("agree"), RELATED_LABELS.index("disagree")


def negated(text: str) -> bool:
    """A crude polarity test for short wordings: any negation word."""
    return _NEGATION.search(text) is not None


_CLAUSE_BREAK = re.compile(r",?\s+(?:but|while|whereas|and)\s+(?=\w)|;\s*", re.IGNORECASE)


def hypothesis_texts(question: Question) -> list[tuple[str, str]]:
    """(hypothesis id, text) for every wording of every hypothesis, and for each clause of
    a compound wording ("hold a strip | but have not advanced"), so that a claim stating
    one part matches it."""
    out: list[tuple[str, str]] = []
    for h in question.hypotheses:
        for text in (h.text, *h.phrasings):
            out.append((h.id, text))
            parts = [p.strip(" .") for p in _CLAUSE_BREAK.split(text)]
            if len(parts) > 1:
                out.extend((h.id, p) for p in parts if len(p.split()) >= 3)
    return out


def gate(
    claim_vectors: npt.NDArray[np.float32],
    wording_vectors: npt.NDArray[np.float32],
    threshold: float,
    on_topic: list[bool] | None,
) -> list[int]:
    """Indices of claims close enough to some wording to be worth the stance model."""
    if not len(claim_vectors) or not len(wording_vectors):
        return []
    best = (claim_vectors @ wording_vectors.T).max(axis=1)
    return [
        i
        for i, sim in enumerate(best.tolist())
        if sim >= threshold and (on_topic is None or on_topic[i])
    ]


def nearest_wordings(
    similarity: npt.NDArray[np.floating], column: npt.NDArray[np.intp], n_hypotheses: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.intp]]:
    """Per claim (row of ``similarity``) and hypothesis: the best similarity over that
    hypothesis' wordings (``column[k]`` is wording k's hypothesis) and which wording it
    was; -inf and 0 for a hypothesis without wordings."""
    best = np.full((similarity.shape[0], n_hypotheses), -np.inf)
    which = np.zeros((similarity.shape[0], n_hypotheses), dtype=np.intp)
    for j in range(n_hypotheses):
        cols = np.flatnonzero(column == j)
        if len(cols):
            picked = similarity[:, cols].argmax(axis=1)
            which[:, j] = cols[picked]
            best[:, j] = similarity[np.arange(similarity.shape[0]), which[:, j]]
    return best, which


def score_stances(
    question: Question,
    claims: list[Claim],
    claim_vectors: npt.NDArray[np.float32],
    wording_vectors: npt.NDArray[np.float32],
    threshold: float,
    scorer: StanceScorer,
    on_topic: list[bool] | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Stance]:
    """Stances of ``claims`` toward the hypotheses of ``question`` (see the module doc).

    ``on_topic[i]`` False makes claim i unrelated whatever its similarity."""
    wordings = hypothesis_texts(question)
    hyp_ids = [h.id for h in question.hypotheses]
    chosen = gate(claim_vectors, wording_vectors, threshold, on_topic)
    if not chosen or not wordings:
        return []
    column = np.array([hyp_ids.index(h) for h, _ in wordings])
    nearest, _ = nearest_wordings(claim_vectors[chosen] @ wording_vectors.T, column, len(hyp_ids))
    targets = nearest.argmax(axis=1).tolist()
    # Only the nearest hypothesis' wordings go to the scorer.
    asked = [
        (row, k) for row, t in enumerate(targets) for k in np.flatnonzero(column == t).tolist()
    ]
    proba = scorer.predict_proba([(wordings[k][1], claims[chosen[row]].text) for row, k in asked])
    agree = np.zeros(len(chosen))
    disagree = np.zeros(len(chosen))
    rows = np.array([row for row, _ in asked], dtype=np.intp)
    np.maximum.at(agree, rows, proba[:, _AGREE])
    np.maximum.at(disagree, rows, proba[:, _DISAGREE])
    stances = []
    for row, i in enumerate(chosen):
        agrees = bool(agree[row] >= disagree[row])
        hypothesis = hyp_ids[targets[row]]
        confidence = float(agree[row] if agrees else disagree[row])
        if confidence < min_confidence:
            continue
        claim = claims[i]
        if claim.modality == Modality.DENIED and not negated(claim.text):
            agrees = not agrees
        label = StanceLabel.SUPPORTS if agrees else StanceLabel.REFUTES
        stances.append(Stance(claim.id, question.id, hypothesis, label, round(confidence, 4)))
    return stances
