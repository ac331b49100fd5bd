"""Bookmarks in the window: the panel creates, renames, reorders, deletes and shows views; the session controller
saves and reopens them, autosaves unsaved work, offers it back after a crash, and asks before closing."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QMessageBox

from viewer.io.session import autosave_path, load_session, write_autosave
from viewer.qt import plain_box
from viewer.qt.panels.bookmarks_panel import BookmarksPanel
from viewer.qt.session_controller import SessionController

KMS4 = "2016-02-07-kms4"


@pytest.fixture(autouse=True)
def private_state(tmp_path, monkeypatch):
    """Autosaves in a temporary XDG_STATE_HOME; and a window closing with unsaved bookmarks at the end of a
    test discards them instead of waiting for an answer nobody gives."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(plain_box, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def controller(window):
    return getattr(window, "session", None) or SessionController(window.workspace, window.map_view, window.canvas,
                                                                 window.shell)


@pytest.fixture
def panel(qtbot, controller):
    widget = BookmarksPanel(controller.bookmarks, controller.capture, controller.show)
    qtbot.addWidget(widget)
    return widget


def rect_of(window):
    rect = window.canvas.view.viewRect()
    return (rect.left(), rect.top(), rect.right(), rect.bottom())


def test_add_then_show_again_brings_back_area_and_filters(qtbot, window, panel, controller):
    window.map_view.set_hidden(events=set(window.workspace.content.events) - {KMS4})
    bookmarked = rect_of(window)
    panel.add_button.click()
    assert panel.list.count() == 1
    mark = controller.bookmarks[0]
    assert mark.name == "View 1"
    assert mark.view.filters.hidden_events == set(window.workspace.content.events) - {KMS4}
    assert mark.view.projection.name == window.canvas.projection.name
    assert mark.view.map_rect == pytest.approx(bookmarked)

    window.map_view.set_hidden(events=())
    window.canvas.view.setRange(QRectF(0, 0, 1000, 1000), padding=0)
    panel.list.itemActivated.emit(panel.list.item(0))  # what a double-click or Enter does
    assert window.map_view.hidden_events == set(window.workspace.content.events) - {KMS4}
    xmin, ymin, xmax, ymax = rect_of(window)
    assert xmin <= bookmarked[0] + 1
    assert xmax >= bookmarked[2] - 1
    assert ymin <= bookmarked[1] + 1
    assert ymax >= bookmarked[3] - 1
    assert (xmax - xmin) == pytest.approx(bookmarked[2] - bookmarked[0], rel=0.02) or \
        (ymax - ymin) == pytest.approx(bookmarked[3] - bookmarked[1], rel=0.02)


def test_rename_reorder_and_delete(qtbot, panel, controller):
    for _ in range(3):
        panel.add_button.click()
    assert controller.bookmarks.names() == ["View 1", "View 2", "View 3"]
    panel.list.item(0).setText("Sohae")  # what editing the name in place does
    panel.list.setCurrentRow(0)
    panel.down_button.click()
    panel.down_button.click()
    assert controller.bookmarks.names() == ["View 2", "View 3", "Sohae"]
    assert panel.list.currentRow() == 2
    panel.up_button.click()
    assert [panel.list.item(i).text() for i in range(3)] == ["View 2", "Sohae", "View 3"]
    panel.list.item(1).setText("   ")  # an empty name is refused
    assert controller.bookmarks.names()[1] == "Sohae"
    panel.list.setCurrentRow(0)
    panel.delete_button.click()
    assert controller.bookmarks.names() == ["Sohae", "View 3"]
    with qtbot.waitSignal(panel.present_requested) as asked:
        panel.present_button.click()
    assert asked.args == [0]


def test_session_round_trip_through_the_window(qtbot, window, panel, controller, tmp_path):
    window.map_view.set_hidden(kinds={"danger_zone"})
    window.map_view.set_decorations(title="Okinawa overflights")
    panel.add_button.click()
    window.canvas.zoom_to_extent((124.0, 39.0, 126.0, 40.5))
    panel.add_button.click()
    path = tmp_path / "briefing.lmsession"
    assert controller.save_as(path)
    assert not controller.dirty
    assert controller.recent_files()[0] == path.resolve()
    saved_view = rect_of(window)

    window.map_view.set_hidden(kinds=())
    window.map_view.set_decorations(title="")
    controller.bookmarks.set_all([])
    window.canvas.zoom_to_extent((100.0, -10.0, 160.0, 50.0))
    assert controller.open_session(path)

    assert controller.bookmarks.names() == ["View 1", "View 2"]
    assert window.map_view.hidden_kinds == {"danger_zone"}
    assert window.map_view.decorations.title == "Okinawa overflights"
    assert [b.path.resolve() for b in window.workspace.bundles] == load_session(path).bundles
    assert rect_of(window)[0] <= saved_view[0] + 1
    assert rect_of(window)[2] >= saved_view[2] - 1
    assert not controller.dirty


def test_unsaved_bookmarks_are_autosaved_and_saving_removes_the_autosave(panel, controller, tmp_path):
    assert controller.autosave() is None  # nothing worth saving yet
    panel.add_button.click()
    written = controller.autosave()
    assert written == autosave_path()
    controller.autosaver.wait()  # written off the GUI thread
    assert load_session(written).bookmarks[0].name == "View 1"
    assert controller.save_as(tmp_path / "saved.lmsession")
    assert not written.exists()


def test_a_crashed_sessions_autosave_is_offered_and_recovered(window, controller, tmp_path, make_bundle):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    pid = int(dead.stdout)  # a process that has exited, as a killed launchmap has
    crashed = controller.session()
    from viewer.model.bookmark import Bookmark

    crashed.bookmarks = [Bookmark.framing("Unsaved Sohae view", (124.0, 39.0, 126.0, 40.5))]
    origin = tmp_path / "briefing.lmsession"
    left_behind = write_autosave(crashed, origin, pid=pid)

    offered = []
    assert controller.offer_recovery(ask=lambda autosave: offered.append(autosave) or True)
    assert [a.origin for a in offered] == [origin.resolve()]
    assert controller.bookmarks.names() == ["Unsaved Sohae view"]
    assert controller.path == origin.resolve()
    assert controller.dirty
    assert not left_behind.exists()
    assert controller.offer_recovery(ask=lambda autosave: True) is False  # offered once only


def test_closing_with_unsaved_bookmarks_asks_and_cancel_keeps_the_window(qtbot, window, panel, controller,
                                                                         monkeypatch):
    panel.add_button.click()
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(plain_box, "question", answer)
    window.close()
    assert window.isVisible()
    assert "Save the changes" in asked[0]
    monkeypatch.setattr(plain_box, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    controller.autosave()
    window.close()
    assert not window.isVisible()
    assert not autosave_path().exists()  # a deliberate discard leaves nothing to recover
