"""RumourEval 2017 replies as extra stance pairs: (the rumour's source tweet, a reply),
labelled by the reply's stance toward the rumour (SemEval-2017 task 8, subtask A).

Only the ``train`` split is read (``dev`` stays out of training). A reply that denies
the rumour is a short text refuting a claim, which FNC-1 has few of (about 700
``disagree`` pairs in its training part); ``deny`` maps to disagree, ``support`` to
agree and ``comment`` to discuss; ``query`` (a question asked of the rumour) has no
FNC-1 counterpart and is left out. Mentions, links and "RT" are taken out of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fogline.bench.data_files import read_json_object
from fogline.errors import InputError

RUMOUREVAL_TO_FNC = {"deny": "disagree", "support": "agree", "comment": "discuss"}
_NOISE = re.compile(r"(?:https?://\S+|@\w+:?|\bRT\b:?)")


@dataclass(frozen=True, slots=True)
class ReplyPair:
    thread: str
    claim: str  # the source tweet
    text: str  # the reply
    stance: str  # FNC-1 label


def clean_tweet(text: str) -> str:
    """The tweet without links, mentions or "RT", its spaces collapsed."""
    return " ".join(_NOISE.sub(" ", text).split())


def read_reply_pairs(folder: Path) -> list[ReplyPair]:
    """Every labelled reply of the ``train`` split under ``folder`` (the layout of
    ``../shared/data/rumoureval2017``), by thread id and then reply id."""
    stance_of = read_json_object(folder / "train-annotations" / "subtaskA.json")
    threads = sorted(
        (p for p in (folder / "train").glob("*/*") if p.is_dir()), key=lambda p: p.name
    )
    if not threads:
        raise InputError(f"{folder}: no train/<event>/<thread> folders (RumourEval 2017 layout)")
    out = []
    for thread in threads:
        sources = sorted(thread.glob("source-tweet/*.json"))
        if not sources:
            continue
        claim = clean_tweet(str(read_json_object(sources[0]).get("text") or ""))
        for reply in sorted(thread.glob("replies/*.json")):
            stance = stance_of.get(reply.stem)
            if not isinstance(stance, str) or stance not in RUMOUREVAL_TO_FNC:
                continue
            text = clean_tweet(str(read_json_object(reply).get("text") or ""))
            if claim and text:
                out.append(ReplyPair(thread.name, claim, text, RUMOUREVAL_TO_FNC[stance]))
    return out
