"""Read the article file a document's ``path`` names, only from inside the bundle's folder.

A bundle arrives by mail; re-shared after conversion, it must not carry the receiver's files away. So a path
is resolved against the bundle's folder, symlinks included, and must stay inside it, or inside a folder the
user allowed explicitly (`launchmap … --documents-root DIR`, `allowed_roots`); only regular files are read.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path, PurePosixPath, PureWindowsPath

from viewer.io.files import FileRefused, open_regular, opened_path, read_opened, usable_path

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
# A URL (scheme://…, or file:…), not a file name: "notes:2016.txt" is a file, "file:///etc/passwd" is not
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]+://|file:)", re.IGNORECASE)
_PERCENT_ESCAPE = re.compile(r"%[0-9a-f]{2}", re.IGNORECASE)
_ROOTS: ContextVar[tuple[Path, ...]] = ContextVar("documents_roots", default=())


class ArticleRefused(Exception):
    """The article was not read; the message says why, in words that name the path."""


@contextlib.contextmanager
def allowed_roots(roots: Iterable[str | os.PathLike[str]]) -> Iterator[None]:
    """Also read articles from inside ``roots`` while in this block (in this thread)."""
    token = _ROOTS.set(tuple(Path(root).resolve() for root in roots))
    try:
        yield
    finally:
        _ROOTS.reset(token)


_EVERYWHERE: tuple[Path, ...] = ()  # what the window's --documents-root allows, on every thread


def allow_everywhere(roots: Iterable[str | os.PathLike[str]]) -> None:
    """Also read articles from inside ``roots`` in every thread from now on: the window reads files on worker
    threads, which do not see what `allowed_roots` set on the thread that started them."""
    global _EVERYWHERE
    _EVERYWHERE = tuple(Path(root).resolve() for root in roots)


def current_roots() -> tuple[Path, ...]:
    return _EVERYWHERE + _ROOTS.get()


def read_article(folder: Path, path: str, roots: Iterable[Path] = ()) -> bytes:
    """The bytes of the article at ``path`` (as the bundle writes it) relative to the bundle's ``folder``.

    Raises ArticleRefused for an absolute path or a URL, a ``..`` or a symlink that leads out of ``folder`` and
    ``roots``, anything not a regular file, a symlink loop, or a file over `MAX_ARTICLE_BYTES`.
    """
    if not usable_path(path):
        raise ArticleRefused(f"article path {path!r} is not a usable file name")
    if _URL.match(path):
        raise ArticleRefused(f"article path {path!r} is a URL, not a file path; only files inside the bundle's "
                             "folder are read")
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute() or PureWindowsPath(path).drive:
        raise ArticleRefused(f"article path {path!r} is absolute; only files inside the bundle's folder are read "
                             "(or inside a --documents-root)")
    try:
        base = folder.resolve()
        allowed = (base, *roots)
        wanted = Path(os.path.normpath(base / path))
        target = (base / path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: Python < 3.13 reports a symlink loop so
        raise ArticleRefused(f"article file {path} is a symlink loop") from None
    if not any(_inside(target, root) for root in allowed):
        how = "is a symlink to a file" if any(_inside(wanted, root) for root in allowed) else "leads"
        raise ArticleRefused(f"article file {path} {how} outside the bundle's folder; not read "
                             "(allow a folder with --documents-root)")
    try:
        # Read once, by the descriptor opened: a part of the path swapped for a symlink out between the check
        # above and the open (a shared, synced folder the sender still writes to) is refused, not followed.
        with open_regular(target, MAX_ARTICLE_BYTES, "article file", follow=False) as handle:
            now = opened_path(handle)
            if now is not None and not any(_inside(Path(now), root) for root in allowed):
                raise ArticleRefused(f"article file {path} was changed to lead outside the bundle's folder "
                                     "while being read; not read")
            return read_opened(handle, MAX_ARTICLE_BYTES, "article file")
    except FileRefused as error:
        reason = str(error)
        if reason.startswith("cannot read: No such file"):
            raise ArticleRefused(f"article file {path} not found{_not_found_hint(path)}") from None
        if reason == "is a symlink, not followed":  # it was resolved above: one was swapped in since
            raise ArticleRefused(f"article file {path} was changed into a symlink while being read; not read") \
                from None
        if reason.startswith("article file "):
            reason = reason.removeprefix("article file ")
        raise ArticleRefused(f"article file {path} {reason}") from None


def _not_found_hint(path: str) -> str:
    """Why a path a sender wrote may not name the file meant: launchmap takes it literally."""
    if _PERCENT_ESCAPE.search(path):
        return " (percent-escapes such as %2F are not decoded)"
    if "\\" in path and os.sep != "\\":
        return " (a backslash does not separate folders here; write the path with /)"
    return ""


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)
