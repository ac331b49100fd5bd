"""Atomic file writes: a failure part-way leaves the previous file as it was."""

from __future__ import annotations

import contextlib
import glob
import os
import re
import stat
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
        _usual_mode(temp_name, target)
        os.replace(temp_name, target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        if isinstance(error, OSError) and error.filename is None and error.strerror:  # disk full, file too large
            after = "the previous file is left as it was" if target.exists() else "nothing was written"
            raise type(error)(f"{target}: cannot write: {error.strerror}; {after}") from None
        raise
    remove_leftovers(target, started)


def write_complete(path: str | os.PathLike[str], data: bytes, ending: bytes, what: str) -> None:
    """Write ``data``, a whole file made by a writer that does not report its own write errors (Qt's SVG and
    PDF writers), atomically, once it is seen to be complete: not empty and ending with ``ending`` (``</svg>``,
    ``%%EOF``). A truncated one (disk full, a file size limit) raises OSError and the old file stays."""
    if not data.rstrip().endswith(ending):
        raise OSError(f"{path}: the {what} was not written whole ({len(data):,} bytes, no closing "
                      f"{ending.decode()}): disk full, or a file size limit? The previous file is left as it was")
    write_bytes_atomic(path, data)


def write_files_atomic(files: dict[Path, bytes]) -> None:
    """Write several files as one unit (a PNG, its world file and .prj): all are written and flushed to disk
    beside their targets first, and only then moved into place, so a failure leaves every old file as it was."""
    started = time.time()
    temps: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            fd, temp_name = make_temp(target, ".part")
            temps.append((temp_name, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            _usual_mode(temp_name, target)
    except BaseException as error:
        for temp_name, _ in temps:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
        if isinstance(error, OSError) and error.filename is None and error.strerror:
            names = ", ".join(str(target) for target in files)
            raise type(error)(f"{names}: cannot write: {error.strerror}; the previous files are left as they were") \
                from None
        raise
    for temp_name, target in temps:
        os.replace(temp_name, target)
    for target in files:
        remove_leftovers(target, started)


def _usual_mode(temp_name: str, target: Path) -> None:
    """mkstemp makes the file private (0600): keep an old file's permissions, else the usual ones."""
    with contextlib.suppress(OSError):
        os.chmod(temp_name, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())


def make_temp(target: Path, suffix: str) -> tuple[int, str]:
    """A new hidden temporary file beside ``target``; an error names ``target``, not the temporary file. A
    ``target`` that is a folder or a read-only file is refused here, before any work (replacing a folder would fail
    only at the end; a read-only file would be replaced, as renaming over it is the folder's to allow, not its own)."""
    _refuse_read_only(target)
    try:
        if target.is_dir():
            raise IsADirectoryError(f"{target}: is a folder; name a file to write")
        return tempfile.mkstemp(prefix=temp_prefix(target), suffix=suffix, dir=target.parent or ".")
    except IsADirectoryError:
        raise
    except OSError as error:
        raise type(error)(f"{target}: cannot write there: {error.strerror or error}") from None


def _refuse_read_only(target: Path) -> None:
    """A file its owner made read-only (no write permission for anyone, or none for this user) is not replaced."""
    try:
        info = target.stat()
    except OSError:
        return  # a new file, or one the save reports in its own words
    if stat.S_ISREG(info.st_mode) and (not info.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise PermissionError(f"{target}: the file is read-only; it is left as it was (make it writable, or write "
                              "to another name)")


_KEPT = 120  # characters of the name kept in a temporary file's: with its random part and suffix, within NAME_MAX
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def temp_prefix(target: Path) -> str:
    """How the temporary files of a save of ``target`` begin (beside it, hidden): ``.NAME.``, the name cut short
    (a name the file system allows must not fail for the temporary's longer one) and control characters as '_'
    (GDAL drops a newline from a file name, so the GeoPackage it wrote was not where it was looked for)."""
    return f".{_CONTROL.sub('_', target.name[:_KEPT])}."


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
