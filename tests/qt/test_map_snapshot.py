"""While the view moves, the map is shown from one image of it made at rest (viewer.qt.map.snapshot): a pan and a
zoom show the map as the layers draw it (no blank, no jump), the layers take over once the view rests, and a change
of what the map shows makes the image out of date."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from viewer.cli.common import load_workspace
from viewer.geo.basemap import load_basemap

REGION = (115.0, 14.0, 140.0, 42.0)


@pytest.fixture(scope="module")
def basemap():
    return load_basemap()


@pytest.fixture
def canvas(qtbot, basemap):
    from viewer.qt.map.canvas import MapCanvas

    canvas = MapCanvas(load_workspace([]), basemap)
    canvas.resize(640, 420)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.zoom_to_extent(REGION)
    yield canvas
    canvas.labels.wait()
    canvas.hide()  # not close(): pyqtgraph's GraphicsView.close tears the viewport down under Qt's feet
    canvas.deleteLater()


def _rested(qtbot, canvas) -> np.ndarray:
    """The screen once every layer has drawn the view afresh and the snapshot is made from it."""
    canvas.viewport().repaint()
    qtbot.waitUntil(lambda: canvas.view.snapshot.ready, timeout=20_000)
    return _screen(canvas)


def _screen(canvas) -> np.ndarray:
    image = canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(image.height(), -1, 4)
    return pixels[:, : image.width(), :3].astype(int)


def _share_unlike(a: np.ndarray, b: np.ndarray) -> float:
    """The share of pixels that differ clearly (more than anti-aliasing's few levels)."""
    return float((np.abs(a - b).max(axis=2) > 40).mean())


def _pan(canvas, px: float) -> None:
    per_px = canvas.map_units_per_pixel()
    canvas.view.translateBy(t=(px * per_px, 0))
    canvas.viewport().repaint()


def test_a_pan_is_shown_from_the_snapshot_as_the_layers_draw_it_at_rest(qtbot, canvas):
    _rested(qtbot, canvas)
    _pan(canvas, 40)
    assert canvas.view.snapshot.moving
    assert not canvas.view.childGroup.isVisible()
    during = _screen(canvas)
    qtbot.waitUntil(lambda: not canvas.view.snapshot.moving, timeout=5000)
    assert canvas.view.childGroup.isVisible()
    after = _rested(qtbot, canvas)
    # the map under the labels is where the layers draw it afresh: no jump, no blank strip
    assert _share_unlike(during, after) < 0.03
    assert _share_unlike(during[:, -40:], after[:, -40:]) < 0.05  # what the pan brought into view too


def test_a_zoom_is_shown_scaled_without_a_blank(qtbot, canvas):
    _rested(qtbot, canvas)
    canvas.view.scaleBy((0.92, 0.92))
    canvas.viewport().repaint()
    assert canvas.view.snapshot.moving
    during = _screen(canvas)
    after = _rested(qtbot, canvas)
    assert _share_unlike(during, after) < 0.15  # a scaled image: blurred edges and labels, the map in place
    canvas.view.scaleBy((1 / 0.8, 1 / 0.8))  # out: the image's margin shows round the view
    canvas.viewport().repaint()
    assert _share_unlike(_screen(canvas), _rested(qtbot, canvas)) < 0.15


def test_a_change_of_what_the_map_shows_makes_the_snapshot_out_of_date(qtbot, canvas):
    _rested(qtbot, canvas)
    some = next(iter(canvas.workspace.content.features))
    canvas.selection.select([some])  # the glow and the selected label change
    assert not canvas.view.snapshot.ready
    _pan(canvas, 40)
    assert not canvas.view.snapshot.moving
    assert canvas.view.childGroup.isVisible()
    _rested(qtbot, canvas)


def test_an_exports_canvas_makes_no_snapshot(qtbot, basemap):
    from viewer.qt.map.canvas import MapCanvas

    canvas = MapCanvas(load_workspace([]), basemap)
    canvas.view.setRange(QRectF(0, 0, 10, 10))
    canvas.view.snapshot._make()
    assert not canvas.view.snapshot.ready


def test_a_far_zoom_has_the_layers_draw_its_view_and_hands_them_the_gesture(qtbot, canvas):
    _rested(qtbot, canvas)
    snapshot = canvas.view.snapshot
    snapshot._settle.setInterval(60_000)  # the gesture goes on however long the layers take (a loaded machine)
    for _ in range(5):  # magnified 6x: past what the image shows well
        canvas.view.scaleBy((0.7, 0.7))
        canvas.viewport().repaint()
    assert snapshot.moving  # the image stays while the layers draw the view on worker threads
    assert snapshot._layers_drawing()  # (their jobs end through the event loop, which has not run yet)
    qtbot.waitUntil(lambda: not snapshot._layers_drawing(), timeout=20_000)
    canvas.view.scaleBy((0.95, 0.95))
    canvas.viewport().repaint()
    assert not snapshot.moving
    assert canvas.view.childGroup.isVisible()  # the layers show the rest of the gesture
    during = _screen(canvas)
    assert _share_unlike(during, _rested(qtbot, canvas)) < 0.15


def _exported(window) -> tuple[np.ndarray, list]:
    """An export of the window's view at its map's size (viewer.qt.render, as File > Export draws it), and its
    labels."""
    from viewer.qt.render import ImageRequest, MapRenderer

    size = window.canvas.viewport().size()
    renderer = MapRenderer(window.workspace, window.map_view)
    try:
        image = renderer.image(ImageRequest(window.map_view.copy(), size.width(), size.height()))
        return _pixels(image), list(renderer.scene.labels.placed_shapes)
    finally:
        renderer.close()


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(image.height(), -1, 4)
    return pixels[:, : image.width(), :3].astype(int)


def _unlike_in(box, a: np.ndarray, b: np.ndarray) -> float:
    """The share of a label's box (device pixels) where two images differ clearly."""
    left, top, right, bottom = (round(v) for v in box)
    left, top = max(left, 0), max(top, 0)
    return _share_unlike(a[top:bottom + 1, left:right + 1], b[top:bottom + 1, left:right + 1])


def test_after_a_zoom_shown_scaled_the_view_at_rest_is_crisp_and_drawn_as_its_export(qtbot, window):
    """While a zoom is shown from the image its labels scale with it (blurred, as Google Earth's and QGIS's do
    mid-gesture); at rest they are drawn afresh, crisp: the screen is then what an export of the view draws, label
    for label (the screen's labels are copies made at quarter-pixel phases: within an eighth of a pixel)."""
    from viewer.geo.labels import bounds_of

    canvas = window.canvas
    _rested(qtbot, canvas)
    for _ in range(3):
        canvas.view.scaleBy((0.92, 0.92))
        canvas.viewport().repaint()
    snapshot = canvas.view.snapshot
    assert snapshot.moving
    during = _screen(canvas)
    qtbot.waitUntil(lambda: not snapshot.moving and canvas.labels.settled and snapshot.ready, timeout=20_000)
    at_rest = _screen(canvas)
    exported, labels = _exported(window)
    assert len(labels) > 10
    on_screen = sorted((text, tuple(np.round(bounds_of(shape), 1))) for text, shape in canvas.labels.placed_shapes)
    assert on_screen == sorted((text, tuple(np.round(bounds_of(shape), 1))) for text, shape in labels)
    unlike_at_rest = [_unlike_in(bounds_of(shape), at_rest, exported) for _, shape in labels]
    unlike_during = [_unlike_in(bounds_of(shape), during, exported) for _, shape in labels]
    assert max(unlike_at_rest) < 0.05, unlike_at_rest  # anti-aliasing's edges at most
    assert np.median(unlike_during) > 0.2  # scaled (or elsewhere) mid-gesture: the check tells them apart
    # and the map under them, once every layer has drawn the view afresh (on worker threads)
    qtbot.waitUntil(lambda: _share_unlike(_screen(canvas), exported) < 0.002, timeout=20_000)
