import os
from pathlib import Path

import pytest

from fogline.ingest import SUPPORTED_SUFFIXES, Problem, discover
from fogline.ingest.discover import is_supported

SUFFIXES = ".txt, .md, .html, .htm, .jsonl, .rss, .atom, .warc, .warc.gz"


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("text", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name in [
        "b.txt",
        "a.md",
        "c.HTML",
        "d.htm",
        "feed.jsonl",
        "sides.toml",
        "notes.pdf",
        "README",
        ".hidden.txt",
        "deep/er/e.txt",
        "deep/f.md",
        ".git/config.txt",
        ".cache/x/g.txt",
        "deep/.secret/h.txt",
    ]:
        touch(root / name)
    return root


def test_folders_are_walked_for_supported_visible_files_only(corpus):
    files, problems = discover([corpus])
    assert problems == []
    assert [f.relative_to(corpus).as_posix() for f in files] == [
        "a.md",
        "b.txt",
        "c.HTML",
        "d.htm",
        "deep/er/e.txt",
        "deep/f.md",
        "feed.jsonl",
    ]


def test_results_are_sorted_and_de_duplicated(corpus):
    files, problems = discover([corpus / "deep", corpus / "b.txt", corpus, corpus / "b.txt"])
    assert problems == []
    assert files == sorted(files)
    assert len(files) == len(set(f.resolve() for f in files)) == 7


def test_different_spellings_of_one_file_count_once(corpus, monkeypatch):
    monkeypatch.chdir(corpus)
    files, _ = discover([Path("b.txt"), Path("./b.txt"), Path("deep/../b.txt"), corpus / "b.txt"])
    assert files == [Path("b.txt")]


def test_named_files_need_a_supported_suffix_but_may_be_hidden(corpus):
    files, problems = discover([corpus / "sides.toml", corpus / ".hidden.txt", corpus / "README"])
    assert files == [corpus / ".hidden.txt"]
    assert problems == [
        Problem(
            str(corpus / "sides.toml"),
            f"unsupported file type .toml; fogline reads {SUFFIXES}",
        ),
        Problem(
            str(corpus / "README"),
            f"unsupported file type (no suffix); fogline reads {SUFFIXES}",
        ),
    ]


def test_missing_paths_are_problems_and_the_rest_still_comes_through(corpus):
    files, problems = discover([corpus / "nope", corpus / "a.md"])
    assert files == [corpus / "a.md"]
    assert problems == [Problem(str(corpus / "nope"), "no such file or folder")]


def test_a_folder_without_reports_is_a_problem(tmp_path):
    touch(tmp_path / "only" / "sides.toml")
    files, problems = discover([tmp_path / "only"])
    assert files == []
    assert problems == [
        Problem(
            str(tmp_path / "only"),
            f"no {SUFFIXES} files in this folder",
        )
    ]


def test_a_hidden_folder_named_explicitly_is_walked(tmp_path):
    touch(tmp_path / ".reports" / "a.txt")
    files, _ = discover([tmp_path / ".reports"])
    assert files == [tmp_path / ".reports" / "a.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinked_folders_are_not_followed_so_loops_end(corpus):
    (corpus / "deep" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "link.txt").symlink_to(corpus / "b.txt")
    files, problems = discover([corpus])
    assert problems == []
    assert len(files) == 7  # link.txt is b.txt again


def test_supported_suffixes():
    assert ", ".join(SUPPORTED_SUFFIXES) == SUFFIXES  # what the problems list
    assert is_supported(Path("crawl.WARC.GZ")) and is_supported(Path("feed.Atom"))
    assert not is_supported(Path("crawl.gz")) and not is_supported(Path("warc"))
