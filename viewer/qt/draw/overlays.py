"""Measurements and range rings: geodesic lines and circles the user draws over the map, with distance labels, as
strokes and labels (the window's analysis layer and the headless export draw the same)."""

from __future__ import annotations

import numpy as np

from viewer.geo.crs import MapProjection
from viewer.geo.drawable import to_xy_arrays
from viewer.geo.geodesic import path_through, range_ring
from viewer.model.overlays import Overlays
from viewer.qt.draw.labels import Label
from viewer.qt.draw.paths import Stroke
from viewer.qt.draw.qpath import xy_path

MEASURE_COLOUR = "#111111"
RING_COLOUR = "#6A1B9A"
LABEL_POINTS = 8.5


def overlay_drawing(projection: MapProjection, overlays: Overlays,
                    frame: tuple[float, float, float, float] | None = None) -> tuple[list[Stroke], list[Label]]:
    """The overlays' strokes and labels; ``frame``: the map rect shown, so each ring's label goes where that ring
    is on screen."""
    strokes, labels = [], []
    for measurement in overlays.measurements:
        if len(measurement.points) < 2:
            continue
        line = path_through(list(measurement.points), 10.0)
        x, y = to_xy_arrays(line, projection)
        strokes.append(Stroke(xy_path(x, y), MEASURE_COLOUR, 2.0, dash=(3, 2)))
        lx, ly = projection.forward(*measurement.points[-1])
        labels.append(Label(float(lx), float(ly), f"{measurement.length_km():,.0f} km", rank=0))
    for rings in overlays.rings:
        lon, lat = rings.centre
        circles = [range_ring(lon, lat, radius) for radius in rings.radii_km]
        x, y = to_xy_arrays([c.exterior for c in circles], projection)  # lines: a globe cuts them at its edge
        strokes.append(Stroke(xy_path(x, y), RING_COLOUR, 1.6, dash=(6, 3)))
        for radius, circle in zip(rings.radii_km, circles, strict=True):
            nx, ny = ring_label_position(circle.exterior.coords, projection, frame)
            labels.append(Label(nx, ny, f"{radius:,.0f} km", rank=0, dot=False))
    return strokes, labels


def ring_label_position(coords, projection: MapProjection,
                        frame: tuple[float, float, float, float] | None) -> tuple[float, float]:
    """Where a ring's label goes: its northernmost point on screen (inside the frame, clear of its edges), else its
    northernmost point; so a ring larger than the view is still named where it crosses it."""
    lon, lat = np.asarray(coords, dtype=float).T
    x, y = (np.asarray(v, dtype=float) for v in projection.forward(lon, lat))
    finite = np.isfinite(x) & np.isfinite(y)
    if not finite.any():
        return (float("nan"), float("nan"))
    candidates = finite
    if frame is not None:
        xmin, ymin, xmax, ymax = frame
        inset_x, inset_y = (xmax - xmin) * 0.06, (ymax - ymin) * 0.06
        inside = finite & (x > xmin + inset_x) & (x < xmax - inset_x) & (y > ymin + inset_y) & (y < ymax - inset_y)
        if inside.any():
            candidates = inside
    best = int(np.argmax(np.where(candidates, y, -np.inf)))
    return float(x[best]), float(y[best])
