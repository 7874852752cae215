"""How far a result document recovers the demo gold (src/fogline/demo/gold.json).

Pure functions over two plain dicts, the result (notes/RESULT_SCHEMA.md) and the gold
(src/fogline/demo/README.md); each returns its figures together with the cases it got
wrong, so a failing test or ``report_gold`` can say what went wrong and where. Statement
matching lives in ``statements``; this module adds the corpus-level figures.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from importlib import resources
from typing import Any

from .statements import (
    Row,
    brief,
    file_of,
    gold_row,
    match_statements,
    norm,
    statement_figures,
)


def load_gold() -> Row:
    """The gold annotations bundled with the demo corpus."""
    text = resources.files("fogline.demo").joinpath("gold.json").read_text(encoding="utf-8")
    gold: Row = json.loads(text)
    return gold


def run_demo(embedder: str = "minilm") -> tuple[Row, Any]:
    """Run the real pipeline (spaCy + ``embedder``) over the demo corpus, as ``fogline demo``."""
    from fogline.api import analyze
    from fogline.settings import Settings

    with resources.as_file(resources.files("fogline.demo")) as folder:
        return analyze(
            [folder / "corpus"],
            sides=folder / "sides.toml",
            questions=folder / "questions.toml",
            settings=Settings(embedder=embedder),
        )


def dependence_figures(result: Row, gold: Row) -> Row:
    """Gold file-level dependences found among the result's claim-level ones.

    ``found``: some predicted link joins claims of the two files (either direction).
    ``kind_ok``: one of them has the gold kind, in the gold direction (either for a
    near-duplicate). ``extra`` lists file pairs the result links that the gold does not.
    """
    files = file_of(result)
    doc_of = {c["id"]: files[c["document"]] for c in result["claims"]}
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    for d in result["dependences"]:
        a, b = doc_of.get(d["claim"]), doc_of.get(d["depends_on"])
        if a and b and a != b:
            links[(a, b)].add(d["kind"])
    rows, gold_pairs = [], set()
    for g in gold["dependences"]:
        a, b = g["file"], g["depends_on_file"]
        gold_pairs |= {(a, b), (b, a)}
        forward, backward = links.get((a, b), set()), links.get((b, a), set())
        kinds = forward | backward if g["kind"] == "near_duplicate" else forward
        rows.append(
            {
                **g,
                "found": bool(forward or backward),
                "kind_ok": g["kind"] in kinds,
                "got": sorted(forward) + [f"reverse:{k}" for k in sorted(backward)],
            }
        )
    n = len(rows)
    return {
        "dependence_recall": round(sum(r["found"] for r in rows) / n, 4) if n else 0.0,
        "dependence_kind_recall": round(sum(r["kind_ok"] for r in rows) / n, 4) if n else 0.0,
        "dependences_gold": n,
        "dependence_file_pairs_predicted": len(links),
        "missed": [r for r in rows if not r["kind_ok"]],
        "extra": sorted(
            f"{a} -> {b} {sorted(k)}" for (a, b), k in links.items() if (a, b) not in gold_pairs
        ),
    }


def hypothesis_figures(result: Row, gold: Row) -> Row:
    """The question's ranking, the true hypothesis's place, the majority-vote baseline."""
    q = next(x for x in result["questions"] if x["id"] == gold["question"])
    ranked = sorted(q["hypotheses"], key=lambda h: -h["probability"])
    return {
        "ranking": [(h["id"], h["probability"]) for h in ranked],
        "top": ranked[0]["id"],
        "true": gold["true_hypothesis"],
        "true_probability": next(
            h["probability"] for h in ranked if h["id"] == gold["true_hypothesis"]
        ),
        "majority_vote": q["majority_vote"],
        "gold_majority_by_reports": gold["majority_by_reports"],
    }


def document_stance_figures(result: Row, gold: Row) -> Row:
    """Each report's vote as the baseline counts it (its claims' most-supported hypothesis)."""
    files = file_of(result)
    q = next(x for x in result["questions"] if x["id"] == gold["question"])
    order = [h["id"] for h in q["hypotheses"]]
    doc_of = {c["id"]: files[c["document"]] for c in result["claims"]}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for st in result["stances"]:
        if st.get("question", q["id"]) == q["id"] and st["label"] == "supports":
            counts[doc_of[st["claim"]]][st["hypothesis"]] += 1
    rows = []
    for d in gold["documents"]:
        c = counts.get(d["file"], Counter())
        top = max(c.values(), default=0)
        pick = next((h for h in order if top and c[h] == top), None)
        rows.append({"file": d["file"], "expected": d["stance"], "got": pick, "counts": dict(c)})
    n = len(rows)
    return {
        "document_stance_accuracy": round(sum(r["got"] == r["expected"] for r in rows) / n, 4),
        "votes_gold": dict(Counter(r["expected"] for r in rows if r["expected"])),
        "votes_got": dict(Counter(r["got"] for r in rows if r["got"])),
        "wrong": [r for r in rows if r["got"] != r["expected"]],
    }


def absence_figures(result: Row, gold: Row) -> Row:
    """Gold absence signals found as evidence rows with ``absent`` true."""
    rows = [e for q in result["questions"] for e in q["evidence"] if e["absent"]]
    got = sorted({(e["source_name"], e["hypothesis"]) for e in rows})
    found = [
        g
        for g in gold["absent"]
        if any(norm(g["source"]) == norm(s) and g["hypothesis"] == h for s, h in got)
    ]
    n = len(gold["absent"])
    return {
        "absence_recall": round(len(found) / n, 4) if n else 0.0,
        "missed": [g for g in gold["absent"] if g not in found],
        "absent_rows": [f"{s} / {h}" for s, h in got],
    }


def _loaded_hit(phrase: str, term: str) -> bool:
    p, t = norm(phrase), norm(term)
    return bool(t) and (re.search(r"\b" + re.escape(t), p) is not None or p in t)


def loaded_figures(result: Row, gold: Row) -> Row:
    """Gold loaded phrases with a word in some claim's ``loaded`` list in that file.

    A term hits a phrase when it starts a word of the phrase ("invader" hits "fascist
    invaders") or contains the whole phrase. Precision: the share of flagged terms in the
    gold's files that hit some gold phrase of their file.
    """
    files = file_of(result)
    terms: dict[str, set[str]] = defaultdict(set)
    for c in result["claims"]:
        terms[files[c["document"]]].update(c["loaded"])
    phrases: dict[str, list[str]] = defaultdict(list)
    for g in gold["loaded_language"]:
        phrases[g["file"]].append(g["phrase"])
    missed = [
        g
        for g in gold["loaded_language"]
        if not any(_loaded_hit(g["phrase"], t) for t in terms.get(g["file"], ()))
    ]
    flagged = [(f, t) for f, ts in sorted(terms.items()) for t in sorted(ts)]
    unmatched = [
        f"{f}: {t}" for f, t in flagged if not any(_loaded_hit(p, t) for p in phrases.get(f, ()))
    ]
    n = len(gold["loaded_language"])
    return {
        "loaded_recall": round((n - len(missed)) / n, 4) if n else 0.0,
        "loaded_precision": round(1 - len(unmatched) / len(flagged), 4) if flagged else 0.0,
        "missed": missed,
        "flagged_not_in_gold": unmatched,
    }


def all_figures(result: Row, gold: Row) -> Row:
    """Every figure, with the failures behind them, as one JSON-able dict."""
    matches, spurious = match_statements(result, gold)
    return {
        "statements": statement_figures(matches, spurious),
        "dependences": dependence_figures(result, gold),
        "hypothesis": hypothesis_figures(result, gold),
        "document_stance": document_stance_figures(result, gold),
        "absence": absence_figures(result, gold),
        "loaded": loaded_figures(result, gold),
        "not_recovered": [
            {**gold_row(m), "came_out": [brief(p) for p in m.nearby]}
            for m in matches
            if m.pred is None
        ],
        "mismatched": [
            {
                **gold_row(m),
                "fields": {
                    k: {"expected": m.expected[k], "got": m.got[k]}
                    for k in m.expected
                    if k != "stance"
                },
            }
            for m in matches
            if m.pred is not None and set(m.expected) - {"stance"}
        ],
        "stance_mismatched": [
            {**gold_row(m), "expected": m.expected["stance"], "got": m.got["stance"]}
            for m in matches
            if "stance" in m.expected
        ],
        "spurious_statements": [
            {
                "file": file_of(result)[p["document"]],
                "speaker": p["speaker"],
                "cue": p["cue"],
                "content": p["content"],
            }
            for p in spurious
        ],
    }
