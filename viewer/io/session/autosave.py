"""Autosave and recovery: the unsaved session kept under $XDG_STATE_HOME, offered back after a crash."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from viewer.io.files import usable_path
from viewer.io.session.file import NewerSession, Session, load_session, save_session
from viewer.model.problem import BundleError, Problem

AUTOSAVE_PREFIX = "autosave-"
UNREADABLE_SUFFIX = ".unreadable"


@dataclass(frozen=True)
class Autosave:
    """An autosave left by a launchmap that did not exit cleanly; ``origin`` is the session file it belonged to."""

    path: Path
    session: Session
    origin: Path | None
    saved_at: str
    pid: int


def state_folder() -> Path:
    """Where launchmap keeps state that is not settings: $XDG_STATE_HOME/launchmap (~/.local/state/launchmap)."""
    base = os.environ.get("XDG_STATE_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".local" / "state"  # the spec ignores relative ones
    return root / "launchmap"


def autosave_path(pid: int | None = None) -> Path:
    """This process's autosave file; one per process so two running windows never overwrite each other."""
    return state_folder() / f"{AUTOSAVE_PREFIX}{os.getpid() if pid is None else pid}.json"


def write_autosave(session: Session, origin: Path | None, pid: int | None = None, path: Path | None = None) -> Path:
    """Save the unsaved session beside the other state (``path``: where, when known already); bundle paths are
    absolute since the file lives elsewhere."""
    path = path or autosave_path(pid)
    path.parent.mkdir(parents=True, exist_ok=True)
    session = Session(session.bundles, session.view, session.bookmarks, session.styles, dict(session.extra),
                      session.overlays)
    session.extra["autosave"] = {"origin": str(Path(origin).resolve()) if origin else None,
                                 "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
                                 "pid": os.getpid() if pid is None else pid}
    save_session(session, path, relative=False)
    return path


def discard_autosave(pid: int | None = None) -> None:
    """Forget this process's autosave: the session was saved, or the user chose to discard it."""
    with contextlib.suppress(FileNotFoundError):
        autosave_path(pid).unlink()


def recoverable_autosaves(problems: list[Problem] | None = None) -> list[Autosave]:
    """Autosaves whose launchmap is no longer running (killed, crashed, power lost), newest first.

    One that cannot be read (corrupt, or out of range) is renamed ``….unreadable`` so that it is reported once,
    not at every start, and kept for whoever wants to look; one line about it goes to ``problems``. One written
    by a newer launchmap is reported and left in place, for that launchmap to offer back.
    """
    found = []
    for path in _autosave_files():
        try:
            session = load_session(path)
        except NewerSession as error:  # a newer launchmap's to offer back: moved aside, it never would
            if problems is not None:
                first = error.problems[0]
                problems.append(Problem(first.file, first.where, f"{first.message}; written by a newer launchmap, "
                                                                 "left for it to recover"))
            continue
        except BundleError as error:
            owner = _pid_of(path)
            if owner is not None and _is_running(owner):
                continue  # being written right now by the launchmap whose file it is
            aside = set_aside(path)
            if problems is not None:
                first = error.problems[0]
                problems.append(Problem(first.file, first.where, f"{first.message}; this autosave cannot be "
                                                                 f"recovered and was moved aside to {aside.name}"))
            continue
        info = session.extra.pop("autosave", {})
        if not isinstance(info, dict):
            info = {}
        pid = info.get("pid") if isinstance(info.get("pid"), int) else _pid_of(path)
        if pid is None or _is_running(pid):
            continue
        found.append(Autosave(path, session, _origin(info.get("origin")), _saved_at(info.get("saved_at")), pid))
    return sorted(found, key=lambda a: a.saved_at, reverse=True)


def set_aside(path: Path) -> Path:
    """Rename an autosave that cannot be recovered ``….unreadable``: reported once, not offered at every start, and
    kept for whoever wants to look (its edited copies beside it too). Returns the new name."""
    aside = path.with_name(path.name + UNREADABLE_SUFFIX)
    with contextlib.suppress(OSError):
        os.replace(path, aside)
    return aside


def forget_autosave(autosave: Autosave) -> None:
    """Remove a crashed session's autosave once it was recovered or declined."""
    with contextlib.suppress(FileNotFoundError):
        autosave.path.unlink()


def _autosave_files() -> Iterator[Path]:
    folder = state_folder()
    if folder.is_dir():
        yield from sorted(folder.glob(f"{AUTOSAVE_PREFIX}*.json"))


def _origin(value: object) -> Path | None:
    """The session file the autosave belonged to, if the bookkeeping names one usably."""
    return Path(value) if isinstance(value, str) and value and usable_path(value) else None


def _saved_at(value: object) -> str:
    """When the autosave was written, if that is an ISO 8601 time; "" (an unknown time) for anything else, which
    the recovery question would otherwise show as it was stored (a number, a list, markup)."""
    if not isinstance(value, str) or len(value) > 64:
        return ""
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return ""
    return value


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
