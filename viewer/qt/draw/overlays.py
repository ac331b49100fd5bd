"""Measurements and range rings: geodesic lines and circles the user draws over the map, with distance labels in the
scale bar's wording (metres under a kilometre), as strokes and labels (the window's analysis layer and the headless
export draw the same).

Rings come from viewer.geo.rings, cached per projection; on a globe the part of a ring beyond the horizon is drawn
seen through the earth, faint and dotted, and its label says "far side"."""

from __future__ import annotations

import numpy as np

from viewer.geo.crs import MapProjection
from viewer.geo.drawable import to_xy_arrays
from viewer.geo.geodesic import path_through
from viewer.geo.labels import MEASUREMENT, RING
from viewer.geo.rings import drawn_ring
from viewer.geo.scale import distance_label
from viewer.model.overlays import Overlays
from viewer.qt.draw.labels import Label
from viewer.qt.draw.paths import Stroke
from viewer.qt.draw.qpath import xy_path

MEASURE_COLOUR = "#111111"
RING_COLOUR = "#6A1B9A"
FAR_SIDE_COLOUR = "#A07CC0"  # the ring's hue, faded: a ring beyond a globe's horizon, seen through the earth
FAR_SIDE = " (far side)"
LABEL_POINTS = 8.5
ALONG = (0.5, 0.35, 0.65, 0.2, 0.8, 0.0)  # fractions of a measurement's line its distance may sit beside


def overlay_drawing(projection: MapProjection, overlays: Overlays) -> tuple[list[Stroke], list[Label]]:
    """The overlays' strokes and labels. A ring's label may go at any of its anchors (its northernmost on screen
    first), so a pan needs no new drawing."""
    strokes, labels = [], []
    for measurement in overlays.measurements:
        if len(measurement.points) < 2:
            continue
        line = path_through(list(measurement.points), 10.0)
        x, y = to_xy_arrays(line, projection)
        strokes.append(Stroke(xy_path(x, y), MEASURE_COLOUR, 2.0, dash=(3, 2)))
        lx, ly = projection.forward(*measurement.points[-1])
        labels.append(Label(float(lx), float(ly), distance_label(measurement.length_km()), rank=0,
                            points=LABEL_POINTS, priority=MEASUREMENT, anchors=_along(float(lx), float(ly), x, y)))
    for rings in overlays.rings:
        lon, lat = rings.centre
        drawn = [drawn_ring(projection, lon, lat, radius) for radius in rings.radii_km]
        near = [ring.near for ring in drawn if ring.near[0].size]
        far = [ring.far for ring in drawn if ring.far[0].size]
        if near:
            strokes.append(Stroke(xy_path(*_joined(near)), RING_COLOUR, 1.6, dash=(6, 3)))
        if far:
            strokes.append(Stroke(xy_path(*_joined(far)), FAR_SIDE_COLOUR, 1.6, dash=(3, 3)))
        for radius, ring in zip(rings.radii_km, drawn, strict=True):
            if ring.anchors:
                (x0, y0), text = ring.anchors[0], distance_label(radius) + (FAR_SIDE if ring.far_side else "")
                labels.append(Label(x0, y0, text, rank=0, dot=False, priority=RING, points=LABEL_POINTS,
                                    anchors=ring.anchors))
    return strokes, labels


def _along(end_x: float, end_y: float, x: np.ndarray, y: np.ndarray) -> tuple[tuple[float, float], ...]:
    """Where a measurement's distance may go, in turn: beside its end, then beside points along the line (middle
    first), then its start. Beside the end alone, a mark there (a place of a CSV, an impact point) left the
    distance out."""
    finite = np.isfinite(x) & np.isfinite(y)
    xs, ys = x[finite], y[finite]
    if not len(xs):
        return ((end_x, end_y),)
    picks = [round(f * (len(xs) - 1)) for f in ALONG]
    return ((end_x, end_y), *((float(xs[i]), float(ys[i])) for i in picks))


def _joined(lines: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """NaN-separated lines as one pair of arrays."""
    gap = np.array([np.nan])
    xs = [part for x, _ in lines for part in (x, gap)]
    ys = [part for _, y in lines for part in (y, gap)]
    return np.concatenate(xs), np.concatenate(ys)
