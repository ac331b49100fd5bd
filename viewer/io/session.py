"""Session files: the bundles open (relative to the session file), the view, the bookmarks and the styles, as JSON;
saved atomically, autosaved while unsaved, and offered back after a crash."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from viewer.io.atomic import atomic_writer
from viewer.io.json_source import load_json
from viewer.model.bookmark import Bookmark, BookmarkError
from viewer.model.problem import BundleError, Problem

SESSION_SUFFIX = ".lmsession"
FORMAT_KEY = "launchmap_session"
FORMAT_VERSION = 1
AUTOSAVE_PREFIX = "autosave-"


@dataclass
class Session:
    """What a session file holds. ``bundles`` are absolute once read; ``view`` is an unnamed bookmark.

    ``styles`` holds the map decorations (``{"decorations": {"title": …, "legend": true, …}}``) and any
    member a newer launchmap wrote, kept as is; ``extra`` keeps unknown top-level members the same way.
    """

    bundles: list[Path] = field(default_factory=list)
    view: Bookmark | None = None
    bookmarks: list[Bookmark] = field(default_factory=list)
    styles: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Autosave:
    """An autosave left by a launchmap that did not exit cleanly; ``origin`` is the session file it belonged to."""

    path: Path
    session: Session
    origin: Path | None
    saved_at: str
    pid: int


# -- reading and writing ---------------------------------------------------------------------------
def session_to_dict(session: Session, relative_to: Path | None) -> dict[str, Any]:
    """Plain JSON data; bundle paths are written relative to ``relative_to`` (a folder) when given."""
    data: dict[str, Any] = dict(session.extra)
    data[FORMAT_KEY] = FORMAT_VERSION
    data["bundles"] = [_portable(path, relative_to) for path in session.bundles]
    if session.view is not None:
        data["view"] = session.view.to_dict()
    data["bookmarks"] = [bookmark.to_dict() for bookmark in session.bookmarks]
    data["styles"] = session.styles
    return data


def save_session(session: Session, path: str | os.PathLike[str], relative: bool = True) -> None:
    """Write the session atomically: if anything fails part-way, the previous file is left as it was."""
    path = Path(path)
    data = session_to_dict(session, path.resolve().parent if relative else None)
    with atomic_writer(path) as handle:
        _write_json(data, handle)


def _write_json(data: Any, handle: IO[bytes]) -> None:
    # Written in chunks as encoded, so a failure part-way really does happen after the file was opened.
    for chunk in json.JSONEncoder(indent=2, ensure_ascii=False, allow_nan=False).iterencode(data):
        handle.write(chunk.encode("utf-8"))
    handle.write(b"\n")


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read a session; raises BundleError with one ``FILE:WHERE: message`` problem when it cannot be used.

    Bundle files are not opened here: one that went missing is reported when the window opens it.
    """
    path = Path(path)
    shown = str(path)
    data = load_json(path, shown)

    def fail(where: str, message: str) -> BundleError:
        return BundleError([Problem(shown, where, message)])

    if not isinstance(data, dict) or FORMAT_KEY not in data:
        raise fail("", f"not a launchmap session (no {FORMAT_KEY!r} member)")
    version = data[FORMAT_KEY]
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        raise fail(FORMAT_KEY, f"version {version!r} is not supported (this launchmap reads up to {FORMAT_VERSION})")
    bundles = data.get("bundles", [])
    if not isinstance(bundles, list):
        raise fail("bundles", "must be a list of file paths")
    folder = path.resolve().parent
    paths = []
    for i, entry in enumerate(bundles):
        if not isinstance(entry, str) or not entry:
            raise fail(f"bundles[{i}]", "must be a file path")
        paths.append(_resolved(entry, folder))
    bookmarks = data.get("bookmarks", [])
    if not isinstance(bookmarks, list):
        raise fail("bookmarks", "must be a list")
    styles = data.get("styles", {})
    if not isinstance(styles, dict):
        raise fail("styles", "must be an object")
    try:
        view = Bookmark.from_dict(data["view"], "view") if data.get("view") is not None else None
        marks = [Bookmark.from_dict(b, f"bookmarks[{i}]") for i, b in enumerate(bookmarks)]
    except BookmarkError as error:
        where, _, message = str(error).partition(": ")
        raise fail(where, message) from None
    known = {FORMAT_KEY, "bundles", "view", "bookmarks", "styles"}
    return Session(paths, view, marks, styles, {k: v for k, v in data.items() if k not in known})


def _portable(path: Path, folder: Path | None) -> str:
    """``path`` relative to ``folder`` with forward slashes, or absolute when there is no relative way
    (another drive on Windows) or when no folder is given."""
    absolute = Path(path).resolve()
    if folder is None:
        return absolute.as_posix()
    try:
        return Path(os.path.relpath(absolute, folder)).as_posix()
    except ValueError:
        return absolute.as_posix()


def _resolved(entry: str, folder: Path) -> Path:
    candidate = Path(entry)
    return candidate if candidate.is_absolute() else (folder / candidate).resolve()


# -- autosave and recovery -------------------------------------------------------------------------
def state_folder() -> Path:
    """Where launchmap keeps state that is not settings: $XDG_STATE_HOME/launchmap (~/.local/state/launchmap)."""
    base = os.environ.get("XDG_STATE_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".local" / "state"  # the spec ignores relative ones
    return root / "launchmap"


def autosave_path(pid: int | None = None) -> Path:
    """This process's autosave file; one per process so two running windows never overwrite each other."""
    return state_folder() / f"{AUTOSAVE_PREFIX}{os.getpid() if pid is None else pid}.json"


def write_autosave(session: Session, origin: Path | None, pid: int | None = None) -> Path:
    """Save the unsaved session beside the other state; bundle paths are absolute since the file lives elsewhere."""
    path = autosave_path(pid)
    path.parent.mkdir(parents=True, exist_ok=True)
    session = Session(session.bundles, session.view, session.bookmarks, session.styles, dict(session.extra))
    session.extra["autosave"] = {"origin": str(Path(origin).resolve()) if origin else None,
                                 "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
                                 "pid": os.getpid() if pid is None else pid}
    save_session(session, path, relative=False)
    return path


def discard_autosave(pid: int | None = None) -> None:
    """Forget this process's autosave: the session was saved, or the user chose to discard it."""
    with contextlib.suppress(FileNotFoundError):
        autosave_path(pid).unlink()


def recoverable_autosaves() -> list[Autosave]:
    """Autosaves whose launchmap is no longer running (killed, crashed, power lost), newest first.

    Unreadable ones are skipped: a crash may have happened while one was being replaced.
    """
    found = []
    for path in _autosave_files():
        try:
            session = load_session(path)
        except BundleError:
            continue
        info = session.extra.pop("autosave", {})
        if not isinstance(info, dict):
            info = {}
        pid = info.get("pid") if isinstance(info.get("pid"), int) else _pid_of(path)
        if pid is None or _is_running(pid):
            continue
        origin = info.get("origin")
        found.append(Autosave(path, session, Path(origin) if isinstance(origin, str) else None,
                              str(info.get("saved_at", "")), pid))
    return sorted(found, key=lambda a: a.saved_at, reverse=True)


def forget_autosave(autosave: Autosave) -> None:
    """Remove a crashed session's autosave once it was recovered or declined."""
    with contextlib.suppress(FileNotFoundError):
        autosave.path.unlink()


def _autosave_files() -> Iterator[Path]:
    folder = state_folder()
    if folder.is_dir():
        yield from sorted(folder.glob(f"{AUTOSAVE_PREFIX}*.json"))


def _pid_of(path: Path) -> int | None:
    digits = path.stem.removeprefix(AUTOSAVE_PREFIX)
    return int(digits) if digits.isdigit() else None


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would terminate the process there; ask whether it is still active instead
        return _windows_process_active(pid)
    try:
        os.kill(pid, 0)  # signal 0 checks that the process exists without touching it
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process has that id now; leave its file alone
    except OSError:
        return False
    return True


def _windows_process_active(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
