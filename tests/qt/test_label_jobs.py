"""Labels placed afresh at rest on a worker thread (issue 18 item 1: placing them on the GUI thread stalled it 23-39
ms): the event loop runs while a placement is being made, a placement made for a view no longer shown is dropped,
and the labels shown at rest are those the export's synchronous path places for the same view."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTransform

from viewer.geo.labels import bounds_of, overlapping
from viewer.qt.draw.labels import LabelPainter


def _pan(window, px: float) -> None:
    canvas = window.canvas
    xmin, ymin, xmax, ymax = window.map_view.frame
    step = canvas.map_units_per_pixel() * px
    window.map_view.set_frame((xmin + step, ymin, xmax + step, ymax))
    canvas.viewport().repaint()


def _zoom(window, factor: float) -> None:
    xmin, ymin, xmax, ymax = window.map_view.frame
    cx, cy, hw, hh = (xmin + xmax) / 2, (ymin + ymax) / 2, (xmax - xmin) / 2 * factor, (ymax - ymin) / 2 * factor
    window.map_view.set_frame((cx - hw, cy - hh, cx + hw, cy + hh))
    window.canvas.viewport().repaint()


def _shown(canvas) -> list[tuple[str, tuple[float, ...]]]:
    return [(text, tuple(round(v, 6) for v in bounds_of(shape))) for text, shape in canvas.labels.placed_shapes]


def _exact(canvas) -> list[tuple[str, tuple[float, ...]]]:
    """What the export's path (LabelPainter.placement, on the calling thread) places for the view painted last."""
    shown = canvas.labels._shown
    placement = canvas.labels.drawing.placement(shown.transform, shown.fixed, shown.bounds)
    return [(label.text, tuple(round(v, 6) for v in bounds_of(candidate))) for label, _, candidate, _ in placement]


def _apart(canvas) -> None:
    placed = canvas.labels.placed_shapes
    for i, (text, shape) in enumerate(placed):
        for other, other_shape in placed[i + 1:]:
            assert not overlapping(shape, other_shape), (text, other)
        for name, box in canvas.decorations.layout().boxes.items():
            assert not overlapping(shape, box), (text, name)


@pytest.fixture
def held(window, qtbot, monkeypatch):
    """Once the window's labels are settled, placements made off the GUI thread wait for ``release``; ``views``
    gets the transform each was made for."""
    window.canvas.viewport().repaint()
    qtbot.waitUntil(lambda: window.canvas.labels.settled, timeout=10_000)
    started, release, views = threading.Event(), threading.Event(), []
    real = LabelPainter._placement

    def placement(self, labels, looks, marks, selected, to_device, *rest):
        if threading.current_thread() is not threading.main_thread():
            views.append(QTransform(to_device))
            started.set()
            release.wait(30)
        return real(self, labels, looks, marks, selected, to_device, *rest)

    monkeypatch.setattr(LabelPainter, "_placement", placement)
    yield started, release, views
    release.set()


def test_the_event_loop_runs_while_labels_are_placed_at_rest(window, qtbot, held):
    started, release, _ = held
    canvas = window.canvas
    canvas.viewport().repaint()
    _pan(window, 30)
    qtbot.waitUntil(started.is_set, timeout=5000)  # the view rested: its placement is being made, and is held
    # (while the view moved the map was shown from its snapshot; at rest the labels showed the moved placement)
    moved = _shown(canvas)
    assert moved
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    # events run while the placement is held (one made on the GUI thread would hold them all); a bound on the
    # number of ticks in a given time failed on a machine at load 10
    qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=20_000)
    timer.stop()
    assert not canvas.labels.settled
    canvas.viewport().repaint()
    assert _shown(canvas) == moved  # meanwhile the moved placement stays
    release.set()
    qtbot.waitUntil(lambda: canvas.labels.settled, timeout=10_000)
    canvas.viewport().repaint()
    assert _shown(canvas) == _exact(canvas)
    _apart(canvas)


def test_a_placement_made_for_a_view_no_longer_shown_is_dropped(window, qtbot, held, monkeypatch):
    started, release, views = held
    canvas = window.canvas
    canvas.viewport().repaint()
    _pan(window, 30)
    qtbot.waitUntil(started.is_set, timeout=5000)
    old = views[0]
    kept: list[QTransform] = []
    real_keep = canvas.labels._keep
    monkeypatch.setattr(canvas.labels, "_keep", lambda key, to_device, fixed, placement: (
        kept.append(QTransform(to_device)), real_keep(key, to_device, fixed, placement)))
    _pan(window, 45)  # the view moves on while the placement for the last one is made
    release.set()
    qtbot.waitUntil(lambda: canvas.labels.settled, timeout=10_000)
    canvas.viewport().repaint()
    assert len(views) >= 2  # placed again for the view now shown (again if the auto legend moved at rest)
    assert old not in views[1:]
    assert old not in kept  # the first placement was never shown
    assert kept
    assert kept[-1] == canvas.labels._shown.transform
    assert _shown(canvas) == _exact(canvas)


@pytest.mark.parametrize("snapshot", [True, False])
def test_the_gui_thread_places_no_labels_while_the_view_pans_zooms_and_rests(window, qtbot, monkeypatch, snapshot):
    """Only a first placement, or other labels, are placed while painting; with the map's snapshot showing the
    gestures (the labels move and scale with the map, and are not painted), or without it (the labels' own moved
    placement, apart at every step)."""
    canvas = window.canvas
    canvas.view.snapshot.enabled = snapshot
    canvas.viewport().repaint()
    qtbot.waitUntil(lambda: canvas.labels.settled, timeout=10_000)
    on_gui: list[int] = []
    real = LabelPainter._placement

    def placement(self, *args):
        if threading.current_thread() is threading.main_thread():
            on_gui.append(1)
        return real(self, *args)

    monkeypatch.setattr(LabelPainter, "_placement", placement)
    for gesture in ([lambda: _pan(window, 40)] * 4, [lambda: _zoom(window, 0.92)] * 6,
                    [lambda: _zoom(window, 1 / 0.92)] * 6):
        for step in gesture:
            step()
            if canvas.labels.isVisible():
                _apart(canvas)
        canvas.viewport().repaint()
        qtbot.waitUntil(lambda: canvas.labels.settled, timeout=10_000)
        canvas.viewport().repaint()
        counted = len(on_gui)
        assert _shown(canvas) == _exact(canvas)
        del on_gui[counted:]  # the test's own placement to compare with
        _apart(canvas)
    assert on_gui == []


def test_labels_changed_in_a_view_that_stays_are_placed_on_the_worker_the_old_ones_kept_meanwhile(
        window, qtbot, monkeypatch):
    """A file opened or closed beside what is shown changes the labels but not the view: the first paint after it
    placed every label on the GUI thread (30-50 ms). Now it draws the labels placed before that are labels still,
    where they were, while the worker places the new set; a closed file's labels are not among them."""
    import shapely

    from viewer.model.bundle import Bundle
    from viewer.model.feature import Feature

    canvas = window.canvas
    canvas.viewport().repaint()
    qtbot.waitUntil(lambda: canvas.labels.settled, timeout=10_000)
    canvas.viewport().repaint()
    before = _shown(canvas)
    assert before
    on_gui: list[int] = []
    real = LabelPainter._placement

    def placement(self, *args):
        if threading.current_thread() is threading.main_thread():
            on_gui.append(1)
        return real(self, *args)

    monkeypatch.setattr(LabelPainter, "_placement", placement)
    xmin, ymin, xmax, ymax = window.map_view.frame
    x, y = window.canvas.projection.inverse((xmin + xmax) / 2, (ymin + ymax) / 2)
    small = Bundle(extra={"name": "harbours"}, features={
        f"h{i}": Feature(f"h{i}", shapely.Point(float(x) + i * 0.5, float(y) - 1.0), {"name": f"Harbour {i}"})
        for i in range(3)})
    kept = canvas.labels.kept_while_placing
    window.workspace.add(small)
    canvas.viewport().repaint()
    assert canvas.labels.kept_while_placing > kept
    assert on_gui == []  # nothing placed on the GUI thread
    assert set(_shown(canvas)) <= set(before)  # the labels placed before, where they were
    qtbot.waitUntil(lambda: canvas.labels.settled, timeout=10_000)
    canvas.viewport().repaint()
    opened = _shown(canvas)
    assert any(text.startswith("Harbour") for text, _ in opened)
    assert on_gui == []
    assert opened == _exact(canvas)
    del on_gui[:]

    window.workspace.remove(small)  # closed: its labels go at once, the others stay while placed again
    canvas.viewport().repaint()
    assert on_gui == []
    assert not any(text.startswith("Harbour") for text, _ in _shown(canvas))
    assert set(_shown(canvas)) <= set(opened)
    qtbot.waitUntil(lambda: canvas.labels.settled, timeout=10_000)
    canvas.viewport().repaint()
    assert _shown(canvas) == _exact(canvas)
    _apart(canvas)
