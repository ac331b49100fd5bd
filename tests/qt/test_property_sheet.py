"""The property sheet (Edit feature, F2) changes only what the user changes."""

from __future__ import annotations

import pytest

from viewer.cli.common import load_workspace
from viewer.qt.dialogs.property_sheet import PropertySheet

pytestmark = pytest.mark.gui


def test_renaming_a_feature_of_another_tools_file_does_not_make_it_reported(qtbot):
    """F2 on a plain GeoJSON line, a new label, OK: the edit also wrote certainty 'reported' — the certainty box
    showed 'reported' for a feature that states none, and OK kept it. Nothing reported that line."""
    content = load_workspace([]).content
    sheet = PropertySheet({"kind": "line", "name": "Shipping lane A", "speed": 12}, content)
    qtbot.addWidget(sheet)
    assert sheet.certainty_box.currentText() == "not stated"
    sheet.label_box.setText("Lane A")
    assert sheet.changes() == {"label": "Lane A"}
    sheet.certainty_box.setCurrentIndex(sheet.certainty_box.findData("approximate"))
    assert sheet.changes() == {"label": "Lane A", "certainty": "approximate"}


def test_a_feature_that_states_its_certainty_keeps_it_and_a_new_one_is_reported(qtbot):
    content = load_workspace([]).content
    stated = PropertySheet({"kind": "launch_site", "label": "Sohae", "certainty": "derived"}, content)
    qtbot.addWidget(stated)
    assert stated.certainty_box.currentData() == "derived"
    assert stated.certainty_box.findText("not stated") == -1
    assert stated.changes() == {}
    new = PropertySheet({"kind": "impact_point"}, content, new=True)
    qtbot.addWidget(new)
    assert new.certainty_box.currentData() == "reported"  # typed from a source, as the README says


def test_a_long_derivation_is_shown_from_its_start_in_a_box_that_wraps(qtbot):
    """The derivation of a 2023 path (four sentences) sat in a one-line field scrolled to its end: 'kinawa, 22 Nov
    2023; The Japan News, 22 Nov 2023; Seradata.' was all the sheet showed."""
    content = load_workspace([]).content
    feature = content.features["2023-11-21-chollima1/flight-path"]
    derivation = feature.properties["derivation"]
    assert len(derivation) > 300
    sheet = PropertySheet(feature.properties, content)
    qtbot.addWidget(sheet)
    sheet.show()
    qtbot.waitExposed(sheet)
    box = sheet.derivation_box
    assert box.toPlainText() == derivation
    assert box.lineWrapMode() == box.LineWrapMode.WidgetWidth
    assert box.verticalScrollBar().value() == 0  # the start is what shows
    assert box.textCursor().position() == 0
    assert sheet.changes() == {}
    box.setPlainText("Drawn by hand from the NOTAM's corners")
    assert sheet.changes() == {"derivation": "Drawn by hand from the NOTAM's corners"}


def test_a_new_feature_left_unnamed_is_named_by_its_kind_not_by_its_id(qtbot):
    """A point added with an empty label was listed and titled 'reference-place-20141a51'."""
    content = load_workspace([]).content
    sheet = PropertySheet({"kind": "reference_place"}, content, new=True)
    qtbot.addWidget(sheet)
    assert sheet.label_box.placeholderText() == "Reference place"
    assert sheet.values()["label"] == "Reference place"
    sheet.kind_box.setCurrentIndex(sheet.kind_box.findData("impact_point"))
    assert (sheet.label_box.placeholderText(), sheet.values()["label"]) == ("Impact point", "Impact point")
    sheet.label_box.setText("Kadena")
    assert sheet.values()["label"] == "Kadena"
    edited = PropertySheet({"kind": "line", "name": "Lane"}, content)  # an existing feature keeps no label
    qtbot.addWidget(edited)
    assert edited.changes() == {}


def test_relabelling_a_kml_point_keeps_its_kind(qtbot):
    """Seen in the window: F2 on a KML placemark, a new label, OK, and the point became a 'Reference place' (another
    row in the tree and the legend, written into the saved file): the file states no kind, the sheet showed its
    first choice for it and OK wrote that. The sheet shows the kind the feature is drawn as, and writes none
    unless the user picks one."""
    content = load_workspace([]).content
    sheet = PropertySheet({"label": "Buoy A"}, content, kind="point")
    qtbot.addWidget(sheet)
    assert sheet.kind_box.currentData() == "point"
    sheet.label_box.setText("Buoy B")
    assert sheet.changes() == {"label": "Buoy B"}
    sheet.kind_box.setCurrentIndex(sheet.kind_box.findData("impact_point"))
    assert sheet.changes() == {"label": "Buoy B", "kind": "impact_point"}


def test_f2_on_a_kml_placemark_changes_only_its_label(window, tmp_path, monkeypatch):
    kml = tmp_path / "buoys.kml"
    kml.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                   "<Placemark><name>Buoy A</name><Point><coordinates>127.5,26.2,0</coordinates></Point></Placemark>"
                   "</Document></kml>", encoding="utf-8")
    window.open_files([str(kml)])
    feature = next(f for f in window.workspace.content.features.values() if f.label == "Buoy A")
    kind = feature.kind

    def relabel(sheet: PropertySheet) -> int:
        sheet.label_box.setText("Buoy B")
        return PropertySheet.DialogCode.Accepted

    monkeypatch.setattr(PropertySheet, "exec", relabel)
    window.workspace.selection.select([feature.id])
    assert window.review.edit_properties()
    edited = window.workspace.feature(feature.id)
    assert (edited.label, edited.kind) == ("Buoy B", kind)
    assert "kind" not in edited.properties
