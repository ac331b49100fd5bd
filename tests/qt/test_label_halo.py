"""A label's halo keeps its text legible whatever its colour, as QGIS's buffer does: a KML line named in its own
yellow had a white halo, yellow on white, hard to read on the basemap; now its halo is dark, on screen and in the
exports (all drawn by `MapLabels._draw`)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtGui import QColor, QImage

from tests.model.test_folders import KML
from viewer.cli import main
from viewer.qt.draw.labels import DARK_HALO, halo_for
from viewer.symbology import EVENT_COLOURS, HALO, LABEL, contrast

pytestmark = pytest.mark.gui

YELLOW = KML.replace("<Document><name>Range notes</name>", """<Document><name>Range notes</name>
<Style id="y"><LineStyle><color>ff00ffff</color><width>3</width></LineStyle></Style>""").replace(
    "<Placemark><name>Path A</name>", "<Placemark><name>Yellow route</name><styleUrl>#y</styleUrl>")
TEXT = "#B8B800"  # the yellow darkened as a line's name is (feature_labels._darker)


def _darkened(colour: str) -> str:
    return "#" + "".join(f"{round(int(colour[i:i + 2], 16) * 0.72):02X}" for i in (1, 3, 5))


def test_a_light_text_gets_a_dark_halo_and_the_others_keep_the_light_one():
    assert _darkened("#FFFF00") == TEXT
    assert halo_for(TEXT) == DARK_HALO
    assert halo_for(_darkened("#00FFFF")) == DARK_HALO
    assert halo_for(LABEL) == HALO
    assert all(halo_for(_darkened(colour)) == HALO for colour in EVENT_COLOURS)  # launches' names look as before
    for colour in ("#FFFF00", "#00FFFF", "#FFFFFF", "#B8B800", "#000000", "#FF0000", "#777777", "#FF8800"):
        assert contrast(colour, halo_for(colour)) >= 3.0, colour


def _export(tmp_path, suffix: str):
    (tmp_path / "yellow.kml").write_text(YELLOW)
    out = tmp_path / f"map{suffix}"
    assert main(["export", str(tmp_path / "yellow.kml"), "-o", str(out), "--extent", "122,34,132,42", "--no-legend",
                 "--width", "900", "--height", "700"]) == 0
    return out


def test_the_png_draws_a_yellow_name_on_a_dark_halo(tmp_path):
    _assert_dark_halo(QImage(str(_export(tmp_path, ".png"))))


def _assert_dark_halo(image: QImage) -> None:
    text = [(x, y) for y in range(image.height()) for x in range(image.width())
            if _near(image.pixelColor(x, y), TEXT, 24)]
    assert len(text) > 20, "the line's name is drawn in its own (darkened) yellow"
    dark = sum(any(image.pixelColor(x + dx, y + dy).lightness() < 70 for dx in (-2, -1, 1, 2) for dy in (-2, 0, 2)
                   if 0 <= x + dx < image.width() and 0 <= y + dy < image.height()) for x, y in text)
    assert dark > len(text) * 0.5  # beside its strokes: the dark halo, not white


def test_the_svg_and_pdf_outline_it_alike(tmp_path):
    svg = _export(tmp_path, ".svg").read_text()
    assert "Yellow route" in svg  # the words stay words
    assert f'fill="{DARK_HALO.lower()}"' in svg.lower()
    pdf = _export(tmp_path, ".pdf")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "96", "-singlefile", str(pdf), str(tmp_path / "pdf")], check=True,
                   timeout=120)
    _assert_dark_halo(QImage(str(tmp_path / "pdf.png")))


def _near(colour: QColor, wanted: str, tolerance: int) -> bool:
    other = QColor(wanted)
    return all(abs(a - b) <= tolerance for a, b in ((colour.red(), other.red()), (colour.green(), other.green()),
                                                     (colour.blue(), other.blue())))
