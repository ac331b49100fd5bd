"""The canvas's pyqtgraph view box: pans and zooms as usual (shown from the map's snapshot while the view moves),
except that while the canvas picks points a left drag reports where it began and ended (a box or an arrow being
drawn)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import Qt

from viewer.qt.map.snapshot import MapSnapshot

if TYPE_CHECKING:
    from viewer.qt.map.canvas import MapCanvas


class MapViewBox(pg.ViewBox):
    """The canvas's view box: while the canvas picks points, a left drag reports where it began and ended instead
    of panning."""

    min_span = 0.0  # the narrowest view the user may zoom to, in map units (the canvas sets it)

    def __init__(self, canvas: MapCanvas, **options):
        super().__init__(**options)
        self._canvas = canvas
        # While the view moves, the map is shown from one image of it at rest (the decorations are no map item).
        self.snapshot = MapSnapshot(self, canvas.context)
        self.sigRangeChanged.connect(self.snapshot.view_changed)

    def mouseDragEvent(self, ev, axis=None) -> None:
        if not (self._canvas.picking_points and ev.button() == Qt.MouseButton.LeftButton):
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        if ev.isFinish():
            projection = self._canvas.projection
            start, end = self.mapSceneToView(ev.buttonDownScenePos()), self.mapSceneToView(ev.scenePos())
            lon1, lat1 = projection.inverse(start.x(), start.y())
            lon2, lat2 = projection.inverse(end.x(), end.y())
            self._canvas.map_dragged.emit(float(lon1), float(lat1), float(lon2), float(lat2))

    def scaleBy(self, s=None, center=None, x=None, y=None) -> None:
        """Zoom as pyqtgraph does (wheel, right drag, keys), no closer than ``min_span`` across. (pyqtgraph's own
        range limits also clamp ranges set while the box has no size yet, which framed a hidden canvas wrong.)"""
        if self.min_span > 0:
            if s is not None:
                x, y = (s, s) if not hasattr(s, "__len__") else s
            width, height = self.viewRect().width(), self.viewRect().height()
            smallest = min(width * (x if x is not None else 1.0), height * (y if y is not None else 1.0))
            if 0 < smallest < self.min_span:
                grow = self.min_span / smallest
                x, y = (x * grow if x is not None else None), (y * grow if y is not None else None)
            s = None
        super().scaleBy(s, center, x, y)
