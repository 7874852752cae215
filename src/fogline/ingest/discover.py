"""Find the report files to read among the paths a user names."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from fogline.ingest.problems import Problem

SUPPORTED_SUFFIXES = (
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".jsonl",
    ".rss",
    ".atom",
    ".warc",
    ".warc.gz",
)

_SUFFIX_LIST = ", ".join(SUPPORTED_SUFFIXES)


def is_supported(path: Path) -> bool:
    """True when the file name ends in one of SUPPORTED_SUFFIXES (any letter case)."""
    return path.name.lower().endswith(SUPPORTED_SUFFIXES)


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """The readable report files under ``paths``, sorted and de-duplicated, and the problems.

    A named file is taken if its suffix is supported, else it is a problem. A named folder
    is walked recursively for files with a supported suffix; hidden files and folders (name
    starting with ".") and other files (sides.toml, images, ...) are skipped silently.
    Symlinked folders are not followed, so a link loop cannot trap the walk. A path that
    does not exist, or a folder with no supported file in it, is a problem. Duplicates
    (the same file reached twice) are kept once, under the first spelling met.
    """
    found: dict[Path, Path] = {}
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files, folder_problems = _walk(path)
            problems.extend(folder_problems)
            if not files and not folder_problems:
                problems.append(Problem(str(path), f"no {_SUFFIX_LIST} files in this folder"))
        elif path.is_file():
            if not is_supported(path):
                shown = path.suffix or "(no suffix)"
                problems.append(
                    Problem(
                        str(path), f"unsupported file type {shown}; fogline reads {_SUFFIX_LIST}"
                    )
                )
                continue
            files = [path]
        elif path.exists() or path.is_symlink():
            problems.append(Problem(str(path), "not a regular file or folder"))
            continue
        else:
            problems.append(Problem(str(path), "no such file or folder"))
            continue
        for file in files:
            found.setdefault(_identity(file), file)
    return sorted(found.values()), problems


def _walk(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Supported, non-hidden regular files below ``folder``, and folders that could not be read."""
    files: list[Path] = []
    problems: list[Problem] = []

    def on_error(error: OSError) -> None:
        where = error.filename if error.filename is not None else folder
        problems.append(Problem(str(where), f"cannot read folder ({error.strerror or error})"))

    for root, dirnames, filenames in os.walk(folder, onerror=on_error):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if is_supported(path) and path.is_file():
                files.append(path)
    return files, problems


def _identity(path: Path) -> Path:
    """The key under which two spellings of one file count as the same file."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
