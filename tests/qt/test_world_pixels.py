"""The whole world: land and sea where they are on every continent, negative extents as written, range rings on
world and globe maps."""

from __future__ import annotations

import pytest
from pixels import near, pixel_of
from PySide6.QtGui import QColor, QImage

from viewer.cli import main
from viewer.qt.map.analysis_layer import RING_COLOUR
from viewer.symbology import LAND, SEA

LAND_POINTS = {  # well inland, clear of borders and lakes (general knowledge)
    "Africa": (22.0, 7.0), "Europe": (11.0, 50.5), "Asia": (97.0, 47.0), "North America": (-98.0, 52.5),
    "South America": (-57.0, -12.0), "Australia": (134.0, -25.0), "Antarctica": (20.0, -75.0),
}  # none on a graticule line (every 30° on this map)
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
    """The globe shows what lies within 10,000 km of its centre: a 9,000 km ring is drawn whole, a 13,000 km
    ring lies on the far side of the earth and is not drawn across the visible side."""
    near_png, far_png = tmp_path / "near.png", tmp_path / "far.png"
    common = ["--crs", "globe:125.74,39.02", "--extent", "-180,-90,180,90", "--width", "900", "--height", "900",
              "--no-legend", "--no-labels", "--title", ""]
    assert main(["export", "-o", str(near_png), "--rings", "125.74,39.02:9000", *common]) == 0
    assert main(["export", "-o", str(far_png), "--rings", "125.74,39.02:13000", *common]) == 0
    assert ring_pixels(near_png) > 200
    assert ring_pixels(far_png) < 20
    image = QImage(str(near_png))
    assert near(image.pixelColor(*pixel_of(near_png, 100.0, 45.0)), LAND, 12)  # Mongolia, on this side
    centre = image.pixelColor(*pixel_of(near_png, 125.74, 39.02))
    assert isinstance(centre, QColor)
