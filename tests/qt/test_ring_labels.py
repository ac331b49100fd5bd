"""A range ring's label goes where the ring crosses the view, not at its top when only a smaller ring is on screen;
panning moves it along the ring without recomputing the ring."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from viewer.geo import rings

SOHAE = (124.705, 39.66)


def _ring_label(canvas, text):
    canvas.viewport().repaint()
    return next((box for placed, box in canvas.analysis.labels.placed if placed == text), None)


def test_a_ring_larger_than_the_view_is_named_where_it_crosses_the_view(window, qtbot, monkeypatch):
    canvas = window.canvas
    frame = canvas.projection.project_extent((120.0, 30.0, 135.0, 41.0))  # the 1,000 km ring crosses it
    window.map_view.set_frame(frame)
    canvas.show_range_rings(*SOHAE, [1000.0])
    box = _ring_label(canvas, "1,000 km")
    assert box is not None
    view = QRectF(canvas.viewport().rect())
    assert view.contains(box)
    _, top_y = canvas.projection.forward(*rings.drawn_ring(canvas.projection, *SOHAE, 1000.0).anchors[0])
    assert top_y > frame[3]  # the ring's northernmost point is off this view: a label there would not be seen
    computed = []
    real = rings._draw
    monkeypatch.setattr(rings, "_draw", lambda *a: computed.append(a) or real(*a))
    step = (frame[2] - frame[0]) / 40
    for i in range(1, 6):  # pan: the ring is not computed again, and its label stays on screen
        window.map_view.set_frame((frame[0] + i * step, frame[1], frame[2] + i * step, frame[3]))
        canvas.viewport().repaint()
    # once the view rests (REST_S after the last pan, longer on a loaded machine), labels are placed afresh
    # (repainting all the while: a still view's repaints do not postpone that)
    qtbot.waitUntil(lambda: _ring_label(canvas, "1,000 km") is not None, timeout=5000)
    box = _ring_label(canvas, "1,000 km")
    assert view.contains(box)
    assert computed == []
