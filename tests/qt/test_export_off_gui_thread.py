"""Image and deck export draw on a worker thread: the window's event loop keeps running while a map draws, and
Cancel stops it with nothing written. Behaviour only: the drawing is held until the GUI thread has shown it runs."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from viewer.model.bookmark import Bookmark
from viewer.qt.draw.scene import MapScene
from viewer.qt.export_dialog import export_briefing, export_view

TICKS = 5


@pytest.fixture
def held_drawing(monkeypatch):
    """MapScene.paint waits, on whatever thread draws, until ``release`` is set (at most 30 s)."""
    state = {"drawing": threading.Event(), "release": threading.Event(), "threads": []}
    paint = MapScene.paint

    def held(self, *args, **kwargs):
        state["threads"].append(threading.current_thread())
        state["drawing"].set()
        if not state["release"].wait(30):
            raise AssertionError("nothing released the drawing: the GUI thread was blocked")
        return paint(self, *args, **kwargs)

    monkeypatch.setattr(MapScene, "paint", held)
    return state


def tick_then(action, state) -> QTimer:
    """A timer on the GUI thread counting its ticks; once the drawing has begun and the timer ticked TICKS times
    meanwhile, ``action()`` runs (here, on the GUI thread) and the drawing is released."""
    ticks = []
    timer = QTimer()

    def tick() -> None:
        if not state["drawing"].is_set():
            return
        ticks.append(1)
        if len(ticks) == TICKS:
            action()
            state["release"].set()
            timer.stop()

    timer.timeout.connect(tick)
    timer.start(5)
    return timer


def test_the_event_loop_runs_while_an_image_export_draws(window, tmp_path, held_drawing):
    timer = tick_then(lambda: None, held_drawing)
    path = export_view(window.workspace, window.map_view, window.shell, tmp_path / "map.png", 400, 300, 96, "Held")
    assert timer is not None
    assert held_drawing["release"].is_set()
    assert path == tmp_path / "map.png"
    assert path.exists()
    assert path.with_suffix(".pgw").exists()
    assert threading.main_thread() not in held_drawing["threads"]


def test_cancel_stops_an_image_export_and_writes_nothing(window, tmp_path, held_drawing):
    def cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() + window.findChildren(QProgressDialog)
                   if isinstance(w, QProgressDialog) and w.isVisible()]
        assert dialogs, "no progress dialog is shown while the export draws"
        dialogs[0].findChild(QPushButton).click()  # the user presses Cancel

    timer = tick_then(cancel, held_drawing)
    path = export_view(window.workspace, window.map_view, window.shell, tmp_path / "map.png", 400, 300, 96, "Held")
    assert timer is not None
    assert path is None
    assert not list(tmp_path.glob("map*"))


def test_the_event_loop_runs_while_a_deck_draws_its_maps(window, tmp_path, held_drawing):
    timer = tick_then(lambda: None, held_drawing)
    marks = [Bookmark.framing("Region", (115.0, 10.0, 145.0, 43.0))]
    path = export_briefing(window.workspace, marks, window.shell, tmp_path / "briefing.pptx")
    assert timer is not None
    assert held_drawing["release"].is_set()
    assert path == tmp_path / "briefing.pptx"
    assert path.exists()
    assert threading.main_thread() not in held_drawing["threads"]
