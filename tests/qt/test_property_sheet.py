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
