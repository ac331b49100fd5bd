"""The basemap layer: land densified where clipping left long straight edges, once per level of detail."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from viewer.geo.basemap import load_basemap
from viewer.geo.crs import DEFAULT_REGION, regional, web_mercator
from viewer.geo.geodesic import densify
from viewer.qt.draw import basemap as basemap_strokes
from viewer.qt.draw.basemap import DENSIFY_KM, densified
from viewer.qt.map.basemap_layer import BasemapLayer
from viewer.qt.map.painting import RenderContext


@pytest.fixture(scope="module")
def basemap():
    return load_basemap()


@pytest.mark.parametrize("level", [0, 1, 2])
def test_land_comes_out_as_densifying_every_polygon_would_make_it(basemap, level):
    land = basemap[level].land
    quick = densified(land)
    whole = [densify(g, DENSIFY_KM) for g in land]
    assert len(quick) == len(whole)
    for a, b in zip(quick, whole, strict=True):
        assert np.array_equal(shapely.get_coordinates(a), shapely.get_coordinates(b))
    assert shapely.get_num_coordinates(quick).sum() > shapely.get_num_coordinates(land).sum()  # edges were cut


def test_another_projection_reuses_the_densified_land(qapp, basemap, monkeypatch):
    calls = []
    monkeypatch.setattr(basemap_strokes, "densify", lambda g, km: calls.append(g) or densify(g, km))
    layer = BasemapLayer(RenderContext(), basemap)
    layer.fixed_level = 1
    layer.set_view(regional(DEFAULT_REGION), 1000.0)
    densified_first = len(calls)
    second = web_mercator()
    layer.set_view(second, 1000.0)
    assert densified_first > 0
    assert len(calls) == densified_first
    assert layer.projection is second
    assert len(layer.strokes) == 2
