"""Gold statements matched to predicted ones, and the accuracy of each attribution field.

A gold statement (src/fogline/demo/README.md) names its file, speaker, cue and a verbatim
``content_contains``; it is matched to the predicted statement of the same file whose
``content`` contains that text (or most of its words), one to one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
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


def gold_row(m: StatementMatch) -> Row:
    g = m.gold
    return {
        "file": g["file"],
        "speaker": g["speaker"],
        "cue": g["cue"],
        "content_contains": g["content_contains"],
        "sentence": m.sentence,
    }
