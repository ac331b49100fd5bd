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
