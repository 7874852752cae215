"""Claims and gold for ``fogline bench truth``: the generic CSV format and two adapters.

Generic format (``--claims`` and ``--gold``), UTF-8 CSV with a header row:

- claims: ``source,item,value``, one claim per row. Values are compared as given
  (after stripping whitespace); empty values are skipped. A source that claims
  several values for one item keeps its first one (one claim per source and item).
- gold: ``item,value``. Gold items without any claim still count (as misses).

Adapters (``--dataset flight|book --data DIR``) read the shared files and normalise
values the way the truth-discovery literature does for these sets:

- flight (``dirty.csv`` claims, ``clean.csv`` gold; Li et al., VLDB 2012, Raha's
  one-day subset): an item is ``flight|attribute`` for the four time attributes. A
  time is the first ``H:MM`` in the cell with its optional am/pm marker ("a.m.",
  "pm", "a", "P"...), put in 24-hour ``HH:MM`` (12 a.m. is 00, p adds 12; no marker
  means the hour is already 24-hour). Leading dates and trailing notes such as
  "(Estimated runway)" are ignored; a cell without a time ("Not Available") is no claim.
- book (``book.txt`` claims, ``book_golden.txt`` gold; TruthFinder, KDD 2007): an
  item is an ISBN; an author list becomes its sorted, de-duplicated lowercase
  alphabetic tokens of two or more letters, minus stop-words ("by", "author",
  "joint", "edited", "edt", "jr", "etc", "not", "available"...), joined by spaces, after
  HTML entities are decoded and accents dropped. Token order, initials, accents and
  punctuation are ignored, so "Knuth, Donald E." and "Donald Knuth" agree; an empty
  result (empty cell, "Not Available") is no claim.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fogline.bench.data_files import read_csv
from fogline.errors import InputError

FLIGHT_ATTRIBUTES = ("sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time")
_TIME = re.compile(r"(\d{1,2}):(\d{2})\s*(a\.m\.|p\.m\.|am|pm|a|p)?", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z]{2,}")
_BOOK_STOP = frozenset(
    {
        "by",
        "author",
        "authors",
        "and",
        "ed",
        "eds",
        "editor",
        "editors",
        "edited",
        "jr",
        "sr",
        "et",
        "al",
        "not",
        "available",
        "na",
        "unknown",
        "the",
        "with",
        "foreword",
        "introduction",
        "translator",
        "illustrator",
        "contributor",
        "phd",
        "dr",
        "prof",
        "ii",
        "iii",
        "joint",
        "etc",
        "edt",
    }
)


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's value for one item."""

    source: str
    item: str
    value: str


@dataclass(frozen=True, slots=True)
class TruthData:
    """Claims (at most one per source and item, in file order) and gold values per item.

    ``set_valued``: a value is a set of space-separated tokens (book's author lists), so
    a claim of a subset of another claimed value partly supports it.
    """

    name: str
    claims: tuple[Claim, ...]
    gold: dict[str, str]
    set_valued: bool = False


def normalise_time(text: str) -> str | None:
    """The first ``H:MM`` time in ``text`` as 24-hour ``HH:MM``; None if there is none."""
    m = _TIME.search(text)
    if m is None:
        return None
    hour, minute, marker = int(m[1]), m[2], m[3]
    if marker:
        hour = hour % 12 + (12 if marker[0].lower() == "p" else 0)
    if hour > 23 or int(minute) > 59:
        return None
    return f"{hour:02d}:{minute}"


def normalise_authors(text: str) -> str | None:
    """An author list as its sorted distinct name tokens joined by spaces; None if empty.

    HTML entities are decoded (twice: some cells are escaped twice) and accents dropped,
    so "St&uuml;tzle", "Stützle" and "Stutzle" agree.
    """
    plain = unicodedata.normalize("NFKD", html.unescape(html.unescape(text)))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    tokens = sorted(set(_TOKEN.findall(plain.lower())) - _BOOK_STOP)
    return " ".join(tokens) or None


def first_per_source(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """The claims with empty values dropped and only the first per (source, item) kept."""
    seen: set[tuple[str, str]] = set()
    out: list[Claim] = []
    for c in claims:
        if c.value and (c.source, c.item) not in seen:
            seen.add((c.source, c.item))
            out.append(c)
    return tuple(out)


def load_generic(claims_path: Path, gold_path: Path, *, set_valued: bool = False) -> TruthData:
    """Read ``source,item,value`` claims and ``item,value`` gold; InputError if unusable."""
    rows = read_csv(claims_path, ("source", "item", "value"))
    claims = first_per_source(
        Claim(r["source"].strip(), r["item"].strip(), r["value"].strip()) for r in rows
    )
    gold = {
        r["item"].strip(): r["value"].strip()
        for r in read_csv(gold_path, ("item", "value"))
        if r["value"].strip()
    }
    return TruthData(claims_path.stem, claims, gold, set_valued)


def load_flight(folder: Path) -> TruthData:
    """The flight set from ``dirty.csv`` and ``clean.csv`` in ``folder`` (see module doc)."""
    dirty = read_csv(folder / "dirty.csv", ("src", "flight", *FLIGHT_ATTRIBUTES))
    clean = read_csv(folder / "clean.csv", ("flight", *FLIGHT_ATTRIBUTES))

    def claims() -> Iterator[Claim]:
        for r in dirty:
            for a in FLIGHT_ATTRIBUTES:
                value = normalise_time(r[a] or "")
                if value is not None:
                    yield Claim(r["src"], f"{r['flight']}|{a}", value)

    gold: dict[str, str] = {}
    for r in clean:
        for a in FLIGHT_ATTRIBUTES:
            value = normalise_time(r[a] or "")
            if value is not None:
                gold.setdefault(f"{r['flight']}|{a}", value)
    return TruthData("flight", first_per_source(claims()), gold)


def load_book(folder: Path) -> TruthData:
    """The book-author set from ``book.txt`` and ``book_golden.txt`` (see module doc)."""
    claims: list[Claim] = []
    for fields in _read_tsv(folder / "book.txt", 4):
        value = normalise_authors(fields[3])
        if value is not None:
            claims.append(Claim(fields[0].strip(), fields[1].strip(), value))
    gold: dict[str, str] = {}
    for fields in _read_tsv(folder / "book_golden.txt", 2):
        value = normalise_authors(fields[1])
        if value is not None:
            gold[fields[0].strip()] = value
    return TruthData("book", first_per_source(claims), gold, set_valued=True)


def load_dataset(name: str, folder: Path) -> TruthData:
    """``flight`` or ``book`` from ``folder``; InputError for another name or a bad folder."""
    if not folder.is_dir():
        raise InputError(f"not a folder: {folder} (give the data set's folder with --data)")
    if name == "flight":
        return load_flight(folder)
    if name == "book":
        return load_book(folder)
    raise InputError(f"unknown data set {name!r}: use flight or book")


def _read_tsv(path: Path, n_fields: int) -> list[list[str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read {path}: {e}") from e
    return [f for f in (line.split("\t") for line in lines) if len(f) >= n_fields]
