"""Rendering is bounded: a self-intersecting polygon of a million spikes exports in seconds (issue 13), not never."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from hostile_geometry import jagged_star, round_area, write_geojson
from PySide6.QtGui import QColor, QImage

from viewer.qt.draw.scanline import fill_even_odd

# Built and exported in a child process, so a regression fails on the timeout instead of hanging the suite. The
# workspace is made in memory: the reader's validity check of such a ring is the loader's to bound.
PROBE = """
import sys
from pathlib import Path
import numpy as np, shapely
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.render import ImageRequest, MapRenderer

n = int(sys.argv[2])
rng = np.random.default_rng(13)
i = np.arange(n)
theta = 2 * np.pi * i / n + rng.uniform(-5, 5, n) * (2 * np.pi / n)  # neighbouring spikes cross
radius = rng.uniform(0.2, 1.0, n) * 8.0
ring = np.column_stack([130 + radius * np.cos(theta), 25 + radius * np.sin(theta)])
star = shapely.Polygon(ring)
workspace = Workspace()
workspace.add(Bundle(features={"star": Feature("star", star, {"label": "spiky"})}, path=Path("star.geojson")))
view = MapView()
view.fit((112.0, 12.0, 148.0, 38.0))
MapRenderer(workspace, view).save(sys.argv[1], ImageRequest(view, 1280, 720))
print("valid", shapely.is_valid(star) if n < 100_000 else "not checked")
"""


def export_star(tmp_path, vertices: int, timeout: float) -> QImage:
    path = tmp_path / "star.png"
    result = subprocess.run([sys.executable, "-c", PROBE, str(path), str(vertices)], capture_output=True, text=True,
                            timeout=timeout, check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    return QImage(str(path))


def inked_near_centre(image: QImage) -> float:
    """Share of pixels around the star's centre that differ from the sea (the star's fill and outline show)."""
    sea = image.pixelColor(5, image.height() // 2)
    cx, cy = image.width() // 2, image.height() // 2
    return float(np.mean([image.pixelColor(cx + dx, cy + dy) != sea for dx in range(-60, 61, 4)
                          for dy in range(-60, 61, 4)]))


@pytest.mark.slow
def test_a_million_vertex_self_intersecting_polygon_exports_in_seconds(tmp_path):
    image = export_star(tmp_path, 1_000_000, timeout=120)  # seconds when quiet; the bound allows a loaded machine
    assert inked_near_centre(image) > 0.5


@pytest.mark.slow
def test_a_hundred_thousand_spikes_export(tmp_path):
    image = export_star(tmp_path, 100_000, timeout=60)
    assert inked_near_centre(image) > 0.5


def test_scanline_fill_matches_qt_on_a_ring_with_a_hole(qapp):
    """The scanline filler fills what Qt's non-antialiased even-odd fill fills, holes included."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QBrush, QPainter

    from viewer.qt.draw.qpath import xy_path

    t = np.linspace(0, 2 * np.pi, 400)
    outer_x, outer_y = 200 + 150 * np.cos(t) * (1 + 0.3 * np.sin(7 * t)), 150 + 120 * np.sin(t)
    x = np.r_[outer_x, np.nan, 200 + 40 * np.cos(t), np.nan, [20, 380, 20, 380, 20]]  # a hole, a bow tie
    y = np.r_[outer_y, np.nan, 150 + 40 * np.sin(t), np.nan, [20, 280, 280, 20, 20]]
    images = []
    for scanlines in (False, True):
        image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        if scanlines:
            fill_even_odd(painter, x, y, QColor(200, 0, 0, 128), QRect(0, 0, 400, 300))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(200, 0, 0, 128)))
            painter.drawPath(xy_path(x, y))
        painter.end()
        images.append(np.frombuffer(image.constBits(), np.uint32, image.sizeInBytes() // 4).copy())
    qt, ours = images
    assert 0.2 < np.mean(qt != 0) < 0.8
    assert np.mean(qt != ours) < 0.005  # pixels whose centre sits on an edge may go either way


def painted(strokes, transform, size=(800, 600)) -> np.ndarray:
    from PySide6.QtGui import QPainter

    from viewer.qt.draw.paths import paint_strokes
    from viewer.qt.draw.style import RenderContext

    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setTransform(transform)
    paint_strokes(painter, RenderContext(reuse=False), strokes)
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(size[1], size[0], 4)
    return pixels[:, :, :3].astype(int)


def test_a_large_area_is_drawn_at_pixel_size_with_the_same_pixels(qapp, monkeypatch):
    """A 300,000-vertex wavy ring (map metres) filled and outlined: drawn from its copy at pixel size, the picture
    is the full drawing's (but for anti-aliased edge pixels of the outline), from a few thousand vertices."""
    from PySide6.QtGui import QTransform

    from viewer.qt.draw import paths

    t = np.linspace(0, 2 * np.pi, 300_000)
    radius = 250_000 * (1 + 0.08 * np.sin(9 * t))
    x, y = radius * np.cos(t), radius * np.sin(t)
    x[-1], y[-1] = x[0], y[0]

    def strokes():
        return [paths.xy_stroke(x, y, "#D55E00", 0, fill="#D55E00", fill_alpha=90),
                paths.xy_stroke(x, y, "#D55E00", 1.6, dash=(4, 2))]

    transform = QTransform(0.001, 0, 0, -0.001, 400, 300)  # 1 km a pixel
    drawn = strokes()
    at_pixel = painted(drawn, transform)
    assert len(drawn[1].at_pixel_size(transform).xy[0]) < 5000
    monkeypatch.setattr(paths, "SIMPLIFIED_ABOVE", 10**9)
    whole = painted(strokes(), transform)
    differ = np.abs(at_pixel - whole).max(axis=2)
    assert (whole != 255).any(axis=2).mean() > 0.2  # the ring is drawn
    # Qt anti-aliases a line of 0.005 px segments a little unlike one of 0.5 px segments: both differ as much from
    # the ring drawn through 6,000 vertices (~0.2 % of pixels over 24 levels), the outline's edge pixels
    assert (differ > 24).mean() < 0.01
    assert differ.mean() < 1.0


def test_a_mass_of_crossing_spikes_is_outlined_from_a_sample_of_its_edges(qapp, monkeypatch):
    """200,000 crossing spikes outlined: a sample of the edges inks the same pixels as all of them (but for a few
    at the spikes' tips), in a fraction of the time."""
    from PySide6.QtGui import QTransform

    from viewer.qt.draw import paths

    rng = np.random.default_rng(13)
    n = 200_000
    theta = 2 * np.pi * np.arange(n) / n + rng.uniform(-5, 5, n) * (2 * np.pi / n)
    radius = rng.uniform(0.2, 1.0, n) * 280_000
    x, y = np.r_[radius * np.cos(theta), radius[0]], np.r_[radius * np.sin(theta), 0.0]
    transform = QTransform(0.001, 0, 0, -0.001, 400, 300)
    stroke = paths.xy_stroke(x, y, "#D55E00", 1.0)
    sampled = painted([stroke], transform)
    assert len(stroke.at_pixel_size(transform).xy[0]) // 3 < 0.5 * n  # segments, each a pair and a gap
    monkeypatch.setattr(paths, "SIMPLIFIED_ABOVE", 10**9)
    whole = painted([paths.xy_stroke(x, y, "#D55E00", 1.0)], transform)
    inked, inked_whole = (sampled != 255).any(axis=2), (whole != 255).any(axis=2)
    assert inked_whole.mean() > 0.3
    assert np.mean(inked != inked_whole) < 0.02


def launchmap(*args: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True, text=True, timeout=timeout,
                          check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.mark.slow
def test_the_commands_read_and_draw_a_million_vertex_self_intersecting_polygon_file(tmp_path):
    """Issue 13, item 9, with the real commands on a file: validate says where it crosses itself, export draws it
    (seconds when quiet: ~4 s to validate, ~10 s to export; the bounds allow a loaded machine)."""
    star = write_geojson(tmp_path / "star.geojson", jagged_star(1_000_000), "star")
    checked = launchmap("validate", str(star), timeout=120)
    assert checked.returncode == 0, checked.stderr
    assert "star.geojson:features[0].geometry: warning: invalid Polygon not repaired: 1,000,001 vertices, it " \
           "crosses itself near 25°N 13" in checked.stdout + checked.stderr
    out = tmp_path / "star.png"
    exported = launchmap("export", str(star), "-o", str(out), "--width", "1280", "--height", "720", timeout=240)
    assert exported.returncode == 0, exported.stderr
    assert inked_near_centre(QImage(str(out))) > 0.5


@pytest.mark.slow
def test_a_million_vertex_valid_polygon_file_exports_as_the_same_circle_in_fewer_vertices(tmp_path):
    """A valid million-vertex circle, drawn from a copy at pixel size, is the picture of the same circle in 5,000
    vertices (drawn whole): the same pixels but for anti-aliased edge pixels of the outline."""
    images = []
    for vertices in (1_000_000, 60_000):  # both over BULK_VERTICES (a 1 px outline), one under SIMPLIFIED_ABOVE
        area = write_geojson(tmp_path / f"round{vertices}.geojson", round_area(vertices), "round")
        out = tmp_path / f"round{vertices}.png"
        exported = launchmap("export", str(area), "-o", str(out), "--width", "1280", "--height", "720",
                             "--no-labels", timeout=240)
        assert exported.returncode == 0, exported.stderr
        image = QImage(str(out)).convertToFormat(QImage.Format.Format_RGB32)
        images.append(np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(720, 1280, 4)[:, :, :3]
                      .astype(int))
    assert inked_near_centre(QImage(str(tmp_path / "round1000000.png"))) > 0.9
    differ = np.abs(images[0] - images[1]).max(axis=2)
    assert (differ > 40).mean() < 0.005


def test_a_huge_fill_clipped_to_a_strip_is_still_filled_by_scanlines(qapp, monkeypatch):
    """A pan paints the strip it brings into view: Qt's fill of a million-spike outline is as slow clipped to a
    strip (the window froze for minutes), so whether to fill by scanlines is judged over the whole device."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPainter, QTransform

    from viewer.qt.draw import paths
    from viewer.qt.draw.style import RenderContext

    rng = np.random.default_rng(13)
    n = 100_000
    theta = 2 * np.pi * np.arange(n) / n + rng.uniform(-5, 5, n) * (2 * np.pi / n)
    radius = rng.uniform(0.2, 1.0, n) * 280_000
    stroke = paths.xy_stroke(radius * np.cos(theta), radius * np.sin(theta), "#D55E00", 0, fill="#D55E00",
                             fill_alpha=90)
    filled: list[QRect] = []
    monkeypatch.setattr(paths, "fill_even_odd", lambda painter, x, y, colour, visible: filled.append(visible))
    image = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setClipRect(QRect(0, 580, 800, 20))  # device pixels (no transform yet): a pan down
    painter.setTransform(QTransform(0.001, 0, 0, -0.001, 400, 300))
    paths.paint_strokes(painter, RenderContext(), [stroke])
    painter.end()
    assert filled == [QRect(0, 580, 800, 20)]


def test_the_hover_glow_of_a_huge_area_is_drawn_at_pixel_size(qapp):
    from shapely.geometry import Polygon

    from viewer.geo.crs import DEFAULT_REGION, projection_from_name
    from viewer.geo.projected import ProjectedFeatures
    from viewer.model.feature import Feature
    from viewer.qt.map.highlight import HighlightLayer
    from viewer.qt.map.painting import RenderContext

    t = np.linspace(0, 2 * np.pi, 150_000)
    area = Feature("big", Polygon(np.column_stack([130 + 5 * np.cos(t), 25 + 5 * np.sin(t)])), {"label": "big"})
    layer = HighlightLayer(RenderContext())
    layer.show_hovered(area, ProjectedFeatures(projection_from_name("regional", DEFAULT_REGION)))
    (glow,) = layer.hover.strokes
    assert glow.xy is not None  # so drawn from its copy at pixel size (`Stroke.at_pixel_size`), not 150,000 vertices
    assert glow.given_path is None  # and its whole path never built


@pytest.mark.slow
def test_an_svg_of_a_self_intersecting_polygon_holds_its_fill_as_an_image(tmp_path):
    """SVG and PDF too: the fill of an outline crossing millions of pixel rows is the scanlines' image, not a path
    of every vertex (a million-spike star's SVG was 41 MB with a 30 MB path attribute, more than librsvg's XML
    parser reads)."""
    star = write_geojson(tmp_path / "star.geojson", jagged_star(200_000), "star")
    out = tmp_path / "star.svg"
    exported = launchmap("export", str(star), "-o", str(out), "--width", "1280", "--height", "720", timeout=240)
    assert exported.returncode == 0, exported.stderr
    text = out.read_text()
    assert text.count("<image") >= 1
    assert max(map(len, text.splitlines())) < 5_000_000
