"""Squares of a large path that the screen reaches are cut on a worker thread: the thread drawing the screen never
waits for GEOS, and meanwhile draws the nearest square already cut, clipped (at first the whole path)."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QTransform

from viewer.qt.draw import tiles
from viewer.qt.draw.qpath import xy_path
from viewer.qt.draw.tiles import PathTiles, cut_later


def star_land(rings: int = 40, vertices: int = 400, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Many wiggly islands in a 1000 x 1000 square, NaN-separated, as a basemap's land arrays are."""
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for _ in range(rings):
        cx, cy, r = rng.uniform(50, 950), rng.uniform(50, 950), rng.uniform(10, 60)
        t = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
        radius = r * (1 + 0.3 * np.sin(7 * t) + 0.1 * rng.standard_normal(vertices))
        xs += [cx + radius * np.cos(t), [np.nan]]
        ys += [cy + radius * np.sin(t), [np.nan]]
    return np.concatenate(xs)[:-1], np.concatenate(ys)[:-1]


def draw(land: PathTiles | QPainterPath, clip: QRect) -> QImage:
    image = QImage(1000, 1000, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(clip)
    painter.setTransform(QTransform())
    painter.setPen(QPen(QColor("black"), 1.5))
    painter.setBrush(QBrush(QColor("#c8b98f")))
    if isinstance(land, QPainterPath):
        painter.drawPath(land)
    else:
        land.draw(painter, 2.75)
    painter.end()
    return image


def test_squares_the_screen_reaches_are_cut_on_a_worker_with_the_same_pixels(qapp, monkeypatch):
    x, y = star_land()
    strip = QRect(0, 0, 1000, 60)  # a strip a pan brought into view
    exact = draw(PathTiles.build(xy_path(x, y), x, y, "fill"), strip)
    assert any(exact.pixelColor(QPoint(px, py)).alpha() for px in range(0, 1000, 5) for py in range(0, 60, 5))

    land = PathTiles.build(xy_path(x, y), x, y, "fill")
    cutting_threads: list[threading.Thread] = []
    node = land._node
    release = threading.Event()

    def recorded(key):
        if key not in land._nodes:
            cutting_threads.append(threading.current_thread())
            if threading.current_thread() is not threading.main_thread():
                assert release.wait(20), "never released"
        return node(key)

    monkeypatch.setattr(land, "_node", recorded)
    with cut_later():
        first = draw(land, strip)  # returns while the worker is held: nothing was cut on this thread
    assert land.cutting
    assert cutting_threads
    assert threading.main_thread() not in cutting_threads
    assert first == draw(xy_path(x, y), strip)  # nothing was cut yet: the whole path, clipped to the strip
    release.set()
    tiles._CUTTER.submit(lambda: None).result(20)  # the worker is through with what it was given
    assert not land.cutting
    with cut_later():  # squares deeper than these are cut on the worker in turn, until the strip needs none
        for _ in range(tiles.MAX_DEPTH):
            draw(land, strip)
            tiles._CUTTER.submit(lambda: None).result(20)
    cut_before = len(land._nodes)
    cutting_threads.clear()
    assert draw(land, strip) == exact  # the screen now draws the cut squares themselves
    assert not cutting_threads  # all it needed was cut by then
    assert len(land._nodes) == cut_before > 1


def test_without_cut_later_a_drawing_cuts_what_it_needs_itself(qapp):
    x, y = star_land()
    land = PathTiles.build(xy_path(x, y), x, y, "fill")
    draw(land, QRect(0, 0, 1000, 60))
    assert len(land._nodes) > 1
    assert not land.cutting
