"""How far a result document recovers the demo gold (src/fogline/demo/gold.json).

Pure functions over two plain dicts, the result (notes/RESULT_SCHEMA.md) and the gold
(src/fogline/demo/README.md); each returns its figures together with the cases it got
wrong, so a failing test or ``report_gold`` can say what went wrong and where.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

Row = dict[str, Any]

# A predicted content "heavily overlaps" a gold one when it holds this share of its words.
OVERLAP = 0.8
STATEMENT_FIELDS = (
    "speaker",
    "actor",
    "cue",
    "venue",
    "said_at",
    "event_at",
    "direct",
    "via",
    "stance",
)
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


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


def norm(text: str | None) -> str:
    """Casefolded text with straight quotes and single spaces."""
    return " ".join((text or "").translate(_QUOTES).casefold().split())


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", norm(text))


def file_of(result: Row) -> dict[str, str]:
    """Document id -> file name (the gold names documents by file)."""
    return {d["id"]: Path(d["path"] or d["id"]).name for d in result["documents"]}


@dataclass(slots=True)
class StatementMatch:
    """One gold statement, the predicted statement matched to it (if any) and the field errors."""

    gold: Row
    pred: Row | None = None
    how: str | None = None  # "contains" or "overlap"
    sentence: str | None = None
    # Predicted statements in the gold statement's sentence (what came out instead).
    nearby: list[Row] = field(default_factory=list)
    checked: dict[str, bool] = field(default_factory=dict)
    expected: dict[str, Any] = field(default_factory=dict)
    got: dict[str, Any] = field(default_factory=dict)


def _match_score(gold: Row, pred: Row) -> tuple[float, str] | None:
    want, have = norm(gold["content_contains"]), norm(pred["content"])
    if want and want in have:
        return 2.0, "contains"
    gw = set(words(want))
    if not gw:
        return None
    share = len(gw & set(words(have))) / len(gw)
    return (share, "overlap") if share >= OVERLAP else None


def _surname(name: str) -> str:
    parts = norm(name).split()
    return parts[-1] if parts else ""


def _speaker_ok(gold: Row, pred: Row) -> bool:
    speaker, actor = norm(pred.get("speaker")), norm(pred.get("actor_name"))
    if gold["actor"]:
        want = norm(gold["actor"])
        return actor == want or _surname(want) in actor or _surname(want) in speaker
    span = norm(gold["speaker"])
    return bool(speaker) and (span in speaker or speaker in span)


def _stances_by_statement(result: Row) -> dict[str, str | None]:
    """Statement id -> the hypothesis its claims support most confidently (None: no support)."""
    best: dict[str, tuple[float, str]] = {}
    statement_of = {c["id"]: c["statement"] for c in result["claims"]}
    for st in result["stances"]:
        sid = statement_of.get(st["claim"])
        if (
            sid
            and st["label"] == "supports"
            and (sid not in best or st["confidence"] > best[sid][0])
        ):
            best[sid] = (st["confidence"], st["hypothesis"])
    return {sid: hyp for sid, (_, hyp) in best.items()}


def _check(m: StatementMatch, stance_of: dict[str, str | None]) -> None:
    g, p = m.gold, m.pred
    assert p is not None
    checks: dict[str, tuple[bool, Any, Any]] = {
        "speaker": (_speaker_ok(g, p), g["actor"] or g["speaker"], (p["speaker"], p["actor_name"])),
        "cue": (norm(g["cue"]) in norm(p["cue"]), g["cue"], p["cue"]),
        "direct": (bool(p["direct"]) == g["direct"], g["direct"], p["direct"]),
        "stance": (stance_of.get(p["id"]) == g["stance"], g["stance"], stance_of.get(p["id"])),
    }
    if g["actor"]:
        checks["actor"] = (norm(p["actor_name"]) == norm(g["actor"]), g["actor"], p["actor_name"])
    if g["venue"]:
        want, have = norm(g["venue"]), norm(p["venue"])
        checks["venue"] = (bool(have) and (want in have or have in want), g["venue"], p["venue"])
    for key in ("said_at", "event_at"):
        if g[key]:
            checks[key] = (p[key] == g[key], g[key], p[key])
    if g["via"]:
        want, have = norm(g["via"]), norm(p["via"])
        checks["via"] = (bool(have) and (want in have or have in want), g["via"], p["via"])
    for key, (ok, expected, got) in checks.items():
        m.checked[key] = ok
        if not ok:
            m.expected[key], m.got[key] = expected, got


def match_statements(result: Row, gold: Row) -> tuple[list[StatementMatch], list[Row]]:
    """Match gold statements one-to-one to predicted ones in the same file.

    A pair qualifies when the predicted content contains the gold ``content_contains``
    (or holds ``OVERLAP`` of its words); containment wins over overlap, then the larger
    overlap, then document order. Returns every gold statement's match and the predicted
    statements left unmatched (in files the gold covers).
    """
    files = file_of(result)
    by_file: dict[str, list[Row]] = defaultdict(list)
    for s in result["statements"]:
        by_file[files[s["document"]]].append(s)
    sentences = {
        files[d["id"]]: {x["index"]: x["text"] for x in d["sentences"]} for d in result["documents"]
    }
    matches = [StatementMatch(g) for g in gold["statements"]]
    pairs = []
    for gi, m in enumerate(matches):
        for pi, p in enumerate(by_file.get(m.gold["file"], [])):
            if (score := _match_score(m.gold, p)) is not None:
                pairs.append((-score[0], gi, pi, score[1]))
    used: set[tuple[str, int]] = set()
    for _, gi, pi, how in sorted(pairs):
        m = matches[gi]
        if m.pred is None and (m.gold["file"], pi) not in used:
            used.add((m.gold["file"], pi))
            m.pred, m.how = by_file[m.gold["file"]][pi], how
    stance_of = _stances_by_statement(result)
    for m in matches:
        texts = sentences.get(m.gold["file"], {})
        want = norm(m.gold["content_contains"])
        index = next((i for i, t in texts.items() if want in norm(t)), None)
        if m.pred is not None:
            index = m.pred["sentence_index"]
            _check(m, stance_of)
        m.sentence = texts[index].strip() if index is not None else None
        m.nearby = [
            p
            for p in by_file.get(m.gold["file"], [])
            if p["sentence_index"] == index and p is not m.pred
        ]
    gold_files = {d["file"] for d in gold["documents"]}
    spurious = [
        p
        for f, preds in sorted(by_file.items())
        if f in gold_files
        for i, p in enumerate(preds)
        if (f, i) not in used
    ]
    return matches, spurious


def statement_figures(matches: list[StatementMatch], spurious: list[Row]) -> Row:
    """Recall, precision, and per-field accuracy over the matched statements it applies to."""
    found = [m for m in matches if m.pred is not None]
    figures: Row = {
        "statements_gold": len(matches),
        "statements_matched": len(found),
        "statement_recall": round(len(found) / len(matches), 4) if matches else 0.0,
        "statement_precision": round(len(found) / (len(found) + len(spurious)), 4)
        if found or spurious
        else 0.0,
    }
    for key in STATEMENT_FIELDS:
        checked = [m.checked[key] for m in found if key in m.checked]
        figures[f"{key}_n"] = len(checked)
        figures[f"{key}_accuracy"] = round(sum(checked) / len(checked), 4) if checked else None
    return figures


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


def brief(p: Row) -> str:
    """A predicted statement in one line."""
    return f"{p['speaker']!r} [{p['actor_name']}] {p['cue']!r} {p['content'][:90]!r}"


def describe(m: StatementMatch, fields: tuple[str, ...] = STATEMENT_FIELDS) -> str:
    """One gold statement's failure (on ``fields``), in a few lines; "" when there is none."""
    g = m.gold
    head = f"{g['file']}: {g['speaker']!r} {g['cue']} ...{g['content_contains']!r}"
    lines = [f"    sentence: {m.sentence!r}"]
    if m.pred is None:
        lines += [f"    came out: {brief(p)}" for p in m.nearby] or ["    came out: nothing"]
        return "\n".join([f"NOT FOUND {head}", *lines])
    wrong = [f"{k}: expected {m.expected[k]!r} got {m.got[k]!r}" for k in m.expected if k in fields]
    if not wrong:
        return ""
    return "\n".join([f"MISMATCH {head}", "    " + "; ".join(wrong), *lines])


def _gold_row(m: StatementMatch) -> Row:
    g = m.gold
    return {
        "file": g["file"],
        "speaker": g["speaker"],
        "cue": g["cue"],
        "content_contains": g["content_contains"],
        "sentence": m.sentence,
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
            {**_gold_row(m), "came_out": [brief(p) for p in m.nearby]}
            for m in matches
            if m.pred is None
        ],
        "mismatched": [
            {
                **_gold_row(m),
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
            {**_gold_row(m), "expected": m.expected["stance"], "got": m.got["stance"]}
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
