"""Making marks in the window: an annotation placed by clicks lands in the saved bundle and every export, and
undo removes it; features from typed coordinates and Go to."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from viewer.io import read_bundle

pytestmark = pytest.mark.gui

WORDS = "Debris fell here"
PINK = "#C2185B"
SPOT = (128.5, 33.0)  # lon, lat: the Korea Strait, open sea in the small bundle's view


@pytest.fixture
def marked_window(qtbot, make_bundle):
    from viewer.qt.main_window import MainWindow

    path = make_bundle()
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    main.open_files([str(path)])
    main.canvas.zoom_to_extent((118.0, 18.0, 134.0, 42.0))
    main.bundle_path = path
    return main


def click_map(qtbot, canvas, lon: float, lat: float) -> None:
    x, y = canvas.projection.forward(lon, lat)
    pixel = canvas.map_to_pixel(float(x), float(y))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(pixel.x()), round(pixel.y())))


@pytest.fixture
def sheet_answers(monkeypatch):
    """The property sheet, answered as a user would: words, colour and size typed, then OK."""
    from viewer.qt.dialogs.property_sheet import PropertySheet

    def answer(sheet: PropertySheet) -> int:
        sheet.text_box.setPlainText(WORDS)
        sheet.colour_box.setText(PINK)
        sheet.size_box.setValue(16)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PropertySheet, "exec", answer)


def add_text_annotation(qtbot, window) -> str:
    window.marks.start("text")
    click_map(qtbot, window.canvas, *SPOT)
    feature_id = window.workspace.selection.current
    assert feature_id is not None
    return feature_id


def test_annotation_added_by_clicking_is_saved_and_undo_removes_it(qtbot, marked_window, sheet_answers):
    window = marked_window
    feature_id = add_text_annotation(qtbot, window)
    feature = window.workspace.feature(feature_id)
    assert feature.kind == "annotation"
    assert feature.properties["text"] == WORDS
    assert feature.geometry.distance(__import__("shapely").Point(SPOT)) < 0.2
    assert window.review.save_edited()
    saved = json.loads(window.bundle_path.read_text(encoding="utf-8"))
    stored = next(f for f in saved["features"] if f["id"] == feature_id)
    assert stored["geometry"]["type"] == "Point"  # other GIS see a point with properties
    assert stored["properties"]["style"] == "text"
    assert stored["properties"]["text"] == WORDS
    read_bundle(window.bundle_path)  # and it reads back as valid
    window.review.undo_stack.undo()
    assert window.workspace.feature(feature_id) is None


def test_annotation_is_in_the_png_export_where_it_was_placed(qtbot, marked_window, sheet_answers, tmp_path):
    from viewer.qt.render import ImageRequest, MapRenderer

    window = marked_window
    add_text_annotation(qtbot, window)
    window.workspace.selection.clear()
    renderer = MapRenderer(window.workspace)
    try:
        request = ImageRequest(window.map_view.copy(), width=1000, height=800)
        image = renderer.image(request)
        x, y = renderer.canvas.projection.forward(*SPOT)
        centre = renderer.canvas.map_to_pixel(float(x), float(y))
    finally:
        renderer.close()
    pixels = [image.pixelColor(px, py) for px in range(round(centre.x()) - 70, round(centre.x()) + 70)
              for py in range(round(centre.y()) - 12, round(centre.y()) + 12)]
    pink = [c for c in pixels if abs(c.red() - 0xC2) < 30 and abs(c.green() - 0x18) < 30 and abs(c.blue() - 0x5B) < 30]
    assert len(pink) > 40  # the words, in the colour typed, at the place clicked
    far = [image.pixelColor(px, 30) for px in range(0, 1000, 5)]
    assert not any(abs(c.red() - 0xC2) < 30 and abs(c.green() - 0x18) < 30 and abs(c.blue() - 0x5B) < 30
                   for c in far)
    assert np.isfinite(centre.x())


def count_colour(image, colour: str, tolerance: int = 40) -> int:
    from PySide6.QtGui import QColor

    want = QColor(colour)
    data = image.convertToFormat(image.Format.Format_RGB888)
    pixels = np.frombuffer(data.constBits(), np.uint8, data.sizeInBytes()).reshape(data.height(),
                                                                                     data.bytesPerLine())
    rgb = pixels[:, :data.width() * 3].reshape(data.height(), data.width(), 3).astype(int)
    close = np.all(np.abs(rgb - [want.red(), want.green(), want.blue()]) < tolerance, axis=2)
    return int(close.sum())


def test_rings_and_measurement_are_exported_and_come_back_with_the_session(qtbot, marked_window, tmp_path):
    from viewer.qt.main_window import MainWindow
    from viewer.qt.map.analysis_layer import MEASURE_COLOUR, RING_COLOUR
    from viewer.qt.render import ImageRequest, MapRenderer

    window = marked_window
    window.workspace.selection.select(["f-site"])
    window.canvas.show_range_rings(124.705, 39.66, [500, 1000], "Sohae")
    window.measure_action.trigger()
    for lon, lat in ((121.0, 25.0), (130.0, 30.0)):
        click_map(qtbot, window.canvas, lon, lat)
    window.measure_action.trigger()  # measuring stops; the measurement stays on the map
    window.workspace.selection.clear()
    assert [len(m.points) for m in window.workspace.overlays.measurements] == [2]

    def exported(workspace, view) -> tuple[int, int]:
        renderer = MapRenderer(workspace)
        try:
            image = renderer.image(ImageRequest(view.copy(), width=900, height=900))
        finally:
            renderer.close()
        return count_colour(image, RING_COLOUR), count_colour(image, MEASURE_COLOUR, 25)

    rings, measure = exported(window.workspace, window.map_view)
    window.workspace.overlays.clear()
    no_rings, no_measure = exported(window.workspace, window.map_view)
    assert rings > no_rings + 500
    assert measure > no_measure + 100
    window.canvas.show_range_rings(124.705, 39.66, [500, 1000], "Sohae")
    for lon, lat in ((121.0, 25.0), (130.0, 30.0)):
        window.workspace.overlays.extend_measurement(lon, lat)
    session = tmp_path / "briefing.lmsession"
    assert window.session.save_as(session)
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.session.open_session(session)
    back = other.workspace.overlays
    assert [(r.centre, r.radii_km, r.label) for r in back.rings] == [((124.705, 39.66), (500.0, 1000.0), "Sohae")]
    assert [m.points for m in back.measurements] == [((121.0, 25.0), (130.0, 30.0))]
