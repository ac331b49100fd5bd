"""One graphics item drawing many point symbols (sites, impacts, arrows) at a fixed screen size."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QTransform

from viewer.qt.map.painting import RenderContext, symbol_path, with_alpha


@dataclass
class Symbols:
    """Symbols of one look at map positions; ``angles`` (degrees, screen, counter-clockwise) rotate them."""

    x: np.ndarray
    y: np.ndarray
    symbol: str
    size: float  # screen pixels
    colour: str
    outline: str = "#FFFFFF"
    outline_width: float = 1.2
    alpha: int = 255
    angles: np.ndarray | None = None
    outline_dash: tuple[float, ...] = ()


class SymbolLayer(pg.GraphicsObject):
    """Positions live in map coordinates; symbols are drawn in device space so they keep their size."""

    def __init__(self, context: RenderContext):
        super().__init__()
        self.context = context
        self._groups: list[Symbols] = []
        self._bounds = QRectF()

    def set_symbols(self, groups: list[Symbols]) -> None:
        self.prepareGeometryChange()
        self._groups = [g for g in groups if len(g.x)]
        if self._groups:
            xs = np.concatenate([g.x for g in self._groups])
            ys = np.concatenate([g.y for g in self._groups])
            ok = np.isfinite(xs) & np.isfinite(ys)
            xs, ys = xs[ok], ys[ok]
            self._bounds = QRectF(xs.min(), ys.min(), np.ptp(xs), np.ptp(ys)) if len(xs) else QRectF()
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        pad = (self.pixelLength(pg.Point(1, 0)) or 0.0) * 20 * self.context.scale
        return self._bounds.adjusted(-pad, -pad, pad, pad)

    def paint(self, painter: QPainter, *args) -> None:
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for group in self._groups:
            self._paint_group(painter, to_device, group)
        painter.restore()

    def _paint_group(self, painter: QPainter, to_device: QTransform, group: Symbols) -> None:
        size = self.context.px(group.size)
        base = symbol_path(group.symbol)
        painter.setPen(self.context.pen(group.outline, group.outline_width, group.outline_dash, alpha=group.alpha))
        painter.setBrush(QBrush(with_alpha(group.colour, group.alpha)))
        device = [to_device.map(QPointF(float(x), float(y))) for x, y in zip(group.x, group.y, strict=True)]
        for index, point in enumerate(device):
            if not (np.isfinite(point.x()) and np.isfinite(point.y())):
                continue
            transform = QTransform().translate(point.x(), point.y())
            if group.angles is not None:
                transform.rotate(-float(group.angles[index]))  # device y points down
            transform.scale(size, size)
            painter.drawPath(transform.map(base))
        painter.setPen(Qt.PenStyle.NoPen)
