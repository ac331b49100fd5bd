"""A layer whose detail changed (another basemap level) keeps its image as the view moves, and a pan draws what it
brings into view at the new detail: the land never goes missing from a strip until the view rests."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF

from tests.qt.test_symbol_layer import grab_pixel, pan_right, shown_view
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer, xy_stroke

LAND = "#00A000"


def land(width: float) -> list:
    """A filled square from (0, 0) to (width, 300), map units."""
    x = np.array([0.0, width, width, 0.0, 0.0])
    y = np.array([0.0, 0.0, 300.0, 300.0, 0.0])
    return [xy_stroke(x, y, LAND, 0, fill=LAND, fill_alpha=255)]


def is_land(image, x: float, y: float) -> bool:
    colour = image.pixelColor(round(x), round(y))
    return colour.green() > 120 and colour.red() < 60


def test_a_pan_after_a_change_of_detail_draws_what_comes_into_view(qtbot, monkeypatch):
    monkeypatch.setattr("viewer.qt.map.screen_cache.CACHE_ABOVE_MS", -1.0)  # keeps an image whatever it costs
    monkeypatch.setattr("viewer.qt.map.screen_cache.SLOW_MS", 1e9)  # ... drawn on the GUI thread
    view, box = shown_view(qtbot)
    layer = PathLayer(RenderContext())
    box.addItem(layer, ignoreBounds=True)
    layer.set_strokes(land(1000))
    box.setRange(QRectF(0, 0, 400, 300), padding=0)
    view.viewport().repaint()
    qtbot.wait(300)  # at rest: an exact image
    layer.set_strokes(land(1000), same_look=True)  # another level of detail of the same land
    for _ in range(3):
        pan_right(box)
        view.viewport().repaint()
    image = view.viewport().grab().toImage()
    assert is_land(image, *grab_pixel(view, box, 200, 150))  # in view all along
    assert is_land(image, *grab_pixel(view, box, 480, 150))  # brought into view by the pan
