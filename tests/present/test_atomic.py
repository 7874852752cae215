from __future__ import annotations

import os
from pathlib import Path

import pytest

from fogline.errors import InputError
from fogline.present import atomic
from fogline.present.atomic import write_file_atomic, write_files_atomic, write_text_atomic


def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "a.txt", "héllo")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "héllo"
    assert os.stat(tmp_path / "a.txt").st_mode & 0o777 == 0o644


def test_failed_write_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(InputError, match="No space left on device"):
        write_file_atomic(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_new_directory_appears_whole(tmp_path: Path) -> None:
    paths = write_files_atomic(tmp_path / "out", {"a.csv": b"1", "b.csv": b"2"})
    assert paths == [tmp_path / "out" / "a.csv", tmp_path / "out" / "b.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (tmp_path / "out" / "b.csv").read_bytes() == b"2"


def test_failed_directory_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def failing(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise InputError("cannot write: disk full")
        Path(path).write_bytes(data)

    monkeypatch.setattr(atomic, "write_file_atomic", failing)
    with pytest.raises(InputError):
        write_files_atomic(tmp_path / "out", {"a.csv": b"1", "b.csv": b"2"})
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.csv").write_bytes(b"old")
    calls.clear()
    with pytest.raises(InputError):
        write_files_atomic(tmp_path / "old", {"a.csv": b"1", "b.csv": b"2"})
    assert [p.name for p in (tmp_path / "old").iterdir()] == ["a.csv"]
    assert (tmp_path / "old" / "a.csv").read_bytes() == b"old"


def test_plain_names_only(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_files_atomic(tmp_path / "out", {"../evil.csv": b"x"})
