"""Measurements and range rings over the map, as one graphics item (viewer.qt.draw.overlays makes their strokes and
labels, which the headless export shares)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF

from viewer.geo.crs import MapProjection
from viewer.model.overlays import Overlays
from viewer.qt.draw.overlays import FAR_SIDE_COLOUR, LABEL_POINTS, MEASURE_COLOUR, RING_COLOUR, overlay_drawing
from viewer.qt.map.label_layer import LabelLayer
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer

__all__ = ["FAR_SIDE_COLOUR", "MEASURE_COLOUR", "RING_COLOUR", "AnalysisLayer"]


class AnalysisLayer(pg.GraphicsObject):
    """Draws a workspace's overlays (viewer.model.overlays): measured paths and range rings, reprojected with the
    map. Every canvas has one, so the screen, exports, slides and presentations show the same."""

    def __init__(self, context: RenderContext, labels: LabelLayer | None = None):
        """``labels``: the map's label layer, so measurements and rings are labelled by the one label engine, before
        any other label (without it, by a label layer of their own)."""
        super().__init__()
        self.paths = PathLayer(context)
        self.paths.setParentItem(self)
        if labels is None:
            labels = LabelLayer(context, points=LABEL_POINTS)
            labels.setParentItem(self)
        self.labels: LabelLayer = labels
        self._drawn: tuple | None = None  # what the strokes and labels show: made again only when it changes

    def redraw(self, projection: MapProjection, overlays: Overlays) -> None:
        """Strokes and labels for the overlays in ``projection``; nothing to do on a pan: a ring's label takes the
        first of its positions on screen, placed with the map's other labels."""
        key = (projection.key, projection.srs, tuple(overlays.rings), tuple(overlays.measurements))
        if key == self._drawn:
            return
        self._drawn = key
        strokes, labels = overlay_drawing(projection, overlays)
        self.paths.set_strokes(strokes)
        self.labels.set_overlay_labels(labels)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter, *args) -> None:
        pass
