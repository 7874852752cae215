"""What the ingest stage hands back: documents, and the inputs it skipped with a reason."""

from __future__ import annotations

from dataclasses import dataclass

from fogline.records import Document


@dataclass(frozen=True, slots=True)
class Problem:
    """One input that was skipped (or partly used), with a one-line reason for the user.

    ``path`` is the file path; for one bad line of a JSONL file it is ``"path:LINENO"``.
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The documents read from one file and the problems met on the way."""

    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]


def human_size(size: int) -> str:
    """A size as people say it: "25.3 MB", "20 MB", "1.5 KB", "300 bytes"."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"
