"""The numpy Lambert conic (the regional map's projection, before pyproj loads and after) gives PROJ's coordinates."""

from __future__ import annotations

import numpy as np
import pyproj
import pytest

from viewer.geo import before_proj, crs
from viewer.geo.crs import DEFAULT_REGION
from viewer.geo.lcc import LambertConic

REGIONS = [DEFAULT_REGION, (118.0, 24.0, 146.0, 46.0), (-80.0, -50.0, -40.0, -10.0), (170.0, 50.0, -170.0, 70.0),
           (10.0, 40.0, 10.5, 40.5)]  # the default view, Korea, a southern cone, across 180°, a tangent cone


def proj(srs: str) -> tuple[pyproj.Transformer, pyproj.Transformer]:
    target = pyproj.CRS.from_user_input(srs)
    return (pyproj.Transformer.from_crs("EPSG:4326", target, always_xy=True),
            pyproj.Transformer.from_crs(target, "EPSG:4326", always_xy=True))


@pytest.mark.parametrize("extent", REGIONS)
def test_the_regional_conic_projects_as_proj_does(extent) -> None:
    projection = crs.regional(extent)
    conic = LambertConic.from_proj_string(projection.srs)
    assert conic is not None
    forward, inverse = proj(projection.srs)
    west, south, east, north = extent
    east += 360.0 if east < west else 0.0
    lon, lat = np.meshgrid(np.linspace(west - 10, east + 10, 60), np.linspace(south - 10, north + 10, 50))
    lon, lat = lon.ravel(), np.clip(lat.ravel(), -89.9, 89.9)
    x, y = conic.forward(lon, lat)
    px, py = forward.transform(lon, lat, errcheck=False)
    assert np.max(np.hypot(x - px, y - py)) < 1e-6  # metres
    back_lon, back_lat = conic.inverse(px, py)
    proj_lon, proj_lat = inverse.transform(px, py, errcheck=False)
    assert np.max(np.abs((back_lon - proj_lon + 180) % 360 - 180)) < 1e-11  # degrees: ~1 µm
    assert np.max(np.abs(back_lat - proj_lat)) < 1e-11


def test_the_whole_world_and_bad_input_give_what_proj_gives() -> None:
    projection = crs.regional(DEFAULT_REGION)
    conic = LambertConic.from_proj_string(projection.srs)
    forward, _ = proj(projection.srs)
    lon, lat = np.meshgrid(np.linspace(-180, 180, 181), np.linspace(-90, 90, 91))
    lon = np.concatenate([lon.ravel(), [200.0, -190.0, 540.0, 700.0, np.nan, 0.0, 10.0]])
    lat = np.concatenate([lat.ravel(), [10.0, 10.0, 10.0, 10.0, 0.0, np.nan, 91.0]])
    x, y = conic.forward(lon, lat)
    px, py = forward.transform(lon, lat, errcheck=False)
    assert np.array_equal(np.isfinite(x), np.isfinite(px))
    assert np.array_equal(np.isfinite(y), np.isfinite(py))
    assert not np.isfinite(px).all()  # the far pole and the bad input: the check has teeth
    finite = np.isfinite(px)
    x, y, px, py = x[finite], y[finite], px[finite], py[finite]
    assert np.max(np.hypot(x - px, y - py) / np.maximum(1.0, np.hypot(px, py))) < 1e-12


def test_the_answer_comes_in_the_kind_given() -> None:
    conic = LambertConic.from_proj_string(crs.regional(DEFAULT_REGION).srs)
    assert conic is not None
    assert all(isinstance(v, float) for v in conic.forward(125.0, 39.0))
    assert all(isinstance(v, list) for v in conic.forward([125.0], [39.0]))
    assert all(isinstance(v, np.ndarray) for v in conic.inverse(np.zeros(2), np.zeros(2)))


@pytest.mark.parametrize("srs", ["+proj=lcc +lat_1=30 +lat_2=40 +lat_0=35 +lon_0=130 +ellps=GRS80 +type=crs",
                                 "+proj=lcc +lat_1=30 +lat_2=40 +lon_0=130 +type=crs",  # PROJ's GRS80
                                 "+proj=lcc +lat_1=30 +lat_2=40 +datum=WGS84 +units=km +type=crs",
                                 "+proj=merc +lon_0=130 +datum=WGS84 +type=crs", "EPSG:3857"])
def test_anything_but_a_wgs84_conic_in_metres_is_left_to_proj(srs) -> None:
    assert LambertConic.from_proj_string(srs) is None


def test_a_wgs84_conic_is_projected_by_the_numpy_conic_before_and_after_pyproj_loads(monkeypatch) -> None:
    """One projection for the screen and for exports, whenever they are made: what the screen shows is what an
    export draws, to the last bit."""
    projection = crs.regional(DEFAULT_REGION)
    calls = []
    forward, inverse = LambertConic.forward, LambertConic.inverse
    monkeypatch.setattr(LambertConic, "forward", lambda self, lon, lat: calls.append(1) or forward(self, lon, lat))
    monkeypatch.setattr(LambertConic, "inverse", lambda self, x, y: calls.append(2) or inverse(self, x, y))
    loaded = projection.forward(125.0, 39.0)
    assert calls == [1]  # pyproj is loaded in the tests
    monkeypatch.setattr(before_proj, "proj_loaded", lambda: False)
    assert projection.forward(125.0, 39.0) == loaded
    assert calls == [1, 1]
    assert np.allclose(projection.inverse(*loaded), (125.0, 39.0), rtol=0, atol=1e-11)
    assert calls == [1, 1, 2]
    px, py = proj(projection.srs)[0].transform(125.0, 39.0)
    assert np.hypot(loaded[0] - px, loaded[1] - py) < 1e-6
    calls.clear()
    assert crs.web_mercator().forward(125.0, 39.0)  # anything else goes to PROJ
    assert calls == []
