"""The auto legend holds its place through a held mouse drag of the map, as it does through wheel zooms: at
1366x768 it went from its corner to another and then to a column beside the map while the button was still down —
each pause of the hand longer than the decorations' rest (0.15 s) counted as the view at rest."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from test_legend import _rest_until_settled

from viewer.qt.map.decorations import REST_S


def test_the_auto_legend_stays_put_while_the_map_is_dragged_with_pauses(window, qtbot):
    window.resize(1284, 710)  # a 1366x768 screen's window with no window manager to maximise it
    qtbot.wait(50)
    canvas = window.canvas
    _rest_until_settled(canvas, qtbot)
    qtbot.wait(round(REST_S * 4000))
    canvas.viewport().repaint()
    decorations = canvas.decorations
    start = decorations.last_layout.held_place
    assert window.map_view.decorations.legend_kept == start
    before = canvas.frame.view_rect
    viewport = canvas.viewport()
    grip = QPoint(viewport.width() // 2, viewport.height() // 3)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=grip)
    places = []
    for step in range(1, 9):  # down and to the left, pausing as a hand does
        qtbot.mouseMove(viewport, QPoint(grip.x() - 40 * step, grip.y() + 25 * step))
        qtbot.wait(round(REST_S * 3000))
        viewport.repaint()
        places.append(decorations.last_layout.held_place)
    assert canvas.frame.view_rect != before  # the map was dragged
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(grip.x() - 320, grip.y() + 200))
    assert set(places) == {start}, (start, places)
