"""Where the window opens: where it was last closed, else filling the screen (maximised, as desktop GIS tools
open), whatever the screen's size."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, Qt

from viewer.qt import app as app_module
from viewer.qt.main_window import MainWindow
from viewer.resources import sample_bundle


def shown_by_startup(qtbot, monkeypatch) -> MainWindow:
    monkeypatch.setattr(app_module, "TAKE_OVER_UNSEEN_MS", 600_000)  # no canvas needed: only the window's frame
    startup = app_module.Startup([str(sample_bundle())])
    startup.show_first_frame()
    qtbot.addWidget(startup.window)
    startup.first_frame.painted.disconnect()
    return startup.window


def test_the_first_run_opens_maximised_over_the_whole_available_screen(qtbot, monkeypatch):
    window = shown_by_startup(qtbot, monkeypatch)
    available = window.screen().availableGeometry()
    assert window.windowState() & Qt.WindowState.WindowMaximized
    # Sized so before it is shown (the first frame is drawn where the map goes in the maximised window), and the
    # window's frame, once a window manager (here Qt's offscreen one) has placed it, covers the available screen.
    qtbot.waitUntil(lambda: window.frameGeometry() == available)


def test_the_last_geometry_is_restored_and_not_maximised_again(qtbot, monkeypatch):
    available = window_screen_rect(qtbot)
    first = MainWindow(deferred=True)
    qtbot.addWidget(first)
    first.setGeometry(QRect(available.x() + 40, available.y() + 30, available.width() // 2, available.height() // 2))
    QSettings().setValue("window/geometry", first.saveGeometry())
    window = shown_by_startup(qtbot, monkeypatch)
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert window.size() == first.size()


def test_a_geometry_saved_on_a_larger_screen_fits_this_one(qtbot, monkeypatch):
    available = window_screen_rect(qtbot)
    first = MainWindow(deferred=True)
    qtbot.addWidget(first)
    first.setGeometry(QRect(200, 150, available.width() + 900, available.height() + 600))
    QSettings().setValue("window/geometry", first.saveGeometry())
    window = shown_by_startup(qtbot, monkeypatch)
    assert window.width() <= available.width()
    assert window.height() <= available.height()


def window_screen_rect(qtbot) -> QRect:
    probe = MainWindow(deferred=True)
    qtbot.addWidget(probe)
    return probe.screen().availableGeometry()
