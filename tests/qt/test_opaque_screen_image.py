"""The bottom layer's image of the screen is kept opaque, on the colour under it (the basemap on the sea): the
screen shows the same pixels as with a transparent image, at rest, while panning and while zooming."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from tests.qt.test_symbol_layer import BACKGROUND, pan_right, shown_view
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer, xy_stroke


def island_view(qtbot, background: QColor | None):
    view, box = shown_view(qtbot)
    layer = PathLayer(RenderContext())
    layer._screen.background = background
    box.addItem(layer, ignoreBounds=True)
    angle = np.linspace(0, 2 * np.pi, 90)
    layer.set_strokes([xy_stroke(300 + 250 * np.cos(angle), 150 + 120 * np.sin(3 * angle) * np.cos(angle),
                                 "#404040", 0.8, fill="#E8E0C8", fill_alpha=255)])
    box.setRange(QRectF(0, 0, 400, 300), padding=0)
    return view, box


def frames(qtbot, view, box) -> list[QImage]:
    """The screen at rest, after three pans, and after a zoom shown from the kept image."""
    shots = []
    view.viewport().repaint()
    qtbot.wait(300)
    view.viewport().repaint()
    shots.append(view.viewport().grab().toImage())
    for _ in range(3):
        pan_right(box)
        view.viewport().repaint()
    shots.append(view.viewport().grab().toImage())
    box.scaleBy((0.9, 0.9))
    view.viewport().repaint()
    shots.append(view.viewport().grab().toImage())
    return shots


def channels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].astype(int)


def test_an_opaque_image_shows_what_a_transparent_one_shows(qtbot, monkeypatch):
    monkeypatch.setattr("viewer.qt.map.screen_cache.CACHE_ABOVE_MS", -1.0)  # keeps an image whatever it costs
    monkeypatch.setattr("viewer.qt.map.screen_cache.SLOW_MS", 1e9)
    transparent = frames(qtbot, *island_view(qtbot, None))
    opaque_view = island_view(qtbot, QColor(BACKGROUND))
    opaque = frames(qtbot, *opaque_view)
    assert not opaque_view[1].childGroup.childItems()[0]._screen._kept().hasAlphaChannel()
    for a, b in zip(transparent, opaque, strict=True):
        # anti-aliased edges blended once onto the colour instead of onto transparency, then onto it: rounding only
        assert np.abs(channels(a) - channels(b)).max() <= 1
