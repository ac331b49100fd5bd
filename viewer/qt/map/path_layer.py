"""One graphics item drawing many features as a few pre-built QPainterPaths (one per style)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath

from viewer.qt.map.painting import RenderContext, with_alpha


@dataclass
class Stroke:
    """One styled path: every feature of a kind drawn alike shares one."""

    path: QPainterPath
    colour: str
    width: float  # screen pixels; 0 draws no outline
    dash: tuple[float, ...] = ()
    alpha: int = 255
    fill: str | None = None
    fill_alpha: int = 0


def xy_path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """A path through NaN-separated arrays. Polygon rings arrive closed (last vertex = first), and fills
    close every subpath anyway, so one "finite" path serves lines and areas alike; holes stay holes."""
    if len(x) == 0:
        return QPainterPath()
    path = pg.functions.arrayToQPath(x, y, connect="finite")
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


class PathLayer(pg.GraphicsObject):
    """Draws its strokes in order; bounds are the union of the paths'."""

    def __init__(self, context: RenderContext, strokes: list[Stroke] | None = None):
        super().__init__()
        self.context = context
        self._strokes: list[Stroke] = []
        self._bounds = QRectF()
        self.set_strokes(strokes or [])

    def set_strokes(self, strokes: list[Stroke]) -> None:
        self.prepareGeometryChange()
        self._strokes = strokes
        bounds = QRectF()
        for stroke in strokes:
            bounds = bounds.united(stroke.path.boundingRect())
        self._bounds = bounds
        self.update()

    @property
    def strokes(self) -> list[Stroke]:
        return self._strokes

    def boundingRect(self) -> QRectF:
        # Pens are cosmetic: widen by a few pixels' worth of map units so thick lines are not clipped.
        pad = (self.pixelLength(pg.Point(1, 0)) or 0.0) * 12 * self.context.scale
        return self._bounds.adjusted(-pad, -pad, pad, pad)

    def paint(self, painter: QPainter, *args) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for stroke in self._strokes:
            if stroke.fill:
                painter.setBrush(QBrush(with_alpha(stroke.fill, stroke.fill_alpha)))
            else:
                painter.setBrush(QBrush())
            if stroke.width > 0:
                painter.setPen(self.context.pen(stroke.colour, stroke.width, stroke.dash, stroke.alpha))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPath(stroke.path)
