"""A large layer's lines are drawn straight when opened and densified along their geodesics at rest, on a worker
thread: once the view rests the screen shows what an export of the view draws, and a path of thousands of
kilometres curves on both."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely
from PySide6.QtGui import QColor, QImage

from viewer.geo.crs import web_mercator
from viewer.geo.densify import MAX_SEGMENT_KM
from viewer.geo.geodesic import densify
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature

VIEW = (95.0, 0.0, 165.0, 60.0)
LONG = shapely.LineString([(100.0, 40.0), (160.0, 45.0)])  # ~4,900 km: on Mercator a geodesic bowed far north
COUNT = 9_000  # short lines of three vertices: past the canvas's STRAIGHT_FIRST_ABOVE


def _layer() -> Bundle:
    rng = np.random.default_rng(3)
    starts = rng.uniform([140.0, 8.0], [155.0, 20.0], (COUNT, 2))  # far from the long path
    lines = [shapely.LineString(s + np.array([(0.0, 0.0), (1.0, -1.0), (2.0, -3.0)])) for s in starts]
    features = {f"l{i}": Feature(f"l{i}", line, {"kind": "flight_path"}) for i, line in enumerate([LONG, *lines])}
    return Bundle(features=features, path=Path("catalogue.geojson"))


@pytest.fixture
def canvas(sample_canvas):
    return sample_canvas(web_mercator(), VIEW)


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(image.height(), -1, 4)
    return pixels[:, : image.width(), 2::-1].astype(int)  # (stored B, G, R, A) as R, G, B


def _exported(canvas) -> np.ndarray:
    from viewer.qt.render import ImageRequest, MapRenderer

    size = canvas.viewport().size()
    renderer = MapRenderer(canvas.workspace, canvas.map_view)
    try:
        return _pixels(renderer.image(ImageRequest(canvas.map_view.copy(), size.width(), size.height())))
    finally:
        renderer.close()


def _near(pixels: np.ndarray, at, colour: QColor, reach: int = 2) -> bool:
    """Whether a pixel within ``reach`` of ``at`` is about ``colour`` (a 1 px line, anti-aliased: half of it)."""
    x, y = round(at.x()), round(at.y())
    patch = pixels[y - reach:y + reach + 1, x - reach:x + reach + 1]
    return bool((np.abs(patch - (colour.red(), colour.green(), colour.blue())).max(axis=2) < 100).any())


def test_a_long_path_of_a_large_layer_curves_at_rest_as_in_its_export(qtbot, canvas):
    from viewer.qt.map.line_densifying import STRAIGHT_FIRST_ABOVE

    assert 3 * COUNT > STRAIGHT_FIRST_ABOVE
    canvas.workspace.add(_layer())
    cache = canvas._cache
    assert len(cache.pending_lines()[0]) == COUNT + 1  # drawn straight when opened
    assert canvas.densifying.running
    qtbot.waitUntil(lambda: not canvas.densifying.running, timeout=30_000)
    assert not len(cache.pending_lines()[0])
    canvas.viewport().repaint()
    # (and no layer still drawing on a worker: under load the lines' render job for the densified lines was still
    # running, and the screen showed its image of the straight ones, 2.7 % of pixels unlike the export's)
    qtbot.waitUntil(lambda: not canvas.basemap_layer.building and canvas.labels.settled
                    and canvas.view.snapshot.ready and not canvas._drawing(), timeout=20_000)
    canvas.viewport().repaint()
    image = canvas.viewport().grab().toImage()
    screen = _pixels(image)
    exported = _exported(canvas)
    unlike = np.abs(screen - exported).max(axis=2) > 40
    assert float(unlike.mean()) < 0.01  # text's hinting in the decorations at most
    # the catalogue's: the stroke of most lines
    stroke = max(canvas.visuals["flight_path"].strokes, key=lambda s: np.isnan(s.xy[0]).sum())
    colour = QColor(stroke.colour)
    drawn = np.zeros(unlike.shape, dtype=bool)
    for pixels in (screen, exported):
        drawn |= np.abs(pixels - (colour.red(), colour.green(), colour.blue())).max(axis=2) < 50
    assert drawn.sum() > 5_000  # the catalogue's lines, a block of them
    assert float(unlike[drawn].mean()) < 0.002  # drawn alike, line for line

    # the geodesic's middle, far off the straight chord between its ends (tens of pixels at this scale)
    middle = densify(LONG, MAX_SEGMENT_KM).interpolate(0.5, normalized=True)
    x, y = canvas.projection.forward(middle.x, middle.y)
    curve = canvas.map_to_pixel(float(x), float(y))
    ends = [canvas.map_to_pixel(*map(float, canvas.projection.forward(*end))) for end in LONG.coords]
    chord = (ends[0] + ends[1]) / 2
    assert np.hypot(curve.x() - chord.x(), curve.y() - chord.y()) > 20
    for pixels in (screen, exported):
        assert _near(pixels, curve, colour)
        assert not _near(pixels, chord, colour)
    # picked where it is drawn (the picking index follows the densified lines)
    assert "l0" in canvas.features_at(float(x), float(y))
    chord_x, chord_y = canvas.pixel_to_map(chord.x(), chord.y()).x(), canvas.pixel_to_map(chord.x(), chord.y()).y()
    assert "l0" not in canvas.features_at(chord_x, chord_y)


def _densified_at_rest(qtbot, canvas) -> None:
    qtbot.waitUntil(lambda: not canvas.densifying.running, timeout=30_000)
    assert not len(canvas._cache.pending_lines()[0])


def test_taking_densified_lines_reads_no_visible_feature_when_none_labelled_was_straight(qtbot, canvas,
                                                                                         monkeypatch):
    """The take redraws the lines from the rows the line visuals and the picking index hold: it does not go
    through the visible features (by kind, the labels' bulk rule: ~0.5 s beside a million points), and the labels
    (the sample's, none of them on a line drawn straight) are not made again."""
    from viewer.qt.map import canvas as canvas_module

    canvas.workspace.add(_layer())
    assert len(canvas._cache.pending_lines()[0]) == COUNT + 1
    labels_before = list(canvas.labels.drawing.feature_labels)
    assert labels_before  # the sample's launches are named
    catalogue = canvas.visuals["flight_path"]
    version = canvas._cache.version
    read = []
    monkeypatch.setattr(canvas, "visible_features", lambda: read.append(1) or [])  # an empty map, if read
    made = []
    real_map_labels = canvas_module.map_labels
    monkeypatch.setattr(canvas_module, "map_labels", lambda *a, **k: made.append(1) or real_map_labels(*a, **k))
    _densified_at_rest(qtbot, canvas)
    assert canvas._cache.version > version
    assert not read
    assert not made
    assert canvas.labels.drawing.feature_labels == labels_before
    assert catalogue.shown.version == canvas._cache.version  # drawn from the densified lines
    x, y = canvas.projection.forward(*densify(LONG, MAX_SEGMENT_KM).interpolate(0.5, normalized=True).coords[0])
    assert "l0" in canvas.features_at(float(x), float(y))  # picked where it now curves


def test_a_labelled_line_drawn_straight_is_labelled_along_its_densified_line(qtbot, canvas):
    """A launch's path in a large layer is drawn straight when opened: its name is placed along the straight line,
    then, once the lines are densified at rest, along the curve the screen shows."""
    from viewer.model.event import LaunchEvent

    bundle = _layer()
    path = bundle.features["l0"]
    path.properties["event"] = "2030-01-01-test"
    bundle.events["2030-01-01-test"] = LaunchEvent("2030-01-01-test", name="Test launch", vehicle="Testbird",
                                                   time="2030-01-01T00:00:00Z")
    canvas.workspace.add(bundle)
    assert len(canvas._cache.pending_lines()[0]) == COUNT + 1

    def label() -> object:
        return next(lb for lb in canvas.labels.drawing.feature_labels if lb.feature == "l0")

    assert len(label().path) == 2  # along the straight line
    _densified_at_rest(qtbot, canvas)
    curve = np.asarray(label().path)
    assert len(curve) > 10
    x, y = canvas.projection.forward(*densify(LONG, MAX_SEGMENT_KM).interpolate(0.5, normalized=True).coords[0])
    assert np.hypot(curve[:, 0] - x, curve[:, 1] - y).min() < 30_000  # through the geodesic's middle
