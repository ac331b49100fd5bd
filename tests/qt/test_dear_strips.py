"""A layer whose strips cost more than drawing it whole (the basemap's full detail: a square no cut splits holds a
38,000-vertex ring) counts as slow once a strip has shown it: pans then leave it to render jobs."""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF

from tests.qt.test_stale_image_pans import land
from tests.qt.test_symbol_layer import pan_right, shown_view
from viewer.qt.map import render_jobs
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer


def test_a_strip_dearer_than_slow_makes_the_layer_slow(qtbot, monkeypatch):
    monkeypatch.setattr("viewer.qt.map.screen_cache.CACHE_ABOVE_MS", -1.0)  # keeps an image whatever it costs
    monkeypatch.setattr("viewer.qt.map.screen_cache.SLOW_MS", 30.0)
    view, box = shown_view(qtbot)
    layer = PathLayer(RenderContext())
    strips = []

    def draw(painter) -> None:  # a strip (a clip narrower than the view) burns 40 ms of CPU
        if painter.hasClipping() and painter.clipBoundingRect().width() < 100 * box.viewPixelSize()[0]:
            strips.append(1)
            end = time.thread_time() + 0.04
            while time.thread_time() < end:
                pass
        layer.__class__._paint_strokes(layer, painter)

    monkeypatch.setattr(layer, "_paint_strokes", draw)
    box.addItem(layer, ignoreBounds=True)
    layer.set_strokes(land(1000))
    box.setRange(QRectF(0, 0, 400, 300), padding=0)
    view.viewport().repaint()
    # at rest: drawn afresh with the margin round the view by a job (slow on a loaded machine)
    qtbot.waitUntil(lambda: layer._screen._area.width() > 400, timeout=20_000)
    assert not layer._screen.slow
    strips.clear()  # (the job at rest drew the margin beside the view a side at a time: narrow clips too)
    pan_right(box, 120)  # beyond the margin drawn at rest (100 px): a strip is drawn
    view.viewport().repaint()
    assert strips == [1]  # the first strip was drawn on the GUI thread, and cost 40 ms
    assert layer._screen.slow
    for _ in range(3):
        pan_right(box)
        view.viewport().repaint()
    assert strips == [1]  # no more strips on the GUI thread: a job draws the view once it rests
    assert render_jobs.wait_for_all(20_000)
