"""Geodesics densified only as far as a map shows their bend: within a few metres of the curve, with fewer vertices
than a vertex every 25 km."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from viewer.geo import densify as densify_module
from viewer.geo.crs import DEFAULT_REGION, orthographic, regional, robinson, web_mercator
from viewer.geo.densify import (
    MAX_SEGMENT_KM,
    TOLERANCE_M,
    densified_area,
    densify_all,
    densify_lines,
    projected_lines,
)
from viewer.geo.drawable import project_geometry, projected_xy, to_xy_arrays
from viewer.geo.geodesic import GEOD, densify


def _segments(km: float, count: int = 120, seed: int = 5) -> np.ndarray:
    rng = np.random.default_rng(seed)
    lon, lat, az = rng.uniform(100, 160, count), rng.uniform(-10, 60, count), rng.uniform(0, 360, count)
    lon2, lat2, _ = GEOD.fwd(lon, lat, az, km * 1000.0 * rng.uniform(0.5, 1.0, count))
    return shapely.linestrings(np.stack([np.column_stack([lon, lat]), np.column_stack([lon2, lat2])], axis=1))


def _stray(lines: np.ndarray, projection) -> np.ndarray:
    """How far each line, projected, lies from its geodesic (densified every 500 m) at worst, in metres."""
    exact = project_geometry(densify_lines(lines, 0.5), projection)
    drawn = project_geometry(lines, projection)
    return np.array([shapely.hausdorff_distance(a, b) for a, b in zip(drawn, exact, strict=True)])


@pytest.mark.parametrize("projection", [regional(DEFAULT_REGION), web_mercator(), robinson(150.0),
                                        orthographic(130.0, 35.0)], ids=lambda p: p.key)
@pytest.mark.parametrize("km", [200.0, 500.0, 2000.0])
def test_drawn_geodesics_stray_no_further_than_every_25_km_would(projection, km):
    lines = _segments(km)
    fewer = densify_lines(lines, 25.0, projection=projection)
    every = densify_lines(lines, 25.0)
    beyond = _stray(fewer, projection) - np.maximum(_stray(every, projection), TOLERANCE_M)
    beyond = beyond[np.isfinite(beyond)]
    assert beyond.max() < 0.5 * TOLERANCE_M  # a few metres: a fraction of a pixel at 40 m a pixel
    assert shapely.get_num_coordinates(fewer).sum() <= shapely.get_num_coordinates(every).sum()
    if km <= 200:
        assert shapely.get_num_coordinates(fewer).sum() < 0.8 * shapely.get_num_coordinates(every).sum()


def test_a_meridian_in_a_conic_needs_no_vertex():
    """A meridian is a geodesic and a straight line in a conic: nothing to add."""
    line = shapely.LineString([(127.0, 30.0), (127.0, 34.0)])  # 444 km
    dense = densify_lines(np.array([line], dtype=object), 25.0, projection=regional(DEFAULT_REGION))[0]
    assert shapely.get_num_coordinates(dense) == 2


def test_across_the_seam_every_vertex_is_kept():
    """A segment the map cuts at its seam tells nothing by its chord: it keeps a vertex every 25 km."""
    line = shapely.LineString([(179.0, 30.0), (-179.0, 31.0)])
    projection = robinson(0.0)  # seam at 180°
    dense = densify_lines(np.array([line], dtype=object), 25.0, projection=projection)[0]
    assert shapely.equals_exact(dense, densify(line, 25.0), tolerance=1e-9)


def test_every_kind_of_geometry_keeps_its_type_and_parts():
    geometries = np.array([
        shapely.Point(125, 35), None, shapely.LineString(), shapely.MultiPoint([(1, 2), (3, 4)]),
        shapely.LineString([(120, 30), (135, 38)]),
        shapely.MultiLineString([[(120, 30), (135, 38)], [(121, 31), (121.1, 31.1)]]),
        shapely.Polygon([(120, 30), (130, 30), (130, 38), (120, 38)], [[(124, 33), (126, 33), (126, 35)]]),
        shapely.MultiPolygon([shapely.box(120, 30, 125, 35), shapely.box(130, 30, 131, 31)]),
        shapely.GeometryCollection([shapely.Point(1, 1), shapely.LineString([(120, 30), (135, 38)])]),
    ], dtype=object)
    projection = regional(DEFAULT_REGION)
    dense = densify_all(geometries, projection)
    assert dense[0] is geometries[0]
    assert dense[1] is None
    assert dense[3] is geometries[3]
    for given, made in zip(geometries[4:], dense[4:], strict=True):
        assert made.geom_type == given.geom_type
        assert len(shapely.get_parts(made)) == len(shapely.get_parts(given))
        assert shapely.get_num_coordinates(made) > shapely.get_num_coordinates(given)
        assert shapely.hausdorff_distance(made, given) < 0.5  # degrees: the same shape, bent a little
    assert len(dense[6].interiors) == 1
    alone = [densify_all(np.array([g], dtype=object), projection)[0] for g in geometries[4:8]]
    assert all(shapely.equals_exact(a, b, tolerance=1e-9) for a, b in zip(alone, dense[4:8], strict=True))
    assert densified_area(geometries[7], projection).geom_type == "MultiPolygon"


def _many_lines() -> np.ndarray:
    rng = np.random.default_rng(3)
    lines = [shapely.LineString(rng.uniform([100, -30], [180, 70], (rng.integers(2, 6), 2))) for _ in range(80)]
    lines += [shapely.LineString([(179.0, 30.0), (-179.0, 31.0), (-170, 35)]),  # over the antimeridian
              shapely.LineString([(-10.0, 10.0), (10.0, 11.0)]),  # over the Greenwich meridian (a 180° map's seam)
              shapely.LineString([(10, 86), (20, 89.5)]),  # beyond Mercator's latitudes
              shapely.LineString([(120, 30), (120.1, 30.1)]), shapely.LineString([(0, 0), (0, 0)])]
    return np.array(lines, dtype=object)


@pytest.mark.parametrize("projection", [regional(DEFAULT_REGION), web_mercator(), robinson(150.0), robinson(0.0),
                                        orthographic(130.0, 35.0)], ids=lambda p: p.key)
def test_lines_projected_in_one_pass_are_the_densified_lines_projected(projection, monkeypatch):
    """Projecting while densifying (the measured vertices reused), a batch of lines at a time, gives the very
    numbers densifying, then projecting gives; a line is drawn from its projected vertices only where to_xy_arrays
    would take them."""
    monkeypatch.setattr(densify_module, "LINES_AT_ONCE", 7)
    lines = _many_lines()
    projected, plain = projected_lines(lines, projection)
    expected = project_geometry(densify_lines(lines, MAX_SEGMENT_KM, projection=projection), projection)
    for made, wanted in zip(projected, expected, strict=True):
        np.testing.assert_array_equal(shapely.get_coordinates(made), shapely.get_coordinates(wanted))
    dense = densify_lines(lines, MAX_SEGMENT_KM, projection=projection)
    for i, line in enumerate(dense):
        if plain[i]:
            drawn = to_xy_arrays([line], projection, [expected[i]])
            np.testing.assert_array_equal(drawn, projected_xy(np.array([projected[i]], dtype=object)))
    expected = np.full(len(lines), projection.key != "globe")  # a globe cuts lines at its horizon first
    if projection.seam_lon == -180.0:
        expected[-5] = False  # the line over the antimeridian is cut there
    if projection.max_lat < 89.5:
        expected[-3] = False  # the line reaching 89.5°N is cut at the map's edge
    np.testing.assert_array_equal(plain, expected)
