"""Geometry → NaN-separated projected arrays, one path per layer."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon

from viewer.geo import crs
from viewer.geo.drawable import points_xy, project_geometry, to_xy_arrays

KOREA = (118.0, 24.0, 146.0, 46.0)


def runs(x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
    """The NaN-separated parts as (n, 2) arrays."""
    breaks = np.flatnonzero(np.isnan(x))
    parts = np.split(np.column_stack([x, y]), breaks)
    return [part[~np.isnan(part[:, 0])] for part in parts]


def test_parts_are_separated_by_one_nan_each() -> None:
    projection = crs.regional(KOREA)
    layer = [
        LineString([(124.7, 39.7), (127.7, 26.2)]),  # 1 part
        MultiLineString([[(120, 30), (121, 31)], [(122, 32), (123, 33), (124, 34)]]),  # 2 parts
        Polygon([(130, 30), (135, 30), (135, 35)], [[(133, 30.5), (134, 30.5), (134, 31.5)]]),  # 2 rings
        MultiPolygon([Polygon([(140, 40), (141, 40), (141, 41)]), Polygon([(142, 40), (143, 40), (143, 41)])]),
        None, Point(125, 38), LineString(),  # skipped
    ]
    x, y = to_xy_arrays(layer, projection)
    assert x.dtype == np.float64
    assert int(np.isnan(x).sum()) == 7 - 1
    assert np.array_equal(np.isnan(x), np.isnan(y))
    assert len(x) == 2 + 5 + 8 + 8 + 6
    expected = projection.forward(124.7, 39.7)
    assert (x[0], y[0]) == pytest.approx(expected)


def test_polygon_rings_are_closed() -> None:
    polygon = Polygon([(130, 30), (135, 30), (135, 35), (130, 34)], [[(133, 30.5), (134, 30.5), (134, 31.5)]])
    parts = runs(*to_xy_arrays([polygon], crs.web_mercator()))
    assert len(parts) == 2
    for part in parts:
        assert tuple(part[0]) == tuple(part[-1])


def test_empty_layer_gives_empty_arrays() -> None:
    x, y = to_xy_arrays([None, Point(0, 0)], crs.web_mercator())
    assert len(x) == len(y) == 0


def test_line_over_the_antimeridian_does_not_streak() -> None:
    line = LineString([(178.0, 0.0), (179.5, 0.5), (-179.5, 1.0), (-178.0, 1.5)])
    # Centred on 180° the map has no seam there: one unbroken, short path.
    pacific = crs.plate_carree(lon0=180.0)
    x, _ = to_xy_arrays([line], pacific)
    assert not np.isnan(x).any()
    assert np.ptp(x) < 500_000.0
    # Web Mercator is cut at 180°: the path ends at one edge and resumes at the other.
    x, y = to_xy_arrays([line], crs.web_mercator())
    parts = runs(x, y)
    assert len(parts) == 2
    edge = 20037508.34
    assert parts[0][-1, 0] == pytest.approx(edge, abs=1.0)
    assert parts[1][0, 0] == pytest.approx(-edge, abs=1.0)
    for part in parts:
        assert np.abs(np.diff(part[:, 0])).max() < 200_000.0


def test_regional_map_is_cut_at_its_own_seam() -> None:
    projection = crs.regional(KOREA)  # centred 132°E, seam at 48°W
    x, _ = to_xy_arrays([LineString([(-60.0, 10.0), (-40.0, 10.0)])], projection)
    assert int(np.isnan(x).sum()) == 1


def test_unprojectable_latitudes_become_gaps() -> None:
    meridian = LineString([(0.0, 80.0), (0.0, 89.0), (0.0, 90.0)])
    _, y = to_xy_arrays([meridian], crs.web_mercator())
    assert np.isnan(y[1:]).all()
    assert np.isfinite(y[0])


def test_many_features_come_out_right() -> None:
    n = 100_000
    rng = np.random.default_rng(7)
    lon, lat = rng.uniform(120, 140, n), rng.uniform(25, 45, n)
    projection = crs.regional(KOREA)
    lines = shapely.linestrings(np.stack([np.column_stack([lon, lat]), np.column_stack([lon + 0.1, lat + 0.1]),
                                          np.column_stack([lon + 0.2, lat])], axis=1))
    x, y = to_xy_arrays(lines, projection)
    assert len(x) == 3 * n + n - 1
    assert int(np.isnan(x).sum()) == n - 1
    assert (x[-3], y[-3]) == pytest.approx(projection.forward(lon[-1], lat[-1]))
    px, py, owner = points_xy(shapely.points(lon, lat), projection, return_index=True)
    assert len(px) == n
    assert np.array_equal(owner, np.arange(n))
    assert (px[123], py[123]) == pytest.approx(projection.forward(lon[123], lat[123]))


def test_points_xy_expands_multipoints_and_skips_other_kinds() -> None:
    projection = crs.web_mercator()
    x, y, owner = points_xy([Point(0, 0), LineString([(0, 0), (1, 1)]), None, MultiPoint([(1, 1), (2, 2)])],
                            projection, return_index=True)
    assert owner.tolist() == [0, 3, 3]
    assert (x[2], y[2]) == pytest.approx(projection.forward(2, 2))


def test_project_geometry_projects_vertices() -> None:
    projection = crs.azimuthal_equidistant(124.705, 39.660)
    ring = project_geometry(Polygon([(124, 39), (125, 39), (125, 40)]), projection)
    assert ring.geom_type == "Polygon"
    assert ring.exterior.coords[1] == pytest.approx(projection.forward(125, 39))
    many = project_geometry(np.array([Point(124.705, 39.660), Point(125, 40)]), projection)
    assert many[0].coords[0] == pytest.approx((0.0, 0.0), abs=1e-6)


def test_arrays_from_already_projected_geometries_are_those_projected_afresh():
    """`to_xy_arrays` takes the vertices of geometries projected before (the feature cache's) where nothing is cut:
    the same arrays as projecting again, and the full treatment where a part crosses the seam."""
    geometries = [shapely.LineString([(120, 30), (125, 32), (130, 31)]), None, shapely.Point(1, 2),
                  shapely.box(125, 30, 128, 33), shapely.LineString(),
                  shapely.MultiLineString([[(121, 31), (122, 35)], [(140, 20), (141, 21)]])]
    for projection in (crs.regional((115.0, 14.0, 140.0, 42.0)), crs.robinson(0.0)):
        projected = [None if g is None else project_geometry(g, projection) for g in geometries]
        np.testing.assert_array_equal(to_xy_arrays(geometries, projection, projected),
                                      to_xy_arrays(geometries, projection))
    across = [shapely.LineString([(179.0, 30.0), (181.0, 31.0)])]
    projection = crs.robinson(0.0)
    np.testing.assert_array_equal(to_xy_arrays(across, projection, [project_geometry(across[0], projection)]),
                                  to_xy_arrays(across, projection))
