"""The export dialog's presets and toggles, the exported image, and File ▸ Export briefing with its progress."""

from __future__ import annotations

import pytest
from pptx import Presentation
from PySide6.QtGui import QImage

from viewer.model.bookmark import Bookmark
from viewer.qt.export_dialog import PRESETS, ExportImageDialog, export_briefing, export_view

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


def test_export_view_draws_what_the_window_shows_without_the_legend_when_asked(window, tmp_path):
    with_legend, without = tmp_path / "with.png", tmp_path / "without.png"
    assert export_view(window, with_legend, 800, 600, 96, "Test title") == with_legend
    assert export_view(window, without, 800, 600, 96, "Test title", legend=False, scale_bar=False,
                       north_arrow=False) == without
    a, b = QImage(str(with_legend)), QImage(str(without))
    assert (a.width(), a.height()) == (800, 600)
    # the legend's white panel sits in the bottom-right corner only when asked for
    corner = [(x, y) for x in range(560, 790, 10) for y in range(380, 560, 10)]
    differing = sum(a.pixelColor(x, y) != b.pixelColor(x, y) for x, y in corner)
    assert differing > len(corner) // 3
    assert with_legend.with_suffix(".pgw").is_file()
    assert window.workspace.hidden_events == set()  # the window's own state is untouched


def test_export_briefing_from_the_window(window, tmp_path):
    marks = [Bookmark.framing("Region", (115.0, 10.0, 145.0, 43.0)),
             Bookmark.framing("November", (118.0, 12.0, 135.0, 41.0), events=("2023-11-21-chollima1",))]
    path = export_briefing(window, marks, tmp_path / "briefing.pptx")
    assert path == tmp_path / "briefing.pptx"
    slides = list(Presentation(str(path)).slides)
    assert [s.shapes.title.text_frame.text.split("\n")[0] for s in slides[1:3]] == ["Region", "November"]
    assert window.workspace.hidden_events == set()
