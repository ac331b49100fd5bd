"""A map whose projection is centred far from most of the land (a path from Korea past Hokkaido: a conic centred at
137°E) wrote land reaching 13.9 million pixels out; librsvg (cairo's 24.8 fixed point holds ±8.4 million) filled
the whole map with land and the sea was gone. Paths are now clipped to the image and as much again around it."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from viewer.cli import main

pytestmark = pytest.mark.gui
PATH = ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Over Hokkaido"}, '
        '"geometry": {"type": "LineString", "coordinates": [[126.8, 40.2], [135, 42.5], [142.5, 42.8], [150, 41]]}}, '
        '{"type": "Feature", "properties": {"name": "Sohae"}, "geometry": {"type": "Point", "coordinates": '
        '[124.705, 39.66]}}]}')


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("far")
    path = folder / "over_hokkaido.geojson"
    path.write_text(PATH, encoding="utf-8")
    for suffix in ("svg", "png"):
        assert main(["export", str(path), "-o", str(folder / f"map.{suffix}"), "--width", "1366",
                     "--height", "768"]) == 0
    return folder / "map.svg", folder / "map.png"


def test_no_coordinate_lies_far_outside_the_image(exported):
    root = ET.parse(exported[0]).getroot()
    reach = 0.0
    for path in (p for p in root.iter() if p.tag.endswith("}path")):
        numbers = [abs(float(n)) for n in re.findall(r"[-+]?\d+\.?\d*", path.get("d", ""))]
        reach = max([reach, *numbers])
    assert reach < 10 * (1366 + 768), reach


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert (librsvg2-bin) is not installed")
def test_librsvg_draws_the_sea(exported, tmp_path):
    from tests.qt.test_svg_in_qt import drawn_by_librsvg, pixels, unlike

    svg, png = exported
    flat = drawn_by_librsvg(svg, tmp_path)
    share = unlike(pixels(flat), pixels(QImage(str(png))), by=20)  # land and sea told apart
    assert share < 0.03, share
