"""Add from coordinates and Go to: the forms users paste parse to the right place (through the one coordinate
parser), are shown back before anything is added, and bad ones add nothing and say why in one line."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

pytest.importorskip("viewer.geo.coordinates")  # the one coordinate-text parser (viewer.geo.coordinates)
pytestmark = pytest.mark.gui

# (typed, lon, lat): decimal, degrees-minutes, degrees-minutes-seconds, packed, both hemispheres of each axis
FORMS = [
    ("33.27, 124.18", 124.18, 33.27),
    ("33-16N 124-11E", 124 + 11 / 60, 33 + 16 / 60),
    ("33°16\u2032N 124°11\u2032E", 124 + 11 / 60, 33 + 16 / 60),
    ("3316N12411E", 124 + 11 / 60, 33 + 16 / 60),
    ("33°16\u203230\u2033N 124°11\u203215\u2033E", 124 + 11 / 60 + 15 / 3600, 33 + 16 / 60 + 30 / 3600),
    ("12-30S 045-15W", -(45 + 15 / 60), -12.5),
    ("-12.5, -45.25", -45.25, -12.5),
]


@pytest.fixture
def dialog(qtbot, sample_workspace):
    from viewer.qt.dialogs.coordinates_dialog import CoordinatesDialog

    box = CoordinatesDialog(sample_workspace.content)
    qtbot.addWidget(box)
    return box


@pytest.mark.parametrize(("typed", "lon", "lat"), FORMS)
def test_each_form_is_previewed_at_its_position(dialog, typed, lon, lat):
    dialog.positions_box.setPlainText(typed)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.geometry_.x == pytest.approx(lon, abs=1e-6)
    assert dialog.geometry_.y == pytest.approx(lat, abs=1e-6)
    assert dialog.preview_box.text().startswith("1. ")


@pytest.mark.parametrize(("typed", "shape", "said"), [
    ("somewhere near Okinawa", "point", "not a position"),
    ("95.0, 124.0", "point", "beyond"),
    ("33.0, 190.0", "point", "beyond"),
    ("33N 124E\n34N 125E", "area", "three distinct corners"),
    ("33N 124E\n34N 125E\n33N 124E", "area", "three distinct corners"),
])
def test_bad_positions_add_nothing_and_say_why(dialog, typed, shape, said):
    dialog.shape_box.setCurrentIndex(dialog.shape_box.findData(shape))
    dialog.positions_box.setPlainText(typed)
    assert dialog.geometry_ is None
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    message = dialog.preview_box.text()
    assert message.startswith("Not added: ")
    assert said in message
    assert "\n" not in message


def test_polygon_one_corner_per_line_is_added_undoably(window, monkeypatch):
    from viewer.qt.dialogs.coordinates_dialog import CoordinatesDialog

    def typed(box) -> int:
        box.shape_box.setCurrentIndex(box.shape_box.findData("area"))
        box.positions_box.setPlainText("33-16N 124-11E\n33-16N 126-00E\n31-00N 126-00E\n31-00N 124-11E")
        box.label_box.setText("Notice area")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CoordinatesDialog, "exec", typed)
    feature = window.marks.add_from_coordinates()
    assert feature is not None
    assert feature.geometry.geom_type == "Polygon"
    assert len(feature.geometry.exterior.coords) == 5
    assert feature.properties["kind"] == "warning_area"
    assert feature.properties["certainty"] == "reported"  # typed from a source
    assert window.workspace.feature(feature.id) is feature
    window.review.undo_stack.undo()
    assert window.workspace.feature(feature.id) is None


def test_go_to_centres_the_map_and_refuses_what_is_not_a_position(window):
    before = window.map_view.frame
    assert window.marks.go_to("26-13N 127-41E") == pytest.approx((127 + 41 / 60, 26 + 13 / 60))
    xmin, ymin, xmax, ymax = window.map_view.frame
    lon, lat = window.map_view.projection.inverse((xmin + xmax) / 2, (ymin + ymax) / 2)
    assert (float(lon), float(lat)) == pytest.approx((127 + 41 / 60, 26 + 13 / 60), abs=0.01)
    assert xmax - xmin == pytest.approx(before[2] - before[0])  # the scale is kept
    frame = window.map_view.frame
    assert window.marks.go_to("Okinawa") is None
    assert window.map_view.frame == frame
    assert window.statusBar().currentMessage().startswith("Go to: ")
