"""The window's autosave: unsaved work written aside every AUTOSAVE_MS and once editing pauses, off the GUI thread,
and the words of the offer to recover it after a crash.

An edited layer of a million features took seconds to write, on the GUI thread, the window frozen meanwhile. The
GUI thread now takes a snapshot (the session, and each edited bundle's containers: ~20 ms for a million features)
and a worker writes the files, each atomically as before. A tick while a write runs waits for it and writes once
more after it; closing the window, saving the session and recovering wait for a running write to end first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from viewer.io.session import Autosave, Session, autosave_path
from viewer.io.session.edits import EDITED_KEY, EditedCopy, edited_copies, snapshot, write_unsaved_work
from viewer.model.bundle import Bundle
from viewer.qt.workers import Worker
from viewer.wording import counted

AUTOSAVE_MS = 30_000
EDIT_IDLE_MS = 2_000


class SessionAutosave(QObject):
    """Writes the window's unsaved work aside, off the GUI thread.

    ``unsaved()`` says what to write, on the GUI thread: None when nothing is worth saving, else the session, the
    edited bundles and the session file they belong to (or None).

    Signals:
        failed(str): a write failed; the message (the previous autosave, if any, is intact).
    """

    failed = Signal(str)

    def __init__(self, parent: QObject, unsaved: Callable[[], tuple[Session, list[Bundle], Path | None] | None],
                 interval_ms: int = AUTOSAVE_MS):
        super().__init__(parent)
        self._unsaved = unsaved
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.edit_timer = QTimer(self)  # an edit is autosaved once editing pauses
        self.edit_timer.setSingleShot(True)
        self.edit_timer.setInterval(EDIT_IDLE_MS)
        self.edit_timer.timeout.connect(self.autosave)
        # The edited bundles' copies as last written, until a bundle changes again: an edit to a layer of a million
        # features would otherwise be written whole at every autosave, changed or not. `changes` counts the
        # bundles' changes, so that copies written from a snapshot older than the last change are not kept.
        self._copies: list[EditedCopy] | None = None
        self._changes = 0
        self._writing: Worker | None = None
        self._again = False

    def bundles_changed(self) -> None:
        """A bundle changed: its copy is to be written again."""
        self._copies = None
        self._changes += 1

    @property
    def writing(self) -> bool:
        return self._writing is not None

    def autosave(self) -> Path | None:
        """Start writing the unsaved work aside (the path it goes to), or None when there is none. While a write
        runs, one more is made after it."""
        if self._writing is not None:
            self._again = True
            return autosave_path()
        unsaved = self._unsaved()
        if unsaved is None:
            return None
        session, edited, origin = unsaved
        edited = [snapshot(b) for b in edited]
        copies, changes, path = self._copies, self._changes, autosave_path()  # (the path read here: the environment)
        worker = Worker(lambda _progress: (write_unsaved_work(session, edited, origin, copies, path), changes))
        worker.finished.connect(self._ended)  # slots of this object: never called once it is gone
        worker.failed.connect(self._ended)
        self._writing = worker
        worker.start()
        return path

    def wait(self) -> None:
        """Block until a running write has ended (quitting, saving, recovering: its file must not appear after)."""
        worker = self._writing
        if worker is not None:
            worker.wait()
            self._done(worker, again=False)

    def stop(self) -> None:
        """No more writes: the timers stop, a running write ends first."""
        self.timer.stop()
        self.edit_timer.stop()
        self._again = False
        self.wait()

    def _ended(self, *_) -> None:
        worker = self.sender()
        if isinstance(worker, Worker):
            self._done(worker)

    def _done(self, worker: Worker, again: bool = True) -> None:
        if worker is not self._writing:
            return  # already handled (waited for, then its queued signal came)
        self._writing = None
        if worker.error is not None:
            self.failed.emit(f"Autosave failed: {worker.error}")
        else:
            (_, copies), changes = worker.result
            if changes == self._changes:
                self._copies = copies
        if again and self._again:
            self._again = False
            self.autosave()


def recovery_question(autosave: Autosave) -> str:
    """What the offer to recover says: what was being worked on, when it was saved (as a person reads a time),
    and what comes back, named as the user knows the files ("launches.geojson, edited"), not the autosave's copies."""
    session = autosave.session
    copies = edited_copies(session.extra.get(EDITED_KEY))
    files = [p.name for p in session.bundles] + [f"{c.origin.name if c.origin else 'a new bundle'}, edited"
                                                 for c in copies]
    parts = ["; ".join(files) if files else "no file", counted(len(session.bookmarks), "bookmark")]
    return (f"launchmap did not close properly. Recover {what_was_recovered(autosave)} from "
            f"{when_saved(autosave.saved_at)} ({', '.join(parts)})?")


def what_was_recovered(autosave: Autosave) -> str:
    return autosave.origin.name if autosave.origin else "the unsaved session"


def when_saved(saved_at: str) -> str:
    """An ISO time as "6 Dec 2026, 23:26 UTC" ("2026-12-06T23:26:32+00:00" was shown as it was stored)."""
    try:
        moment = datetime.fromisoformat(saved_at).astimezone(UTC)
    except ValueError:
        return saved_at or "an unknown time"
    return f"{moment.day} {moment:%b %Y, %H:%M} UTC"
