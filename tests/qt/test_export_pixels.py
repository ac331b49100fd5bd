"""Exported images checked by their pixels and their georeferencing, not by trusting that a call returned."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from shared_data import SOHAE

from viewer.cli import main
from viewer.symbology import EVENT_COLOURS, SEA

REGION = (115.0, 14.0, 140.0, 42.0)


def world_file(path):
    size_x, _, _, size_y, centre_x, centre_y = (float(v) for v in path.with_suffix(".pgw").read_text().split())
    return size_x, size_y, centre_x, centre_y


def pixel_of(png, lon, lat):
    """Pixel of a lon/lat in an exported PNG, located through its world file and .prj — as QGIS does."""
    import pyproj

    crs = pyproj.CRS.from_wkt(png.with_suffix(".prj").read_text())
    x, y = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    size_x, size_y, centre_x, centre_y = world_file(png)
    return round((x - centre_x) / size_x), round((y - centre_y) / size_y)


def close(colour: QColor, hex_colour: str, tolerance: int = 18) -> bool:
    want = QColor(hex_colour)
    return all(abs(a - b) <= tolerance for a, b in ((colour.red(), want.red()), (colour.green(), want.green()),
                                                    (colour.blue(), want.blue())))


@pytest.fixture(scope="module")
def regional_png(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "region.png"
    # no labels: these tests read land, sea and marks at given places, where a label may go
    assert main(["export", "-o", str(path), "--extent", ",".join(map(str, REGION)), "--no-legend", "--no-labels"]) == 0
    return path


def test_png_has_world_file_and_prj(regional_png):
    assert regional_png.with_suffix(".pgw").is_file()
    assert "Lambert" in regional_png.with_suffix(".prj").read_text()
    image = QImage(str(regional_png))
    assert (image.width(), image.height()) == (1920, 1080)


def test_the_extent_is_fitted_to_the_image(regional_png):
    image = QImage(str(regional_png))
    for lon, lat in ((REGION[0], (REGION[1] + REGION[3]) / 2), (REGION[2], (REGION[1] + REGION[3]) / 2)):
        px, py = pixel_of(regional_png, lon, lat)
        assert -2 <= px <= image.width() + 2
        assert 0 <= py <= image.height()


def test_sea_at_29n_123e(regional_png):
    # the East China Sea west of the 2023 paths (which cross 30°N near 125°E), off the 30°N graticule line
    sea = QImage(str(regional_png)).pixelColor(*pixel_of(regional_png, 123.3, 29.6))
    assert close(sea, SEA), sea.name()


def test_land_under_naha(tmp_path):
    # Zoomed to Okinawa Island so the city's label and dot cover only a few pixels of it.
    png = tmp_path / "okinawa.png"
    assert main(["export", "-o", str(png), "--extent", "127.3,25.9,128.4,26.9", "--width", "800",
                 "--height", "800", "--no-legend", "--title", ""]) == 0
    image = QImage(str(png))
    inland = image.pixelColor(*pixel_of(png, 127.715, 26.265))  # 6 km north-east of Naha's centre, on land
    offshore = image.pixelColor(*pixel_of(png, 127.55, 26.2))  # the East China Sea west of Naha
    # The J-Alert warning areas tint both; land stays warm and light, sea cool and darker.
    assert inland.red() > inland.blue(), inland.name()
    assert offshore.blue() > offshore.red() + 15, offshore.name()
    assert inland.lightness() > offshore.lightness() + 15


def test_launch_site_marker_where_sohae_projects(regional_png):
    image = QImage(str(regional_png))
    px, py = pixel_of(regional_png, *SOHAE)
    colours = {image.pixelColor(px + dx, py + dy).name() for dx in range(-4, 5) for dy in range(-4, 5)}
    # the marker is filled with an event's colour, which neither land, sea nor labels use
    assert any(close(QColor(c), event, 25) for c in colours for event in EVENT_COLOURS[:4]), colours


def test_2016_path_crosses_sakishima_latitude_between_ishigaki_and_miyako(tmp_path):
    png = tmp_path / "kms4.png"
    assert main(["export", "-o", str(png), "--event", "2016-02-07-kms4", "--extent", "118,20,132,28",
                 "--no-legend", "--title", ""]) == 0
    image = QImage(str(png))
    y = pixel_of(png, 124.0, 24.5)[1]
    x_ishigaki = pixel_of(png, 124.16, 24.5)[0]
    x_miyako = pixel_of(png, 125.28, 24.5)[0]
    path_colour_xs = [x for x in range(x_ishigaki, x_miyako + 1)
                      if image.pixelColor(x, y).saturation() > 150 and image.pixelColor(x, y).red() > 150]
    assert path_colour_xs, "no path pixels on 24.5N between Ishigaki and Miyako"
    west_of_ishigaki = [x for x in range(x_ishigaki - 120, x_ishigaki - 10)
                        if image.pixelColor(x, y).saturation() > 150 and image.pixelColor(x, y).red() > 150]
    assert not west_of_ishigaki


def _ink(png, box):
    image = QImage(str(png))
    return sum(image.pixelColor(x, y).value() < 90 for x in range(box[0], box[2]) for y in range(box[1], box[3]))


COMMON = ["--extent", "118,20,132,28", "--event", "2016-02-07-kms4", "--no-legend", "--title", "Scale check"]


def test_a_physical_size_keeps_text_in_points_at_any_dpi(tmp_path):
    """--paper A4 --dpi 300 is 3508x2480 px, and its title is the same size on paper as at 150 dpi."""
    low, high = tmp_path / "150.png", tmp_path / "300.png"
    assert main(["export", "-o", str(low), "--paper", "A4", "--dpi", "150", *COMMON]) == 0
    assert main(["export", "-o", str(high), "--paper", "A4", "--dpi", "300", *COMMON]) == 0
    assert (QImage(str(high)).width(), QImage(str(high)).height()) == (3508, 2480)
    assert (QImage(str(low)).width(), QImage(str(low)).height()) == (1754, 1240)
    ratio = 2.0
    dark_low = _ink(low, (0, 0, 500, 90))
    dark_high = _ink(high, (0, 0, round(500 * ratio), round(90 * ratio)))
    # the same title at twice the pixels per inch covers about ratio² as many dark pixels: the same on paper
    assert math.isclose(dark_high / dark_low, ratio**2, rel_tol=0.3), (dark_low, dark_high)
    assert abs(QImage(str(high)).dotsPerMeterX() * 0.0254 - 300) < 1


def test_pixel_sizes_scale_decorations_with_the_image_not_the_dpi(tmp_path):
    screen, dpi300, uhd = tmp_path / "screen.png", tmp_path / "dpi300.png", tmp_path / "uhd.png"
    assert main(["export", "-o", str(screen), "--width", "1920", "--height", "1080", *COMMON]) == 0
    assert main(["export", "-o", str(dpi300), "--width", "1920", "--height", "1080", "--dpi", "300", *COMMON]) == 0
    assert main(["export", "-o", str(uhd), "--width", "3840", "--height", "2160", *COMMON]) == 0
    title = (0, 0, 700, 80)
    # --dpi with pixels is only written into the file: the title is not blown up (it was 3x, cut off)
    assert math.isclose(_ink(dpi300, title), _ink(screen, title), rel_tol=0.1)
    # a 4K image draws its decorations twice as large, so the text reads the same on a slide
    assert math.isclose(_ink(uhd, (0, 0, 1400, 160)) / _ink(screen, title), 4.0, rel_tol=0.3)


def test_svg_and_pdf_exports(tmp_path):
    import defusedxml.ElementTree as ET

    svg, pdf = tmp_path / "map.svg", tmp_path / "map.pdf"
    assert main(["export", "-o", str(svg), "--width", "800", "--height", "600"]) == 0
    assert main(["export", "-o", str(pdf), "--width", "800", "--height", "600", "--dpi", "150"]) == 0
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 50
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/MediaBox" in data


def test_crs_option_and_bad_values(tmp_path, capsys):
    png = tmp_path / "merc.png"
    assert main(["export", "-o", str(png), "--crs", "mercator", "--width", "400", "--height", "300"]) == 0
    assert "Mercator" in png.with_suffix(".prj").read_text()
    assert main(["export", "-o", str(tmp_path / "x.png"), "--crs", "nonsense"]) == 1
    assert "--crs: unknown projection 'nonsense'" in capsys.readouterr().err
    assert main(["export", "-o", str(tmp_path / "x.gif")]) == 1
    assert "cannot export .gif" in capsys.readouterr().err
    assert main(["export", "-o", str(tmp_path / "x.png"), "--extent", "1,2,3"]) == 1
    assert "--extent '1,2,3': expected W,S,E,N" in capsys.readouterr().err


def test_projection_key_matches_prj(tmp_path):
    png = tmp_path / "aeqd.png"
    assert main(["export", "-o", str(png), "--crs", "aeqd:124.705,39.66", "--width", "400", "--height", "300"]) == 0
    prj = png.with_suffix(".prj").read_text()
    assert "Azimuthal_Equidistant" in prj
    assert "124.705" in prj


def test_a_renderer_stamps_labels_only_once_it_draws_again(sample_workspace):
    """A one-off image draws its labels directly; a renderer asked for more images keeps stamps, and the two
    images agree (stamps sit within 1/8 px of where direct drawing puts the text)."""
    from viewer.geo.crs import regional
    from viewer.model.view import MapView
    from viewer.qt.render import ImageRequest, MapRenderer

    renderer = MapRenderer(sample_workspace)
    view = MapView(regional(REGION))
    view.fit(REGION)
    view.set_decorations(title="Stamps")
    request = ImageRequest(view, 400, 300)
    try:
        first = renderer.image(request)
        assert not renderer.scene.labels._stamps._images
        second = renderer.image(request)
        assert renderer.scene.labels._stamps._images
    finally:
        renderer.close()
    # Text edges differ by anti-aliasing only (a stamp is placed within 1/8 px): no pixel by a quarter of its range.
    worst = max(abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())
                for x in range(400) for y in range(300)
                if (a := first.pixelColor(x, y)) != (b := second.pixelColor(x, y)))
    assert worst < 3 * 64




def test_a_context_layer_from_another_tool_is_drawn_under_the_launches(tmp_path):
    """Plain lines and points (no kind: shipping lanes, stations from another tool) crossing Sohae used to be drawn
    over the launch site's marker and the flight paths; they now go under the launches' own kinds, so the pixels at
    the site are the same with and without the context layer."""
    import json

    lanes = tmp_path / "lanes.geojson"
    lanes.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Lane"}, "geometry": {"type": "LineString", "coordinates": [
            [SOHAE[0] - 3.0, SOHAE[1]], [SOHAE[0] + 3.0, SOHAE[1]]]}},
        {"type": "Feature", "properties": {"name": "Buoy"}, "geometry": {"type": "Point", "coordinates": list(SOHAE)}},
    ]}))
    sample = str(Path(__file__).resolve().parents[2] / "data" / "launches.geojson")
    common = ["--extent", "122,37,128,42", "--width", "600", "--height", "500", "--no-legend", "--no-labels",
              "--title", ""]
    alone, with_lanes = tmp_path / "alone.png", tmp_path / "lanes.png"
    assert main(["export", sample, "-o", str(alone), *common]) == 0
    assert main(["export", sample, str(lanes), "-o", str(with_lanes), *common]) == 0
    px, py = pixel_of(alone, *SOHAE)
    first, second = QImage(str(alone)), QImage(str(with_lanes))
    assert [first.pixelColor(px + d, py + 2).name() for d in (-2, 0, 2)] == \
        [second.pixelColor(px + d, py + 2).name() for d in (-2, 0, 2)]
