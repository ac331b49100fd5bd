"""Start the GUI: one QApplication, one main window, the bundles named on the command line."""

from __future__ import annotations

import os
import sys
import time
from functools import partial

from viewer.resources import asset, sample_bundle

# Set to 1, the app prints "first-paint <unix time>" once the map has been painted and quits: the
# startup benchmark (benchmarks/map_benchmark.py) measures from process start to that line.
EXIT_AFTER_FIRST_PAINT = "LAUNCHMAP_EXIT_AFTER_FIRST_PAINT"
READ_BEFORE_SHOWING_BYTES = 1_000_000


def run_app(files: list[str]) -> int:
    import pyqtgraph as pg
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from viewer.qt.main_window import MainWindow

    pg.setConfigOptions(antialias=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("launchmap")
    app.setOrganizationName("launchmap")
    app.setWindowIcon(QIcon(str(asset("resources", "icons", "launchmap.svg"))))
    app.setDesktopFileName("io.github.launchmap.launchmap")  # matches the window to its menu entry and icon
    window = MainWindow()
    paths = files or [str(sample_bundle())]
    # Small files (the sample: 10 ms) are read before the window shows, so its first paint frames their data and
    # the basemap is projected once, for that view; larger ones load behind a progress dialog once it is up.
    early = all(_size(path) <= READ_BEFORE_SHOWING_BYTES for path in paths)
    with window.canvas.basemap_deferred():
        if early:
            window.open_files(paths)
        window.show()
        window.lay_out()
        window.canvas.zoom_to_extent(window.canvas.data_extent(), margin=0.05)
    if not early:
        QTimer.singleShot(0, partial(_open_and_frame, window, paths))
    if os.environ.get(EXIT_AFTER_FIRST_PAINT) == "1":
        # Opening shows a progress dialog whose event loop may paint the map before the data is in:
        # count the first paint of the main loop, with the data shown.
        _quit_after_first_paint(window.canvas.viewport())
    else:
        window.session.offer_recovery()  # a session left by a killed process is offered back
    return app.exec()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # reported when it is opened


def _open_and_frame(window, paths: list[str]) -> None:
    window.open_files(paths)
    window.canvas.zoom_to_extent(window.canvas.data_extent(), margin=0.05)


def _quit_after_first_paint(viewport) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                viewport.removeEventFilter(self)
                QTimer.singleShot(0, self.report)  # runs once this paint event has been handled
            return False

        def report(self) -> None:
            print(f"first-paint {time.time():.6f}", flush=True)
            QApplication.exit(0)  # leaves the event loop without closing windows, so no "save?" dialog blocks

    viewport._first_paint = FirstPaint(viewport)  # kept alive as long as the viewport
    viewport.installEventFilter(viewport._first_paint)
    viewport.update()
