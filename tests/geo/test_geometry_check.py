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
