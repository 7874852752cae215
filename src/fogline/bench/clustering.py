"""``fogline bench clustering``: do headlines about one Emergent claim share a proposition?

Each article headline becomes a ``Claim`` (id = articleId), is embedded with the real
embedder and grouped by ``fogline.link.propositions.cluster_claims``; the gold cluster
of a headline is its ``claimId``. Scored with scikit-learn's V-measure (and its
homogeneity and completeness) and adjusted Rand index.

Split: the claims fall into a ``tune`` and a ``test`` half by the parity of the first
byte of SHA-256(claimId) (the rule ``bench veracity`` uses); each half is clustered on
its own. The headline figures are the test half's, at the project's default threshold
(``Settings().proposition_threshold``) unless ``--threshold`` is given. The tune half
alone is used to choose thresholds: the best one for fogline's embedder is reported
(``tuned``) with its test-half figures, so the default can be revisited; the baseline's
threshold is chosen the same way.

Baseline: TF-IDF (scikit-learn, word unigrams, sublinear tf, L2 rows, fitted on the
headlines being clustered, no labels) under the same greedy clustering, at the
threshold best on the tune half.

``--limit N`` keeps whole claims in order of first appearance while the headlines stay
within N (a slice of the first N rows would leave about one headline per claim).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import numpy as np
import numpy.typing as npt

from fogline.bench.data_files import hash_split, read_csv, write_csv
from fogline.bench.report import document, emit
from fogline.errors import InputError
from fogline.link.propositions import cluster_claims
from fogline.records import Claim, Modality
from fogline.settings import Settings

Matrix = npt.NDArray[np.float32]

NEEDED = {"articleHeadline", "articleId", "claimId"}
GRID = tuple(round(0.05 + 0.025 * k, 3) for k in range(35))  # 0.05 .. 0.90


@dataclass(frozen=True, slots=True)
class Headline:
    """One Emergent article headline and the claim it is about."""

    article_id: str
    claim_id: str
    text: str


def load(path: Path, limit: int | None = None) -> list[Headline]:
    """The headlines of an Emergent-format CSV in file order (whole claims up to ``limit``)."""
    if not path.is_file():
        raise InputError(f"no such data file: {path}")
    rows = [
        Headline(r["articleId"], r["claimId"], r["articleHeadline"].strip())
        for r in read_csv(path, NEEDED)
    ]
    if not rows:
        raise InputError(f"{path}: no headlines")
    if len({h.article_id for h in rows}) != len(rows):
        raise InputError(f"{path}: articleId is not unique per row")
    if limit is None:
        return rows
    sizes: dict[str, int] = {}
    for h in rows:
        sizes[h.claim_id] = sizes.get(h.claim_id, 0) + 1
    kept: set[str] = set()
    total = 0
    for claim_id, n in sizes.items():  # dicts keep first-appearance order
        if kept and total + n > limit:
            break
        kept.add(claim_id)
        total += n
    return [h for h in rows if h.claim_id in kept]


def as_claims(headlines: Sequence[Headline]) -> list[Claim]:
    """One asserted ``Claim`` per headline, its id the (stable) articleId."""
    return [
        Claim(
            id=h.article_id,
            document_id=h.article_id,
            statement_id=None,
            text=h.text,
            start=0,
            end=len(h.text),
            modality=Modality.ASSERTED,
        )
        for h in headlines
    ]


def cluster(headlines: Sequence[Headline], vectors: Matrix, threshold: float) -> list[str]:
    """The proposition id of each headline, in input order."""
    claims = as_claims(headlines)
    label = {cid: p.id for p in cluster_claims(claims, vectors, threshold) for cid in p.claim_ids}
    return [label[c.id] for c in claims]


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """V-measure, homogeneity, completeness, adjusted Rand and cluster counts."""
    from sklearn.metrics import (  # type: ignore[import-untyped]
        adjusted_rand_score,
        homogeneity_completeness_v_measure,
    )

    homogeneity, completeness, v_measure = homogeneity_completeness_v_measure(gold, predicted)
    return {
        "v_measure": round(float(v_measure), 4),
        "adjusted_rand": round(float(adjusted_rand_score(gold, predicted)), 4),
        "homogeneity": round(float(homogeneity), 4),
        "completeness": round(float(completeness), 4),
        "clusters": len(set(predicted)),
        "gold_claims": len(set(gold)),
        "headlines": len(gold),
    }


def halves(headlines: Sequence[Headline]) -> dict[str, list[int]]:
    """Row positions of the tune and test halves."""
    out: dict[str, list[int]] = {"tune": [], "test": []}
    for i, h in enumerate(headlines):
        out[hash_split(h.claim_id)].append(i)
    return out


def evaluate(
    headlines: Sequence[Headline], vectors: Matrix, rows: Sequence[int], threshold: float
) -> dict[str, Any]:
    """Scores of clustering the headlines at ``rows`` (on their own) at ``threshold``."""
    if not rows:
        return {}
    subset = [headlines[i] for i in rows]
    predicted = cluster(subset, vectors[list(rows)], threshold)
    return score([h.claim_id for h in subset], predicted)


def best_threshold(
    headlines: Sequence[Headline], vectors: Matrix, rows: Sequence[int]
) -> tuple[float, list[dict[str, Any]]]:
    """The grid threshold with the highest V-measure on ``rows`` (ties: the lower one),
    and the sweep itself."""
    sweep = [{"threshold": t, **evaluate(headlines, vectors, rows, t)} for t in GRID if rows]
    if not sweep:
        return GRID[0], []
    best = max(sweep, key=lambda s: (s["v_measure"], -s["threshold"]))
    return float(best["threshold"]), sweep


def tfidf_vectors(texts: Sequence[str]) -> Matrix:
    """TF-IDF rows (word unigrams, sublinear tf), L2-normalised, fitted on ``texts``."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(list(texts))
    out: Matrix = np.asarray(matrix.toarray(), dtype=np.float32)
    return out


def _method(
    headlines: Sequence[Headline], vectors: Matrix, threshold: float | None
) -> dict[str, Any]:
    """Test-half figures at ``threshold`` (tuned on the tune half when None), tune beside."""
    split = halves(headlines)
    tuned, sweep = best_threshold(headlines, vectors, split["tune"])
    used = tuned if threshold is None else threshold
    out: dict[str, Any] = {"threshold": used, **evaluate(headlines, vectors, split["test"], used)}
    out["tune"] = evaluate(headlines, vectors, split["tune"], used)
    if threshold is not None:  # else the figures above are already the tuned ones
        out["tuned"] = {
            "threshold": tuned,
            "test": evaluate(headlines, vectors, split["test"], tuned),
            "tune": evaluate(headlines, vectors, split["tune"], tuned),
        }
    out["sweep_tune"] = [
        {k: s[k] for k in ("threshold", "v_measure", "adjusted_rand", "clusters")} for s in sweep
    ]
    return out


def scale_check(n: int, threshold: float, seed: int = 0) -> dict[str, Any]:
    """Time the clustering of ``n`` synthetic claims: MiniLM-sized unit vectors scattered
    around n/10 planted centres (the clustering's cost, without the embedder's)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(1, n // 10), 384)).astype(np.float32)
    vectors = centres[rng.integers(0, len(centres), n)]
    vectors = vectors + 0.5 * rng.normal(size=vectors.shape).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    claims = [
        Claim(f"c{i}", "synthetic", None, f"claim {i}", 0, 1, Modality.ASSERTED) for i in range(n)
    ]
    started = time.perf_counter()
    propositions = cluster_claims(claims, vectors, threshold)
    return {
        "claims": n,
        "planted": len(centres),
        "propositions": len(propositions),
        "seconds": round(time.perf_counter() - started, 2),
    }


def run(
    data: Path,
    *,
    threshold: float | None = None,
    limit: int | None = None,
    embedder: str = "minilm",
    predictions: Path | None = None,
    scale: int = 0,
) -> dict[str, Any]:
    """The clustering bench's result document (see the module doc); writes the
    predictions (``articleId``, ``proposition``, input order) when asked."""
    from fogline.backends import get_embedder

    started = time.perf_counter()
    headlines = load(data, limit)
    used = Settings().proposition_threshold if threshold is None else threshold
    t0 = time.perf_counter()
    vectors = get_embedder(embedder).embed([h.text for h in headlines])
    embed_s = time.perf_counter() - t0
    ours = _method(headlines, vectors, used)
    ours["all"] = evaluate(headlines, vectors, range(len(headlines)), used)
    ours["embed_per_s"] = round(len(headlines) / max(embed_s, 1e-9), 1)
    baseline = _method(headlines, tfidf_vectors([h.text for h in headlines]), None)
    split = halves(headlines)
    size = {
        "headlines": len(headlines),
        "claims": len({h.claim_id for h in headlines}),
        "tune_headlines": len(split["tune"]),
        "test_headlines": len(split["test"]),
    }
    if predictions is not None:
        write_predictions(predictions, headlines, cluster(headlines, vectors, used))
    if scale:
        ours["scale"] = scale_check(scale, used)
    notes = {
        "embedder": embedder,
        "split": "claims by parity of sha256(claimId)[0]: even = tune, odd = test; "
        "each half clustered on its own; top-level figures = test half",
        "threshold": "project default (Settings.proposition_threshold)"
        if threshold is None
        else "given by --threshold",
        "tuned": "threshold with the best tune-half V-measure on a 0.05..0.90 grid",
        "baseline": "TF-IDF (sklearn, sublinear tf) + the same greedy clustering, "
        "threshold tuned on the tune half",
        "predictions": "all headlines clustered together at the run's threshold",
    }
    return document(
        "clustering",
        ours,
        {"tfidf_greedy": baseline},
        data=str(data),
        size=size,
        started=started,
        notes=notes,
    )


def write_predictions(path: Path, headlines: Sequence[Headline], labels: Sequence[str]) -> None:
    """``articleId``, ``proposition`` per headline, in input order."""
    rows = ([h.article_id, label] for h, label in zip(headlines, labels, strict=True))
    write_csv(path, ["articleId", "proposition"], rows)


@click.command()
@click.option(
    "--data",
    "data",
    type=click.Path(path_type=Path),
    required=True,
    help="Emergent-format CSV (articleHeadline, articleId, claimId).",
)
@click.option(
    "--predictions",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write articleId,proposition here.",
)
@click.option("--limit", type=int, default=None, help="Only whole claims up to N headlines.")
@click.option(
    "--scale",
    type=int,
    default=0,
    help="Also time the clustering of N synthetic claims (e.g. 100000); 0 skips it.",
)
@click.option(
    "--threshold",
    type=float,
    default=None,
    help="Cosine threshold for fogline (default: the project's proposition_threshold).",
)
def command(
    data: Path, predictions: Path | None, limit: int | None, scale: int, threshold: float | None
) -> None:
    """Emergent headlines grouped into propositions: fogline (MiniLM) vs TF-IDF.

    Headlines that share a claimId should share a proposition. Prints one JSON object:
    V-measure, adjusted Rand, homogeneity, completeness and cluster counts on the test
    half of the claims (the tune half beside; see fogline.bench.clustering), the best
    threshold on the tune half, and the same for the TF-IDF baseline.
    """
    click.echo("embedding headlines ...", err=True)
    click.echo(
        emit(run(data, threshold=threshold, limit=limit, predictions=predictions, scale=scale))
    )
