"""Labels on screen: while the view pans, the last placement moves with it and still never overlaps itself or a
decoration; once the view rests they are placed afresh."""

from __future__ import annotations

from PySide6.QtCore import QRectF


def _check(canvas):
    placed = canvas.labels.placed
    for i, (text, box) in enumerate(placed):
        for other, other_box in placed[i + 1:]:
            assert not box.intersects(other_box), (text, other)
    for name, b in canvas.decorations.layout().boxes.items():
        for text, box in placed:
            assert not box.intersects(QRectF(b[0], b[1], b[2] - b[0], b[3] - b[1])), (text, name)


def test_labels_stay_apart_while_panning_and_are_placed_afresh_at_rest(window, qtbot):
    canvas = window.canvas
    canvas.viewport().repaint()
    before = len(canvas.labels.placed)
    assert before > 10
    step = canvas.map_units_per_pixel() * 7
    for _ in range(6):  # quick pans: the placement moves with the view
        xmin, ymin, xmax, ymax = window.map_view.frame
        window.map_view.set_frame((xmin + step, ymin, xmax + step, ymax))
        canvas.viewport().repaint()
        _check(canvas)
    qtbot.wait(250)  # at rest: placed afresh
    canvas.viewport().repaint()
    _check(canvas)
    assert len(canvas.labels.placed) >= before * 0.8


def test_no_labels_when_the_view_says_so(window):
    window.map_view.set_decorations(labels=False)
    window.canvas.viewport().repaint()
    assert window.canvas.labels.placed == []
    window.map_view.set_decorations(labels=True)
    window.canvas.viewport().repaint()
    assert window.canvas.labels.placed
