"""The main window's files: opening bundles, geodata and sessions (dialog, recent files, drops) and exporting data."""

from __future__ import annotations

import traceback
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from viewer.io.files import reason
from viewer.io.formats import export_filter, open_filter
from viewer.io.formats.vector.sidecars import without_parts
from viewer.io.load import open_path
from viewer.io.progress import Cancelled
from viewer.io.session import SESSION_SUFFIX
from viewer.model.problem import BundleError
from viewer.qt import plain_box
from viewer.qt.shell import no_mnemonic
from viewer.qt.workers import progress_running, run_with_progress
from viewer.wording import counted, visible_controls

if TYPE_CHECKING:
    from viewer.model.bundle import Bundle
    from viewer.model.problem import Problem
    from viewer.model.workspace import Workspace
    from viewer.qt.panels.widgets import NoteButton
    from viewer.qt.session_controller import SessionController

OPEN_FILTER = open_filter(("launchmap sessions", f"*{SESSION_SUFFIX}"))  # "All supported files" comes first
EXPORT_FILTER = export_filter()
RECENT_FILES = 10
DROPPED_RETRY_MS = 250  # how often files dropped during other work look whether it is done


class WindowFiles(QMainWindow):
    """The files of `MainWindow` (a part of it: MainWindow inherits it)."""

    workspace: Workspace
    session: SessionController
    file_notes: NoteButton
    _recent_files_menu: QMenu

    def open_files(self, paths: list[str]) -> None:
        """Open bundles and other geodata (GeoJSON, GeoPackage, KML/KMZ, CSV, Shapefile, GPX…) and session files.

        Each file loads off the GUI thread behind a progress dialog; a bad file is skipped, and everything already
        open stays. What was opened is said once at the end, the files refused are listed in one message, and the
        problems found on opening (a file reprojected to lon/lat) stay in the status bar's note until clicked away.
        """
        opened: list[tuple[str, list[Problem]]] = []
        refused: list[str] = []
        for path in paths:
            if Path(path).suffix.lower() == SESSION_SUFFIX:
                self.session.open_session(path)
                continue
            try:
                bundle, problems = run_with_progress(self, f"Opening {_shown(path)}",
                                                     partial(_open, path))
                self.workspace.add(bundle)
            except Cancelled:
                self.statusBar().showMessage(f"Opening {_shown(path)} cancelled; nothing was changed", 8000)
                continue
            except BundleError as error:
                more = len(error.problems) - 1
                refused.append(f"{error}" + (f" (and {more} more)" if more > 0 else ""))
                continue
            except (OSError, ValueError) as error:
                refused.append(str(error))
                continue
            except Exception as error:  # a defect of ours, not of the file: said, and the other files still open
                traceback.print_exception(error)  # the whole trace for a bug report, on the terminal
                refused.append(f"{_shown(path)}: not opened: an error in launchmap itself "
                               f"({type(error).__name__}: {visible_controls(str(error))}); please report it")
                continue
            self._remember_recent(path)
            opened.append((path, problems))
        self._say_opened(opened, refused)
        self._name_after_bundles()

    def adopt(self, opened: list[tuple[str, Bundle, list[Problem]]], refused: list[str] | None = None) -> None:
        """Add bundles read before the window was built (start-up reads small files first), as `open_files` would
        have opened them; ``refused`` are the messages of files it could not open, reported once the window runs."""
        for path, bundle, _ in opened:
            self.workspace.add(bundle)
            self._remember_recent(path)
        self._say_opened([(path, problems) for path, _, problems in opened], [])
        if refused:
            QTimer.singleShot(0, partial(self._say_opened, [], list(refused)))
        self._name_after_bundles()

    def _say_opened(self, opened: list[tuple[str, list[Problem]]], refused: list[str]) -> None:
        """One status line for the files opened (each named once, with its problems), a note of those problems that
        stays until clicked away (the next message replaced a reprojection warning at once), one message box for
        the files refused."""
        notes = [opening_note(_shown(path), problems) for path, problems in opened if problems]
        if notes:
            self.file_notes.show_note(notes)
        if opened:
            found = [p for _, problems in opened for p in problems]
            said = f" — {problem_counts(found)} (see the note)" if found else ""
            self.statusBar().showMessage(f"Opened {', '.join(_shown(path) for path, _ in opened)}{said}",
                                         15000 if notes else 5000)
        if len(refused) == 1:
            self._report(refused[0])
        elif refused:
            self._report(f"{len(refused)} files were not opened:\n" + "\n".join(refused))

    def _name_after_bundles(self) -> None:
        session = getattr(self, "session", None)
        if session is not None:  # built: the session controller names the window (its session, the unsaved mark)
            session.name_window()
            return
        self.setWindowTitle(" · ".join(b.name for b in self.workspace.bundles) + " — launchmap")

    def _remember_recent(self, path: str) -> None:
        from viewer.io.session.autosave import state_folder

        resolved = Path(path).resolve()
        if resolved.is_relative_to(state_folder().resolve()):
            return  # an autosave's edited copy, opened by recovery: not a file of the user's to offer again
        recent = [p for p in recent_files() if p != str(resolved)]
        QSettings().setValue("files/recent", [str(resolved), *recent][:RECENT_FILES])
        if getattr(self, "_recent_files_menu", None) is not None:
            self._fill_recent_files()  # a menu greyed while empty never opens, so never fills itself

    def _fill_recent_files(self) -> None:
        self._recent_files_menu.clear()
        for number, path in enumerate(recent_files(), start=1):  # '&1 …' to '&9 …', as editors number them
            shown = no_mnemonic(path)
            self._recent_files_menu.addAction(f"&{number} {shown}" if number < 10 else shown,
                                              partial(self.open_files, [path]))
        self._recent_files_menu.setEnabled(not self._recent_files_menu.isEmpty())

    def _export_data(self) -> None:
        """File ▸ Export data: everything open as GeoJSON, GeoPackage, KML/KMZ or CSV."""
        from viewer.io.convert import export_bundle
        from viewer.qt.dialogs.folders import remember_folder, start_path

        name, _ = QFileDialog.getSaveFileName(self, "Export data", start_path("launches.gpkg"), EXPORT_FILTER)
        if not name:
            return
        remember_folder(name)
        try:
            run_with_progress(self, "Exporting", lambda progress: export_bundle(self.workspace.content, name, progress))
        except Cancelled:
            return
        except (OSError, ValueError, BundleError) as error:
            self._report(f"{name}: {reason(name, error)}")
            return
        self.statusBar().showMessage(f"Exported {name}", 8000)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = without_parts([url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()])
        if not paths:
            return
        event.acceptProposedAction()
        if progress_running():  # a file loading or an image drawing: its local event loop runs this
            waiting = self.__dict__.setdefault("_dropped_meanwhile", [])
            waiting += paths
            self.statusBar().showMessage(f"{', '.join(_shown(p) for p in waiting)} will open when the work under "
                                         "way is done")
            QTimer.singleShot(DROPPED_RETRY_MS, self._open_dropped)
            return
        self.open_files(paths)

    def _open_dropped(self) -> None:
        """Open the files dropped while other work ran, once it is done."""
        if progress_running():
            QTimer.singleShot(DROPPED_RETRY_MS, self._open_dropped)
            return
        paths = self.__dict__.pop("_dropped_meanwhile", [])
        if paths:
            self.open_files(paths)

    def _report(self, message: str) -> None:
        self.statusBar().showMessage(message, 20000)
        plain_box.warning(self, "launchmap", message)

    def _open_dialog(self) -> None:
        from viewer.qt.dialogs.folders import remember_folder, start_path

        paths, _ = QFileDialog.getOpenFileNames(self, "Open", start_path(), OPEN_FILTER)
        if paths:
            remember_folder(paths[0])
            self.open_files(paths)


def _shown(path: str) -> str:
    """A file's name as messages give it: a tab or line break in it shown, so the message stays one line."""
    return visible_controls(Path(path).name)


def problem_counts(problems: list[Problem]) -> str:
    """'1 warning', '2 errors, 1 warning'."""
    errors = sum(p.is_error for p in problems)
    return ", ".join(counted(n, noun) for n, noun in ((errors, "error"), (len(problems) - errors, "warning")) if n)


def opening_note(name: str, problems: list[Problem]) -> str:
    """A file's problems on opening, said once: the file, the counts, then the first one without its file and
    severity again (``tracks.geojson with 1 warning — crs: coordinates given in …; reprojected to WGS84 lon/lat``)."""
    first = problems[0]
    where = f"{first.where}: " if first.where else ""
    return visible_controls(f"{name} with {problem_counts(problems)} — {where}{first.message}")


def recent_files() -> list[str]:
    """File ▸ Open recent's paths. QSettings gives back a list of one as a plain string: iterated, it listed the
    path's characters as recent files ("/", "w", "o", …)."""
    value = QSettings().value("files/recent") or []
    return [value] if isinstance(value, str) else [p for p in value if isinstance(p, str) and p]


def _open(path: str, progress) -> tuple:
    """The loading job for one file (run off the GUI thread)."""
    return open_path(path, progress)
