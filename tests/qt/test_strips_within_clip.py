"""A strip drawn into view is drawn from the subpaths reaching it only, with the very pixels the whole path gives
there: wide dashed lines (the dash pattern starts afresh at each subpath) and fills with holes alike."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter, QRegion, QTransform

from viewer.qt.draw import paths
from viewer.qt.draw.paths import paint_strokes, xy_stroke
from viewer.qt.draw.style import RenderContext


def wiggly_lines(rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for _ in range(count):
        start = rng.uniform(0, 900, 2)
        steps = rng.normal(0, 25, (int(rng.integers(3, 30)), 2)).cumsum(0) + start
        xs += [*steps[:, 0], np.nan]
        ys += [*steps[:, 1], np.nan]
    return np.array(xs[:-1]), np.array(ys[:-1])


def rings_with_holes(rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for _ in range(count):
        cx, cy = rng.uniform(0, 900, 2)
        for radius in (40.0, 15.0):  # an outer ring and a hole in it
            angle = np.linspace(0, 2 * np.pi, 24)
            xs += [*(cx + radius * np.cos(angle)), np.nan]
            ys += [*(cy + radius * np.sin(angle)), np.nan]
    return np.array(xs[:-1]), np.array(ys[:-1])


def drawn(strokes, clip: QRect, whole: bool, monkeypatch) -> QImage:
    if whole:
        monkeypatch.setattr(paths, "_within_clip", lambda painter, stroke, reach: stroke.path)
    image = QImage(960, 720, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setClipRegion(QRegion(clip))
    painter.setTransform(QTransform.fromScale(1.0, -1.0) * QTransform.fromTranslate(20, 700))  # y up, as maps
    paint_strokes(painter, RenderContext(), strokes)
    painter.end()
    monkeypatch.undo()
    return image


STRIPS = [QRect(920, 0, 40, 720), QRect(0, 0, 960, 40), QRect(300, 200, 40, 300), QRect(0, 680, 960, 40)]


@pytest.mark.parametrize("seed", [3, 4])
def test_a_strip_has_the_pixels_of_the_whole_path(monkeypatch, seed):
    rng = np.random.default_rng(seed)
    strokes = [xy_stroke(*wiggly_lines(rng, 60), "#D55E00", 3.9, dash=(5, 3)),
               xy_stroke(*wiggly_lines(rng, 60), "#0072B2", 2.4),
               xy_stroke(*rings_with_holes(rng, 30), "#009E73", 1.6, dash=(4, 2), fill="#009E73", fill_alpha=90)]
    for clip in STRIPS:
        assert drawn(strokes, clip, False, monkeypatch) == drawn(strokes, clip, True, monkeypatch), clip


def test_only_the_subpaths_reaching_a_strip_are_drawn():
    x, y = wiggly_lines(np.random.default_rng(5), 60)
    stroke = xy_stroke(x, y, "#D55E00", 3.9, dash=(5, 3))
    image = QImage(960, 720, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setClipRect(QRect(920, 0, 40, 720))
    drawn_path = paths._within_clip(painter, stroke, 4.0)
    painter.setClipping(False)
    whole = paths._within_clip(painter, stroke, 4.0)
    painter.end()
    assert whole is stroke.path
    assert 0 < drawn_path.elementCount() < stroke.path.elementCount() / 3


def test_parts_have_the_bounds_of_their_vertices_whatever_the_nans():
    x = np.array([np.nan, 0.0, 5.0, np.nan, np.nan, 10.0, 12.0, np.nan, 20.0])
    y = np.array([np.nan, 1.0, 2.0, np.nan, np.nan, 3.0, 9.0, np.nan, 4.0])
    parts = paths.Parts(x, y)
    drawn = [(lo, hi) for lo, hi in zip(parts.xmin, parts.xmax, strict=True) if np.isfinite(lo)]
    assert drawn == [(0.0, 5.0), (10.0, 12.0), (20.0, 20.0)]
    assert parts.bounds == (0.0, 1.0, 20.0, 9.0)
    path = parts.within(QTransform(), QRect(9, 0, 4, 10))
    assert path is not None
    assert path.boundingRect().getCoords() == (10.0, 3.0, 12.0, 9.0)  # the middle subpath only
