"""One graphics item drawing many features as a few pre-built QPainterPaths (one per style); the drawing itself is
viewer.qt.draw.paths, which the headless export shares."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from viewer.qt.draw.paths import SLOW_ABOVE_VERTICES, Stroke, paint_strokes, xy_stroke
from viewer.qt.draw.qpath import xy_path
from viewer.qt.draw.tiles import PathTiles
from viewer.qt.map.painting import RenderContext, pad_by_pixels
from viewer.qt.map.screen_cache import ScreenCache

__all__ = ["PathLayer", "PathTiles", "Stroke", "repaint_where_drawn", "xy_path", "xy_stroke"]


def repaint_where_drawn(item: pg.GraphicsObject) -> None:
    """Have the views repaint where ``item`` draws now, before it is emptied: Qt repaints no area for an item
    flagged ItemHasNoContents, so a hover or selection glow emptied so stayed on screen until something else
    redrew there."""
    scene = item.scene()
    if scene is not None:
        scene.update(item.sceneBoundingRect())


class PathLayer(pg.GraphicsObject):
    """Draws its strokes in order; bounds are the union of the paths'."""

    def __init__(self, context: RenderContext, strokes: list[Stroke] | None = None):
        super().__init__()
        self.context = context
        self._strokes: list[Stroke] = []
        self._bounds = QRectF()
        self._screen = ScreenCache(self, context)
        self.set_strokes(strokes or [])

    def set_strokes(self, strokes: list[Stroke], same_look: bool = False, keep_image: bool = False) -> None:
        """`same_look`: the strokes draw what was drawn, at another detail (the screen may show the old
        image as a preview until the view rests). `keep_image`: they draw the same pixels where the old ones
        drew, and more around them (the screen's image stays exact while the view moves; it is drawn afresh
        once the view rests, as after any move)."""
        if self._strokes and not strokes:
            repaint_where_drawn(self)
        self.prepareGeometryChange()
        if same_look:
            self._screen.stale()
        elif not keep_image:
            self._screen.clear()
        self._strokes = strokes
        self._screen.expect_slow(sum(len(s.xy[0]) for s in strokes if s.xy is not None) > SLOW_ABOVE_VERTICES,
                                 same_look or keep_image)
        bounds = QRectF()
        for stroke in strokes:
            bounds = bounds.united(stroke.bounds())
        self._bounds = bounds
        # Nothing to draw (a kind with no features, an empty highlight): Qt then neither paints the item nor asks
        # its bounds; a dozen such layers cost ~2 ms a frame, their padded empty bounds lying in view.
        self.setFlag(self.GraphicsItemFlag.ItemHasNoContents, not strokes)
        self.update()

    @property
    def strokes(self) -> list[Stroke]:
        return self._strokes

    def boundingRect(self) -> QRectF:
        # Pens are cosmetic: widen by a few pixels' worth of map units so thick lines are not clipped.
        return pad_by_pixels(self, self._bounds, 12 * self.context.scale) if self._strokes else QRectF()

    def paint(self, painter: QPainter, option=None, widget=None) -> None:
        self._screen.paint(painter, widget, self._paint_strokes)

    def _paint_strokes(self, painter: QPainter) -> None:
        paint_strokes(painter, self.context, self._strokes)
