"""One graphics item drawing many point symbols (sites, impacts, arrows) at a fixed screen size; the drawing itself
is viewer.qt.draw.symbols, which the headless export shares."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from viewer.qt.draw.symbols import SymbolPainter, Symbols
from viewer.qt.map.painting import RenderContext, pad_by_pixels
from viewer.qt.map.path_layer import repaint_where_drawn
from viewer.qt.map.screen_cache import ScreenCache

__all__ = ["SLOW_ABOVE", "SymbolLayer", "Symbols"]

SLOW_ABOVE = 20_000  # symbols: a layer this big is first drawn on a worker thread


class SymbolLayer(pg.GraphicsObject):
    """Positions live in map coordinates; symbols are drawn in device space so they keep their size."""

    def __init__(self, context: RenderContext):
        super().__init__()
        self.context = context
        self._groups: list[Symbols] = []
        self._bounds = QRectF()
        self._painter = SymbolPainter(context)
        self._screen = ScreenCache(self, context)
        self.setFlag(self.GraphicsItemFlag.ItemHasNoContents)  # nothing to draw yet (see PathLayer.set_strokes)

    @property
    def groups(self) -> list[Symbols]:
        return self._groups

    def set_symbols(self, groups: list[Symbols]) -> None:
        if self._groups and not any(len(g.x) for g in groups):
            repaint_where_drawn(self)
        self.prepareGeometryChange()
        self._screen.clear()
        self._groups = [g for g in groups if len(g.x)]
        self._screen.expect_slow(sum(len(g.x) for g in self._groups) > SLOW_ABOVE)
        self._bounds = _bounds(self._groups)
        self.setFlag(self.GraphicsItemFlag.ItemHasNoContents, not self._groups)  # see PathLayer.set_strokes
        self.update()

    def boundingRect(self) -> QRectF:
        return pad_by_pixels(self, self._bounds, 20 * self.context.scale) if self._groups else QRectF()

    def paint(self, painter: QPainter, option=None, widget=None) -> None:
        self._screen.paint(painter, widget, self._paint_symbols)

    def _paint_symbols(self, painter: QPainter) -> None:
        self._painter.paint(painter, self._groups)


def _bounds(groups: list[Symbols]) -> QRectF:
    """The finite positions' bounding rectangle, group by group (joining a million points' x and y first copied
    16 MB)."""
    corners = []
    for group in groups:
        x, y = group.x, group.y
        ok = np.isfinite(x) & np.isfinite(y)
        if not ok.all():
            x, y = x[ok], y[ok]
        if len(x):
            corners.append((x.min(), y.min(), x.max(), y.max()))
    if not corners:
        return QRectF()
    xmin, ymin = min(c[0] for c in corners), min(c[1] for c in corners)
    xmax, ymax = max(c[2] for c in corners), max(c[3] for c in corners)
    return QRectF(xmin, ymin, xmax - xmin, ymax - ymin)
