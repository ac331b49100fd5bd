"""Start the GUI: one QApplication, one main window, the bundles named on the command line.

The window shows its first frame (viewer.qt.first_frame: the map drawn without pyqtgraph) as soon as the small files
are read; then the canvas, panels and menus are built and the canvas takes over the frame in place.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.resources import asset, sample_bundle

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from viewer.model.bundle import Bundle
    from viewer.model.problem import Problem
    from viewer.qt.first_frame import FirstFrame

    Opened = tuple[str, Bundle, list[Problem]]  # a file read before the window was built

# Set to 1, the app prints "first-frame <unix time> cpu <seconds>" once the first frame has been painted and
# "canvas-ready <unix time> cpu <seconds>" once the canvas has drawn every layer and shows instead, then quits: the
# startup benchmark (benchmarks/map_benchmark.py) measures from process start to those lines (cpu: the process's
# CPU time so far).
EXIT_AFTER_FIRST_PAINT = "LAUNCHMAP_EXIT_AFTER_FIRST_PAINT"
READ_BEFORE_SHOWING_BYTES = 1_000_000
TAKE_OVER_UNSEEN_MS = 2000  # the canvas is built then even if the first frame was never painted


def run_app(files: list[str]) -> int:
    # What needs no Qt comes first (reading the files, the basemap, their modules): PySide6 reads the source of
    # every module imported after it (its __feature__ check, ~0.3-1.5 ms a module, more as more are loaded).
    startup = Startup(files or [str(sample_bundle())], exit_after_paint=os.environ.get(EXIT_AFTER_FIRST_PAINT) == "1")
    from PySide6.QtWidgets import QApplication

    from viewer.qt.pyside_check import quicker_feature_check

    quicker_feature_check()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("launchmap")
    app.setOrganizationName("launchmap")
    app.setDesktopFileName("io.github.launchmap.launchmap")  # matches the window to its menu entry and icon
    startup.show_first_frame()
    return app.exec()


class Startup:
    """The window's start: small files read and the basemap opened (no Qt yet), the window shown with its first
    frame, then (once that frame is on screen) the canvas and panels built, the files handed to the window, the
    large ones opened behind a progress dialog, and the recovery of an autosave offered."""

    def __init__(self, paths: list[str], exit_after_paint: bool = False):
        from viewer.geo.basemap import load_basemap
        from viewer.geo.gazetteer import load_places

        # Small files (the sample: 10 ms) are read before the window shows, so its first frame shows their data;
        # larger ones load behind a progress dialog once the window is built.
        self.opened, self.later = read_small_files(paths)
        self.refused: list[str] = []  # files read but not opened (their feature ids clash with a file before them)
        self.basemap, self.places = load_basemap(), load_places()
        self.exit_after_paint = exit_after_paint
        self.first_frame: FirstFrame | None = None
        self.unseen: QTimer | None = None

    def show_first_frame(self) -> None:
        from PySide6.QtCore import QRect, QSettings, Qt, QTimer

        from viewer.model.workspace import Workspace
        from viewer.qt.first_frame import FirstFrame
        from viewer.qt.main_window import MAP_RECT_KEY, MainWindow  # no pyqtgraph: the canvas comes in build()

        window = self.window = MainWindow(deferred=True)
        if window.opens_maximised:  # a window manager fits it to the screen with its frame; without one, it fills it
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        window.lay_out_bars()  # where the map goes is known before anything is shown
        remembered = _remembered_rect(QSettings().value(MAP_RECT_KEY), window.width(), window.height())
        rect = QRect(*remembered) if remembered is not None else window.first_run_map_rect()
        # Shown before its map is prepared: the display server maps the window (in its own process) while this one
        # projects the data and the basemap; the window paints once the event loop runs, the frame in it.
        window.show()
        workspace = Workspace()
        kept = []
        for opened in self.opened:
            try:
                workspace.add(opened[1])
            except ValueError as error:  # the same feature ids as a file before it: refused, as File > Open does
                self.refused.append(str(error))
            else:
                kept.append(opened)
        self.opened = kept
        first = self.first_frame = FirstFrame(window, rect, workspace, self.basemap, self.places, window.map_view)
        first.show()  # a child made after its window was shown is shown by hand
        if self.exit_after_paint:  # before take_over, which keeps the GUI thread for a while
            first.painted.connect(lambda: print(f"first-frame {time.time():.6f} cpu {time.process_time():.3f}",
                                                flush=True))
        first.painted.connect(self.take_over)
        # Taken over when the frame is on screen, or after a while if the window is never exposed (minimised, on
        # another desktop), which paints nothing. The fallback is the window's child, deleted with it, and stopped by
        # the take-over: it never fires for a start that is over.
        unseen = self.unseen = QTimer(window)
        unseen.setSingleShot(True)
        unseen.timeout.connect(self.take_over)
        unseen.start(TAKE_OVER_UNSEEN_MS)

    def take_over(self) -> None:
        """Build the canvas, panels and menus, and let the canvas show the first frame's map where it was drawn."""
        gc.enable()  # held off until the first frame by the command line (viewer.cli), as start-up makes no garbage
        # The first frame projected its conic and geodesics in numpy (viewer.geo.lcc, viewer.geo.vincenty), without
        # importing pyproj (~60 ms); from here on PROJ does, as it does for every other projection.
        import pyproj  # noqa: F401
        import pyqtgraph as pg
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication

        # Given once the frame is on screen: a window shown with it loaded Qt's SVG icon plugin and drew the icon
        # first (~3 ms of CPU, 5-60 ms of the window's showing); the window manager takes it up when it comes.
        QApplication.setWindowIcon(QIcon(str(asset("resources", "icons", "launchmap.svg"))))
        import shiboken6

        from viewer.qt import first_frame

        pg.setConfigOptions(antialias=True)
        window, first = self.window, self.first_frame
        if self.unseen is not None and shiboken6.isValid(self.unseen):
            self.unseen.stop()
        if first is None or not shiboken6.isValid(window) or window.built or not window.isVisible():
            return  # taken over already, or closed (or deleted) before its canvas came
        with ExitStack() as hold:  # the basemap's level chosen once, for the view taken over
            window.build(self.basemap, self.places, hold)
            window.adopt(self.opened, self.refused)
            window.lay_out(first.geometry())
            here = window.map_rect()
            if here.contains(first.geometry()):  # the same map at the same pixels, with more around it if larger
                window.canvas.show_frame(first.view_at(here))
            else:  # the docks' minimum sizes left the map less room than the first frame had: framed afresh
                window.canvas.zoom_to_extent(window.canvas.data_extent(), margin=first_frame.DATA_MARGIN)
        window.remember_map_rect()
        first.retired.connect(self._canvas_ready)
        first.give_way_to(window.canvas)

    def _canvas_ready(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        self.first_frame = None
        if self.exit_after_paint:
            self.window.canvas.viewport().repaint()  # on screen now, the frame gone from over it
            print(f"canvas-ready {time.time():.6f} cpu {time.process_time():.3f}", flush=True)
            QApplication.exit(0)  # leaves the event loop without closing windows, so no "save?" dialog blocks
            return
        QTimer.singleShot(0, self.window, self._open_later_and_recover)

    def _open_later_and_recover(self) -> None:
        if self.later:
            _open_and_frame(self.window, self.later)
        self.window.session.offer_recovery()  # a session left by a killed process is offered back


def read_small_files(paths: list[str]) -> tuple[list[Opened], list[str]]:
    """(path, bundle, problems) of each small file that reads cleanly, and the paths left for the window to open
    (large files, sessions, files it must report: it reports them in its own words once it is up)."""
    from viewer.io.load import open_path
    from viewer.io.session import SESSION_SUFFIX
    from viewer.model.problem import BundleError

    if not all(_size(path) <= READ_BEFORE_SHOWING_BYTES for path in paths):
        return [], list(paths)  # in order, all behind the progress dialog
    opened: list[Opened] = []
    for index, path in enumerate(paths):
        if Path(path).suffix.lower() == SESSION_SUFFIX:
            return opened, paths[index:]
        try:
            bundle, problems = open_path(path)
        except (BundleError, OSError, ValueError):
            return opened, paths[index:]
        opened.append((path, bundle, problems))
    return opened, []


def _remembered_rect(value, width: int, height: int) -> tuple[int, int, int, int] | None:
    """The map's rect saved for a window of this size, if any (settings files hold untrusted text)."""
    try:
        x, y, w, h, saved_width, saved_height = (int(v) for v in value)
    except (TypeError, ValueError):
        return None
    if (saved_width, saved_height) != (width, height) or w <= 0 or h <= 0:
        return None
    return x, y, w, h


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # reported when it is opened


def _open_and_frame(window, paths: list[str]) -> None:
    from viewer.qt.first_frame import DATA_MARGIN

    window.open_files(paths)
    window.canvas.zoom_to_extent(window.canvas.data_extent(), margin=DATA_MARGIN)
