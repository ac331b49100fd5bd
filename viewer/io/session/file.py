"""Session files: the bundles open (relative to the session file), the view, the bookmarks, the styles and the
overlays (range rings, measurements), as JSON, saved atomically."""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from viewer.io.atomic import atomic_writer
from viewer.io.bundle.json_source import load_json
from viewer.io.files import usable_path
from viewer.io.unpaired import json_utf8
from viewer.model.bookmark import Bookmark, BookmarkError
from viewer.model.overlays import Overlays
from viewer.model.problem import BundleError, Problem

SESSION_SUFFIX = ".lmsession"
FORMAT_KEY = "launchmap_session"
FORMAT_VERSION = 1
MAX_MAP_COORDINATE = 1e10  # map units (metres, or degrees): the widest projection spans ~4e7 m
MIN_SPAN = 1e-9


class NewerSession(BundleError):
    """The session was written by a newer launchmap (a format version above FORMAT_VERSION)."""


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
    overlays: Overlays = field(default_factory=Overlays)  # range rings and measurements


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
    if session.overlays:
        data["overlays"] = session.overlays.to_dict()
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
        handle.write(json_utf8(chunk))
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
        message = f"version {version!r} is not supported (this launchmap reads up to {FORMAT_VERSION})"
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            raise NewerSession([Problem(shown, FORMAT_KEY, message)])
        raise fail(FORMAT_KEY, message)
    bundles = data.get("bundles", [])
    if not isinstance(bundles, list):
        raise fail("bundles", "must be a list of file paths")
    folder = path.resolve().parent
    paths = []
    for i, entry in enumerate(bundles):
        if not isinstance(entry, str) or not entry:
            raise fail(f"bundles[{i}]", "must be a file path")
        if not usable_path(entry):
            raise fail(f"bundles[{i}]", "not a file path (it holds a NUL or half of a surrogate pair)")
        if Path(entry).suffix.lower() == SESSION_SUFFIX:  # itself, or one naming it back: sessions without end
            raise fail(f"bundles[{i}]", f"{Path(entry).name} is a session; a session lists bundles, not sessions")
        paths.append(_resolved(entry, folder))
    bookmarks = data.get("bookmarks", [])
    if not isinstance(bookmarks, list):
        raise fail("bookmarks", "must be a list")
    styles = data.get("styles", {})
    if not isinstance(styles, dict):
        raise fail("styles", "must be an object")
    views = [("view", data.get("view"))] + [(f"bookmarks[{i}]", b) for i, b in enumerate(bookmarks)]
    for where, raw in views:
        problem = _insane(raw, where)
        if problem:
            raise fail(*problem)
    try:
        view = Bookmark.from_dict(data["view"], "view") if data.get("view") is not None else None
        marks = [Bookmark.from_dict(b, f"bookmarks[{i}]") for i, b in enumerate(bookmarks)]
    except BookmarkError as error:
        where, _, message = str(error).partition(": ")
        raise fail(where, message) from None
    try:
        overlays = Overlays.from_dict(data["overlays"]) if data.get("overlays") is not None else Overlays()
    except ValueError as error:
        where, _, message = str(error).partition(": ")
        raise fail(where, message) from None
    known = {FORMAT_KEY, "bundles", "view", "bookmarks", "styles", "overlays"}
    return Session(paths, view, marks, styles, {k: v for k, v in data.items() if k not in known}, overlays)


def _insane(view: Any, where: str) -> tuple[str, str] | None:
    """(where, message) when a view's numbers are out of any sane range (a hand-edited or corrupt file: a map
    rectangle of ±1e308 overflows every computation that follows), else None; types are the bookmark's to check."""
    if not isinstance(view, dict):
        return None
    for key, limit in (("map_rect", MAX_MAP_COORDINATE), ("extent", 360.0)):
        rect = view.get(key)
        if isinstance(rect, list) and all(isinstance(v, int | float) and not isinstance(v, bool) for v in rect):
            if not all(abs(v) <= limit and math.isfinite(v) for v in rect):  # compared first: an int of 400 digits
                return f"{where}.{key}", f"numbers must be finite and within ±{limit:g}"
            if len(rect) == 4 and (rect[2] - rect[0] < MIN_SPAN or rect[3] - rect[1] < MIN_SPAN):
                return f"{where}.{key}", "the rectangle has no width or no height"
    projection = view.get("projection")
    if isinstance(projection, dict):
        for key, low, high in (("seam_lon", -360.0, 360.0), ("max_lat", 1.0, 90.0)):
            value = projection.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool) and not low <= value <= high:
                return f"{where}.projection.{key}", f"must be between {low:g} and {high:g}"
    return None


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
