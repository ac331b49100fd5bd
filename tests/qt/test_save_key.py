"""Ctrl+S saves the work: an edited bundle is written to its file, atomically, with a message naming it. It saved
only the session (asking for a .lmsession nobody wanted) and left the edit unsaved. A file launchmap did not write
(a KML, another tool's GeoJSON) is never overwritten unasked: its edits go to a launchmap bundle the user names.
The window's title names the open session, and shows when there is unsaved work."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from viewer.model.edits import EditProperties

pytestmark = pytest.mark.gui

KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Buoy A</name><Point><coordinates>127.5,26.2,0</coordinates></Point></Placemark>
</Document></kml>
"""
PLAIN = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "Lane"}, "geometry": {"type": "Point", "coordinates": [127.5, 26.2]}}]}


def _save_key(window) -> QAction:
    """The one action Ctrl+S triggers."""
    actions = [a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)]
    assert len(actions) == 1, [a.text() for a in actions]
    return actions[0]


def _never_asked(*args, **kwargs):
    raise AssertionError(f"asked where to save: {args[1:3]}")


def _relabel(window, feature_id: str, label: str) -> None:
    assert window.review.run(feature_id, EditProperties(feature_id, {"label": label}))


def test_ctrl_s_writes_an_edited_launchmap_bundle_to_its_file(window, make_bundle, monkeypatch):
    path = make_bundle(name="mine.geojson")
    window.open_files([str(path)])
    feature_id = next(f.id for f in window.workspace.content.features.values()
                      if window.workspace.bundle_of(f.id).path == path)
    _relabel(window, feature_id, "renamed on the map")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _never_asked)
    shown = []
    monkeypatch.setattr(window.shell, "status", lambda text, *args: shown.append(text))
    _save_key(window).trigger()
    written = {f["id"]: f["properties"].get("label") for f in json.loads(path.read_text("utf-8"))["features"]}
    assert written[feature_id] == "renamed on the map"
    assert not any(b.modified for b in window.workspace.bundles)
    assert any("mine.geojson" in text for text in shown), shown
    assert not list(path.parent.glob("*.lmsession"))  # no session was asked for nor written


def test_ctrl_s_never_overwrites_a_kml_it_asks_for_a_launchmap_bundle(window, tmp_path, monkeypatch):
    kml = tmp_path / "buoys.kml"
    kml.write_text(KML, encoding="utf-8")
    window.open_files([str(kml)])
    feature_id = next(f.id for f in window.workspace.content.features.values() if f.label == "Buoy A")
    _relabel(window, feature_id, "Buoy B")
    asked = []

    def answer(parent, caption, start, *args, **kwargs):
        asked.append((caption, start))
        return str(tmp_path / "buoys.geojson"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    _save_key(window).trigger()
    assert kml.read_text(encoding="utf-8") == KML
    assert len(asked) == 1
    caption, start = asked[0]
    assert "buoys.kml" in caption
    assert start == str(tmp_path / "buoys.geojson")
    saved = json.loads((tmp_path / "buoys.geojson").read_text("utf-8"))
    assert [f["properties"]["label"] for f in saved["features"]] == ["Buoy B"]
    _relabel(window, feature_id, "Buoy C")  # now a launchmap bundle: saved again where it is, unasked
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _never_asked)
    _save_key(window).trigger()
    saved = json.loads((tmp_path / "buoys.geojson").read_text("utf-8"))
    assert [f["properties"]["label"] for f in saved["features"]] == ["Buoy C"]


def test_ctrl_s_asks_before_overwriting_another_tools_geojson(window, tmp_path, monkeypatch):
    plain = tmp_path / "lanes.geojson"
    plain.write_text(json.dumps(PLAIN), encoding="utf-8")
    before = plain.read_bytes()
    window.open_files([str(plain)])
    feature_id = next(f.id for f in window.workspace.content.features.values() if f.label == "Lane")
    _relabel(window, feature_id, "Lane 2")
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: asked.append(args[1:3]) or ("", ""))
    _save_key(window).trigger()
    assert plain.read_bytes() == before  # cancelled: nothing written, the edit kept
    assert asked
    assert "lanes.geojson" in asked[0][0]
    assert window.workspace.feature(feature_id).label == "Lane 2"


def test_the_title_names_the_open_session_and_marks_unsaved_work(window, tmp_path, make_bundle):
    assert "launches.geojson" in window.windowTitle()
    session = tmp_path / "nov2023.lmsession"
    assert window.session.save_as(session)
    assert window.windowTitle().startswith("nov2023.lmsession")
    assert not window.isWindowModified()
    window.open_files([str(make_bundle(name="more.geojson"))])
    assert window.windowTitle().startswith("nov2023.lmsession")  # not the bundles' names
    assert window.isWindowModified()
