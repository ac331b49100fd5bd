"""Range rings on any map: on a globe the part beyond the horizon is drawn seen through the earth, where the
globe's own formula puts it; every ring is computed once per projection."""

from __future__ import annotations

import math

import numpy as np
import pytest

from viewer.geo import geodesic, rings
from viewer.geo.crs import DEFAULT_REGION, azimuthal_equidistant, orthographic, regional, robinson
from viewer.geo.rings import drawn_ring, seen_through

PYONGYANG = (125.74, 39.02)  # general knowledge
EARTH_RADIUS_M = 6_371_000.0


def test_a_13000_km_ring_lies_beyond_the_horizon_of_a_globe_on_pyongyang_and_is_drawn_seen_through():
    globe = orthographic(*PYONGYANG)
    ring = drawn_ring(globe, *PYONGYANG, 13_000.0)
    assert ring.far_side
    assert not np.isfinite(ring.near[0]).any()
    x, y = ring.far
    assert np.isfinite(x).sum() > 300
    # Seen through a glass earth from far above Pyongyang, a small circle 13,000 km away appears as a circle of
    # radius R·sin(13,000 km / R) about the centre (a spherical check: within 1 % on the ellipsoid)
    expected = EARTH_RADIUS_M * math.sin(13_000_000 / EARTH_RADIUS_M)
    radius = np.hypot(x, y)[np.isfinite(x)]
    assert radius == pytest.approx(np.full(len(radius), expected), rel=0.01)
    assert ring.anchors
    assert ring.anchors[0][1] == pytest.approx(np.nanmax(y))


def test_a_ring_within_the_hemisphere_is_drawn_whole_on_the_near_side():
    ring = drawn_ring(orthographic(*PYONGYANG), *PYONGYANG, 9_000.0)
    assert not ring.far_side
    assert np.isfinite(ring.near[0]).sum() == rings.VERTICES + 1
    assert ring.far[0].size == 0


def test_a_ring_across_the_horizon_has_both_parts_meeting_at_it():
    globe = orthographic(140.0, 70.0)  # centred far from Pyongyang: the ring crosses the horizon
    ring = drawn_ring(globe, *PYONGYANG, 9_000.0)
    near, far = ring.near, ring.far
    assert np.isfinite(near[0]).any()
    assert np.isfinite(far[0]).any()
    assert not ring.far_side
    # where the two parts meet, they share a vertex: no gap at the horizon
    near_points = {(round(a), round(b)) for a, b in zip(*near, strict=True) if np.isfinite(a)}
    far_points = {(round(a), round(b)) for a, b in zip(*far, strict=True) if np.isfinite(a)}
    assert near_points & far_points


def test_seen_through_is_the_globe_itself_on_the_near_side():
    globe = orthographic(*PYONGYANG)
    lon, lat = np.array([126.0, 140.0, 100.0, 30.0]), np.array([40.0, 35.0, 10.0, 50.0])
    x, y = seen_through(globe, lon, lat)
    fx, fy = globe.forward(lon, lat)
    assert x == pytest.approx(fx, abs=0.01)
    assert y == pytest.approx(fy, abs=0.01)


@pytest.mark.parametrize("projection", [regional(DEFAULT_REGION), robinson(), azimuthal_equidistant(*PYONGYANG)])
def test_flat_maps_draw_the_ring_as_they_draw_any_line(projection):
    ring = drawn_ring(projection, *PYONGYANG, 1_000.0)
    assert ring.far[0].size == 0
    assert np.isfinite(ring.near[0]).sum() > 300


def test_in_an_azimuthal_equidistant_on_the_centre_every_ring_is_a_true_circle():
    ring = drawn_ring(azimuthal_equidistant(*PYONGYANG), *PYONGYANG, 13_000.0)
    x, y = ring.near
    radius = np.hypot(x, y)[np.isfinite(x)]
    assert radius == pytest.approx(np.full(len(radius), 13_000_000.0), rel=1e-6)


def test_a_ring_is_computed_once_per_projection(monkeypatch):
    calls = []
    real = geodesic.range_ring
    monkeypatch.setattr(rings, "range_ring", lambda *a, **k: calls.append(a) or real(*a, **k))
    globe, flat = orthographic(*PYONGYANG), regional(DEFAULT_REGION)
    for _ in range(5):  # five pan steps
        drawn_ring(globe, *PYONGYANG, 4_321.0)
    assert len(calls) == 1
    drawn_ring(flat, *PYONGYANG, 4_321.0)
    drawn_ring(orthographic(*PYONGYANG), *PYONGYANG, 4_321.0)  # an equal projection built anew: still cached
    assert len(calls) == 2
