"""Place labels: text at map positions, drawn at a fixed screen size with a halo, skipping overlaps."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QTransform

from viewer.qt.map.painting import RenderContext, draw_text_with_halo, symbol_path, with_alpha
from viewer.symbology import HALO, LABEL


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    rank: int = 1  # lower ranks are placed first and win overlaps
    dot: bool = True  # mark the exact position with a small dot
    italic_sea: bool = False


class LabelLayer(pg.GraphicsObject):
    def __init__(self, context: RenderContext, points: float = 8.0):
        super().__init__()
        self.context = context
        self.points = points
        self._labels: list[Label] = []
        self._bounds = QRectF()

    def set_labels(self, labels: list[Label]) -> None:
        self.prepareGeometryChange()
        self._labels = sorted((lb for lb in labels if np.isfinite(lb.x) and np.isfinite(lb.y)), key=lambda lb: lb.rank)
        if self._labels:
            xs = [lb.x for lb in self._labels]
            ys = [lb.y for lb in self._labels]
            self._bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        pad = (self.pixelLength(pg.Point(1, 0)) or 0.0) * 200 * self.context.scale
        return self._bounds.adjusted(-pad, -pad, pad, pad)

    def paint(self, painter: QPainter, *args) -> None:
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        placed: list[QRectF] = []
        dot_size = self.context.px(4)
        for label in self._labels:
            point = to_device.map(QPointF(label.x, label.y))
            font = self.context.font(self.points * (1.15 if label.rank == 1 else 1.0), bold=label.rank == 1)
            font.setItalic(label.italic_sea)
            metrics = QFontMetricsF(font)
            offset = self.context.px(4) if label.dot else -metrics.horizontalAdvance(label.text) / 2
            box = QRectF(point.x() + offset, point.y() - metrics.ascent() / 2 - self.context.px(1),
                         metrics.horizontalAdvance(label.text), metrics.height())
            if any(box.intersects(other) for other in placed):
                continue
            placed.append(box)
            if label.dot:
                painter.setPen(self.context.pen(HALO, 1))
                painter.setBrush(with_alpha(LABEL, 255))
                painter.drawPath(_dot(point, dot_size))
            baseline = QPointF(box.left(), point.y() + metrics.ascent() / 2 - self.context.px(1))
            draw_text_with_halo(painter, baseline, label.text, font, LABEL, HALO, self.context.px(1.6))
        painter.restore()


def _dot(point: QPointF, size: float) -> QPainterPath:
    return QTransform().translate(point.x(), point.y()).scale(size, size).map(symbol_path("circle"))
