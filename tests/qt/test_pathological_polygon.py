"""Rendering is bounded: a self-intersecting polygon of a million spikes exports in seconds (issue 13), not never."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
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
