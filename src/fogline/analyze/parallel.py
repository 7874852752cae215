"""The analyze stage over several local processes, for corpora worth the start-up cost.

Each worker process loads the spaCy pipeline once and analyzes chunks of documents;
results come back in input order, so what is stored, and every figure after it, is the
same as with one process. Workers are started with "spawn" (no state is inherited from a
parent that may already hold model threads) and ignore Ctrl-C: the parent stops them,
and what it has already stored stays whole.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from fogline.analyze.pipeline import analyze_documents
from fogline.errors import FoglineError
from fogline.records import Document, DocumentAnalysis

# Below this many documents one process is faster: a worker takes seconds to start.
MIN_DOCUMENTS = 24
CHUNK = 4

_nlp: Any = None


def default_workers() -> int:
    """One worker per core this process may use, at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(8, cores))


def analyze_in_processes(
    documents: Sequence[Document], model: str, workers: int
) -> Iterator[tuple[Document, DocumentAnalysis]]:
    """(document, analysis) in input order, analyzed by ``workers`` processes."""
    chunks = [documents[i : i + CHUNK] for i in range(0, len(documents), CHUNK)]
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start, initargs=(model,)
    )
    try:
        for chunk, analyses in zip(chunks, pool.map(_analyze, chunks), strict=True):
            yield from zip(chunk, analyses, strict=True)
    except BrokenProcessPool as exc:
        raise FoglineError(
            "an analysis process died (out of memory?); run again with FOGLINE_WORKERS=1"
        ) from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start(model: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _nlp
    from fogline.backends.parser import load_parser

    _nlp = load_parser(model)


def _analyze(documents: Sequence[Document]) -> list[DocumentAnalysis]:
    return [analysis for _, analysis in analyze_documents(documents, _nlp)]
