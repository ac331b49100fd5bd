"""Vincenty's geodesics in numpy (the first frame's before pyproj loads) give PROJ's answers to 0.1 mm."""

from __future__ import annotations

import numpy as np
import pyproj

from viewer.geo import before_proj, geodesic, vincenty

GEOD = pyproj.Geod(ellps="WGS84")


def pairs(count: int = 5000, reach: float = 40.0):
    rng = np.random.default_rng(7)
    lon1, lat1 = rng.uniform(-180, 180, count), rng.uniform(-80, 80, count)
    lon2 = lon1 + rng.uniform(-reach, reach, count)
    lat2 = np.clip(lat1 + rng.uniform(-reach, reach, count), -89.5, 89.5)
    return lon1, lat1, lon2, lat2


def turn(a, b):
    return np.abs((np.asarray(a) - np.asarray(b) + 180) % 360 - 180)


def test_distances_and_bearings_are_proj_s() -> None:
    for reach in (40.0, 0.5):
        lon1, lat1, lon2, lat2 = pairs(reach=reach)
        az12, az21, metres, converged = vincenty.inverse(lon1, lat1, lon2, lat2)
        proj_az12, proj_az21, proj_metres = GEOD.inv(lon1, lat1, lon2, lat2)
        assert converged.all()
        assert np.max(np.abs(metres - proj_metres)) < 1e-4
        assert turn(az12, proj_az12).max() < 1e-8
        assert turn(az21, proj_az21).max() < 1e-8


def test_points_reached_are_proj_s() -> None:
    lon1, lat1, _, _ = pairs()
    rng = np.random.default_rng(8)
    azimuth, metres = rng.uniform(-180, 180, len(lon1)), rng.uniform(0, 5e6, len(lon1))
    lon2, lat2, back = vincenty.direct(lon1, lat1, azimuth, metres)
    proj_lon2, proj_lat2, proj_back = GEOD.fwd(lon1, lat1, azimuth, metres)
    assert np.max(GEOD.inv(lon2, lat2, proj_lon2, proj_lat2)[2]) < 1e-4
    assert np.all(np.abs(lon2) <= 180)
    assert turn(back, proj_back).max() < 1e-8


def test_nearly_antipodal_points_say_they_did_not_converge_and_go_to_proj(monkeypatch) -> None:
    assert not vincenty.inverse(0.0, 0.0, 179.7, 0.1)[3].all()
    monkeypatch.setattr(before_proj, "proj_loaded", lambda: False)
    assert np.allclose(geodesic.GEOD.inv(0.0, 0.0, 179.7, 0.1), GEOD.inv(0.0, 0.0, 179.7, 0.1))
    assert np.allclose(geodesic.GEOD.fwd(125.0, 39.0, 90.0, 1e6), GEOD.fwd(125.0, 39.0, 90.0, 1e6))
    assert np.allclose(geodesic.GEOD.inv(125.0, 39.0, 125.0, 39.0), GEOD.inv(125.0, 39.0, 125.0, 39.0))
