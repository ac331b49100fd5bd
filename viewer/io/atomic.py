"""Atomic file writes: a failure part-way leaves the previous file as it was."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only once it has been written and flushed to disk.

    Temporary files an earlier, killed save of the same ``path`` left behind are removed once this one succeeds.
    """
    target = Path(path)
    started = time.time()
    fd, temp_name = make_temp(target, ".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            # mkstemp makes the file private (0600): keep an old file's permissions, else the usual ones
            os.chmod(temp_name, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    remove_leftovers(target, started)


def make_temp(target: Path, suffix: str) -> tuple[int, str]:
    """A new hidden temporary file beside ``target``; an error names ``target``, not the temporary file."""
    try:
        return tempfile.mkstemp(prefix=temp_prefix(target), suffix=suffix, dir=target.parent or ".")
    except OSError as error:
        raise type(error)(f"{target}: cannot write there: {error.strerror or error}") from None


def temp_prefix(target: Path) -> str:
    """How the temporary files of a save of ``target`` begin (beside it, hidden): ``.NAME.``"""
    return f".{target.name}."


def remove_leftovers(target: Path, before: float) -> None:
    """Remove the temporary files (``.NAME.*.part``, SQLite's ``-journal``, ``-wal``, ``-shm`` beside them) that
    saves of ``target`` started before ``before`` (a time.time()) left: a killed save cannot clean up after
    itself, the next one does. Newer ones may belong to a save still running in another process."""
    folder = target.parent
    for leftover in folder.glob(glob.escape(temp_prefix(target)) + "*.part*"):
        with contextlib.suppress(OSError):
            if leftover.is_file() and not leftover.is_symlink() and leftover.stat().st_mtime < before:
                leftover.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_writer(path) as handle:
        handle.write(data)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
