"""Measurements and range rings over the map, as one graphics item (viewer.qt.draw.overlays makes their strokes and
labels, which the headless export shares)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF

from viewer.geo.crs import MapProjection
from viewer.model.overlays import Overlays
from viewer.qt.draw.overlays import LABEL_POINTS, MEASURE_COLOUR, RING_COLOUR, overlay_drawing, ring_label_position
from viewer.qt.map.label_layer import LabelLayer
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer

__all__ = ["MEASURE_COLOUR", "RING_COLOUR", "AnalysisLayer", "ring_label_position"]


class AnalysisLayer(pg.GraphicsObject):
    """Draws a workspace's overlays (viewer.model.overlays): measured paths and range rings, reprojected with the
    map. Every canvas has one, so the screen, exports, slides and presentations show the same."""

    def __init__(self, context: RenderContext):
        super().__init__()
        self.paths = PathLayer(context)
        self.labels = LabelLayer(context, points=LABEL_POINTS)
        for child in (self.paths, self.labels):
            child.setParentItem(self)

    def redraw(self, projection: MapProjection, overlays: Overlays,
               frame: tuple[float, float, float, float] | None = None) -> None:
        """``frame``: the map rect shown, so each ring's label goes where that ring is on screen."""
        strokes, labels = overlay_drawing(projection, overlays, frame)
        self.paths.set_strokes(strokes)
        self.labels.set_labels(labels)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter, *args) -> None:
        pass
