"""The whole world: land and sea where they are on every continent, negative extents as written, range rings on
world and globe maps."""

from __future__ import annotations

import math

import pytest
from pixels import marker_shows, near, pixel_of
from PySide6.QtGui import QColor, QImage

from viewer.cli import main
from viewer.qt.map.analysis_layer import FAR_SIDE_COLOUR, RING_COLOUR
from viewer.symbology import LAND, SEA

LAND_POINTS = {  # well inland, clear of borders and lakes (general knowledge)
    "Africa": (22.0, 7.0), "Europe": (11.0, 50.5), "Asia": (97.0, 47.0), "North America": (-98.0, 52.5),
    "South America": (-57.0, -12.0), "Australia": (134.0, -25.0), "Antarctica": (20.0, -75.0),
}  # none on a graticule line (every 30° on this map)
PYONGYANG = (125.74, 39.02)  # general knowledge
GLOBE = ["--crs", "globe:125.74,39.02", "--extent", "-180,-90,180,90", "--width", "900", "--height", "900",
         "--no-legend", "--no-labels", "--title", ""]
SEA_POINTS = {"Atlantic": (-33.0, 3.0), "Pacific": (-140.0, 10.0), "Indian Ocean": (75.0, -20.0),
              "Southern Ocean": (40.0, -55.0)}


@pytest.fixture(scope="module")
def world_png(tmp_path_factory):
    png = tmp_path_factory.mktemp("world") / "world.png"
    assert main(["export", "-o", str(png), "--crs", "EPSG:4326", "--extent", "-180,-80,180,80", "--width", "1800",
                 "--height", "800", "--no-legend", "--no-labels", "--title", ""]) == 0
    return png


@pytest.mark.parametrize("continent", LAND_POINTS)
def test_land_on_every_continent(world_png, continent):
    image = QImage(str(world_png))
    colour = image.pixelColor(*pixel_of(world_png, *LAND_POINTS[continent]))
    assert near(colour, LAND, 12), (continent, colour.name())


@pytest.mark.parametrize("ocean", SEA_POINTS)
def test_sea_in_every_ocean(world_png, ocean):
    image = QImage(str(world_png))
    colour = image.pixelColor(*pixel_of(world_png, *SEA_POINTS[ocean]))
    assert near(colour, SEA, 12), (ocean, colour.name())


def test_a_negative_extent_is_taken_as_written(tmp_path):
    png = tmp_path / "w.png"
    assert main(["export", "-o", str(png), "--crs", "EPSG:4326", "--extent", "-180,-60,180,80", "--width", "900",
                 "--height", "400", "--no-legend", "--title", ""]) == 0
    west, _ = pixel_of(png, -179.0, 0.0)
    east, _ = pixel_of(png, 179.0, 0.0)
    assert west <= 10
    assert east >= 890


def ring_pixels(png) -> int:
    image = QImage(str(png))
    return sum(near(image.pixelColor(x, y), RING_COLOUR, 40)
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


def test_an_icbm_range_ring_of_13000_km_on_a_world_map(tmp_path):
    png = tmp_path / "robinson.png"
    assert main(["export", "-o", str(png), "--crs", "robinson", "--extent", "-180,-60,180,80", "--width", "1600",
                 "--height", "800", "--rings", "125.74,39.02:13000", "--no-legend", "--no-labels"]) == 0
    image = QImage(str(png))
    # 13,000 km east of Pyongyang (about 97°W, 29°N over Texas by the geodesic; a ring pixel lies near it)
    from viewer.geo import geodesic

    lon, lat = (float(v) for v in geodesic.destination(125.74, 39.02, 45.0, 13000.0))
    px, py = pixel_of(png, lon, lat)
    assert any(near(image.pixelColor(px + dx, py + dy), RING_COLOUR, 40)
               for dx in range(-3, 4) for dy in range(-3, 4) if 0 <= px + dx < 1600 and 0 <= py + dy < 800)


def test_a_globe_centred_on_pyongyang_shows_its_hemisphere_and_rings_to_its_horizon(tmp_path):
    """The globe shows what lies within 10,000 km of its centre: a 9,000 km ring is drawn whole in the ring's
    colour; no ring beyond the horizon is drawn as if it were on the visible side."""
    near_png = tmp_path / "near.png"
    assert main(["export", "-o", str(near_png), "--rings", "125.74,39.02:9000", *GLOBE]) == 0
    assert ring_pixels(near_png) > 200
    image = QImage(str(near_png))
    assert near(image.pixelColor(*pixel_of(near_png, 100.0, 45.0)), LAND, 12)  # Mongolia, on this side
    centre = image.pixelColor(*pixel_of(near_png, 125.74, 39.02))
    assert isinstance(centre, QColor)


def _seen_through_pixel(png, lon, lat, centre=PYONGYANG):
    """Where a point beyond the horizon shows through a glass earth: its east/north offset from the centre on the
    plane the globe is drawn on (earth-centred coordinates turned to the centre's east, north, up), then to pixels
    through the world file."""
    import pyproj

    to_ecef = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:4978", always_xy=True)
    (px, py, pz), (cx, cy, cz) = to_ecef.transform(lon, lat, 0.0), to_ecef.transform(*centre, 0.0)
    lam, phi = math.radians(centre[0]), math.radians(centre[1])
    d = (px - cx, py - cy, pz - cz)
    east = -math.sin(lam) * d[0] + math.cos(lam) * d[1]
    north = -math.sin(phi) * math.cos(lam) * d[0] - math.sin(phi) * math.sin(lam) * d[1] + math.cos(phi) * d[2]
    size_x, _, _, size_y, centre_x, centre_y = (float(v) for v in png.with_suffix(".pgw").read_text().split())
    return round((east - centre_x) / size_x), round((north - centre_y) / size_y)


def test_a_13000_km_ring_on_a_globe_centred_on_pyongyang_is_drawn_seen_through_the_earth(tmp_path):
    """An ICBM's 13,000 km lies wholly beyond the horizon of a globe on Pyongyang (~10,000 km): the ring is drawn
    where it shows through a glass earth, faint and dotted, and the 5,500 km ring on this side as usual."""
    png = tmp_path / "globe.png"
    assert main(["export", "-o", str(png), "--rings", "125.74,39.02:5500,13000", *GLOBE]) == 0
    image = QImage(str(png))
    from viewer.geo import geodesic

    found = 0
    for azimuth in range(0, 360, 30):
        lon, lat = (float(v) for v in geodesic.destination(*PYONGYANG, azimuth, 13000.0))
        px, py = _seen_through_pixel(png, lon, lat)
        found += marker_shows(image, px, py, FAR_SIDE_COLOUR, reach=4)
    assert found >= 9  # a few may sit under a label, a line or a decoration
    lon, lat = (float(v) for v in geodesic.destination(*PYONGYANG, 300.0, 5500.0))
    assert marker_shows(image, *pixel_of(png, lon, lat), RING_COLOUR, reach=4)


def test_rings_asked_for_without_an_extent_are_framed_whole_on_the_azimuthal_equidistant(tmp_path):
    """`export --rings` with no --crs and no --extent used to frame the data only (the regional map of the sample),
    leaving a 13,000 km ring off the image: the rings now choose the azimuthal equidistant on their centre (where
    each is a true circle, as View ▸ Projection ▸ Range rings view) and the frame holds the largest whole, with the
    data."""
    from viewer.geo import geodesic

    png = tmp_path / "reach.png"
    assert main(["export", "-o", str(png), "--rings", "125.74,39.02:5500,13000", "--width", "900", "--height", "900",
                 "--no-labels"]) == 0
    assert "Azimuthal" in png.with_suffix(".prj").read_text()
    image = QImage(str(png))
    for azimuth in (0.0, 90.0, 200.0, 300.0):
        for radius in (5500.0, 13000.0):
            lon, lat = (float(v) for v in geodesic.destination(*PYONGYANG, azimuth, radius))
            px, py = pixel_of(png, lon, lat)
            assert (0 <= px < 900, 0 <= py < 900) == (True, True), (azimuth, radius, px, py)
            assert marker_shows(image, px, py, RING_COLOUR, reach=4), (azimuth, radius)
    sohae = pixel_of(png, 124.705, 39.66)  # the sample's launch site (data/launches.geojson) stays in the frame
    assert 0 <= sohae[0] < 900
    assert 0 <= sohae[1] < 900


def test_rings_with_a_chosen_projection_are_framed_with_the_data(tmp_path):
    """With --crs and no --extent, the frame holds the data and the rings' drawn extent in that projection."""
    from viewer.geo import geodesic

    png = tmp_path / "robinson.png"
    assert main(["export", "-o", str(png), "--crs", "robinson", "--rings", "125.74,39.02:5500", "--width", "1200",
                 "--height", "800", "--no-labels"]) == 0
    for azimuth in (90.0, 270.0):
        lon, lat = (float(v) for v in geodesic.destination(*PYONGYANG, azimuth, 5500.0))
        px, py = pixel_of(png, lon, lat)
        assert (0 <= px < 1200, 0 <= py < 800) == (True, True), (azimuth, px, py)
