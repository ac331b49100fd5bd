"""The export dialog's presets and toggles, the exported image, and File ▸ Export briefing with its progress."""

from __future__ import annotations

import pytest
from pptx import Presentation
from PySide6.QtGui import QColor, QImage

from viewer.model.bookmark import Bookmark
from viewer.model.reports import sources_note
from viewer.qt import plain_box
from viewer.qt.export_dialog import BY, PRESETS, ExportImageDialog, export_briefing, export_view
from viewer.symbology import SELECTION

pytestmark = pytest.mark.gui

def test_presets_set_size_and_resolution_and_editing_makes_it_custom(qtbot):
    dialog = ExportImageDialog(path="out/map.png")
    qtbot.addWidget(dialog)
    assert [(p.width, p.height, p.dpi) for p in PRESETS] == [(1920, 1080, 96), (3508, 2480, 300), (1080, 1080, 96)]
    dialog.choose_preset(1)
    assert (dialog.width_box.value(), dialog.height_box.value(), dialog.dpi_box.value()) == (3508, 2480, 300)
    dialog.choose_preset(2)
    assert (dialog.width_box.value(), dialog.height_box.value()) == (1080, 1080)
    dialog.width_box.setValue(1200)
    assert dialog.preset_box.currentText() == "Custom"
    dialog.width_box.setValue(1080)
    assert dialog.preset_box.currentIndex() == 2  # back on a preset's numbers


def test_the_format_follows_the_file_and_the_file_follows_the_format(qtbot):
    dialog = ExportImageDialog(path="out/map.svg")
    qtbot.addWidget(dialog)
    assert dialog.suffix == ".svg"
    dialog.format_box.setCurrentIndex(2)
    assert dialog.path.name == "map.pdf"
    for box in (dialog.legend_box, dialog.scale_bar_box, dialog.north_arrow_box):
        assert box.isChecked()


def test_the_format_follows_a_file_name_typed_in(qtbot):
    """Typing map.svg over map.png left the Format box on 'PNG image (with world file)' (an SVG was written)."""
    dialog = ExportImageDialog(path="out/map.png")
    qtbot.addWidget(dialog)
    dialog.path_edit.selectAll()
    qtbot.keyClicks(dialog.path_edit, "out/briefing.svg")
    assert (dialog.suffix, dialog.path.name) == (".svg", "briefing.svg")
    qtbot.keyClicks(dialog.path_edit, "x")  # map.svgx: no format; the box keeps the last one
    assert dialog.suffix == ".svg"


def test_export_view_draws_what_the_window_shows_without_the_legend_when_asked(window, tmp_path):
    with_legend, without = tmp_path / "with.png", tmp_path / "without.png"
    shown = (window.workspace, window.map_view, window.shell)
    window.map_view.set_decorations(legend="se")  # the export keeps the window's placement
    assert export_view(*shown, with_legend, 800, 600, 96, "Test title") == with_legend
    assert export_view(*shown, without, 800, 600, 96, "Test title", legend=False, scale_bar=False,
                       north_arrow=False) == without
    a, b = QImage(str(with_legend)), QImage(str(without))
    assert (a.width(), a.height()) == (800, 600)
    # the legend's white panel sits in the bottom-right corner only when asked for
    corner = [(x, y) for x in range(560, 790, 10) for y in range(380, 560, 10)]
    differing = sum(a.pixelColor(x, y) != b.pixelColor(x, y) for x, y in corner)
    assert differing > len(corner) // 3
    assert with_legend.with_suffix(".pgw").is_file()
    assert window.map_view.hidden_events == set()  # the window's own state is untouched


def test_export_briefing_from_the_window(window, tmp_path):
    marks = [Bookmark.framing("Region", (115.0, 10.0, 145.0, 43.0)),
             Bookmark.framing("November", (118.0, 12.0, 135.0, 41.0), events=("2023-11-21-chollima1",))]
    path = export_briefing(window.workspace, marks, window.shell, tmp_path / "briefing.pptx")
    assert path == tmp_path / "briefing.pptx"
    slides = list(Presentation(str(path)).slides)
    assert [s.shapes.title.text_frame.text.split("\n")[0] for s in slides[1:3]] == ["Region", "November"]
    assert window.map_view.hidden_events == set()


def test_export_briefing_says_which_slides_lack_a_font_for_their_letters(window, tmp_path, monkeypatch):
    """A slide titled in hangul, on a machine with no font that has it: the deck is written, and the window says
    once which slide shows boxes and what to install (`launchmap brief` prints the same line)."""

    from viewer.export import deck_fonts

    latin = (deck_fonts.FontFile("/fonts/latin.ttf", 0, "Latin", ((0x20, 0x7E), (0xA0, 0x2FF), (0x2010, 0x2044))),)
    monkeypatch.setattr(deck_fonts, "installed_fonts", lambda: latin)
    said = []
    monkeypatch.setattr(plain_box, "warning", lambda parent, title, text, *rest: said.append((title, text)))
    marks = [Bookmark.framing("서해 launch site", (118.0, 12.0, 135.0, 41.0), events=("2023-11-21-chollima1",))]
    path = export_briefing(window.workspace, marks, window.shell, tmp_path / "briefing.pdf")
    assert path == tmp_path / "briefing.pdf"
    assert path.is_file()
    [(title, text)] = said
    assert title == "Export briefing"
    # the sources slide quotes a satellite's Japanese name, 万里鏡1号
    assert text.startswith(f"{path}:slides 2 (서해 launch site), 3 (Sources): no installed font has the letters of "
                           "the Korean and Japanese or Chinese text")
    assert "install fonts-wqy-microhei" in text


SOHAE_SITE = "2016-02-07-kms4/launch-site"


def test_export_image_is_the_view_on_screen_whatever_is_selected(qtbot, window, tmp_path):
    """Select Sohae, pan to Okinawa, export: the world file frames exactly the view, and no halo is printed."""
    window.workspace.selection.select([SOHAE_SITE])
    window.canvas.zoom_to_extent((125.5, 24.0, 130.5, 28.5))  # Okinawa, far from the selected site
    canvas = window.canvas
    shown = window.map_view.frame
    width, height = canvas.viewport().width(), canvas.viewport().height()
    path = export_view(window.workspace, window.map_view, window.shell, tmp_path / "okinawa.png", width, height, 96,
                       "")
    assert path is not None
    a, _, _, e, c, f = (float(v) for v in path.with_suffix(".pgw").read_text().split())
    left, top = c - a / 2, f - e / 2  # the world file names the centre of the top-left pixel
    exported = (left, top + e * height, left + a * width, top)
    assert exported == pytest.approx(shown, rel=1e-6, abs=1.0)
    assert window.map_view.frame == shown  # exporting did not move the view
    assert window.workspace.selection.features == (SOHAE_SITE,)

    # With Sohae itself in view, the exported image has no selection halo: no pixel of the selection's yellow.
    window.canvas.zoom_to_extent((123.5, 39.0, 126.0, 40.6))
    # shown (while the view moves the map's snapshot shows it, the map items hidden under it)
    assert window.canvas.highlight.isVisibleTo(window.canvas.view.childGroup)
    selected = export_view(window.workspace, window.map_view, window.shell, tmp_path / "selected.png", 600, 400,
                           96, "")
    image = QImage(str(selected))
    halo = QColor(SELECTION)
    yellow = [(x, y) for x in range(0, 600, 2) for y in range(0, 400, 2)
              if _near(image.pixelColor(x, y), halo)]
    assert yellow == []


def _near(colour: QColor, other: QColor, tolerance: int = 40) -> bool:
    return (abs(colour.red() - other.red()) + abs(colour.green() - other.green())
            + abs(colour.blue() - other.blue())) < tolerance


def test_the_first_size_offered_is_the_views_shape_so_the_image_shows_what_the_screen_does(qtbot, window, tmp_path):
    """The dialog offered 1920 x 1080 first whatever the window's shape: from a 604 x 491 map the image showed
    a wider area than the screen, with other labels. Its first preset is now the view's own shape, 1920 px on the
    longer side, and the image's world file frames exactly what the screen shows."""
    canvas = window.canvas
    canvas.zoom_to_extent((125.5, 24.0, 130.5, 28.5))
    width, height = canvas.viewport().width(), canvas.viewport().height()
    dialog = ExportImageDialog(path=str(tmp_path / "map.png"), view_size=(width, height))
    qtbot.addWidget(dialog)
    assert dialog.preset_box.currentIndex() == 0
    w, h = dialog.width_box.value(), dialog.height_box.value()
    # it says what it is: the map's size on screen, and the image's (a 1920 x 1835 offer for a 1920 x 1080 screen
    # read as a mistake)
    assert dialog.preset_box.currentText() == f"The map as on screen ({width}{BY}{height}), enlarged to {w}{BY}{h}"
    assert max(w, h) == 1920
    assert w / h == pytest.approx(width / height, abs=0.01)
    dialog.choose_preset(1)
    assert (dialog.width_box.value(), dialog.height_box.value()) == (1920, 1080)  # the fixed presets follow
    path = export_view(window.workspace, window.map_view, window.shell, tmp_path / "view.png", w, h, 96, "")
    a, _, _, e, c, f = (float(v) for v in path.with_suffix(".pgw").read_text().split())
    left, top = c - a / 2, f - e / 2
    exported = (left, top + e * h, left + a * w, top)
    shown = canvas.view.viewRect()
    screen = (shown.left(), shown.top(), shown.right(), shown.bottom())
    span = shown.width()
    assert exported == pytest.approx(screen, abs=span * 0.003)


def test_the_file_is_a_full_path_kept_for_the_next_export_and_never_overwritten_unasked(qtbot, tmp_path,
                                                                                      monkeypatch):
    """The dialog offered 'map.png', written wherever the program happened to start, the next time 'map.png'
    again, and an existing file was replaced without a word."""
    from PySide6.QtWidgets import QMessageBox

    dialog = ExportImageDialog()
    qtbot.addWidget(dialog)
    assert dialog.path.is_absolute()
    target = tmp_path / "briefing map.png"
    target.write_bytes(b"the user's earlier image")
    dialog.path_edit.setText(str(target))
    asked = []
    monkeypatch.setattr(plain_box, "question", lambda *args, **kwargs: asked.append(args[2]) or
                        QMessageBox.StandardButton.No)
    dialog._accept_if_valid()
    assert len(asked) == 1
    assert str(target) in asked[0]
    assert dialog.result() != dialog.DialogCode.Accepted
    monkeypatch.setattr(plain_box, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    dialog._accept_if_valid()
    assert dialog.result() == dialog.DialogCode.Accepted
    again = ExportImageDialog()
    qtbot.addWidget(again)
    assert again.path == target  # the last file, offered again: its folder is where the user keeps them


def test_the_views_own_size_looks_as_the_screen_does(qtbot, window, tmp_path, saved_labels):
    """Exported at the view's shape, 1920 px wide from a ~700 px map, the image had text and symbols a third as
    large as on screen and other labels: 'same area, same look' failed on the look. The view's preset draws the
    screen enlarged: the same labels, at the same places relative to the image."""

    canvas = window.canvas
    timeline = window.timeline
    timeline.show_event(len(timeline.events) - 1)  # the Nov 2023 launch, as a briefing officer looks at it
    # The export adds the sources to the footer, whole, on as many lines as they need: the screen is given the same
    # footer here, so that the room left to labels and the legend is the same (else a taller footer moves them).
    content = window.workspace.content
    window.map_view.set_decorations(footnote=sources_note(content, window.map_view.visible_features(content)))
    qtbot.waitUntil(lambda: bool(canvas.labels.placed_shapes), timeout=5000)
    qtbot.wait(300)  # labels are placed again once the view rests
    width, height = canvas.viewport().width(), canvas.viewport().height()
    on_screen = {text for text, _ in canvas.labels.placed_shapes}
    dialog = ExportImageDialog(path=str(tmp_path / "map.png"), view_size=(width, height))
    qtbot.addWidget(dialog)
    w, h = dialog.width_box.value(), dialog.height_box.value()
    assert dialog.decoration_scale == pytest.approx(w / width, rel=0.01)
    export_view(window.workspace, window.map_view, window.shell, tmp_path / "view.png", w, h, 96, "",
                decoration_scale=dialog.decoration_scale)
    exported = {text for text, _ in saved_labels[-1].placed_shapes}
    assert len(on_screen) > 10
    # the same names (a label or two may go at the edges, where rounding the size moves the room by a pixel)
    assert len(on_screen ^ exported) <= 2, on_screen ^ exported
    dialog.choose_preset(1)
    assert dialog.decoration_scale is None  # the fixed sizes follow the command line's rules


def test_the_title_typed_last_is_offered_again(qtbot, tmp_path):
    """The title was typed again at every export; other dialogs remember what was entered (QSettings)."""
    from PySide6.QtCore import QSettings

    dialog = ExportImageDialog(path=str(tmp_path / "map.png"))
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == ""
    qtbot.keyClicks(dialog.title_edit, "Chollima-1, 21 Nov 2023")
    dialog._accept_if_valid()
    assert dialog.result() == dialog.DialogCode.Accepted
    again = ExportImageDialog(path=str(tmp_path / "map.png"))
    qtbot.addWidget(again)
    assert again.title_edit.text() == "Chollima-1, 21 Nov 2023"
    QSettings().sync()  # the next session reads it from the settings file
    assert QSettings(QSettings().fileName(), QSettings.Format.NativeFormat).value("export/title") == \
        "Chollima-1, 21 Nov 2023"
    cancelled = ExportImageDialog(path=str(tmp_path / "map.png"))
    qtbot.addWidget(cancelled)
    cancelled.title_edit.setText("not kept")
    cancelled.reject()
    last = ExportImageDialog(path=str(tmp_path / "map.png"))
    qtbot.addWidget(last)
    assert last.title_edit.text() == "Chollima-1, 21 Nov 2023"


def test_the_dialog_opens_on_the_views_own_size_whatever_was_chosen_last(qtbot, tmp_path):
    """A custom size chosen once (794 x 759 @ 150) was offered again at every export, so File > Export image wrote
    another extent than the screen showed. The dialog opens on the view's own shape every time; a size chosen last
    comes back only while it has the view's shape (the same extent, more pixels), and a page preset never does."""
    view = (800, 600)
    dialog = ExportImageDialog(path=str(tmp_path / "map.png"), view_size=view)
    qtbot.addWidget(dialog)
    dialog.choose_preset(len(dialog.presets))  # Custom
    dialog.width_box.setValue(794)
    dialog.height_box.setValue(759)
    dialog.dpi_box.setValue(150)
    dialog._accept_if_valid()
    again = ExportImageDialog(path=str(tmp_path / "map.png"), view_size=view)
    qtbot.addWidget(again)
    assert again.preset_box.currentIndex() == 0
    assert (again.width_box.value(), again.height_box.value(), again.dpi_box.value()) == (1920, 1440, 96)
    again.choose_preset(len(again.presets))  # Custom, in the view's shape at twice its pixels
    again.width_box.setValue(3840)
    again.height_box.setValue(2880)
    again.dpi_box.setValue(192)
    again._accept_if_valid()
    third = ExportImageDialog(path=str(tmp_path / "map.png"), view_size=view)
    qtbot.addWidget(third)
    assert (third.width_box.value(), third.height_box.value(), third.dpi_box.value()) == (3840, 2880, 192)
    assert third.preset_box.currentText() == "Custom"
    other_shape = ExportImageDialog(path=str(tmp_path / "map.png"), view_size=(1000, 500))
    qtbot.addWidget(other_shape)  # the window changed shape: the size kept would show another area
    assert other_shape.preset_box.currentIndex() == 0
    assert (other_shape.width_box.value(), other_shape.height_box.value()) == (1920, 960)
    other_shape.choose_preset(2)  # A4 landscape
    other_shape._accept_if_valid()
    fourth = ExportImageDialog(path=str(tmp_path / "map.png"), view_size=view)
    qtbot.addWidget(fourth)
    assert fourth.preset_box.currentIndex() == 0


def test_the_dialog_says_which_area_a_size_shows(qtbot, window, tmp_path):
    """A size of another shape than the view shows more around it: the dialog says so, with the area, and for the
    view's own size that it is the screen's."""
    canvas = window.canvas
    canvas.zoom_to_extent((125.5, 24.0, 130.5, 28.5))
    width, height = canvas.viewport().width(), canvas.viewport().height()
    dialog = ExportImageDialog(path=str(tmp_path / "map.png"), view_size=(width, height), map_view=window.map_view)
    qtbot.addWidget(dialog)
    dialog.show()  # laid out for the view's text, as wide as on a 1366 x 768 screen
    qtbot.waitExposed(dialog)
    dialog.resize(520, dialog.height())
    assert dialog.extent_label.text().startswith("The area the screen shows:")
    tall = width > height  # a square image of a wide view shows more above and below it, and the other way round
    dialog.choose_preset(3)  # Square
    text = dialog.extent_label.text()
    assert text.startswith("More than the screen shows " + ("above and below" if tall else "either side"))
    assert "°E" in text
    assert "°N" in text
    qtbot.wait(50)  # the longer text in it is held whole (it overlapped the next row)
    label = dialog.extent_label
    assert label.height() >= label.heightForWidth(label.width())
