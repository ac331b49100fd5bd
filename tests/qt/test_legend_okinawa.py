"""The auto legend on the Okinawa zoom, as a new user meets it in a 1366x768 window: it covered part of the J-Alert
warning area (every corner 'held' the long paths' and the area's bounding boxes, and the whole legend reached the
area in every corner), and the legend drawn in a south corner lost its kinds' rows, so it was not the box that
labels and framing had avoided."""

from __future__ import annotations

import shapely
from shapely.geometry import box

OKINAWA_ZOOM = (120.22, 23.04, 128.44, 29.10)  # a wheel zoom on Okinawa from the sample's first view


def _rest(canvas, qtbot):
    canvas.viewport().repaint()
    qtbot.wait(300)  # the auto legend moves once the view has rested
    canvas.viewport().repaint()
    qtbot.waitUntil(lambda: canvas.decorations.last_layout is not None, timeout=5_000)


def _features_under(canvas, legend) -> list[str]:
    """Features whose drawn geometry meets the legend's pixel box."""
    (x0, y0), (x1, y1) = (canvas.frame.pixel_to_map(legend[0], legend[3]),
                          canvas.frame.pixel_to_map(legend[2], legend[1]))
    rect = box(x0, y0, x1, y1)
    hits = []
    for feature_id in canvas.workspace.content.features:
        geometry = canvas._cache.projected(canvas.workspace.feature(feature_id))
        if geometry is not None and shapely.intersects(geometry, rect):
            hits.append(feature_id)
    return hits


def test_the_auto_legend_on_the_okinawa_zoom_covers_no_feature(window, qtbot):
    window.resize(1366, 768)
    canvas = window.canvas
    canvas.zoom_to_extent(OKINAWA_ZOOM, margin=0)
    _rest(canvas, qtbot)
    layout = canvas.decorations.last_layout
    legend = layout.legend_box
    assert legend is not None
    assert _features_under(canvas, legend) == [], (layout.held_place, legend)
    assert layout.legend_place != "outside"  # a corner was free: the map keeps its width


def test_the_legend_drawn_is_the_legend_placed(window, qtbot, monkeypatch):
    """In every corner the panel painted is the box the layout made room for (the south corners drew fewer rows)."""
    from viewer.qt.draw import decorations

    drawn = []
    draw = decorations.draw_legend
    monkeypatch.setattr(decorations, "draw_legend",
                        lambda painter, context, rect, layout: (drawn.append((rect, len(layout.rows))),
                                                                draw(painter, context, rect, layout)))
    # drawn afresh in every corner: a corner's legend of the same rows and size at the same sub-pixel offset is
    # stamped from the image the last corner's made, without drawing it again
    monkeypatch.setattr(decorations, "stamps_pay", lambda painter, context: False)
    window.resize(1366, 768)
    canvas = window.canvas
    for corner in ("nw", "ne", "sw", "se"):
        window.map_view.set_decorations(legend=corner)
        drawn.clear()
        canvas.viewport().repaint()
        qtbot.waitUntil(lambda: bool(drawn), timeout=5_000)
        rect, rows = drawn[-1]
        placed = canvas.decorations.last_layout.legend_box
        # the size: on screen the panel is stamped from an image of its own (drawn at the image's corner)
        assert (rect.width(), rect.height()) == (placed[2] - placed[0], placed[3] - placed[1]), corner
        assert rows == len(canvas.frame.legend_rows), corner  # launches and kinds alike
