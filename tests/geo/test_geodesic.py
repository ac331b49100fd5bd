"""Geodesics on WGS84, checked against pyproj.Geod called directly."""

from __future__ import annotations

import numpy as np
import pyproj
import pytest
from shapely.geometry import LineString, MultiLineString, Point, Polygon

from viewer.geo import geodesic

SOHAE = (124.705, 39.660)
NAHA = (127.6792, 26.2122)
GEOD = pyproj.Geod(ellps="WGS84")


def test_sohae_to_naha_distance_and_bearings() -> None:
    az12, az21, metres = GEOD.inv(*SOHAE, *NAHA)
    distance, azimuth12, azimuth21 = geodesic.inverse(*SOHAE, *NAHA)
    assert distance == pytest.approx(metres / 1000.0, abs=1e-9)
    assert distance == pytest.approx(1516.9, abs=0.1)  # the seed's "over Okinawa" leg, ~1,500 km
    assert azimuth12 == pytest.approx(az12)
    assert azimuth21 == pytest.approx(az21)
    assert 160 < azimuth12 < 175  # south by a little east


def test_destination_then_inverse_round_trip() -> None:
    lon, lat = geodesic.destination(*SOHAE, 163.0, 1234.5)
    distance, azimuth, _ = geodesic.inverse(*SOHAE, lon, lat)
    assert distance == pytest.approx(1234.5, abs=1e-6)
    assert azimuth == pytest.approx(163.0, abs=1e-9)


def test_two_thousand_km_south_of_sohae() -> None:
    lon, lat = geodesic.destination(*SOHAE, 180.0, 2000.0)
    expected_lon, expected_lat, _ = GEOD.fwd(*SOHAE, 180.0, 2_000_000.0)
    assert (lon, lat) == pytest.approx((expected_lon, expected_lat), abs=1e-9)
    assert lat == pytest.approx(21.6, abs=0.05)
    line = geodesic.geodesic_line(*SOHAE, lon, lat)
    assert geodesic.length_km(line) == pytest.approx(2000.0, rel=1e-6)


def test_densified_line_vertices_lie_on_the_geodesic() -> None:
    line = geodesic.geodesic_line(*SOHAE, 145.0, 13.5, max_segment_km=25)
    coords = np.asarray(line.coords)
    assert tuple(coords[0]) == SOHAE
    assert tuple(coords[-1]) == (145.0, 13.5)
    _, _, total = GEOD.inv(*SOHAE, 145.0, 13.5)
    n = len(coords)
    _, _, from_start = GEOD.inv(np.full(n, SOHAE[0]), np.full(n, SOHAE[1]), coords[:, 0], coords[:, 1])
    _, _, to_end = GEOD.inv(coords[:, 0], coords[:, 1], np.full(n, 145.0), np.full(n, 13.5))
    assert np.max(np.abs(from_start + to_end - total)) < 1.0
    _, _, steps = GEOD.inv(coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1])
    assert steps.max() <= 25_000.0 + 1e-6
    # A straight lon/lat segment would be far off the geodesic this long: the check can fail.
    assert not np.allclose(coords[n // 2], (coords[0] + coords[-1]) / 2, atol=0.05)


def test_line_over_the_antimeridian_keeps_continuous_longitudes() -> None:
    coords = np.asarray(geodesic.geodesic_line(179.0, 10.0, -179.0, 12.0).coords)
    assert np.all(np.abs(np.diff(coords[:, 0])) < 1.0)
    assert coords[-1, 0] == pytest.approx(181.0)


def test_path_through_several_points_visits_each() -> None:
    points = [SOHAE, NAHA, (130.0, 10.0)]
    line = geodesic.path_through(points, max_segment_km=100)
    coords = [tuple(c) for c in line.coords]
    assert coords[0] == SOHAE
    assert NAHA in coords
    assert coords[-1] == (130.0, 10.0)
    legs = geodesic.inverse(*SOHAE, *NAHA)[0] + geodesic.inverse(*NAHA, 130.0, 10.0)[0]
    assert geodesic.length_km(line) == pytest.approx(legs, rel=1e-6)
    with pytest.raises(ValueError, match="two points"):
        geodesic.path_through([SOHAE])


def test_range_ring_vertices_are_at_the_radius() -> None:
    ring = geodesic.range_ring(*SOHAE, 1000.0, n=90)
    assert isinstance(ring, Polygon)
    assert ring.is_valid
    coords = np.asarray(ring.exterior.coords)[:-1]
    assert len(coords) == 90
    _, _, metres = GEOD.inv(np.full(90, SOHAE[0]), np.full(90, SOHAE[1]), coords[:, 0], coords[:, 1])
    assert np.allclose(metres, 1_000_000.0, atol=1e-3)
    assert ring.contains(Point(SOHAE))


def test_densify_turns_segments_into_geodesics() -> None:
    square = Polygon([(120, 30), (140, 30), (140, 45), (120, 45)], [[(125, 35), (130, 35), (130, 40)]])
    dense = geodesic.densify(square, max_segment_km=50)
    assert len(dense.exterior.coords) > 50
    assert len(dense.interiors) == 1
    assert dense.exterior.coords[0] == dense.exterior.coords[-1]
    # The northern edge follows the great circle, which bulges poleward of the 45° parallel.
    assert max(y for _, y in dense.exterior.coords) > 45.4
    lines = geodesic.densify(MultiLineString([[(120, 30), (140, 30)], [(0, 0), (0.01, 0)]]), 50)
    assert lines.geom_type == "MultiLineString"
    assert len(lines.geoms[1].coords) == 2  # short segments stay as they are
    point = Point(SOHAE)
    assert geodesic.densify(point, 50) is point


def test_length_of_a_multi_leg_line() -> None:
    line = LineString([SOHAE, NAHA, (130.0, 10.0)])
    _, _, a = GEOD.inv(*SOHAE, *NAHA)
    _, _, b = GEOD.inv(*NAHA, 130.0, 10.0)
    assert geodesic.length_km(line) == pytest.approx((a + b) / 1000.0, rel=1e-9)
