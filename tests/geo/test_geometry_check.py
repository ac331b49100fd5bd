"""Reading a polygon that crosses itself is bounded: a bow-tie is repaired, a million-vertex spiky star is read,
checked and kept as read in seconds with a warning that names its size, not left running for minutes."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest
import shapely

from viewer.geo.crossings import crossings_over, first_crossing
from viewer.geo.geometry_check import REPAIR_BUDGET, repaired
from viewer.io.load import open_path


def spiky_star(vertices: int, turns: int = 7) -> shapely.Polygon:
    """A ring of spikes that winds ``turns`` times round, crossing itself everywhere."""
    i = np.arange(vertices)
    angle = i * 2 * np.pi * turns / vertices
    radius = np.where(i % 2 == 0, 10.0, 2.0)
    ring = np.column_stack([125 + radius * np.cos(angle), 35 + 0.5 * radius * np.sin(angle)])
    return shapely.Polygon(np.vstack([ring, ring[:1]]))


def test_a_bow_tie_is_repaired():
    result = repaired(shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)]))
    assert result.geometry.is_valid
    assert result.geometry.area > 0
    assert result.repair.startswith("invalid Polygon repaired (Self-intersection")


def test_a_small_star_too_tangled_to_repair_quickly_is_kept_with_a_warning():
    star = spiky_star(5000)  # GEOS's repair takes some forty seconds on this one
    started = time.perf_counter()
    result = repaired(star)
    assert time.perf_counter() - started < 10
    assert result.geometry is star
    assert result.repair.startswith("invalid Polygon not repaired: 5,001 vertices, over 500 self-intersections")
    assert result.repair.endswith("kept as read, drawn with even-odd fill")


def test_a_large_ring_with_no_crossing_is_found_to_have_none():
    angle = np.linspace(0, 2 * np.pi, REPAIR_BUDGET + 10, endpoint=False)
    ring = np.column_stack([np.cos(angle), np.sin(angle)])
    circle = shapely.Polygon(np.vstack([ring, ring[:1]]))
    assert first_crossing(circle).where is None
    assert first_crossing(circle).complete
    assert not crossings_over(circle, 0)
    assert repaired(circle).repair is None


def test_a_crossing_between_distant_edges_of_a_large_ring_is_found():
    angle = np.linspace(0, 2 * np.pi, REPAIR_BUDGET + 10, endpoint=False)
    ring = np.column_stack([np.cos(angle), np.sin(angle)])
    ring[REPAIR_BUDGET // 2] = (1.5, 0.0)  # a spike from the far side across to the start
    found = first_crossing(shapely.Polygon(np.vstack([ring, ring[:1]]))).where
    assert found is not None
    assert abs(found[1]) < 0.01


@pytest.mark.slow
def test_a_million_vertex_spiky_star_is_read_in_seconds(tmp_path):
    star = spiky_star(1_000_000)
    path = tmp_path / "star.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "star", "properties": {"label": "star"},
         "geometry": json.loads(shapely.to_geojson(star))}]}))
    started = time.perf_counter()
    bundle, problems = open_path(path)
    assert time.perf_counter() - started < 60  # GEOS's own check and repair ran for many minutes
    assert shapely.get_num_coordinates(bundle.features["star"].geometry) == 1_000_001
    assert [p.where for p in problems] == ["features[0].geometry"]
    assert problems[0].message.startswith("invalid Polygon not repaired: 1,000,001 vertices, it crosses itself near ")


@pytest.mark.parametrize(("kind", "coordinates"), [
    ("LineString", [[124, 39], [125.5, 40], [126, 38.5]]),
    ("LineString", [[124, 39, 10], [125, 40, 20.5]]),
    ("MultiLineString", [[[124, 39], [125, 40]], [[126, 38], [127, 37], [128, 36]]]),
    ("Polygon", [[[120, 20], [124, 20], [124, 24], [120, 24], [120, 20]],
                 [[121, 21], [122, 21], [122, 22], [121, 21]]]),
    ("Polygon", [[[120, 20], [124, 20], [124, 24]]]),  # left open: closed, as shapely's shape closes it
    ("MultiPolygon", [[[[120, 20], [124, 20], [124, 24], [120, 20]]], [[[130, 30], [131, 30], [131, 31], [130, 30]]]]),
    ("MultiPoint", [[124, 39], [125, 40]]),
])
def test_plain_positions_make_the_geometry_shape_makes(kind, coordinates):
    """Positions that are plain numbers are made into a geometry from one array (a million took seconds position by
    position): the same geometry, z included, as shapely's own reader makes."""
    from shapely.geometry import shape

    from viewer.geo.geometry_check import checked_geometry

    made = checked_geometry({"type": kind, "coordinates": coordinates}).geometry
    expected = shape({"type": kind, "coordinates": coordinates})
    assert made.geom_type == expected.geom_type
    assert made.has_z == expected.has_z
    assert shapely.equals_exact(made, expected, tolerance=0)


@pytest.mark.parametrize(("kind", "coordinates", "message"), [
    ("LineString", [[124, 39]], "malformed LineString coordinates (a line has 1 position; it needs at least 2)"),
    ("Polygon", [[[120, 20], [124, 20]]], "malformed Polygon coordinates (a polygon ring has 2 distinct positions"),
    ("LineString", [[124, True], [125, 40]], "malformed LineString coordinates (a position holds true"),
    ("Polygon", [[]], None),  # an empty ring: what shapely's shape makes of it
])
def test_positions_that_are_not_plain_are_read_one_by_one(kind, coordinates, message):
    from shapely.geometry import shape

    from viewer.geo.geometry_check import GeometryError, checked_geometry

    if message is None:
        assert shapely.equals(checked_geometry({"type": kind, "coordinates": coordinates}).geometry,
                              shape({"type": kind, "coordinates": coordinates}))
        return
    with pytest.raises(GeometryError) as raised:
        checked_geometry({"type": kind, "coordinates": coordinates})
    assert str(raised.value).startswith(message)


def test_a_ring_crossing_itself_everywhere_is_found_within_its_first_pieces():
    """The spiky star crosses itself within its first pieces: found there, not after testing every pair of pieces
    (~2 s for a million vertices)."""
    star = spiky_star(200_000)
    started = time.process_time()
    found = first_crossing(star)
    assert found.where is not None
    assert time.process_time() - started < 0.5  # ~0.01 s; testing every pair took over a second
