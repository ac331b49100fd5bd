"""Beyond a globe's horizon and past the poles of a world map is no place: it is painted as the page, not as sea,
and the earth's edge is outlined (as Google Earth and QGIS show a globe)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from viewer.cli import main
from viewer.resources import sample_bundle
from viewer.symbology import PAGE, SEA


def colour(image: QImage, x: int, y: int) -> str:
    return QColor(image.pixel(x, y)).name().upper()


def test_the_globe_shows_its_disc_on_the_page(tmp_path, qapp):
    out = tmp_path / "globe.png"
    assert main(["export", str(sample_bundle()), "-o", str(out), "--crs", "globe:125.75,39.02",
                 "--extent=40,-50,180,89", "--width", "1366", "--height", "768"]) == 0
    image = QImage(str(out))
    assert colour(image, 300, 700) == PAGE.upper()  # lower left: beyond the horizon (it was sea)
    assert colour(image, 1100, 250) == SEA.upper()  # the Pacific on the disc


def test_a_world_map_is_the_page_beyond_the_poles(tmp_path, qapp):
    out = tmp_path / "world.png"
    assert main(["export", str(sample_bundle()), "-o", str(out), "--crs", "EPSG:4326",
                 "--extent=-180,-60,180,80", "--width", "1920", "--height", "1080"]) == 0
    image = QImage(str(out))
    assert colour(image, 960, 90) == PAGE.upper()  # ~100°N: nothing is there (it was sea)
    assert colour(image, 1000, 600) == SEA.upper()  # the Gulf of Guinea / south Atlantic near 0°
