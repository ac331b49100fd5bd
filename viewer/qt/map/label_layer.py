"""Place labels: text at map positions, drawn at a fixed screen size with a halo, skipping overlaps."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QTransform

from viewer.qt.map.painting import (
    RenderContext,
    Stamps,
    draw_text_with_halo,
    pad_by_pixels,
    stamps_pay,
    symbol_path,
    with_alpha,
)
from viewer.qt.map.path_layer import unseen
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
        self._looks: dict[tuple[Label, float], _Look] = {}
        self._stamps = Stamps()

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
        return pad_by_pixels(self, self._bounds, 200 * self.context.scale)

    def paint(self, painter: QPainter, option=None, widget=None) -> None:
        if unseen(painter, widget):
            return
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # Filling glyph outlines and their halos costs ~0.7 ms a label, so raster devices (screen, PNG) get
        # each label stamped from an image drawn once per quarter-pixel offset: within 1/8 px of the exact
        # place. Vector devices (SVG, PDF) get the text as paths.
        stamp = stamps_pay(painter, self.context)
        placed: list[QRectF] = []
        for label in self._labels:
            point = to_device.map(QPointF(label.x, label.y))
            look = self._look(label)
            box = look.box.translated(point)
            if any(box.intersects(other) for other in placed):
                continue
            placed.append(box)
            if stamp:
                self._stamps.draw(painter, (label, self.context.scale), point, self._extent(label, look),
                                  partial(self._draw_at, label=label, look=look))
            else:
                self._draw(painter, label, look, point)
        painter.restore()

    def _look(self, label: Label) -> _Look:
        key = (label, self.context.scale)
        look = self._looks.get(key)
        if look is None:
            font = self.context.font(self.points * (1.15 if label.rank == 1 else 1.0), bold=label.rank == 1)
            font.setItalic(label.italic_sea)
            metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(label.text)
            offset = self.context.px(4) if label.dot else -width / 2
            box = QRectF(offset, -metrics.ascent() / 2 - self.context.px(1), width, metrics.height())
            look = _Look(font, box, metrics.ascent() / 2 - self.context.px(1))
            self._looks[key] = look
        return look

    def _draw_at(self, painter: QPainter, point: QPointF, *, label: Label, look: _Look) -> None:
        self._draw(painter, label, look, point)

    def _draw(self, painter: QPainter, label: Label, look: _Look, point: QPointF) -> None:
        if label.dot:
            painter.setPen(self.context.pen(HALO, 1))
            painter.setBrush(with_alpha(LABEL, 255))
            painter.drawPath(_dot(point, self.context.px(4)))
        baseline = QPointF(point.x() + look.box.left(), point.y() + look.baseline)
        draw_text_with_halo(painter, baseline, label.text, look.font, LABEL, HALO, self.context.px(1.6))

    def _extent(self, label: Label, look: _Look) -> QRectF:
        """What a label draws around its point: text, halo and dot."""
        reach = self.context.px(1.6) + 2
        extent = look.box.adjusted(-reach, -reach, reach, reach)
        if label.dot:
            dot = self.context.px(4) / 2 + 2
            extent = extent.united(QRectF(-dot, -dot, 2 * dot, 2 * dot))
        return extent


@dataclass(frozen=True)
class _Look:
    """How a label sits around its point: font, text box and baseline relative to the point."""

    font: QFont
    box: QRectF
    baseline: float


def _dot(point: QPointF, size: float) -> QPainterPath:
    return QTransform().translate(point.x(), point.y()).scale(size, size).map(symbol_path("circle"))
