"""Zoomed far in on a file of one point, the basemap's squares reach billions of device pixels: building the
square's QRect raised OverflowError (int32) from the basemap's render job, printed as a traceback at every zoom
step, and the land went undrawn. The squares are clamped to a range QRect holds, and the land under the view is
still drawn."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QTransform

from viewer.qt.draw.qpath import xy_path
from viewer.qt.draw.tiles import PathTiles


def test_a_square_far_bigger_than_the_screen_is_drawn_not_overflowed(qapp):
    x = np.array([0.0, 1000.0, 1000.0, 0.0, 0.0])
    y = np.array([0.0, 0.0, 1000.0, 1000.0, 0.0])  # a square of land; the view a point inside it
    land = PathTiles.build(xy_path(x, y), x, y, "fill")
    image = QImage(200, 100, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    scale = 1e8  # device pixels per unit: the square is 1e11 px across
    painter.setTransform(QTransform(scale, 0, 0, scale, 100 - 500 * scale, 50 - 500 * scale))
    painter.setPen(QPen(QColor("black"), 1.5))
    painter.setBrush(QBrush(QColor("#c8b98f")))
    try:
        land.draw(painter, 2.5)
    finally:
        painter.end()
    assert image.pixelColor(QPoint(100, 50)).name() == "#c8b98f"
