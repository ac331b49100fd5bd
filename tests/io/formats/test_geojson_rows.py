"""A plain GeoJSON FeatureCollection is read into columns (`RowFeatures`), each `Feature` made when asked for: the
bundle and every message are those of reading it feature by feature; loading and showing 100k lines makes no feature;
converting it to GeoPackage makes none; edits work on its rows."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely
from feature_counting import Made

from viewer.io.bundle.writer import bundle_to_dict
from viewer.io.formats.geojson import reader as geojson_reader
from viewer.io.formats.geojson.writer import write_geojson
from viewer.io.formats.gpkg.reader import read_gpkg
from viewer.io.formats.gpkg.writer import write_gpkg
from viewer.io.load import open_path
from viewer.model.bundle_features import RowFeatures
from viewer.model.edits import EditProperty, MoveVertex, RejectDraft
from viewer.model.feature_table import columns_of
from viewer.model.problem import BundleError
from viewer.model.workspace import Workspace


def _feature(i, properties, geometry=None, **members):
    geometry = geometry if geometry is not None else {
        "type": "LineString", "coordinates": [[120 + i % 10, 30.5], [121 + i % 10, 31.25], [122.5, 29]]}
    return {"type": "Feature", **members, "geometry": geometry, "properties": properties}


CASES = {
    # what another tool writes: nulls, a name to label from (not in every row), numbers, an event given as a number
    "plain": [_feature(i, {"name": None if i % 4 == 0 else f"line {i}", "rank": i, "ratio": i / 3,
                           "event": 2023 + i % 2, "kind": "flight_path" if i % 3 else "road",
                           "tags": ["a", {"b": None}]}) for i in range(9)],
    "null geometry and no properties": [{"type": "Feature", "geometry": None, "properties": None}] * 3 +
                                       [_feature(3, None)],
    "ids given": [_feature(i, {"label": f"x{i}", "certainty": "derived"}, id=f"id-{i}") for i in range(7)],
    "unknown certainty": [_feature(i, {"certainty": "rumoured" if i == 4 else "reported"}) for i in range(8)],
    "an id given twice": [_feature(i, {"a": 1}, id="same" if i in (2, 5) else f"f{i}") for i in range(8)],
    "numbers as ids": [_feature(i, {"a": 1}, id=i) for i in range(5)],
    "a key given twice": None,  # written by hand below
    "keys in another order": [_feature(i, {"a": 1, "b": 2} if i != 3 else {"b": 2, "a": 1}) for i in range(6)],
    "four numbers a position": [_feature(i, {"a": i}, {"type": "LineString",
                                                       "coordinates": [[120, 30, 5, 7], [121, 31, 6, 8]]} if i == 2
                                         else None) for i in range(5)],
    "foreign members": [_feature(i, {"a": i}, **({"bbox": [0, 0, 1, 1]} if i == 1 else {})) for i in range(4)],
    "citations": [_feature(i, {"citations": [{"document": "x"}], "claims": []}) for i in range(3)],
    "across the antimeridian": [_feature(i, {"a": i}, {"type": "LineString", "coordinates": [[179.5, 10], [-179.5, 11]]}
                                         if i in (1, 4) else None) for i in range(6)],
    "bad geometry": [_feature(i, {"a": i}, {"type": "LineString", "coordinates": [[120, 95], [121, 31]]} if i == 3
                              else None) for i in range(6)],
    "a self-crossing polygon": [_feature(i, {"a": i}, {"type": "Polygon", "coordinates": [
        [[120, 30], [121, 31], [121, 30], [120, 31], [120, 30]]]} if i == 1 else None) for i in range(4)],
    "not a feature": [_feature(0, {"a": 0}), [1, 2], _feature(2, {"a": 2})],
    "annotations": [_feature(i, {"kind": "annotation", "text": ""}, {"type": "Point", "coordinates": [120, 30]})
                    for i in range(3)],
    "event not a text": [_feature(i, {"event": True if i == 2 else "e"}) for i in range(4)],
}


def _write(folder, name, features, crs=None):
    path = folder / f"{name.replace(' ', '_')}.geojson"
    if features is None:
        text = '{"type": "FeatureCollection", "features": [' + ",".join(
            json.dumps(_feature(i, {"a": 1})) for i in range(3)) + \
            ', {"type": "Feature", "geometry": null, "properties": {"a": 1, "a": 2}}]}'
        path.write_text(text)
        return path
    root = {"type": "FeatureCollection", **({"crs": crs} if crs else {}), "features": features}
    path.write_text(json.dumps(root))
    return path


def _read(path):
    """(the bundle written back as JSON text, or None, and the problems as text)."""
    try:
        bundle, problems = open_path(path)
    except BundleError as error:
        return None, [str(p) for p in error.problems], None
    return json.dumps(bundle_to_dict(bundle)), [str(p) for p in problems], bundle


def read_both_ways(path, monkeypatch, batch):
    """`_read` of ``path`` in batches of ``batch`` as columns where they can be, then feature by feature: (as rows,
    their problems, the bundle read as rows, one by one, its problems)."""
    monkeypatch.setattr(geojson_reader, "BATCH", batch)
    as_rows, rows_problems, bundle = _read(path)
    monkeypatch.setattr(geojson_reader, "read_rows", lambda *args, **kwargs: False)
    one_by_one, problems, _ = _read(path)
    return as_rows, rows_problems, bundle, one_by_one, problems


@pytest.mark.parametrize("batch", [geojson_reader.BATCH, 3])
@pytest.mark.parametrize("name", list(CASES))
def test_a_plain_file_reads_as_it_does_feature_by_feature(tmp_path, monkeypatch, name, batch):
    path = _write(tmp_path, name, CASES[name])
    as_rows, rows_problems, bundle, one_by_one, problems = read_both_ways(path, monkeypatch, batch)
    assert rows_problems == problems
    assert as_rows == one_by_one
    if name in ("plain", "null geometry and no properties", "ids given"):
        assert isinstance(bundle.features, RowFeatures)
        assert list(bundle.features.held()) == []


def test_a_file_in_another_projection_is_reprojected_once(tmp_path, monkeypatch):
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    features = [_feature(i, {"a": i}, {"type": "Point", "coordinates": [13914936.35, 4163881.14]}) for i in range(5)]
    path = _write(tmp_path, "mercator", features, crs)
    as_rows, rows_problems, bundle = _read(path)
    assert isinstance(bundle.features, RowFeatures)
    point = next(iter(bundle.features.values())).geometry
    assert point.x == pytest.approx(125.0, abs=1e-6)
    assert point.y == pytest.approx(35.0, abs=1e-6)
    monkeypatch.setattr(geojson_reader, "read_rows", lambda *args, **kwargs: False)
    assert _read(path)[:2] == (as_rows, rows_problems)


COUNT = 100_000


@pytest.fixture(scope="module")
def lines(tmp_path_factory):
    """100,000 lines from another tool (a name, sometimes null, and a kind each), over 1 MB: the quick parse."""
    path = tmp_path_factory.mktemp("lines") / "lines.geojson"
    rng = np.random.default_rng(5)
    lon, lat = rng.uniform(120, 140, COUNT).round(5), rng.uniform(25, 40, COUNT).round(5)
    with path.open("w") as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        for i in range(COUNT):
            name = "null" if i % 10 == 9 else f'"line {i}"'
            handle.write(f'{"," if i else ""}{{"type": "Feature", "properties": {{"name": {name}, "kind": '
                         f'"{"flight_path" if i % 2 else "reference_place"}"}}, "geometry": {{"type": "LineString", '
                         f'"coordinates": [[{lon[i]}, {lat[i]}], [{lon[i] + 1}, {lat[i] - 0.5}]]}}}}\n')
        handle.write("]}\n")
    return path


def test_loading_and_showing_100k_lines_makes_no_feature_until_one_is_asked_for(lines, monkeypatch):
    made = Made(monkeypatch)
    bundle, problems = open_path(lines)
    assert problems == []
    assert len(bundle.features) == COUNT
    workspace = Workspace()
    workspace.add(bundle)
    table = workspace.content.table
    shown = table.rows(table.kind.isin({"flight_path"}))
    assert len(shown) == COUNT // 2
    assert columns_of(shown) is not None
    assert table.kind.counts() == {"flight_path": COUNT // 2, "reference_place": COUNT // 2}
    assert made.count == 0

    feature = workspace.feature("lines.geojson#3")
    assert (feature.label, feature.kind) == ("line 3", "flight_path")
    assert feature.properties == {"name": "line 3", "kind": "flight_path", "label": "line 3"}
    assert workspace.feature("lines.geojson#9").properties == {"name": None, "kind": "flight_path"}
    assert feature is bundle.features["lines.geojson#3"] is shown[1]
    assert made.count == 2


def test_converting_100k_lines_to_geopackage_makes_no_feature_and_keeps_the_edits(lines, tmp_path, monkeypatch):
    bundle, _ = open_path(lines)
    EditProperty("lines.geojson#4", "label", "renamed").apply(bundle)
    MoveVertex("lines.geojson#6", 1, 130.5, 30.25).apply(bundle)
    RejectDraft("lines.geojson#8").apply(bundle)  # removed
    made = Made(monkeypatch)
    write_gpkg(bundle, tmp_path / "lines.gpkg")
    assert made.count == 0
    monkeypatch.undo()
    again, problems = read_gpkg(tmp_path / "lines.gpkg")
    assert problems == []
    assert len(again.features) == COUNT - 1
    assert bundle_to_dict(again)["features"][:12] == bundle_to_dict(bundle)["features"][:12]
    assert again.features["lines.geojson#4"].label == "renamed"
    assert again.features["lines.geojson#9"].properties == {"name": None, "kind": "flight_path"}
    assert list(shapely.get_coordinates(again.features["lines.geojson#6"].geometry)[1]) == [130.5, 30.25]
    assert "lines.geojson#8" not in again.features


def test_edits_on_a_plain_geojson_s_rows_are_saved_and_undone(tmp_path):
    path = _write(tmp_path, "plain", CASES["plain"])
    bundle, _ = open_path(path)
    assert isinstance(bundle.features, RowFeatures)
    label = EditProperty("plain.geojson#2", "label", "Sohae")
    label.apply(bundle)
    move = MoveVertex("plain.geojson#5", 0, 124.7, 39.66)
    move.apply(bundle)
    removed = RejectDraft("plain.geojson#7")
    removed.apply(bundle)
    write_geojson(bundle, tmp_path / "saved.geojson")
    saved, _ = open_path(tmp_path / "saved.geojson")
    assert saved.features["plain.geojson#2"].label == "Sohae"
    assert list(shapely.get_coordinates(saved.features["plain.geojson#5"].geometry)[0]) == [124.7, 39.66]
    assert "plain.geojson#7" not in saved.features
    for edit in (removed, move, label):
        edit.revert(bundle)
    fresh, _ = open_path(path)
    assert bundle_to_dict(bundle) == bundle_to_dict(fresh)


CSV_CASES = {
    "named points": "name,lon,lat,kind,event,event_name,id\nSohae,124.7,39.66,launch_site,e1,First,s1\n,125,40,road,,,"
                    "\nTonghae,129.67,40.85,launch_site,e1,,s1\nTonghae,129.67,40.85,road,e2,Second,\n",
    "coordinates only": "lon;lat\n124;39\n125,5;40\n\n126;41\n",
    "labels and guarded cells": "Title,x,y,label\n'=A,124,39,\nB,125,40,given\n",
    "lines as wkt": 'wkt,name,certainty\n"LINESTRING (179.5 10, -179.5 11)",cross,reported\n"POINT (1 2)",p,odd\n'
                    '"LINESTRING (1 2, 3 4)",,\n',
    "a name twice": "name,lon,lat,name\na,124,39,b\nc,125,40,d\n",
    "bad rows": "lon,lat,name\n124,39,a\n200,40,b\nx,40,c\n125,41,d,e\n",
}


@pytest.mark.parametrize("name", list(CSV_CASES))
def test_a_csv_reads_as_it_does_row_by_row(tmp_path, monkeypatch, name):
    from viewer.io.formats.csv import reader as csv_reader

    path = tmp_path / f"{name.replace(' ', '_')}.csv"
    path.write_text(CSV_CASES[name])
    as_columns, column_problems, bundle = _read(path)
    made = csv_reader._Rows.__init__

    def by_feature(rows, *args):
        made(rows, *args)
        rows.by_feature = True

    monkeypatch.setattr(csv_reader._Rows, "__init__", by_feature)
    assert _read(path)[:2] == (as_columns, column_problems)
    if name in ("named points", "coordinates only", "lines as wkt"):
        assert isinstance(bundle.features, RowFeatures)
        assert list(bundle.features.held()) == []
