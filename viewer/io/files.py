"""Open only regular files, never blocking: a FIFO, a device, a socket, a directory or a symlink loop is refused
with one line saying what it is, and a size limit is checked before opening and held to while reading."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from typing import BinaryIO

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


class FileRefused(Exception):
    """The path is not a regular file launchmap can read; the message says why in a few words."""


def usable_path(text: str) -> bool:
    """Whether ``text`` can name a file here at all: no NUL, and nothing the file system's encoding cannot hold
    (half of a surrogate pair, which a JSON escape such as ``"\\ud800"`` gives)."""
    if "\x00" in text:
        return False
    try:
        os.fsencode(text)
    except UnicodeEncodeError:
        return False
    return True


def describe(mode: int) -> str:
    """What a file of this mode is, for messages: "a directory", "a FIFO (named pipe)", …"""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def regular_size(path: str | os.PathLike[str], limit: int | None = None, what: str = "file") -> int:
    """The size of the regular file at ``path`` (symlinks followed); raises FileRefused for anything else."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise FileRefused(_why(error)) from None
    except ValueError:  # a NUL in the name
        raise FileRefused("is not a usable file name") from None
    _check(info, limit, what)
    return info.st_size


def open_regular(path: str | os.PathLike[str], limit: int | None = None, what: str = "file",
                 follow: bool = True) -> BinaryIO:
    """``path`` opened for reading, checked by ``fstat`` after opening (no race with a file swapped in between).

    Opened non-blocking, so a FIFO is refused at once instead of waiting for a writer. Without ``follow``, a
    symlink as the last part of ``path`` is refused (a path already resolved has none, unless one was swapped in).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags if follow else flags | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        if not follow and error.errno == errno.ELOOP and os.path.islink(path):
            raise FileRefused("is a symlink, not followed") from None
        with contextlib.suppress(OSError):  # a socket cannot be opened at all: say what it is all the same
            _check(os.stat(path), None, what)
        raise FileRefused(_why(error)) from None
    except ValueError:
        raise FileRefused("is not a usable file name") from None
    try:
        _check(os.fstat(fd), limit, what)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The whole regular file, at most ``limit`` bytes: one that grows past it while being read is refused too."""
    with open_regular(path, limit, what) as handle:
        return read_opened(handle, limit, what)


def read_opened(handle: BinaryIO, limit: int, what: str = "file") -> bytes:
    """The rest of a file opened by `open_regular`, at most ``limit`` bytes, as `read_regular` reads it."""
    try:
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(size + 1)  # not read(limit + 1): that allocates the whole limit up front
        while len(data) > size and len(data) <= limit:  # it grew since: read on, up to the limit
            more = handle.read(min(limit + 1 - len(data), 2**20))
            if not more:
                break
            data += more
    except OSError as error:
        raise FileRefused(_why(error)) from None
    if len(data) > limit:
        raise FileRefused(f"{what} grew past the {_mib(limit)} launchmap reads while being read")
    return data


def opened_path(handle: BinaryIO) -> str | None:
    """Where the open file really is, as the system saw it when opened (Linux's /proc/self/fd), whatever was
    renamed or swapped on the way since; None where the system does not say."""
    try:
        return os.readlink(f"/proc/self/fd/{handle.fileno()}")
    except OSError:
        return None


def _check(info: os.stat_result, limit: int | None, what: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(f"is {describe(info.st_mode)}, not a regular file")
    if limit is not None and info.st_size > limit:
        raise FileRefused(f"{what} is {_mib(info.st_size)}, more than the {_mib(limit)} launchmap reads")


def _why(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is a symlink loop"
    if error.errno == errno.EISDIR:
        return "is a directory"
    return f"cannot read: {error.strerror or error}"


def _mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB" if size >= 2**20 else f"{size:,} bytes"


def reason(path: object, error: BaseException) -> str:
    """What went wrong with a file, in the error's words, without the file's name when they begin with it (the
    writers' own errors do), so that a message built as "{path}: {reason}" names the file once."""
    words = getattr(error, "strerror", None) or str(error)
    return words.removeprefix(f"{path}: ")
