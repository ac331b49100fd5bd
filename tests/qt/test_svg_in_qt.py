"""An exported SVG draws the same in Qt programs (QtSvg), in librsvg and as the PNG export: QtSvg cuts a path of
more than 32,767 elements short and draws a pen wider than 32,767 units as 1 unit, so land and overflown bands
vanished in Qt when the SVG was written in map units."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from viewer.cli import main

pytestmark = pytest.mark.gui
SIZE = ("800", "500")


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].reshape(
        image.height(), image.width(), 3).astype(int)


def unlike(a: np.ndarray, b: np.ndarray, by: int = 60) -> float:
    """The share of pixels that differ by more than ``by`` in a channel: clearly, by default (anti-aliasing and text
    hinting aside); land and sea differ by under 60 ('#efebe3', '#c9ddeb'), so a check that they are drawn compares
    finer."""
    return float((np.abs(a - b).max(axis=2) > by).mean())


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("svg")
    for suffix in ("svg", "png"):
        assert main(["export", "-o", str(folder / f"map.{suffix}"), "--width", SIZE[0], "--height", SIZE[1]]) == 0
    return folder / "map.svg", folder / "map.png"


def test_qtsvg_reads_the_whole_export_and_draws_what_the_png_shows(qapp, exported):
    svg, png = exported
    said: list[str] = []
    previous = qInstallMessageHandler(lambda kind, context, message: said.append(message)
                                      if kind != QtMsgType.QtDebugMsg else None)
    try:
        renderer = QSvgRenderer(str(svg))
        image = QImage(renderer.defaultSize(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
    finally:
        qInstallMessageHandler(previous)
    assert said == []  # not "Invalid path data; path truncated", nor "pen width that is out of range"
    assert unlike(pixels(image), pixels(QImage(str(png)))) < 0.02


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert (librsvg2-bin) is not installed")
def test_librsvg_draws_what_the_png_shows(exported, tmp_path):
    svg, png = exported
    # finely, so sea drawn as land shows (~3.5% differ by text hinting alone)
    assert unlike(pixels(drawn_by_librsvg(svg, tmp_path)), pixels(QImage(str(png))), by=20) < 0.05


def drawn_by_librsvg(svg, tmp_path) -> QImage:
    """The SVG as librsvg (the GNOME viewers, browsers' cousins) rasterises it, over white."""
    out = tmp_path / "rsvg.png"
    subprocess.run(["rsvg-convert", str(svg), "-o", str(out)], check=True, timeout=120)
    image = QImage(str(out))
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def test_paths_are_written_in_pixels_without_exponents_or_huge_pens(exported):
    root = ET.parse(exported[0]).getroot()
    paths = [p for p in root.iter() if p.tag.endswith("}path")]
    assert paths
    for path in paths:
        assert not re.search(r"\de[-+]?\d", path.get("d", "")), path.get("d", "")[:200]
        assert len(re.findall(r"[A-DF-Za-df-z]", path.get("d", ""))) <= 32_767
    for group in root.iter():
        if group.get("stroke-width"):
            assert float(group.get("stroke-width", "0")) < 32_767
