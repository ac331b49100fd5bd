"""Making marks in the window: an annotation placed by clicks lands in the saved bundle and in every export (PNG,
layered SVG as <text>, the deck, KML, the clipboard), undo removes it, a quote callout shows exactly the words it
cites; range rings and measurements are exported and saved with the session; JPEG and A4 PDF exports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile

import defusedxml.ElementTree as SafeET
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog
from shared_data import ARTICLE

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
        x, y = renderer.scene.projection.forward(*SPOT)
        centre = renderer.scene.map_to_pixel(float(x), float(y))
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
    window.tools.measure_action.trigger()
    for lon, lat in ((121.0, 25.0), (130.0, 30.0)):
        click_map(qtbot, window.canvas, lon, lat)
    window.tools.measure_action.trigger()  # measuring stops; the measurement stays on the map
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

SVG = "{http://www.w3.org/2000/svg}"


def test_annotation_is_text_in_its_own_group_of_the_svg(qtbot, marked_window, sheet_answers, tmp_path):
    from viewer.qt.render import ImageRequest, MapRenderer

    window = marked_window
    add_text_annotation(qtbot, window)
    path = tmp_path / "map.svg"
    renderer = MapRenderer(window.workspace)
    try:
        renderer.save(path, ImageRequest(window.map_view.copy(), width=1000, height=800))
    finally:
        renderer.close()
    root = SafeET.parse(path).getroot()
    groups = [g.get("id") for g in root.findall(f"{SVG}g")]
    assert groups[0] == "basemap"  # then a group per kind of feature shown, in the screen's order
    assert groups[-4:] == ["place-names", "overlays", "annotations", "decorations"]
    assert groups[1:-4]
    assert all(g.startswith("kind-") for g in groups[1:-4])
    annotations = root.find(f"{SVG}g[@id='annotations']")
    words = [t for t in annotations.iter(f"{SVG}text") if t.text == WORDS]
    assert len(words) == 1  # a word a reader can select and an editor can change, not glyph outlines
    assert "DejaVu Sans" in words[0].get("font-family")
    places = {t.text for t in root.find(f"{SVG}g[@id='place-names']").iter(f"{SVG}text")}
    assert "Seoul" in places
    title = {t.text for t in root.find(f"{SVG}g[@id='decorations']").iter(f"{SVG}text")}
    assert any(t and "km" in t for t in title)  # the scale bar's words
    # strokes carry their width in their own units: librsvg and Inkscape ignore non-scaling strokes
    assert all(p.get("vector-effect") != "non-scaling-stroke" for p in root.iter(f"{SVG}path"))


def test_annotation_is_on_the_deck_and_in_the_kml(qtbot, marked_window, sheet_answers, tmp_path):
    from viewer.io.convert import export_bundle
    from viewer.qt.briefing import write_briefing

    window = marked_window
    add_text_annotation(qtbot, window)
    deck = tmp_path / "brief.pptx"
    write_briefing(window.workspace, [], deck, slide_pixels=960)
    with zipfile.ZipFile(deck) as archive:
        presentation = archive.read("ppt/presentation.xml").decode()
        slide = archive.read("ppt/slides/slide2.xml").decode()
    assert '<p:sldSz cx="12192000" cy="6858000"' in presentation  # PowerPoint's own Widescreen, not a custom size
    assert WORDS in slide
    kml = tmp_path / "marks.kmz"
    export_bundle(window.workspace.content, str(kml))
    with zipfile.ZipFile(kml) as archive:
        placemarks = SafeET.fromstring(archive.read("doc.kml")).iter("{http://www.opengis.net/kml/2.2}Placemark")
        assert WORDS in [p.findtext("{http://www.opengis.net/kml/2.2}name") for p in placemarks]


def select_words(window, words: str) -> int:
    window.source.show_document("doc-a")
    start = ARTICLE.index(words)
    cursor = QTextCursor(window.source.text.document())
    cursor.setPosition(window.source.text.offsets.to_qt(start))
    cursor.setPosition(window.source.text.offsets.to_qt(start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    window.source.text.setTextCursor(cursor)
    return start


def test_quote_callout_shows_exactly_the_words_it_cites(qtbot, marked_window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from viewer.model.annotation import quote_of
    from viewer.qt.dialogs.property_sheet import PropertySheet

    monkeypatch.setattr(PropertySheet, "exec", lambda sheet: QDialog.DialogCode.Accepted)
    window = marked_window
    words = "launched a rocket from the Sohae station"
    start = select_words(window, words)  # the words to quote, selected in the source text
    window.marks.start("callout")
    click_map(qtbot, window.canvas, 124.705, 39.66)  # what it points at: Sohae
    assert window.workspace.selection.current is None
    click_map(qtbot, window.canvas, 129.0, 35.0)  # where it goes
    callout_id = window.workspace.selection.current
    feature = window.workspace.feature(callout_id)
    assert feature.properties["anchor"] == pytest.approx([124.705, 39.66], abs=0.2)
    assert quote_of(feature) == words == ARTICLE[feature.citations[0].start:feature.citations[0].end]
    assert "text" not in feature.properties
    drawn = next(m.text for m in window.canvas.visuals["annotation"].marks if m.feature_id == callout_id)
    assert drawn == f"\u201c{words}\u201d \u2014 Test article"
    # linked both ways: the passage lists the callout among the features it supports, like any cited feature
    assert callout_id in [f.id for f in window.workspace.content.features_citing("doc-a", start, start + 5)]
    # a second passage linked with Ctrl+L is one more citation; the callout still quotes its first
    select_words(window, "traveled 2,000 kilometers south")
    window.review.link_passage()
    assert len(feature.citations) == 2
    assert quote_of(feature) == words
    window.review.undo_stack.undo()  # the link
    window.review.undo_stack.undo()  # the callout
    assert window.workspace.feature(callout_id) is None


def test_copy_map_puts_the_view_on_the_clipboard(qtbot, marked_window, sheet_answers):
    from PySide6.QtGui import QGuiApplication

    window = marked_window
    add_text_annotation(qtbot, window)
    window._copy_map()
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (window.canvas.viewport().width(), window.canvas.viewport().height())


def launchmap(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True, text=True, cwd=cwd,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}, timeout=120)


@pytest.mark.slow
def test_export_writes_jpeg_and_a4_pdf_with_text(tmp_path):
    done = launchmap("export", "-o", str(tmp_path / "map.jpg"), "--quality", "70", "--width", "800",
                     "--height", "600", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "map.jpg").read_bytes()
    assert data[:3] == b"\xff\xd8\xff"
    assert len((tmp_path / "map.jgw").read_text().split()) == 6  # QGIS places it
    bad = launchmap("export", "-o", str(tmp_path / "bad.jpg"), "--quality", "0", cwd=tmp_path)
    assert bad.returncode != 0
    assert bad.stderr.strip().splitlines()[-1].endswith("--quality 0: must be from 1 to 100")
    assert "Traceback" not in bad.stderr
    # A4 landscape at 96 dpi: 1123 x 794 pixels
    done = launchmap("export", "-o", str(tmp_path / "map.pdf"), "--width", "1123", "--height", "794", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pdf = (tmp_path / "map.pdf").read_bytes()
    box = [float(v) for v in pdf.split(b"/MediaBox [")[1].split(b"]")[0].split()]
    assert [round(v) for v in box] == [0, 0, 842, 595]
    assert b"/FontFile2" in pdf  # fonts embedded: the words are text
    if shutil.which("pdftotext"):  # and a reader finds the place names, not only the decorations' words
        words = subprocess.run(["pdftotext", str(tmp_path / "map.pdf"), "-"], capture_output=True, text=True).stdout
        assert "Seoul" in words
        assert "Pyongyang" in words


def test_f2_property_sheet_edits_every_property_in_one_undoable_step(qtbot, marked_window, sheet_answers,
                                                                     monkeypatch):
    from viewer.qt.dialogs.property_sheet import PropertySheet

    window = marked_window
    feature_id = add_text_annotation(qtbot, window)
    feature = window.workspace.feature(feature_id)
    shown = {}

    def edit(sheet: PropertySheet) -> int:
        shown.update({sheet.form.itemAt(i, sheet.form.ItemRole.LabelRole).widget().text().replace("&", ""): True
                      for i in range(sheet.form.rowCount())})
        sheet.label_box.setText("Debris")
        sheet.text_box.setPlainText("Debris fell here, Japan says")
        sheet.style_box.setCurrentIndex(sheet.style_box.findData("box"))
        sheet.certainty_box.setCurrentIndex(sheet.certainty_box.findData("approximate"))
        sheet.event_box.setCurrentIndex(sheet.event_box.findData("ev-1"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PropertySheet, "exec", edit)
    window.workspace.selection.select([feature_id])
    assert window.review.edit_properties()
    assert {"Label", "Kind", "Launch", "Certainty", "Derivation", "Text", "Annotation style", "Colour"} <= set(shown)
    assert (feature.label, feature.properties["style"], feature.certainty, feature.event) == (
        "Debris", "box", "approximate", "ev-1")
    assert window.review.undo_stack.undoText().startswith("Edit ")
    window.review.undo_stack.undo()  # one step undoes the whole sheet
    assert feature.properties["text"] == WORDS
    assert feature.properties["style"] == "text"
    assert "event" not in feature.properties


def test_a_box_drawn_by_dragging_is_added_and_the_map_does_not_pan(qtbot, marked_window, sheet_answers):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent

    window = marked_window
    canvas = window.canvas
    frame = window.map_view.frame
    window.marks.start("box")
    corners = []
    for lon, lat in ((125.0, 30.0), (129.0, 27.0)):
        x, y = canvas.projection.forward(lon, lat)
        corners.append(canvas.map_to_pixel(float(x), float(y)))
    viewport = canvas.viewport()

    def send(kind, at: QPointF, buttons) -> None:
        event = QMouseEvent(kind, at, viewport.mapToGlobal(at), Qt.MouseButton.LeftButton, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    send(QEvent.Type.MouseButtonPress, corners[0], Qt.MouseButton.LeftButton)
    for step in range(1, 11):
        at = corners[0] + (corners[1] - corners[0]) * (step / 10)
        send(QEvent.Type.MouseMove, at, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, corners[1], Qt.MouseButton.NoButton)
    feature = window.workspace.feature(window.workspace.selection.current or "")
    assert feature is not None
    assert feature.properties["style"] == "box"
    west, south, east, north = feature.geometry.bounds
    assert (west, south, east, north) == pytest.approx((125.0, 27.0, 129.0, 30.0), abs=0.3)
    assert window.map_view.frame == frame  # dragging drew the box; it did not pan the map


def test_presentation_shows_annotations_rings_and_measurements(qtbot, marked_window, sheet_answers):
    from PySide6.QtGui import QImage

    from viewer.model.bookmark import Bookmark
    from viewer.qt.map.analysis_layer import RING_COLOUR
    from viewer.qt.presentation import PresentationWindow

    window = marked_window
    add_text_annotation(qtbot, window)
    window.canvas.show_range_rings(124.705, 39.66, [800], "Sohae")
    window.workspace.selection.clear()
    shown = PresentationWindow(window.workspace, [Bookmark.framing("Region", (118.0, 18.0, 134.0, 42.0))])
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    qtbot.waitExposed(shown)
    assert [m.text for m in shown.canvas.visuals["annotation"].marks] == [WORDS]
    image: QImage = shown.canvas.grab().toImage()
    assert count_colour(image, RING_COLOUR) > 300
    assert count_colour(image, PINK, 30) > 40


def test_an_arrow_moves_by_its_words_and_by_what_it_points_at(qtbot, marked_window, sheet_answers):
    window = marked_window
    window.marks.start("arrow")
    click_map(qtbot, window.canvas, 129.0, 33.0)  # the words
    click_map(qtbot, window.canvas, 127.7, 26.3)  # what it points at
    arrow = window.workspace.feature(window.workspace.selection.current)
    assert arrow.properties["anchor"] == pytest.approx([127.7, 26.3], abs=0.2)
    window.review.start_move()
    click_map(qtbot, window.canvas, *arrow.properties["anchor"])  # pick the head
    click_map(qtbot, window.canvas, 125.0, 25.0)  # drop it
    assert arrow.properties["anchor"] == pytest.approx([125.0, 25.0], abs=0.2)
    window.review.start_move()
    click_map(qtbot, window.canvas, arrow.geometry.x, arrow.geometry.y)  # pick the words
    click_map(qtbot, window.canvas, 130.0, 31.0)
    assert (arrow.geometry.x, arrow.geometry.y) == pytest.approx((130.0, 31.0), abs=0.2)
    assert arrow.properties["anchor"] == pytest.approx([125.0, 25.0], abs=0.2)
    window.review.undo_stack.undo()
    window.review.undo_stack.undo()
    assert arrow.properties["anchor"] == pytest.approx([127.7, 26.3], abs=0.2)


@pytest.mark.parametrize(("key", "modifier", "tool"), [
    (Qt.Key.Key_T, Qt.KeyboardModifier.NoModifier, "text"), (Qt.Key.Key_C, Qt.KeyboardModifier.NoModifier, "callout"),
    (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "arrow"), (Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier, "box"),
    (Qt.Key.Key_P, Qt.KeyboardModifier.NoModifier, "point"), (Qt.Key.Key_L, Qt.KeyboardModifier.NoModifier, "line"),
    (Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier, "area"),
])
def test_each_mark_tool_has_its_key_and_esc_leaves_it(qtbot, marked_window, key, modifier, tool):
    window = marked_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # window shortcuts need the active window
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, key, modifier)
    assert window.marks.tool == tool
    assert window.canvas.picking_points
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.marks.tool is None
    assert not window.canvas.picking_points
