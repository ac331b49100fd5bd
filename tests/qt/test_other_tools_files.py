"""Files from other tools (no launchmap kind) draw as what they are: lines as lines, areas as areas, points as
markers, in one colour per file, named after it in the tree and the legend; the colour can be changed and stays."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from viewer.qt.panels.event_tree import LAYER_ROLE

pytestmark = pytest.mark.gui


def plain_geojson(folder, name="ship_tracks") -> str:
    path = folder / "tracks.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "name": name, "features": [
        {"type": "Feature", "properties": {"name": "Track A"},
         "geometry": {"type": "LineString", "coordinates": [[125, 30], [128, 27], [131, 25]]}},
        {"type": "Feature", "properties": {"name": "Zone Z"},
         "geometry": {"type": "Polygon", "coordinates": [[[126, 22], [129, 22], [129, 24], [126, 24], [126, 22]]]}},
        {"type": "Feature", "properties": {"title": "Buoy"},
         "geometry": {"type": "Point", "coordinates": [127.5, 28.5]}}]}))
    return str(path)


def test_a_plain_geojson_draws_by_geometry_in_its_layers_colour(window, qtbot, tmp_path):
    window.open_files([plain_geojson(tmp_path)])
    features = {f.label: f for f in window.workspace.content.features.values() if f.layer == "ship_tracks"}
    assert {name: f.kind for name, f in features.items()} == {"Track A": "line", "Zone Z": "area", "Buoy": "point"}
    colour = window.canvas.event_colours["ship_tracks"]
    assert colour not in {window.canvas.event_colours[e] for e in window.workspace.content.events}
    line_strokes = window.canvas.visuals["line"].strokes
    assert [s.colour for s in line_strokes] == [colour]  # a line, not a 7 px dot
    assert window.canvas.visuals["area"].strokes[0].fill == colour
    assert ("layer", "ship_tracks", colour) in window.canvas.frame.legend_rows

    rows = [window.tree.tree.index(r, 0) for r in range(window.tree.tree.rowCount())]
    layer_rows = [i for i in rows if i.data(LAYER_ROLE) == "ship_tracks"]
    assert len(layer_rows) == 1
    window.tree.tree.itemFromIndex(layer_rows[0]).setCheckState(Qt.CheckState.Unchecked)
    assert "ship_tracks" in window.map_view.hidden_layers
    assert not any(f.layer == "ship_tracks" for f in window.canvas.visible_features())


def test_a_layers_colour_is_the_users_and_comes_back_with_the_session(window, qtbot, tmp_path):
    window.open_files([plain_geojson(tmp_path)])
    window.tree.choose_layer_colour("ship_tracks", QColor("#112233"))
    assert window.canvas.event_colours["ship_tracks"] == "#112233"
    assert [s.colour for s in window.canvas.visuals["line"].strokes] == ["#112233"]
    session = tmp_path / "s.lmsession"
    assert window.session.save_as(session)
    window.map_view.set_layer_colour("ship_tracks", None)
    assert window.session.open_session(session)
    assert window.map_view.layer_colours == {"ship_tracks": "#112233"}


def test_a_plain_geopackage_opens_drawn_and_in_the_legend_without_making_its_rows(window, qtbot, tmp_path,
                                                                                   monkeypatch):
    import geopandas as gpd
    import shapely

    from viewer.model.feature_rows import LayerColumns
    from viewer.qt.panels import event_tree

    path = tmp_path / "catalogue.gpkg"
    gpd.GeoDataFrame({"name": ["Buoy", "Mast"], "height": [3.5, None]},
                     geometry=[shapely.Point(127.5, 28.5), shapely.Point(128.5, 29.5)], crs=4326).to_file(
        path, layer="buoys")
    gpd.GeoDataFrame({"name": ["Track A"]}, geometry=[shapely.LineString([(125, 30), (128, 27), (131, 25)])],
                     crs=4326).to_file(path, layer="tracks")
    made = []
    monkeypatch.setattr(LayerColumns, "row", lambda columns, index: made.append(index))
    # The tree lists a small layer's features one by one, each with the certainty its row states (a dict made for
    # each of at most LISTED_UP_TO); a catalogue too large to list is what must open without making any.
    monkeypatch.setattr(event_tree, "LISTED_UP_TO", 0)
    window.open_files([str(path)])
    qtbot.wait(50)
    window.canvas.viewport().repaint()
    features = {f.label: f for f in window.workspace.content.features.values() if f.layer == "catalogue"}
    assert {name: f.kind for name, f in features.items()} == {"Buoy": "point", "Mast": "point", "Track A": "line"}
    assert window.canvas.visuals["line"].strokes  # drawn, in the tree and the legend, from the cells alone
    assert any(row[1] == "catalogue" for row in window.canvas.frame.legend_rows)
    assert made == []


def test_hovering_a_plain_feature_does_not_call_it_reported(window, tmp_path):
    """Found in use: the tooltip of a line from another tool read 'Certainty: reported · 0 passage(s)'."""
    window.open_files([plain_geojson(tmp_path)])
    track = next(f for f in window.workspace.content.features.values() if f.label == "Track A")
    assert window.canvas.tooltip_text(track).splitlines()[-1] == "Certainty not stated"
    site = window.workspace.content.features["2016-02-07-kms4/launch-site"]
    cited = len(site.all_citations)
    plural = "" if cited == 1 else "s"
    assert window.canvas.tooltip_text(site).splitlines()[-1] == f"Certainty: {site.certainty} · {cited} passage{plural}"
