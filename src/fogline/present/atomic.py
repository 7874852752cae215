"""Write files and directories so that readers never see them half-written.

A file is written to a temporary name in its own directory, flushed, fsync'ed and then
``os.replace``d over the target: a crash leaves either the old file or the new one, plus at
worst a stray ``.*.tmp`` file. Temporary files and directories are created with the usual
umask-derived permissions, not the 0600/0700 of ``tempfile``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
from collections.abc import Mapping
from pathlib import Path

from fogline.errors import InputError


def _temp_name(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.{kind}")


def _check_parent(target: Path) -> None:
    parent = target.parent
    if not parent.is_dir():
        raise InputError(f"cannot write {target}: directory {parent} does not exist")


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable; best effort where directories cannot be opened (Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_file_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; an existing file keeps its permission bits.

    Raises InputError when the directory is missing, ``path`` is a directory, or the
    operating system refuses the write (permissions, disk full).
    """
    path = Path(path)
    _check_parent(path)
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a directory; give a file name")
    tmp = _temp_name(path, "tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    _fsync_dir(path.parent)


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` encoded as UTF-8, atomically (see write_file_atomic)."""
    write_file_atomic(path, text.encode("utf-8"))


def write_files_atomic(directory: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (plain file name -> content) into ``directory``; return their paths.

    A missing ``directory`` is staged beside itself and renamed into place when complete, so
    it appears with all its files or not at all. In an existing directory only the given file
    names are replaced, each atomically, and only after all of them have been written; other
    files there are left alone. Raises InputError when the parent directory is missing,
    ``directory`` is a file, or a target name is taken by a directory.
    """
    directory = Path(directory)
    _check_parent(directory)
    if directory.exists() and not directory.is_dir():
        raise InputError(f"cannot write into {directory}: it exists and is not a directory")
    for name in files:
        if Path(name).name != name or name in ("", ".", ".."):
            raise ValueError(f"not a plain file name: {name!r}")
        if (directory / name).is_dir():
            raise InputError(f"cannot write {directory / name}: it is a directory")
    fresh = not directory.exists()
    stage = (
        _temp_name(directory, "tmpdir") if fresh else directory / f".fogline-{secrets.token_hex(6)}"
    )
    try:
        os.mkdir(stage, 0o777)
        for name, data in files.items():
            write_file_atomic(stage / name, data)
        if fresh:
            os.rename(stage, directory)
        else:
            for name in files:
                os.replace(stage / name, directory / name)
    except OSError as exc:
        raise InputError(f"cannot write into {directory}: {exc.strerror or exc}") from exc
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)
    _fsync_dir(directory if not fresh else directory.parent)
    return [directory / name for name in files]
