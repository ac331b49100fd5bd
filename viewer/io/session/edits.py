"""Unsaved edits to bundles, kept beside an autosave: each edited bundle written whole (its articles' text inline,
since the copy lives away from their folder) and named in the session, so recovery opens the edited copy.

Written off the GUI thread: `snapshot` takes what the write reads (the bundle's containers, copied: the window
may add or remove a feature meanwhile) on the GUI thread, and `write_unsaved_work` writes the copies and the
session from it anywhere."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from viewer.io.bundle.writer import write_bundle
from viewer.io.session.autosave import write_autosave
from viewer.io.session.file import SESSION_SUFFIX, Session
from viewer.model.bundle import Bundle
from viewer.model.bundle_features import copied

EDITED_KEY = "edited_bundles"  # the session member: [{"origin": path or null, "copy": path}]


@dataclass(frozen=True)
class EditedCopy:
    """An edited bundle's autosaved copy; ``origin`` is the file it was read from (None for a new draft), and
    ``articles`` the article files its documents named there ({document id: [path, sha256]}), restored on recovery
    so that saving writes the bundle back as it was, pointing at its articles."""

    origin: Path | None
    copy: Path
    articles: dict[str, list[str | None]]
    stamp: tuple[int, int] | None = None  # the origin's size and modification time when the copy was written

    def origin_changed(self) -> bool:
        """Whether the origin file was changed (or removed) since the copy was written: recovered edits are then
        of an earlier file, and saving them would replace the newer one."""
        return self.origin is not None and self.stamp is not None and file_stamp(self.origin) != self.stamp


def file_stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and modification time (ns), or None if it cannot be looked at."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_size, info.st_mtime_ns


def edits_folder(autosave: Path) -> Path:
    return autosave.with_name(autosave.stem + "-edits")


def write_edited_copies(bundles: list[Bundle], autosave: Path) -> list[EditedCopy]:
    """Write every bundle in ``bundles`` beside ``autosave`` (atomically, one file each); returns what was written.
    Copies of bundles no longer edited are removed."""
    folder = edits_folder(autosave)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, bundle in enumerate(bundles, start=1):
        copy = folder / f"edited-{number}.geojson"
        articles = {key: [d.path, d.sha256] for key, d in bundle.documents.items()
                    if d.path and not d.text_inline and d.text is not None}
        documents = {key: replace(d, text_inline=True, path=None, sha256=None) if key in articles else d
                     for key, d in bundle.documents.items()}
        write_bundle(replace(bundle, documents=documents, path=copy), copy, compact=True)  # read by launchmap only
        stamp = file_stamp(bundle.path) if bundle.path is not None else None
        written.append(EditedCopy(bundle.path, copy, articles, stamp))
    keep = {c.copy.name for c in written}
    for stale in folder.glob("edited-*.geojson"):
        if stale.name not in keep:
            stale.unlink(missing_ok=True)
    return written


def snapshot(bundle: Bundle) -> Bundle:
    """A bundle to write while the window goes on with ``bundle``: its documents, events, features and members in
    containers of its own (a million features' dict copied in ~20 ms). The features themselves are shared: an edit
    made while the copy is written may be in it or not, and the bundle is written again after it."""
    return replace(bundle, documents=dict(bundle.documents), events=dict(bundle.events),
                   features=copied(bundle.features), extra=dict(bundle.extra))


def write_unsaved_work(session: Session, edited: list[Bundle], origin: Path | None,
                       copies: list[EditedCopy] | None, path: Path) -> tuple[Path, list[EditedCopy]]:
    """Write the autosave ``path``: ``session`` with each bundle of ``edited`` (snapshots) diverted to an edited
    copy beside it. ``copies``: the copies written last time, kept when they are still those bundles' and on disk
    (the bundles did not change since: the session file alone is written). Returns the autosave and its copies;
    each file is written atomically, the copies before the session that names them."""
    if (copies is None or [c.origin for c in copies] != [b.path for b in edited]
            or not all(c.copy.is_file() for c in copies)):
        copies = write_edited_copies(edited, path)
    diverted = {b.path for b in edited}
    session.bundles = [p for p in session.bundles if p not in diverted]
    session.extra[EDITED_KEY] = as_session_member(copies)
    return write_autosave(session, origin, path=path), copies


def as_session_member(copies: list[EditedCopy]) -> list[dict[str, Any]]:
    return [{"origin": str(c.origin.resolve()) if c.origin else None, "copy": str(c.copy), "articles": c.articles,
             **({"origin_stamp": list(c.stamp)} if c.stamp is not None else {})} for c in copies]


def edited_copies(member: Any) -> list[EditedCopy]:
    """The session member read back; entries that are not well formed are skipped (the autosave is advisory)."""
    copies = []
    for entry in member if isinstance(member, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("copy"), str):
            continue
        if Path(entry["copy"]).suffix.lower() == SESSION_SUFFIX:  # a copy is a bundle; a session would replace all
            continue
        origin = entry.get("origin")
        given = entry.get("articles")
        articles = {k: v for k, v in (given.items() if isinstance(given, dict) else ())
                    if isinstance(v, list) and len(v) == 2 and all(x is None or isinstance(x, str) for x in v)}
        given_stamp = entry.get("origin_stamp")
        stamp = None
        if isinstance(given_stamp, list) and len(given_stamp) == 2 and all(type(x) is int for x in given_stamp):
            stamp = (given_stamp[0], given_stamp[1])
        copies.append(EditedCopy(Path(origin) if isinstance(origin, str) else None, Path(entry["copy"]), articles,
                                 stamp))
    return copies


def restore_origin(bundle: Bundle, copy: EditedCopy) -> None:
    """Make a bundle read from an edited copy the edited original again: its file, its article files, unsaved."""
    for key, (path, sha256) in copy.articles.items():
        document = bundle.documents.get(key)
        if document is not None:
            document.path, document.sha256, document.text_inline = path, sha256, False
    bundle.path = copy.origin
    bundle.modified = True


def discard_edits(autosave: Path) -> None:
    with contextlib.suppress(OSError):
        shutil.rmtree(edits_folder(autosave))
