"""A point added while the timeline shows one launch belongs to that launch: the property sheet offered '(no
launch: shown with any)' while the map showed the Nov 2023 launch alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def offered(monkeypatch):
    """The launch the property sheet offers for a new feature; the sheet is then accepted as it stands."""
    from viewer.qt.dialogs.property_sheet import PropertySheet

    seen = []

    def answer(sheet: PropertySheet) -> int:
        seen.append(sheet.event_box.currentData())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PropertySheet, "exec", answer)
    return seen


def _click(qtbot, canvas, lon, lat):
    x, y = canvas.projection.forward(lon, lat)
    pixel = canvas.map_to_pixel(float(x), float(y))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(pixel.x()), round(pixel.y())))


def test_a_point_added_while_one_launch_is_shown_belongs_to_it(qtbot, window, offered):
    timeline = window.timeline
    timeline.show_event(len(timeline.events) - 1)
    window.workspace.selection.select([])
    window.marks.start("point")
    _click(qtbot, window.canvas, 131.0, 22.0)  # open sea, nothing there to select
    nov = timeline.events[-1].id
    assert offered == [nov]
    added = window.workspace.feature(window.workspace.selection.current)
    assert added.event == nov


def test_with_every_launch_shown_a_point_belongs_to_none(qtbot, window, offered):
    window.timeline.show_all()
    window.workspace.selection.select([])
    window.marks.start("point")
    _click(qtbot, window.canvas, 131.0, 22.0)
    assert offered == [None]
