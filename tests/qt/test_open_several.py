"""Opening several files at once: a reprojection note stays readable, and files refused are listed in one message."""

from __future__ import annotations

import json

from viewer.qt import plain_box
from viewer.resources import sample_bundle

MERCATOR_LINES = {  # as GDAL writes a GeoJSON in EPSG:3857 (geopandas' to_file with crs 3857)
    "type": "FeatureCollection",
    "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
    "features": [{"type": "Feature", "properties": {"name": "Track A"},
                  "geometry": {"type": "LineString",
                               "coordinates": [[13881540.5, 4816656.7], [13970596.1, 3895304.0]]}}],
}


def test_the_reprojection_note_is_kept_when_the_next_file_opens(window, tmp_path):
    mercator = tmp_path / "tracks_3857.geojson"
    mercator.write_text(json.dumps(MERCATOR_LINES), encoding="utf-8")
    sites = tmp_path / "sites.csv"
    sites.write_text("name,lon,lat\nSinpo,128.18,40.02\n", encoding="utf-8")
    window.open_files([str(mercator), str(sites)])  # the CSV's "Opened sites.csv" wrote over the note at once
    note = window.file_notes
    assert note.isVisibleTo(window)
    assert "tracks_3857.geojson" in note.text()
    assert "reprojected" in note.toolTip()
    assert "Pseudo-Mercator" in note.toolTip()
    message = window.statusBar().currentMessage()
    assert message == "Opened tracks_3857.geojson, sites.csv — 1 warning (see the note)"
    window.statusBar().showMessage("Map copied to the clipboard", 5000)  # any later message
    assert note.isVisibleTo(window)  # the note is not a message: it stays until clicked away
    note.click()
    assert not note.isVisibleTo(window)


def test_files_already_open_are_listed_in_one_message(window, monkeypatch, tmp_path):
    sites = tmp_path / "sites.csv"
    sites.write_text("name,lon,lat\nSinpo,128.18,40.02\n", encoding="utf-8")
    window.open_files([str(sites)])
    reported = []
    monkeypatch.setattr(plain_box, "warning", lambda parent, title, text: reported.append(text))
    window.open_files([str(sample_bundle()), str(sites)])
    assert len(reported) == 1, reported  # one box, not one per file
    assert "launches.geojson" in reported[0]
    assert "sites.csv" in reported[0]
    assert "already open" in reported[0]


def test_a_file_named_with_a_tab_opens_and_its_name_reads_on_one_line(window, tmp_path):
    import geopandas
    import shapely

    from viewer.qt.panels.event_tree import LAYER_ROLE

    plain = tmp_path / "plain.gpkg"
    geopandas.GeoDataFrame({"name": ["Radar Jeju"]}, geometry=[shapely.Point(126.5, 33.4)],
                           crs="EPSG:4326").to_file(plain, layer="sensors")
    named = tmp_path / "radar\tsites.gpkg"
    plain.rename(named)
    window.open_files([str(named)])
    assert "radar\u2409sites" in window.workspace.layers()
    model = window.tree.model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    assert [i.data() for i in rows if i.data(LAYER_ROLE)] == ["radar\u2409sites"]
    message = window.statusBar().currentMessage()
    assert message == "Opened radar\u2409sites.gpkg"
