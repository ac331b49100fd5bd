"""Reading exported PNGs as GIS tools do: a lon/lat's pixel through the world file and .prj, colours compared."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage


def pixel_of(png, lon, lat):
    """Pixel of a lon/lat in an exported PNG, located through its world file and .prj, as QGIS does."""
    import pyproj

    crs = pyproj.CRS.from_wkt(png.with_suffix(".prj").read_text())
    x, y = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    size_x, _, _, size_y, centre_x, centre_y = (float(v) for v in png.with_suffix(".pgw").read_text().split())
    return round((x - centre_x) / size_x), round((y - centre_y) / size_y)


def near(colour: QColor, hex_colour: str, tolerance: int = 30) -> bool:
    want = QColor(hex_colour)
    return all(abs(a - b) <= tolerance for a, b in ((colour.red(), want.red()), (colour.green(), want.green()),
                                                    (colour.blue(), want.blue())))


def marker_shows(image: QImage, px: int, py: int, colour: str, reach: int = 3) -> bool:
    """The colour is drawn within ``reach`` pixels of (px, py): the mark is there and nothing covers it."""
    return any(near(image.pixelColor(px + dx, py + dy), colour)
               for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1)
               if 0 <= px + dx < image.width() and 0 <= py + dy < image.height())
