"""What the shipped basemap stores for start-up (tools/basemap_start.py) is what the code computes now."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.geo.basemap import load_basemap
from viewer.geo.crs import DEFAULT_REGION, projection_from_name, regional
from viewer.geo.drawable import linework_lonlat
from viewer.geo.labels import country_points
from viewer.qt.draw.basemap import basemap_strokes, densified, level_strokes
from viewer.qt.map.feature_labels import _countries

REBUILD = "stale: run python tools/basemap_start.py"


@pytest.fixture(scope="module")
def basemap():
    return load_basemap()


def test_stored_country_points_are_those_found_on_the_coarsest_level(basemap) -> None:
    coarsest = basemap[max(basemap.levels)]
    assert basemap.country_points() == tuple(country_points(coarsest.country_names, list(coarsest.countries))), \
        REBUILD
    assert _countries(basemap) == basemap.country_points()


@pytest.mark.parametrize("level", [1, 2, 3])
def test_stored_levels_are_the_strokes_projected_now(basemap, level: int) -> None:
    projection = regional(DEFAULT_REGION)  # the projection a start's first view is drawn in
    assert basemap.projected(level, projection.crs.srs) is not None
    stored = level_strokes(basemap, {}, projection, level)
    computed = basemap_strokes(densified(basemap[level].land), basemap[level].borders, projection)
    for got, expected in zip(stored, computed, strict=True):
        assert got.xy is not None
        assert expected.xy is not None
        assert np.array_equal(got.xy[0], expected.xy[0], equal_nan=True), REBUILD
        assert np.array_equal(got.xy[1], expected.xy[1], equal_nan=True), REBUILD
        assert (got.path.elementCount(), got.colour, got.width, got.dash, got.fill) == \
            (expected.path.elementCount(), expected.colour, expected.width, expected.dash, expected.fill)


def test_other_levels_and_projections_are_projected_when_shown(basemap) -> None:
    other = regional((-10.0, 30.0, 40.0, 60.0))
    assert basemap.projected(0, regional(DEFAULT_REGION).crs.srs) is None
    assert basemap.projected(1, other.crs.srs) is None
    strokes = level_strokes(basemap, {}, other, 1)
    expected = basemap_strokes(densified(basemap[1].land), basemap[1].borders, other)
    assert np.array_equal(strokes[0].xy[0], expected[0].xy[0], equal_nan=True)


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_stored_linework_is_the_levels_linework_computed_now(basemap, level: int) -> None:
    stored = basemap.linework(level)
    assert stored is not None, REBUILD
    land, borders = stored
    for got, expected in ((land, linework_lonlat(densified(basemap[level].land))),
                          (borders, linework_lonlat(list(basemap[level].borders)))):
        for a, b in zip(got, expected, strict=True):
            assert a.dtype == b.dtype, REBUILD
            assert np.array_equal(a, b), REBUILD


@pytest.mark.parametrize("name", ["regional", "mercator", "robinson", "globe:150,30", "aeqd:-170,20"])
def test_strokes_from_the_stored_linework_are_those_computed(basemap, name: str) -> None:
    # Pacific-centred and world projections cut the linework at their seam; a globe shows a hemisphere, which
    # the stored linework is not cut to: it is computed from the land instead
    projection = projection_from_name(name, (150.0, 10.0, 200.0, 50.0))
    strokes = level_strokes(basemap, {}, projection, 0)
    expected = basemap_strokes(densified(basemap[0].land), basemap[0].borders, projection)
    for got, want in zip(strokes, expected, strict=True):
        assert np.array_equal(got.xy[0], want.xy[0], equal_nan=True)
        assert np.array_equal(got.xy[1], want.xy[1], equal_nan=True)
