"""Features of a kind the app does not know (another tool's 'radar_site') are drawn as the fallback is; they are
also explained: a legend row named after the kind, with the symbol they are drawn with, and rows in the tree that
list and hide them (they had neither)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from test_event_tree_timeline_search import find_row

from viewer.qt.panels.event_tree import FEATURE_ROLE, KIND_ROLE

RADAR = {"type": "Feature", "id": "radar-1", "geometry": {"type": "Point", "coordinates": [129.3, 33.9]},
         "properties": {"kind": "radar_site", "label": "Kyogamisaki radar", "certainty": "reported"}}


def test_a_kind_nobody_registered_has_a_legend_row_and_tree_rows(window, tmp_path):
    path = tmp_path / "radars.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "launchmap": {"version": 1}, "documents": [],
                                "events": [], "features": [RADAR]}), encoding="utf-8")
    window.open_files([str(path)])
    assert ("radar_site", "Radar site", "#555555") in window.canvas.frame.legend_rows
    tree = window.tree
    kind_row = tree.tree.itemFromIndex(find_row(tree, KIND_ROLE, "radar_site"))
    assert kind_row.text() == "Radar site"
    feature_row = find_row(tree, FEATURE_ROLE, "radar-1")
    assert feature_row.parent().data() == "Radar site"  # under its own kind, in its file's row
    kind_row.setCheckState(Qt.CheckState.Unchecked)  # and it can be hidden
    content = window.workspace.content
    assert "radar-1" not in {f.id for f in window.canvas.map_view.visible_features(content)}
    assert all(kind != "radar_site" for kind, _, _ in window.canvas.frame.legend_rows)


def test_the_export_legend_names_it_too(tmp_path, qapp):
    from viewer.cli.common import load_workspace
    from viewer.qt.draw.legend import legend_entries

    path = tmp_path / "radars.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [RADAR]}), encoding="utf-8")
    workspace = load_workspace([str(path)])
    visible = workspace.content.table.rows(workspace.content.table.kind.isin({"radar_site"}))
    colours = {key: "#123456" for keys in workspace.colour_keys() for key in keys}
    assert ("radar_site", "Radar site", "#555555") in legend_entries(workspace, visible, colours)
