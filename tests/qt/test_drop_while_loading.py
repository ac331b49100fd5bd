"""A file dropped while another loads behind the progress dialog was lost without a word: the dialog blocks the
window, and Qt refuses drops on a blocked window. The dialog now takes the drop for the window, which says in the
status bar that the file will open, and opens it once the work is done."""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QProgressDialog


def _drop_on(widget, path) -> tuple[bool, bool]:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPointF(5, 5).toPoint(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    drop.ignore()
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_a_file_dropped_on_the_progress_dialog_opens_after(window, qtbot, tmp_path, monkeypatch):
    import viewer.qt.window_files as window_files

    slow, dropped = tmp_path / "slow_sites.csv", tmp_path / "dropped_sites.csv"
    slow.write_text("name,lon,lat\nSinpo,128.18,40.02\n", encoding="utf-8")
    dropped.write_text("name,lon,lat\nKusong,125.24,39.98\n", encoding="utf-8")
    read = window_files._open

    def slowly(path, progress):
        if path == str(slow):
            time.sleep(1.5)  # long enough for the dialog to show (after 0.4 s)
        return read(path, progress)

    monkeypatch.setattr(window_files, "_open", slowly)
    seen: dict[str, object] = {}

    def drop_while_loading():
        (dialog,) = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        seen["accepted"] = _drop_on(dialog, dropped)
        seen["status"] = window.statusBar().currentMessage()
        seen["open while loading"] = [b.name for b in window.workspace.bundles]

    QTimer.singleShot(900, drop_while_loading)
    window.open_files([str(slow)])
    assert seen["accepted"] == (True, True)
    assert "dropped_sites.csv" in seen["status"]
    assert "will open" in seen["status"]
    assert not any("dropped_sites" in name for name in seen["open while loading"])
    qtbot.waitUntil(lambda: any("dropped_sites" in b.name for b in window.workspace.bundles), timeout=10_000)
    assert any("slow_sites" in b.name for b in window.workspace.bundles)


def test_a_drop_on_the_window_before_the_dialog_shows_waits_too(window, qtbot, tmp_path, monkeypatch):
    """In the first 0.4 s of a load the dialog is not up yet and the window takes the drop itself: not a second
    load inside the first one's, but the same queue."""
    import viewer.qt.window_files as window_files

    slow, dropped = tmp_path / "slow_lines.csv", tmp_path / "early_drop.csv"
    slow.write_text("name,lon,lat\nSinpo,128.18,40.02\n", encoding="utf-8")
    dropped.write_text("name,lon,lat\nKusong,125.24,39.98\n", encoding="utf-8")
    read = window_files._open
    loads: list[str] = []

    def slowly(path, progress):
        loads.append(path)
        if path == str(slow):
            time.sleep(0.8)
        return read(path, progress)

    monkeypatch.setattr(window_files, "_open", slowly)
    QTimer.singleShot(100, lambda: _drop_on(window, dropped))
    window.open_files([str(slow)])
    assert loads == [str(slow)]
    qtbot.waitUntil(lambda: any("early_drop" in b.name for b in window.workspace.bundles), timeout=10_000)
    assert loads == [str(slow), str(dropped)]
