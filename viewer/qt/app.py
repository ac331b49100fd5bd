"""Start the GUI: one QApplication, one main window, the bundles named on the command line."""

from __future__ import annotations

import sys

from viewer.resources import sample_bundle


def run_app(files: list[str]) -> int:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from viewer.qt.main_window import MainWindow

    pg.setConfigOptions(antialias=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("launchmap")
    app.setOrganizationName("launchmap")
    window = MainWindow()
    window.show()
    window.open_files(files or [str(sample_bundle())])
    window.canvas.zoom_to_extent(window.canvas.data_extent(), margin=0.05)
    return app.exec()
