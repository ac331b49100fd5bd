"""A slow layer is drawn on a worker thread: the event loop runs while it draws, and a new gesture cancels it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QRectF, QTimer

from tests.qt.test_symbol_layer import BACKGROUND, grab_pixel, grid, is_red, pan_right
from viewer.qt.map import render_jobs, symbol_layer
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.symbol_layer import SymbolLayer


class BlockedDrawing:
    """Wraps a layer's drawing: each call records its thread and whether its job was cancelled once it may go
    on, and waits (off the GUI thread only) until the test releases it."""

    def __init__(self, draw):
        self._draw = draw
        self.release = threading.Event()
        self.started = threading.Event()
        self.calls: list[tuple[bool, bool]] = []  # (on the GUI thread, cancelled when released)

    def __call__(self, painter) -> None:
        on_gui_thread = threading.current_thread() is threading.main_thread()
        self.started.set()
        if not on_gui_thread:
            assert self.release.wait(20), "never released"
        self.calls.append((on_gui_thread, render_jobs.cancelled()))
        self._draw(painter)


def blocked_symbol_view(qtbot, monkeypatch):
    """A 400 x 300 view, one map unit a pixel, of a grid of symbols whose drawing off the GUI thread waits for the
    test (`BlockedDrawing`)."""
    import pyqtgraph as pg

    view = pg.GraphicsView(background=BACKGROUND)
    qtbot.addWidget(view)
    box = pg.ViewBox(lockAspect=True, enableMenu=False, defaultPadding=0.0)
    view.setCentralItem(box)
    view.resize(400, 300)
    layer = SymbolLayer(RenderContext())
    drawing = BlockedDrawing(layer._paint_symbols)
    monkeypatch.setattr(layer, "_paint_symbols", drawing)
    box.addItem(layer, ignoreBounds=True)
    layer.set_symbols([grid(24, 12, 25)])
    box.setRange(QRectF(0, 0, 400, 300), padding=0)
    return view, box, drawing


@pytest.fixture
def slow_view(qtbot, monkeypatch):
    """A 400 x 300 view, one map unit a pixel, of a symbol layer counted as slow, whose drawing is blocked."""
    monkeypatch.setattr(symbol_layer, "SLOW_ABOVE", 0)  # every symbol layer is drawn in the background
    view, box, drawing = blocked_symbol_view(qtbot, monkeypatch)
    yield view, box, drawing
    drawing.release.set()
    assert render_jobs.wait_for_all(20_000)


def test_the_event_loop_runs_while_a_slow_layer_draws(qtbot, slow_view):
    view, box, drawing = slow_view
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(drawing.started.is_set, timeout=10_000)
    # The drawing is blocked on its worker thread; meanwhile the GUI thread handles timers and paints.
    qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=10_000)
    view.viewport().repaint()
    assert not is_red(view.viewport().grab().toImage(), *grab_pixel(view, box, 112.5, 112.5))  # not drawn yet
    drawing.release.set()
    qtbot.waitUntil(lambda: is_red(view.viewport().grab().toImage(), *grab_pixel(view, box, 112.5, 112.5)),
                    timeout=10_000)
    assert drawing.calls
    assert not any(on_gui for on_gui, _ in drawing.calls)


def test_a_new_gesture_cancels_the_drawing_for_the_old_view(qtbot, slow_view):
    view, box, drawing = slow_view
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(drawing.started.is_set, timeout=10_000)
    for _ in range(3):  # a drag while the first view is being drawn
        pan_right(box)
        view.viewport().repaint()
    drawing.release.set()
    # The first job stops as cancelled; once the view rests it is drawn for where it is now.
    at = (462.5, 137.5)  # panned into view: only a drawing for the new view has it
    qtbot.waitUntil(lambda: is_red(view.viewport().grab().toImage(), *grab_pixel(view, box, *at)), timeout=10_000)
    assert drawing.calls[0] == (False, True)
    assert drawing.calls[-1] == (False, False)


@pytest.fixture
def resting_view(qtbot, monkeypatch):
    """A 400 x 300 view of a symbol layer fast enough to be moved on the GUI thread, but drawn afresh at rest by a
    job (every cached layer counts as worth it), drawn once for its first view; its drawing off the GUI thread from
    then on waits for the test."""
    monkeypatch.setattr("viewer.qt.map.screen_cache.CACHE_ABOVE_MS", -1.0)
    monkeypatch.setattr("viewer.qt.map.screen_cache.SLOW_MS", 1e9)
    view, box, first = blocked_symbol_view(qtbot, monkeypatch)
    view.show()
    qtbot.waitExposed(view)
    view.viewport().repaint()
    qtbot.waitUntil(first.started.is_set, timeout=10_000)
    first.release.set()
    layer = box.childGroup.childItems()[0]
    qtbot.waitUntil(lambda: layer._screen._area.width() > 400, timeout=20_000)  # the job's image is taken
    # Drawn first on the GUI thread, then with its margin at rest by a job, as after any change of view.
    assert first.calls[0] == (True, False)
    assert first.calls[-1] == (False, False)
    drawing = BlockedDrawing(first._draw)
    monkeypatch.setattr(layer, "_paint_symbols", drawing)
    yield view, box, drawing
    drawing.release.set()
    assert render_jobs.wait_for_all(20_000)


def test_at_rest_a_layer_is_drawn_afresh_on_a_worker_while_the_event_loop_runs(qtbot, resting_view):
    view, box, drawing = resting_view
    pan_right(box, 120)  # beyond the image's margin (a quarter of 400 px)
    view.viewport().repaint()
    assert drawing.calls == [(True, False)]  # the strip panned into view
    drawing.started.clear()  # from now on only a job draws
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    # At rest the job starts and waits for the test; meanwhile the event loop runs and the screen keeps the image.
    qtbot.waitUntil(lambda: drawing.started.is_set() and len(ticks) >= 40, timeout=10_000)
    assert len(drawing.calls) == 1  # the job has not drawn: the GUI thread did not draw again either
    view.viewport().repaint()
    assert is_red(view.viewport().grab().toImage(), *grab_pixel(view, box, 187.5, 137.5))
    drawing.release.set()
    assert render_jobs.wait_for_all(10_000)
    # drawn on a worker, for the view shown (the view, then the margin round it a side at a time)
    assert len(drawing.calls) >= 2
    assert all(call == (False, False) for call in drawing.calls[1:])
    qtbot.waitUntil(lambda: is_red(view.viewport().grab().toImage(), *grab_pixel(view, box, 412.5, 137.5)),
                    timeout=10_000)


def test_a_pan_lets_the_drawing_at_rest_go_on(qtbot, resting_view):
    """What a job draws at rest is exact at that scale wherever the view has panned since: it goes on, and once done
    its image serves the view where it is then."""
    view, box, drawing = resting_view
    pan_right(box, 120)
    view.viewport().repaint()
    drawing.started.clear()  # (set by the strip drawn on the GUI thread)
    qtbot.waitUntil(drawing.started.is_set, timeout=10_000)  # at rest, the job has begun and waits
    for _ in range(3):  # the next drag begins
        pan_right(box, 40)
        view.viewport().repaint()
    assert all(on_gui for on_gui, _ in drawing.calls)  # the new strips: drawn on the GUI thread, as while moving
    drawing.release.set()
    qtbot.waitUntil(lambda: any(not on_gui for on_gui, _ in drawing.calls), timeout=10_000)
    assert next(call for call in drawing.calls if not call[0]) == (False, False)  # not cancelled
    at = (587.5, 137.5)  # panned into view by the new drag
    qtbot.waitUntil(lambda: is_red(view.viewport().grab().toImage(), *grab_pixel(view, box, *at)), timeout=10_000)


def test_a_zoom_cancels_the_drawing_at_rest(qtbot, resting_view):
    view, box, drawing = resting_view
    pan_right(box, 120)
    view.viewport().repaint()
    drawing.started.clear()  # (set by the strip drawn on the GUI thread)
    qtbot.waitUntil(drawing.started.is_set, timeout=10_000)  # at rest, the job has begun and waits
    box.scaleBy((0.9, 0.9))  # a wheel step: what the job draws is of another scale
    view.viewport().repaint()
    drawing.release.set()
    qtbot.waitUntil(lambda: any(not on_gui for on_gui, _ in drawing.calls), timeout=10_000)
    assert next(call for call in drawing.calls if not call[0]) == (False, True)  # it learnt it was cancelled


def test_a_zoom_past_what_a_preview_can_show_is_drawn_on_a_worker_and_not_cancelled_by_the_next_steps(
        qtbot, resting_view):
    view, box, drawing = resting_view
    drawing.calls.clear()
    drawing.started.clear()
    box.scaleBy((0.2, 0.2))  # magnified 5x: the kept image is shown, and a job draws this view
    view.viewport().repaint()
    qtbot.waitUntil(drawing.started.is_set, timeout=10_000)
    for _ in range(3):  # the wheel spins on
        box.scaleBy((0.9, 0.9))
        view.viewport().repaint()
    assert drawing.calls == []  # the GUI thread drew nothing itself
    drawing.release.set()
    qtbot.waitUntil(lambda: len(drawing.calls) >= 1, timeout=10_000)
    assert drawing.calls[0] == (False, False)  # drawn on a worker, and not cancelled by the steps after it
    # At rest the view reached is drawn afresh, on a worker too.
    qtbot.waitUntil(lambda: len(drawing.calls) >= 2, timeout=10_000)
    assert all(not on_gui for on_gui, _ in drawing.calls)


def test_a_finished_job_lets_go_of_its_image_and_its_drawing(qtbot, monkeypatch):
    """PySide keeps every runnable given to the pool alive; a job that kept its image and drawing (its layer) grew the
    process by 100-200 MB a round of pans and zooms."""
    import gc
    import weakref

    monkeypatch.setattr(symbol_layer, "SLOW_ABOVE", 0)  # drawn by a job
    started = []
    monkeypatch.setattr(render_jobs, "start", lambda job: (started.append(job), render_jobs.pool().start(job)))
    view, box, drawing = blocked_symbol_view(qtbot, monkeypatch)
    drawing.release.set()
    layer = weakref.ref(box.childGroup.childItems()[0])
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: bool(started) and render_jobs.pool().activeThreadCount() == 0, timeout=10_000)
    assert render_jobs.wait_for_all(10_000)
    qtbot.wait(50)  # the finished signal is handled
    assert all(job.image is None for job in started)
    box.removeItem(layer())
    del drawing
    monkeypatch.undo()  # (the test's own wrapper of the drawing holds the layer too)
    gc.collect()
    assert layer() is None  # the job does not hold the layer through its drawing
