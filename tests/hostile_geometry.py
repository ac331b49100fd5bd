"""Pathological geometry for the hostile-input tests (issue 13): a million-vertex polygon whose edges cross everywhere,
and a valid one as large, written as GeoJSON. Imported by name (`from hostile_geometry import ...`); run it to write
both files for trying them by hand: `python tests/hostile_geometry.py DIR [VERTICES]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import shapely

CENTRE = (130.0, 25.0)  # lon, lat: open sea south of Okinawa
RADIUS = 8.0  # degrees


def jagged_star(vertices: int, seed: int = 13) -> shapely.Polygon:
    """A star of ``vertices`` spikes from 0.2 to 1 x RADIUS round CENTRE, each a few steps off its place in turn, so
    neighbouring spikes cross: valid GeoJSON, a self-intersecting polygon everywhere."""
    rng = np.random.default_rng(seed)
    step = 2 * np.pi / vertices
    theta = np.arange(vertices) * step + rng.uniform(-5, 5, vertices) * step
    radius = rng.uniform(0.2, 1.0, vertices) * RADIUS
    return shapely.Polygon(np.column_stack([CENTRE[0] + radius * np.cos(theta), CENTRE[1] + radius * np.sin(theta)]))


def round_area(vertices: int) -> shapely.Polygon:
    """A valid polygon of ``vertices`` vertices: a circle (in degrees) of RADIUS round CENTRE."""
    theta = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    return shapely.Polygon(np.column_stack([CENTRE[0] + RADIUS * np.cos(theta), CENTRE[1] + RADIUS * np.sin(theta)]))


def write_geojson(path: Path, geometry: shapely.Geometry, label: str) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": label, "properties": {"label": label},
         "geometry": json.loads(shapely.to_geojson(geometry))}]}))
    return path


if __name__ == "__main__":
    folder, count = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    for made in (write_geojson(folder / "jagged_star.geojson", jagged_star(count), "star"),
                 write_geojson(folder / "round_area.geojson", round_area(count), "round")):
        print(f"wrote {made}")
