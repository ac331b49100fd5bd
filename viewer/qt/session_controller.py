"""Sessions in the window: open, save, save as, recent files, autosave, and the offer to recover after a crash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from viewer.io.files import reason
from viewer.io.session import (
    SESSION_SUFFIX,
    Autosave,
    Session,
    discard_autosave,
    forget_autosave,
    load_session,
    recoverable_autosaves,
    save_session,
)
from viewer.io.session.autosave import autosave_path, set_aside
from viewer.io.session.edits import EDITED_KEY, EditedCopy, discard_edits, edited_copies, restore_origin
from viewer.model.bookmark import Bookmark, BookmarkList
from viewer.model.bundle import Bundle
from viewer.model.problem import BundleError, Problem
from viewer.model.view import DecorationOptions, MapView
from viewer.model.workspace import Workspace
from viewer.qt import plain_box
from viewer.qt.dialogs.folders import remember_folder, start_path
from viewer.qt.lifetime import follow
from viewer.qt.session_autosave import AUTOSAVE_MS, SessionAutosave, recovery_question, what_was_recovered, when_saved
from viewer.qt.shell import no_mnemonic

if TYPE_CHECKING:
    from viewer.qt.map.canvas import MapCanvas
    from viewer.qt.shell import Shell

MAX_RECENT = 8
RECENT_KEY = "session/recent"
SESSION_FILTER = f"launchmap sessions (*{SESSION_SUFFIX});;All files (*)"


class SessionController(QObject):
    """The main window's session: its file, its bookmarks, whether it changed since saved, and its autosave.

    Closing the window asks to save a session worth saving (one with a file, bookmarks or edited bundles); every
    AUTOSAVE_MS, and once editing pauses, such a session is written aside with a copy of each edited bundle, off the
    GUI thread (`SessionAutosave`), and the next start offers it back if launchmap was killed.

    Signals:
        changed(): the session changed or was saved (the title and actions may need updating).
    """

    changed = Signal()

    def __init__(self, workspace: Workspace, map_view: MapView, canvas: MapCanvas, shell: Shell,
                 autosave_ms: int = AUTOSAVE_MS):
        super().__init__(shell.parent)
        self.shell = shell
        self.workspace = workspace
        self.map_view = map_view
        self.canvas = canvas
        self.bookmarks = BookmarkList()
        self.path: Path | None = None
        self.dirty = False
        self._loading = False
        for signal in (workspace.bundles_changed, map_view.filters_changed, map_view.projection_changed,
                       map_view.decorations_changed, map_view.colours_changed, self.bookmarks.changed,
                       workspace.overlays.changed):
            follow(signal, self, self.mark_dirty)
        self.autosaver = SessionAutosave(self, self._unsaved_work, autosave_ms)
        self.autosaver.failed.connect(lambda message: self.shell.status(message, 10000))
        follow(workspace.bundles_changed, self, self.autosaver.bundles_changed)
        follow(workspace.bundles_changed, self, self._maybe_edited)
        self._recent_menu: QMenu | None = None
        # Writes the edited bundles (File ▸ Save edited bundles; the window sets it): closing offers to save them
        # too. False when the user cancelled, then nothing closes.
        self.save_bundles: Callable[[], bool] | None = None
        shell.parent.installEventFilter(self)
        self.changed.connect(self.name_window)
        follow(workspace.bundles_changed, self, self.name_window)  # after the window's own naming: this wins

    # -- state -------------------------------------------------------------------------------------
    def mark_dirty(self, *_) -> None:
        if not self._loading:
            self.dirty = True
            self.changed.emit()

    @property
    def worth_saving(self) -> bool:
        """Unsaved work a user would miss: changes to a session file, bookmarks never saved, or edited bundles."""
        return self.dirty and (self.path is not None or len(self.bookmarks) > 0 or bool(self.edited_bundles()))

    def edited_bundles(self) -> list[Bundle]:
        return [b for b in self.workspace.bundles if b.modified]

    def name_window(self, *_) -> None:
        """The title names the open session, else the bundles (as QGIS names its project), with Qt's unsaved
        mark while there is work to save."""
        window = self.shell.parent
        window.setWindowTitle(window_title(self.path, [b.name for b in self.workspace.bundles]))
        window.setWindowModified(self.worth_saving)

    def _maybe_edited(self, *_) -> None:
        if not self._loading and self.edited_bundles():
            self.autosaver.edit_timer.start()

    def capture(self, name: str) -> Bookmark:
        """What the map shows now, and what is selected (the bookmark's caption is about it), as a bookmark."""
        return Bookmark.of(name, self.map_view, self.workspace.selection.features)

    def show(self, bookmark: Bookmark) -> None:
        """Show a bookmark: its filters, projection and frame, and select its selection."""
        self.canvas.show_state(bookmark.view)
        content = self.workspace.content
        self.workspace.selection.select([f for f in bookmark.selection if f in content.features])

    def session(self) -> Session:
        options = self.map_view.decorations
        return Session(bundles=[b.path for b in self.workspace.bundles if b.path is not None],
                       view=self.capture(""), bookmarks=list(self.bookmarks),
                       styles={"decorations": {name: getattr(options, name) for name in DecorationOptions.SAVED},
                               "layer_colours": dict(self.map_view.layer_colours)},
                       overlays=self.workspace.overlays)

    # -- open and save -----------------------------------------------------------------------------
    def open_session(self, path: str | Path) -> bool:
        """Replace what is open with the session's bundles, view and bookmarks; False (and a message) if unreadable."""
        path = Path(path)
        try:
            session = load_session(path)
        except BundleError as error:
            self._warn(str(error))
            return False
        self._loading = True
        try:
            if not self._replace_with([str(p) for p in session.bundles]):  # a missing one is reported, the rest open
                self.shell.status(f"{path}: none of the files it names could be opened; what was open is kept", 20000)
                return False
            self.bookmarks.set_all(session.bookmarks)
            self.workspace.overlays.set_all(session.overlays)
            self._apply_styles(session.styles)
            if session.view is not None:
                self.show(session.view)
        finally:
            self._loading = False
        self._set_saved(path)
        return True

    def save(self) -> bool:
        return self.save_as(self.path) if self.path is not None else self.save_as()

    def save_work(self) -> bool:
        """Save (Ctrl+S): the edited bundles to their files, then the session when there is one (a file or
        bookmarks); with nothing edited, the session. (It saved only the session, asking for a .lmsession, and the
        edits stayed unsaved.) False when something was not saved."""
        edited = self.edited_bundles() if self.save_bundles is not None else []
        if edited and self.save_bundles is not None and not self.save_bundles():
            return False
        self.name_window()
        if edited and self.path is None and not len(self.bookmarks):
            return True
        return self.save()

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None:
            start = str(self.path) if self.path is not None else start_path(f"briefing{SESSION_SUFFIX}")
            chosen, _ = QFileDialog.getSaveFileName(self.shell.parent, "Save session", start, SESSION_FILTER)
            if not chosen:
                return False
            remember_folder(chosen)
            path = chosen if Path(chosen).suffix else chosen + SESSION_SUFFIX
        path = Path(path)
        try:
            save_session(self.session(), path)
        except (OSError, ValueError) as error:  # the previous file, if any, is untouched
            self._warn(f"{path}: not saved: {reason(path, error)}")
            return False
        self._set_saved(path)
        return True

    def _set_saved(self, path: Path) -> None:
        self.path, self.dirty = path, False
        self.autosaver.wait()  # a write still running would leave the autosave behind
        discard_autosave()
        discard_edits(autosave_path())
        self._add_recent(path)
        self.shell.status(f"Session {path.name}", 5000)
        self.changed.emit()

    def _apply_styles(self, styles: dict) -> None:
        colours = styles.get("layer_colours", {})
        if isinstance(colours, dict):
            for layer, colour in colours.items():
                if isinstance(layer, str) and isinstance(colour, str) and QColor(colour).isValid():
                    self.map_view.set_layer_colour(layer, QColor(colour).name())
        options = self.map_view.decorations.with_saved(styles.get("decorations", {}))
        self.map_view.set_decorations(**{name: getattr(options, name) for name in DecorationOptions.SAVED})

    # -- recent files ------------------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        value = QSettings().value(RECENT_KEY, [])
        entries = [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else []
        return [Path(p) for p in entries if isinstance(p, str) and p]

    def _add_recent(self, path: Path) -> None:
        entries = [str(path.resolve())] + [str(p) for p in self.recent_files() if p != path.resolve()]
        QSettings().setValue(RECENT_KEY, entries[:MAX_RECENT])
        self._fill_recent_menu()

    # -- autosave and recovery ---------------------------------------------------------------------
    def autosave(self) -> Path | None:
        """Start writing the session aside when it has unsaved work (the path it goes to; `autosaver.wait()` waits
        for it); the file is removed once saved or discarded."""
        return self.autosaver.autosave()

    def _unsaved_work(self) -> tuple[Session, list[Bundle], Path | None] | None:
        return (self.session(), self.edited_bundles(), self.path) if self.worth_saving else None

    def offer_recovery(self, ask: Callable[[Autosave], bool] | None = None) -> bool:
        """If an earlier launchmap was killed with unsaved work, offer it back (newest first); True if recovered.

        ``ask`` decides for each autosave (tests pass one); by default a message box asks.
        """
        unreadable: list[Problem] = []
        autosaves = recoverable_autosaves(unreadable)
        if len(unreadable) == 1:  # reported once: the file was moved aside
            self.shell.status(str(unreadable[0]), 20000)
        elif unreadable:  # one message: each in turn replaced the last
            names = ", ".join(Path(problem.file).name for problem in unreadable)
            self.shell.status(f"{len(unreadable)} autosaves cannot be recovered and were moved aside "
                              f"(.unreadable): {names}", 30000)
        for autosave in autosaves:
            if not (ask or self._ask_recover)(autosave):
                forget_autosave(autosave)
                continue
            self._loading = True
            try:
                copies = edited_copies(autosave.session.extra.get(EDITED_KEY))
                if not self._replace_with([str(p) for p in autosave.session.bundles] + [str(c.copy) for c in copies]):
                    aside = set_aside(autosave.path)
                    self.shell.status(f"{autosave.path}: none of the files it names could be opened; what was open "
                                      f"is kept, and the autosave was moved aside to {aside.name}", 30000)
                    continue
                self._restore_edited(copies)
                self.bookmarks.set_all(autosave.session.bookmarks)
                self.workspace.overlays.set_all(autosave.session.overlays)
                self._apply_styles(autosave.session.styles)
                if autosave.session.view is not None:
                    self.show(autosave.session.view)
            finally:
                self._loading = False
            self.path = autosave.origin  # Save writes back where the work came from
            self.dirty = True
            forget_autosave(autosave)
            self.autosave()  # it is this process's unsaved work now (its edited copies written anew)
            discard_edits(autosave.path)
            self.changed.emit()
            self.shell.status(f"Recovered {what_was_recovered(autosave)} from {when_saved(autosave.saved_at)}", 15000)
            return True
        return False

    def _replace_with(self, paths: list[str]) -> bool:
        """Close what is open and open ``paths`` instead (each refused one is reported). When none of them opens —
        each gone, or no longer a file launchmap reads — what was open is put back and False returned."""
        before = list(self.workspace.bundles)
        for bundle in before:
            self.workspace.remove(bundle)
        self.shell.open_files(paths)
        if paths and not self.workspace.bundles:
            for bundle in before:
                self.workspace.add(bundle)
            return False
        return True

    def _restore_edited(self, copies: list[EditedCopy]) -> None:
        """The bundles opened from edited copies become the edited originals again (Save writes back there)."""
        by_copy = {c.copy.resolve(): c for c in copies}
        for bundle in self.workspace.bundles:
            copy = by_copy.get(bundle.path.resolve()) if bundle.path else None
            if copy is not None:
                restore_origin(bundle, copy)
                self.workspace.edited(bundle)
        changed = [str(c.origin) for c in copies if c.origin_changed()]
        if changed:  # said before anything is saved: Save would replace the newer file with the older one edited
            self._warn(f"{', '.join(changed)}: changed on disk since the autosave; the recovered edits are of the "
                       "earlier file, and saving them replaces the newer one")

    def _ask_recover(self, autosave: Autosave) -> bool:
        answer = plain_box.question(
            self.shell.parent, "Recover session", recovery_question(autosave),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    # -- closing -----------------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        """Ask to save unsaved work — edited bundles and the session — naming what would be lost; False when the
        user cancels. (It asked about "this session and its bookmarks" when only a label had been edited, and Save
        wrote a session pointing at the unedited file: the edit was lost.)"""
        if not self.worth_saving:
            return True
        edited = self.edited_bundles() if self.save_bundles is not None else []
        session_too = self.path is not None or len(self.bookmarks) > 0
        answer = plain_box.question(
            self.shell.parent, "Save changes", closing_question(edited, self.path, session_too or not edited),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer != QMessageBox.StandardButton.Save:
            return True
        return self.save_work()  # False when not saved (the user cancelled choosing where): the window stays

    def eventFilter(self, watched, event) -> bool:
        if watched is self.shell.parent and event.type() == QEvent.Type.Close:
            if not self.confirm_close():
                event.ignore()
                return True
            self.autosaver.stop()  # a running write ends first: its file must not appear after the discard
            discard_autosave()  # a clean exit: nothing to recover next time
            discard_edits(autosave_path())
        return False

    # -- menu --------------------------------------------------------------------------------------
    def add_actions(self, menu: QMenu) -> None:
        """Open session…, Save session, Save session as…, and Recent sessions, added to ``menu``."""
        for text, slot, shortcut in (("Open sessio&n…", self._open_dialog, "Ctrl+Shift+O"),
                                     ("&Save", self.save_work, QKeySequence.StandardKey.Save),
                                     ("Save session &as…", self.save_as, QKeySequence.StandardKey.SaveAs)):
            action = menu.addAction(text)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, s=slot: s())
        self._recent_menu = menu.addMenu("Recen&t sessions")
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        if self._recent_menu is None:
            return
        self._recent_menu.clear()
        for path in self.recent_files():
            action = self._recent_menu.addAction(no_mnemonic(path.name))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self._open_checked(p))
        self._recent_menu.setEnabled(bool(self.recent_files()))

    def _open_dialog(self) -> None:
        start = str(self.path.parent) if self.path is not None else start_path()
        path, _ = QFileDialog.getOpenFileName(self.shell.parent, "Open session", start, SESSION_FILTER)
        if path:
            remember_folder(path)
            self._open_checked(Path(path))

    def _open_checked(self, path: Path) -> None:
        if self.confirm_close():
            self.open_session(path)

    def _warn(self, message: str) -> None:
        self.shell.warn("launchmap", message)


def window_title(session: Path | None, bundles: list[str]) -> str:
    """"nov2023.lmsession — launchmap" when a session is open, else the bundles' names; "[*]" is where Qt puts
    the unsaved mark."""
    named = session.name if session is not None else " · ".join(bundles)
    return f"{named}[*] — launchmap" if named else "launchmap[*]"


def closing_question(edited: list[Bundle], session: Path | None, session_too: bool) -> str:
    """What closing asks: the edited files by name, and the session ("Save the changes to launches.geojson and
    to nov2023.lmsession?")."""
    names = [b.name for b in edited]
    if session_too:
        names.append(session.name if session is not None else "this session and its bookmarks")
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and to " + names[-1]
    return f"Save the changes to {listed}?"
