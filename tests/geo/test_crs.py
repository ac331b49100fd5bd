"""Projection presets: round trips, conformality, true distances from the centre, lookup by name."""

from __future__ import annotations

import math

import numpy as np
import pyproj
import pytest

from viewer.geo import crs
from viewer.geo.crs import MapProjection

KOREA = (118.0, 24.0, 146.0, 46.0)  # the seeds' theatre: Korea, Japan, Okinawa
SOHAE = (124.705, 39.660)
GEOD = pyproj.Geod(ellps="WGS84")


def presets() -> list[MapProjection]:
    return [crs.regional(KOREA), crs.web_mercator(), crs.plate_carree(),
            crs.azimuthal_equidistant(*SOHAE, "Sohae"), crs.projection_from_name("EPSG:32652")]


def grid() -> tuple[np.ndarray, np.ndarray]:
    lon, lat = np.meshgrid(np.linspace(118, 146, 15), np.linspace(24, 46, 12))
    return lon.ravel(), lat.ravel()


@pytest.mark.parametrize("projection", presets(), ids=lambda p: p.key)
def test_round_trip_is_within_a_millimetre(projection: MapProjection) -> None:
    lon, lat = grid()
    x, y = projection.forward(lon, lat)
    lon2, lat2 = projection.inverse(x, y)
    _, _, metres = GEOD.inv(lon, lat, lon2, lat2)
    assert np.max(metres) < 1e-3
    x2, y2 = projection.forward(lon2, lat2)
    assert np.max(np.hypot(x2 - x, y2 - y)) < 1e-3


def local_scales(projection: MapProjection, lon: float, lat: float) -> tuple[float, float]:
    """Map distance per ground distance for a 10 m step north and a 10 m step east."""
    x0, y0 = projection.forward(lon, lat)
    scales = []
    for azimuth in (0.0, 90.0):
        lon2, lat2, _ = GEOD.fwd(lon, lat, azimuth, 10.0)
        x, y = projection.forward(lon2, lat2)
        scales.append(math.hypot(x - x0, y - y0) / 10.0)
    return scales[0], scales[1]


def test_regional_lambert_is_conformal_off_centre() -> None:
    north, east = local_scales(crs.regional(KOREA), 141.0, 43.0)
    assert north == pytest.approx(east, rel=1e-6)
    assert abs(north - 1.0) > 1e-3  # off the standard parallels, so the check has teeth


def test_plate_carree_is_not_conformal() -> None:
    north, east = local_scales(crs.plate_carree(), 141.0, 43.0)
    assert abs(north - east) > 0.1


def test_regional_standard_parallels_and_name() -> None:
    projection = crs.regional((120.0, 30.0, 135.0, 48.0))
    params = {p.name: p.value for p in projection.crs.coordinate_operation.params}
    assert params["Latitude of 1st standard parallel"] == pytest.approx(33.0)
    assert params["Latitude of 2nd standard parallel"] == pytest.approx(45.0)
    assert params["Longitude of false origin"] == pytest.approx(127.5)
    assert projection.name == "Lambert Conformal Conic (33°N, 45°N) centred 127.5°E"
    assert projection.forward(127.5, 39.0)[0] == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize("extent", [(124.70, 39.65, 124.71, 39.66), (100.0, -10.0, 120.0, 10.0),
                                    (170.0, -50.0, -170.0, -30.0)], ids=["tiny", "equator", "antimeridian"])
def test_regional_fallbacks_still_project(extent: tuple[float, float, float, float]) -> None:
    projection = crs.regional(extent)
    lon, lat = crs.extent_centre(extent)
    x, y = projection.forward(lon, lat)
    assert math.hypot(x, y) < 12_000.0  # centred on the data, to the 0.1° the centre is rounded to
    assert projection.inverse(x, y) == pytest.approx((lon, lat), abs=1e-9)


@pytest.mark.parametrize("place", [(127.6792, 26.2122), (139.69, 35.69), (144.79, 13.44), (124.705, 21.62)])
def test_azimuthal_equidistant_gives_true_distance_from_centre(place: tuple[float, float]) -> None:
    projection = crs.azimuthal_equidistant(*SOHAE, "Sohae")
    x, y = projection.forward(*place)
    _, _, metres = GEOD.inv(*SOHAE, *place)
    assert math.hypot(x, y) == pytest.approx(metres, rel=1e-3)
    assert "Sohae" in projection.name


def test_forward_is_vectorised() -> None:
    lon, lat = grid()
    x, y = crs.regional(KOREA).forward(lon, lat)
    assert x.shape == lon.shape
    assert np.isfinite(y).all()


def test_projection_from_name_knows_presets_and_crs_strings() -> None:
    for key in crs.PROJECTIONS:
        assert crs.projection_from_name(key, KOREA).key == key
    assert crs.projection_from_name("MERCATOR").crs.to_epsg() == 3857
    utm = crs.projection_from_name("EPSG:32652")
    assert utm.name == "WGS 84 / UTM zone 52N"
    assert utm.seam_lon == pytest.approx(-51.0)
    aeqd = crs.projection_from_name("aeqd:124.705,39.66")
    assert aeqd.forward(*SOHAE) == pytest.approx((0.0, 0.0), abs=1e-6)


def test_unknown_projection_name_is_a_one_line_error() -> None:
    with pytest.raises(ValueError, match="unknown projection 'nowhere'") as error:
        crs.projection_from_name("nowhere")
    assert "\n" not in str(error.value)


def test_transformers_are_shared_between_equal_projections() -> None:
    first, second = crs.regional(KOREA), crs.regional(KOREA)
    assert first.forward(127, 40) == second.forward(127, 40)
    assert first._transformers[0] is second._transformers[0]


def test_project_extent_covers_curved_edges() -> None:
    projection = crs.regional(KOREA)
    xmin, ymin, xmax, ymax = projection.project_extent(KOREA)
    # Parallels are arcs round the cone's apex, so the southern edge sags below its corners.
    _, y_corner = projection.forward(KOREA[0], KOREA[1])
    assert ymin < y_corner - 100_000.0
    assert xmin < 0 < xmax
    assert ymin < 0 < ymax


EVERY_PRESET_FAMILY = [
    crs.regional(KOREA), crs.regional(crs.DEFAULT_REGION), crs.regional((120.0, -5.0, 140.0, 5.0)),  # a Mercator
    crs.regional((125.0, 38.0, 125.5, 38.4)), crs.plate_carree(30.0), crs.azimuthal_equidistant(*SOHAE),
    crs.orthographic(127.0, 37.0), crs.robinson(-150), crs.equal_earth(130),
    crs.projection_from_name("+proj=utm +zone=52 +south +datum=WGS84 +units=m +no_defs"),
    crs.projection_from_name("+proj=stere +lat_0=90 +lon_0=-45 +k=0.994 +x_0=2000000 +y_0=2000000 +datum=WGS84"),
]


@pytest.mark.parametrize("projection", EVERY_PRESET_FAMILY, ids=lambda p: p.crs.srs)
def test_pipelines_built_from_a_plain_proj_string_are_those_pyproj_finds(projection: MapProjection) -> None:
    # Built without PROJ's database search (tens of ms a transformer): the very pipelines from_crs finds, so the
    # same numbers to the last bit.
    srs = projection.crs.srs
    assert crs._plain_pipelines(srs, projection.crs) is not None
    forward, inverse = crs._transformers(srs)
    found_forward = pyproj.Transformer.from_crs(crs.WGS84, projection.crs, always_xy=True)
    found_inverse = pyproj.Transformer.from_crs(projection.crs, crs.WGS84, always_xy=True)
    assert (forward.definition, inverse.definition) == (found_forward.definition, found_inverse.definition)
    lon, lat = np.random.default_rng(7).uniform((-180, -89), (180, 89), (5000, 2)).T
    x, y = forward.transform(lon, lat, errcheck=False)
    assert np.array_equal(np.array([x, y]), np.array(found_forward.transform(lon, lat, errcheck=False)),
                          equal_nan=True)
    shown = np.isfinite(x) & np.isfinite(y)
    assert np.array_equal(np.array(inverse.transform(x[shown], y[shown], errcheck=False)),
                          np.array(found_inverse.transform(x[shown], y[shown], errcheck=False)))


@pytest.mark.parametrize("srs", ["EPSG:32652", "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 "
                                 "+y_0=-100000 +ellps=airy +units=m", "+proj=lcc +lat_1=30 +lat_2=60 +datum=WGS84 "
                                 "+towgs84=1,2,3 +units=m", "+proj=longlat +datum=WGS84", "+proj=merc +units=km "
                                 "+datum=WGS84"])
def test_other_crs_are_left_to_pyproj_to_find_the_way(srs: str) -> None:
    assert crs._plain_pipelines(srs, pyproj.CRS.from_user_input(srs)) is None


@pytest.mark.parametrize("key", ["globe", "aeqd"])
def test_a_map_centred_on_the_data_says_where_that_is(key: str) -> None:
    """A globe's footer read 'centred on extent centre': where, a reader of the image could not tell."""
    projection = crs.PROJECTIONS[key].build((124.0, 20.0, 131.0, 40.0))
    assert projection.name.endswith("centred on 30°N 127.5°E"), projection.name
    assert "extent" not in crs.PROJECTIONS[key].title
