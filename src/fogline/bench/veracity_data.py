"""Veracity data sets as one shape: claims, each with its gold truth, split and reports.

Emergent (Ferreira & Vlachos 2016): the clean split file (``claimId``, ``articleId``,
``articleHeadlineStance`` for / against / observing) joined on ``articleId`` with a truth
file (``articleId``, ``claimId``, ``source`` = the outlet's domain, ``claimTruth`` = true /
false / unknown). Emergent's public part has no tune/test split of its own, so claims are
split by a hash: ``tune`` if the first byte of sha256(claimId) is even, else ``test``
(240 claims -> 112 tune / 128 test).

RumourEval 2017 (SemEval-2017 Task 8): one folder per thread under ``train/`` and ``dev/``,
stances of every tweet (source tweet included) in ``<split>-annotations/subtaskA.json``
(support / deny / query / comment), veracity of each thread in ``subtaskB.json`` (true /
false / unverified). The reporter of a tweet is its author's screen name. Splits as given
(``train``, ``dev``), but the dev split is one event (germanwings-crash, 25 threads), too
few to score on; each thread also carries its event (``group``) and the bench scores by
cross-validation over train + dev (297 threads). Each thread's ``context`` describes its
origin, read from the source tweet's JSON: whether its author is a verified account,
log10(1 + the author's followers) and log10(1 + the tweet's retweets) (who started the
rumour and how far it spread; Emergent has no such facts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from fogline.bench.data_files import hash_split, read_csv, read_json_object
from fogline.errors import InputError

EMERGENT_STANCES = "url-versions-2015-06-14-clean-train.csv"
EMERGENT_TRUTH = "train-article-sources-and-claim-truth.csv"


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim (Emergent) or rumour thread (RumourEval) with its reports (source, stance)."""

    id: str
    truth: str
    split: str
    reports: tuple[tuple[str, str], ...]
    group: str = ""  # RumourEval: the news event, the unit of its cross-validation folds
    context: tuple[float, ...] = ()  # facts about the claim's origin (``context_names``)


@dataclass(frozen=True, slots=True)
class VeracityData:
    """A data set in the one shape; ``points_to`` maps a stance to the class it asserts."""

    name: str
    classes: tuple[str, ...]
    stances: tuple[str, ...]
    points_to: dict[str, str]
    splits: tuple[str, str]  # (tune split, test split)
    claims: tuple[Claim, ...]
    by_group: bool = False  # score by leave-one-group-out cross-validation (see veracity)
    context_names: tuple[str, ...] = ()  # names of each claim's ``context`` values


def load_emergent(stances: Path, truth: Path, limit: int | None = None) -> VeracityData:
    """Emergent claims (first ``limit`` by first appearance in the truth file, if given).

    Raises InputError on unreadable files, missing columns or unknown labels.
    """
    stance_of = {
        r["articleId"]: r["articleHeadlineStance"].strip().lower()
        for r in read_csv(stances, {"articleId", "articleHeadlineStance"})
    }
    classes = ("true", "false", "unknown")
    stance_names = ("for", "against", "observing")
    truth_of: dict[str, str] = {}
    reports: dict[str, list[tuple[str, str]]] = {}
    for r in read_csv(truth, {"articleId", "claimId", "source", "claimTruth"}):
        stance = stance_of.get(r["articleId"])
        if stance is None:
            continue
        label = r["claimTruth"].strip().lower()
        if label not in classes or stance not in stance_names:
            raise InputError(f"{truth}: unknown label {label!r} or stance {stance!r}")
        truth_of[r["claimId"]] = label
        reports.setdefault(r["claimId"], []).append((r["source"].strip() or "?", stance))
    ids = list(reports)[:limit] if limit is not None else list(reports)
    if not ids:
        raise InputError(f"no claim in {truth} has a report in {stances}")
    claims = tuple(Claim(c, truth_of[c], hash_split(c), tuple(reports[c])) for c in ids)
    return VeracityData(
        "emergent",
        classes,
        stance_names,
        {"for": "true", "against": "false", "observing": "unknown"},
        ("tune", "test"),
        claims,
    )


def _author(path: Path) -> str:
    tweet = read_json_object(path)
    user = tweet.get("user")
    name = user.get("screen_name") if isinstance(user, dict) else None
    return str(name) if name else "?"


RUMOUREVAL_CONTEXT = ("source_verified", "source_log10_followers", "log10_retweets")


def _origin(path: Path) -> tuple[float, ...]:
    """The source tweet's ``RUMOUREVAL_CONTEXT``: is its author verified, log10(1 +
    the author's followers), log10(1 + its retweets); a missing field counts as 0."""
    tweet = read_json_object(path)
    user = tweet.get("user")
    user = user if isinstance(user, dict) else {}

    def count(value: object) -> float:
        return math.log10(1.0 + value) if isinstance(value, int | float) and value > 0 else 0.0

    return (
        1.0 if user.get("verified") is True else 0.0,
        count(user.get("followers_count")),
        count(tweet.get("retweet_count")),
    )


def _rumoureval_split(data: Path, split: str, limit: int | None) -> list[Claim]:
    stance_of = read_json_object(data / f"{split}-annotations" / "subtaskA.json")
    truth_of = read_json_object(data / f"{split}-annotations" / "subtaskB.json")
    threads = sorted(
        (p for p in (data / split).glob("*/*") if p.is_dir() and p.name in truth_of),
        key=lambda p: p.name,
    )
    if limit is not None:
        threads = threads[: max(0, limit)]
    claims = []
    for thread in threads:
        reports = []
        sources = sorted(thread.glob("source-tweet/*.json"))
        for tweet in sources + sorted(thread.glob("replies/*.json")):
            stance = stance_of.get(tweet.stem)
            if isinstance(stance, str):
                reports.append((_author(tweet), stance))
        truth = str(truth_of[thread.name])
        context = _origin(sources[0]) if sources else (0.0,) * len(RUMOUREVAL_CONTEXT)
        claims.append(Claim(thread.name, truth, split, tuple(reports), thread.parent.name, context))
    return claims


def load_rumoureval(data: Path, limit: int | None = None) -> VeracityData:
    """RumourEval 2017 train and dev threads (the first ``limit`` of each, by id, if given).

    Raises InputError if the folder or its annotation files are missing or unreadable.
    """
    if not data.is_dir():
        raise InputError(f"no such folder: {data}")
    claims = _rumoureval_split(data, "train", limit) + _rumoureval_split(data, "dev", limit)
    if not claims:
        raise InputError(f"no annotated threads under {data}/train or {data}/dev")
    classes = ("true", "false", "unverified")
    for c in claims:
        if c.truth not in classes:
            raise InputError(f"{data}: thread {c.id} has unknown veracity {c.truth!r}")
    return VeracityData(
        "rumoureval",
        classes,
        ("support", "deny", "query", "comment"),
        {"support": "true", "deny": "false", "query": "unverified"},
        ("train", "dev"),
        tuple(claims),
        by_group=True,
        context_names=RUMOUREVAL_CONTEXT,
    )
