"""The hover and selection glows go from the screen, not only from the model, when the pointer or the selection
moves away: the window's own pixels (what the screen shows, not a fresh render) are looked at."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication
from shared_data import SOHAE

from viewer.symbology import HOVER, SELECTION


def pixel(window, lon: float, lat: float) -> QPoint:
    x, y = window.canvas.projection.forward(lon, lat)
    return window.canvas.map_to_pixel(x, y).toPoint()


def glow_pixels(window, at: QPoint, colour: str, reach: int = 16) -> int:
    """Pixels of ``colour`` around the map pixel ``at`` in the window as it is on screen (its backing store)."""
    image = window.screen().grabWindow(window.winId()).toImage()
    centre = window.canvas.viewport().mapTo(window, at)
    want = QColor(colour)
    count = 0
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            seen = image.pixelColor(centre.x() + dx, centre.y() + dy)
            if max(abs(seen.red() - want.red()), abs(seen.green() - want.green()),
                   abs(seen.blue() - want.blue())) < 60:
                count += 1
    return count


def empty_spot(window) -> QPoint:
    """A map pixel far from every feature (the west of China)."""
    return pixel(window, 100.0, 30.0)


def hover_sohae(window, qtbot) -> QPoint:
    canvas = window.canvas
    qtbot.mouseMove(canvas.viewport(), empty_spot(window))
    qtbot.wait(50)
    at = pixel(window, *SOHAE)
    qtbot.mouseMove(canvas.viewport(), at)
    qtbot.waitUntil(lambda: canvas.hovered_feature is not None, timeout=2000)
    qtbot.wait(50)
    assert glow_pixels(window, at, HOVER) > 20
    return at


def test_the_hover_glow_goes_when_the_pointer_moves_to_empty_map(window, qtbot):
    at = hover_sohae(window, qtbot)
    qtbot.mouseMove(window.canvas.viewport(), empty_spot(window))
    qtbot.waitUntil(lambda: window.canvas.hovered_feature is None, timeout=2000)
    qtbot.wait(50)
    assert glow_pixels(window, at, HOVER) == 0


def test_the_hover_glow_goes_when_the_pointer_leaves_the_map(window, qtbot):
    at = hover_sohae(window, qtbot)
    QGuiApplication.sendEvent(window.canvas, QEvent(QEvent.Type.Leave))
    qtbot.wait(50)
    assert glow_pixels(window, at, HOVER) == 0


def test_the_selection_glow_goes_when_empty_map_is_clicked(window, qtbot):
    canvas = window.canvas
    at = pixel(window, *SOHAE)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: bool(window.workspace.selection.features), timeout=2000)
    qtbot.mouseMove(canvas.viewport(), empty_spot(window))
    qtbot.waitUntil(lambda: canvas.hovered_feature is None, timeout=2000)
    qtbot.wait(50)
    assert glow_pixels(window, at, SELECTION) > 20
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=empty_spot(window))
    qtbot.waitUntil(lambda: not window.workspace.selection.features, timeout=2000)
    qtbot.wait(50)
    assert glow_pixels(window, at, SELECTION) == 0
