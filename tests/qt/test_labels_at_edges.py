"""A point a few pixels inside any edge of the map is named: one 8 px above the bottom edge of an export lost its
name, every candidate beside it meeting the attribution strip, rather than being named a little higher up. The
same at the top, left and right edges, at 1366x768 and 1920x1080 (the screen draws through the same placer)."""

from __future__ import annotations

import json

import pytest

from viewer.geo.labels import shape_of

EXTENT = "120,30,130,40"
INSET = 8  # pixels inside the edge


def _lon_lat_of(png, px: float, py: float) -> tuple[float, float]:
    """The lon/lat of a pixel of an exported PNG, through its world file and .prj, as a GIS reads it."""
    import pyproj

    size_x, _, _, size_y, centre_x, centre_y = (float(v) for v in png.with_suffix(".pgw").read_text().split())
    crs = pyproj.CRS.from_wkt(png.with_suffix(".prj").read_text())
    lon, lat = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(centre_x + px * size_x,
                                                                                      centre_y + py * size_y)
    return lon, lat


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_a_point_at_each_edge_is_named_inside_the_map(tmp_path, exported_labels, size):
    width, height = size
    args = ["--width", str(width), "--height", str(height), "--extent", EXTENT]
    first = tmp_path / "frame.png"
    empty = tmp_path / "none.geojson"
    empty.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    exported_labels([str(empty), "-o", str(first), *args])
    at = {"Bottom edge site": (width * 0.45, height - INSET), "Top edge site": (width * 0.45, INSET),
          "Left edge site": (INSET, height * 0.45), "Right edge site": (width - INSET, height * 0.55)}
    points = tmp_path / "edge_sites.geojson"
    points.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": name}, "geometry": {"type": "Point",
                                                                      "coordinates": _lon_lat_of(first, *pixel)}}
        for name, pixel in at.items()]}), encoding="utf-8")
    drawing = exported_labels([str(points), "-o", str(tmp_path / "map.png"), *args])
    placed = dict(drawing.placed_shapes)
    assert sorted(name for name in at if name in placed) == sorted(at)
    for name, (px, py) in at.items():
        box = shape_of(placed[name])
        assert shape_of((0, 0, width, height)).contains(box), (name, box.bounds)
        assert box.distance(shape_of((px, py, px, py))) < 40, name  # beside its point, not anywhere
