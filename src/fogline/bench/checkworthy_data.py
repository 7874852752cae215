"""Check-worthiness data (ClaimBuster 2-class, CLEF 2019 task 1) and its fixed split.

Split rule, shared by ``fogline train checkworthy`` and ``fogline bench checkworthy``:
the first byte of SHA-256(key) modulo 5 gives ``test`` (0), ``tune`` (1) or ``train``
(2-4). For CLEF 2019 the key is the debate's file name without ``.tsv``, so whole
debates are held out; for ClaimBuster (no debates in the file) it is the normalised
sentence text, so repeated sentences fall in one part. The shipped model is fitted on
``train`` + ``tune`` of both sets; ``tune`` alone chooses its settings; ``test`` is
never seen. Training rows whose normalised text occurs in a held-out part of either
set are dropped (the two sets share some 850 sentences).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fogline.bench.data_files import read_csv
from fogline.errors import InputError

DATASETS = ("claimbuster", "clef2019")
CLAIMBUSTER_FILE = Path("claimbuster_2class") / "kfold_25ncs.csv"
CLEF_DIR = Path("clef2019_task1") / "training"
PARTS = ("train", "tune", "test")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One labelled sentence; ``group`` is the debate (CLEF) or "" (ClaimBuster)."""

    dataset: str
    id: str
    group: str
    text: str
    label: int
    part: str


def normalise(text: str) -> str:
    """Lower case, letters and digits only, single spaces: the key for overlap checks."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def part_of(key: str) -> str:
    """``test``, ``tune`` or ``train`` for ``key`` (see the module doc)."""
    b = hashlib.sha256(key.encode("utf-8")).digest()[0] % 5
    return "test" if b == 0 else "tune" if b == 1 else "train"


def _label(value: str, where: str) -> int:
    if value.strip() not in ("0", "1"):
        raise InputError(f"{where}: label must be 0 or 1, not {value.strip()!r}")
    return int(value)


def load_claimbuster(path: Path) -> list[Sentence]:
    """The sentences of a ClaimBuster 2-class CSV (sentence_id, label, text), file order."""
    if not path.is_file():
        raise InputError(f"no such ClaimBuster file: {path}")
    rows = read_csv(path, ("sentence_id", "label", "text"))
    if not rows:
        raise InputError(f"{path}: no sentences")
    return [
        Sentence(
            "claimbuster",
            r["sentence_id"],
            "",
            r["text"].strip(),
            _label(r["label"], f"{path} sentence {r['sentence_id']}"),
            part_of(normalise(r["text"])),
        )
        for r in rows
    ]


def load_clef(folder: Path) -> list[Sentence]:
    """The sentences of a folder of CLEF 2019 task 1 TSV files (line, speaker, text,
    label), debates in file-name order, lines in file order; id = "<debate>:<line>"."""
    files = sorted(folder.glob("*.tsv")) if folder.is_dir() else []
    if not files:
        raise InputError(f"no CLEF 2019 .tsv files in {folder}")
    out = []
    for path in files:
        debate = path.stem
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read {path}: {exc}") from exc
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            cells = line.split("\t", 3)
            if len(cells) != 4:
                raise InputError(f"{path}:{n}: expected 4 tab-separated cells")
            label = _label(cells[3], f"{path}:{n}")
            out.append(
                Sentence("clef2019", cells[0], debate, cells[2].strip(), label, part_of(debate))
            )
    return out


def resolve(data: Path, dataset: str) -> Path:
    """The file (ClaimBuster) or folder (CLEF) of ``dataset`` under ``data``, or ``data``
    itself when it already is one."""
    if dataset not in DATASETS:
        raise InputError(f"unknown check-worthiness data set {dataset!r}; known: {DATASETS}")
    if not data.exists():
        raise InputError(f"no such data path: {data}")
    if dataset == "claimbuster":
        return data if data.is_file() else data / CLAIMBUSTER_FILE
    return data / CLEF_DIR if (data / CLEF_DIR).is_dir() else data


def load(data: Path, dataset: str) -> list[Sentence]:
    """The sentences of ``dataset`` found at ``data`` (see ``resolve``)."""
    path = resolve(data, dataset)
    return load_claimbuster(path) if dataset == "claimbuster" else load_clef(path)


def load_available(data: Path) -> dict[str, list[Sentence]]:
    """Every data set found under the check-worthiness folder ``data`` (at least one)."""
    if not data.is_dir():
        raise InputError(f"no such data folder: {data}")
    found = {}
    if (data / CLAIMBUSTER_FILE).is_file():
        found["claimbuster"] = load(data, "claimbuster")
    if (data / CLEF_DIR).is_dir():
        found["clef2019"] = load(data, "clef2019")
    if not found:
        raise InputError(f"{data}: neither {CLAIMBUSTER_FILE} nor {CLEF_DIR} found")
    return found


def held_out_texts(sets: Iterable[Sequence[Sentence]], parts: Sequence[str]) -> set[str]:
    """The normalised texts of the sentences in ``parts``."""
    return {normalise(s.text) for rows in sets for s in rows if s.part in parts}


def select(
    sets: Iterable[Sequence[Sentence]], parts: Sequence[str], unseen: set[str]
) -> list[Sentence]:
    """The sentences of ``parts`` whose normalised text is not in ``unseen``, in data-set
    then file order."""
    return [s for rows in sets for s in rows if s.part in parts and normalise(s.text) not in unseen]


def even_sample(rows: Sequence[Sentence], n: int) -> list[Sentence]:
    """``n`` rows (at least one) spread evenly over ``rows``, in order."""
    if n >= len(rows):
        return list(rows)
    n = max(n, 1)
    return [rows[i * len(rows) // n] for i in range(n)]


def limit_rows(rows: Sequence[Sentence], limit: int | None) -> list[Sentence]:
    """At most ``limit`` rows in order: whole debates from the first (at least one), or,
    without debates, an even sample (the ClaimBuster file is sorted by label)."""
    if limit is None:
        return list(rows)
    if not any(s.group for s in rows):
        return even_sample(rows, limit)
    out: list[Sentence] = []
    for group in dict.fromkeys(s.group for s in rows):
        members = [s for s in rows if s.group == group]
        if out and len(out) + len(members) > limit:
            break
        out.extend(members)
    return out
