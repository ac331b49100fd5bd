"""Scale bar, true north and graticule maths, checked with geodesics and PROJ's own factors."""

from __future__ import annotations

import math

import numpy as np
import pyproj
import pytest

from viewer.geo import crs
from viewer.geo.crs import MapProjection
from viewer.geo.scale import (
    graticule_lines,
    ground_distance_per_map_unit,
    nice_graticule_step,
    nice_scale_bar,
    true_north_angle,
)

KOREA = (118.0, 24.0, 146.0, 46.0)
GEOD = pyproj.Geod(ellps="WGS84")
CENTRES = [(124.705, 39.660), (139.69, 35.69), (127.68, 26.21), (150.0, 55.0)]


def presets() -> list[MapProjection]:
    return [crs.regional(KOREA), crs.web_mercator(), crs.plate_carree(),
            crs.azimuthal_equidistant(124.705, 39.660), crs.projection_from_name("EPSG:32652")]


@pytest.mark.parametrize("projection", presets(), ids=lambda p: p.key)
@pytest.mark.parametrize("centre", CENTRES)
def test_scale_bar_matches_the_ground(projection: MapProjection, centre: tuple[float, float]) -> None:
    x, y = projection.forward(*centre)
    units_per_pixel = 1500.0
    length_km, pixels = nice_scale_bar(projection, x, y, units_per_pixel, max_pixels=200)
    assert 0 < pixels <= 200
    mantissa = length_km / 10 ** math.floor(math.log10(length_km))
    assert mantissa == pytest.approx(1) or mantissa == pytest.approx(2) or mantissa == pytest.approx(5)
    half = pixels * units_per_pixel / 2
    lon, lat = projection.inverse(np.array([x - half, x + half]), np.array([y, y]))
    _, _, metres = GEOD.inv(lon[0], lat[0], lon[1], lat[1])
    assert length_km == pytest.approx(metres / 1000.0, rel=0.01)


def test_mercator_scale_bar_shrinks_with_latitude() -> None:
    mercator = crs.web_mercator()
    x, y = mercator.forward(150.0, 60.0)
    per_unit = ground_distance_per_map_unit(mercator, x, y)
    assert per_unit == pytest.approx(math.cos(math.radians(60.0)), rel=0.01)


@pytest.mark.parametrize("projection", [crs.regional(KOREA), crs.projection_from_name("EPSG:32652")],
                         ids=lambda p: p.key)
def test_ground_distance_agrees_with_proj_factors(projection: MapProjection) -> None:
    factors = pyproj.Proj(projection.crs).get_factors(141.0, 43.0)
    x, y = projection.forward(141.0, 43.0)
    assert ground_distance_per_map_unit(projection, x, y) == pytest.approx(1 / factors.parallel_scale, rel=1e-6)


def test_plate_carree_scale_uses_the_ellipsoid() -> None:
    # Along a parallel, ground per map unit is N·cos φ / a (N the prime-vertical radius).
    projection, lat = crs.plate_carree(), math.radians(43.0)
    e2 = 0.00669437999014
    expected = math.cos(lat) / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    x, y = projection.forward(141.0, 43.0)
    assert ground_distance_per_map_unit(projection, x, y) == pytest.approx(expected, rel=1e-6)


def test_scale_is_nan_off_the_map() -> None:
    projection = crs.regional(KOREA)
    assert math.isnan(ground_distance_per_map_unit(projection, 1e9, 1e9))
    assert math.isnan(nice_scale_bar(projection, 1e9, 1e9, 1000.0, 200)[0])
    assert math.isnan(ground_distance_per_map_unit(crs.web_mercator(), 3e7, 0.0))


def test_north_is_up_on_the_central_meridian_and_in_mercator() -> None:
    regional = crs.regional(KOREA)
    assert true_north_angle(regional, *regional.forward(132.0, 44.0)) == pytest.approx(0.0, abs=1e-6)
    mercator = crs.web_mercator()
    for lon, lat in CENTRES:
        assert true_north_angle(mercator, *mercator.forward(lon, lat)) == pytest.approx(0.0, abs=1e-6)


def test_north_leans_towards_the_central_meridian_in_a_lambert_conic() -> None:
    regional = crs.regional(KOREA)  # central meridian 132°E
    east = true_north_angle(regional, *regional.forward(144.0, 40.0))
    west = true_north_angle(regional, *regional.forward(120.0, 40.0))
    assert east < -1.0
    assert west > 1.0
    convergence = pyproj.Proj(regional.crs).get_factors(144.0, 40.0).meridian_convergence
    assert east == pytest.approx(-convergence, abs=1e-4)


def test_nice_graticule_step() -> None:
    assert nice_graticule_step(28.0) == 5.0
    assert nice_graticule_step(10.0) == 2.0
    assert nice_graticule_step(0.4) == 0.1
    assert nice_graticule_step(360.0) == 30.0


def test_graticule_lines_cover_the_extent() -> None:
    lines = graticule_lines(KOREA, 5.0)
    meridians = [g for g in lines if g.is_meridian]
    parallels = [g for g in lines if not g.is_meridian]
    assert [g.label for g in meridians] == ["120°E", "125°E", "130°E", "135°E", "140°E", "145°E"]
    assert [g.label for g in parallels] == ["25°N", "30°N", "35°N", "40°N", "45°N"]
    _, line = parallels[-1]
    assert line.bounds == pytest.approx((118.0, 45.0, 146.0, 45.0))
    steps = np.abs(np.diff(np.asarray(line.coords)[:, 0]))
    assert steps.max() <= 0.5 + 1e-9  # densified, so it projects as the curve it is
    assert meridians[0].line.bounds == pytest.approx((120.0, 24.0, 120.0, 46.0))


def test_graticule_over_the_antimeridian_and_equator() -> None:
    labels = [g.label for g in graticule_lines((170.0, -5.0, -170.0, 5.0), 10.0)]
    assert labels == ["170°E", "180°", "170°W", "0°"]
    fine = [g.label for g in graticule_lines((127.0, 39.05, 127.25, 39.25), 0.1)]
    assert fine == ["127°E", "127.1°E", "127.2°E", "39.1°N", "39.2°N"]
