"""Measuring and range rings: geodesic lines and circles the user draws over the map, with distance labels."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF

from viewer.geo.crs import MapProjection
from viewer.geo.drawable import to_xy_arrays
from viewer.geo.geodesic import inverse, path_through, range_ring
from viewer.qt.map.label_layer import Label, LabelLayer
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer, Stroke, xy_path

MEASURE_COLOUR = "#111111"
RING_COLOUR = "#6A1B9A"


class AnalysisLayer(pg.GraphicsObject):
    """Holds the measured path (lon/lat vertices) and the rings (centre, radii), redrawn on reprojection."""

    def __init__(self, context: RenderContext):
        super().__init__()
        self.paths = PathLayer(context)
        self.labels = LabelLayer(context, points=8.5)
        for child in (self.paths, self.labels):
            child.setParentItem(self)
        self.measure_points: list[tuple[float, float]] = []
        self.rings: list[tuple[tuple[float, float], list[float]]] = []

    def measured_km(self) -> float:
        total = 0.0
        for (lon1, lat1), (lon2, lat2) in zip(self.measure_points, self.measure_points[1:], strict=False):
            total += float(inverse(lon1, lat1, lon2, lat2)[0])
        return total

    def redraw(self, projection: MapProjection) -> None:
        strokes, labels = [], []
        if len(self.measure_points) >= 2:
            line = path_through(self.measure_points, 10.0)
            x, y = to_xy_arrays(line, projection)
            strokes.append(Stroke(xy_path(x, y), MEASURE_COLOUR, 2.0, dash=(3, 2)))
            lx, ly = projection.forward(*self.measure_points[-1])
            labels.append(Label(float(lx), float(ly), f"{self.measured_km():,.0f} km", rank=0))
        for (lon, lat), radii in self.rings:
            circles = [range_ring(lon, lat, radius) for radius in radii]
            x, y = to_xy_arrays([c.exterior for c in circles], projection)  # lines: a globe cuts them at its edge
            strokes.append(Stroke(xy_path(x, y), RING_COLOUR, 1.6, dash=(6, 3)))
            for radius, circle in zip(radii, circles, strict=True):
                north = max(circle.exterior.coords, key=lambda c: c[1])
                nx, ny = projection.forward(*north)
                labels.append(Label(float(nx), float(ny), f"{radius:,.0f} km", rank=0, dot=False))
        self.paths.set_strokes(strokes)
        self.labels.set_labels(labels)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter, *args) -> None:
        pass
