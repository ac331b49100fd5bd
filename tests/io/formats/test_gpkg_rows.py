"""A plain GeoPackage layer's properties are made from its columns on demand: the same dicts as made at once,
the same messages at the same places, and an edit to one sticks and is saved."""

from __future__ import annotations

import copy
import math

import geopandas as gpd
import pytest
import shapely

from viewer.io.convert import export_bundle
from viewer.io.formats.gpkg.reader import read_gpkg
from viewer.io.load import open_path
from viewer.model.bundle import Bundle
from viewer.model.edits import EditProperty
from viewer.model.feature import Feature
from viewer.model.feature_rows import LayerColumns


@pytest.fixture
def catalogue(tmp_path):
    """Four points from another tool: text, integers and reals with nulls, a kind, a launch named in a column."""
    path = tmp_path / "catalogue.gpkg"
    frame = gpd.GeoDataFrame(
        {"name": ["Sohae", None, "Musudan-ri", "Pyongyang"],
         "count": gpd.pd.array([3, None, 7, 0], dtype="Int64"),
         "height": [12.5, math.nan, 0.25, -4.0],
         "kind": ["launch_site", None, "launch_site", "reference_place"],
         "event": [None, "2016-02-07-kms4", None, None],
         "event_name": [None, "Kwangmyongsong-4", None, None]},
        geometry=[shapely.Point(124.705, 39.66), shapely.Point(125.0, 38.0), shapely.Point(129.666, 40.856),
                  shapely.Point(125.75, 39.03)], crs=4326)
    frame.to_file(path, layer="sites", driver="GPKG")
    return path


EXPECTED = [  # the rows as dicts: null cells left out, the layer and a label from the name added, in column order
    {"name": "Sohae", "count": 3, "height": 12.5, "kind": "launch_site", "layer": "sites", "label": "Sohae"},
    {"event": "2016-02-07-kms4", "event_name": "Kwangmyongsong-4", "layer": "sites"},
    {"name": "Musudan-ri", "count": 7, "height": 0.25, "kind": "launch_site", "layer": "sites",
     "label": "Musudan-ri"},
    {"name": "Pyongyang", "count": 0, "height": -4.0, "kind": "reference_place", "layer": "sites",
     "label": "Pyongyang"},
]


def test_rows_made_on_demand_equal_the_rows_made_at_once(catalogue, monkeypatch):
    bundle, problems = read_gpkg(catalogue)
    assert problems == []
    features = list(bundle.features.values())

    def made(*args):
        raise AssertionError("a properties dict was made")

    with monkeypatch.context() as patch:  # what drawing, counting and filtering read makes no row
        patch.setattr(LayerColumns, "row", made)
        seen = [(f.kind, f.label, f.event, f.certainty, [f.value(key) for key in EXPECTED[0]]) for f in features]
    assert [(kind, label, event) for kind, label, event, _, _ in seen] == [
        ("launch_site", "Sohae", None), ("point", "catalogue.gpkg#sites/2", "2016-02-07-kms4"),
        ("launch_site", "Musudan-ri", None), ("reference_place", "Pyongyang", None)]
    assert {certainty for _, _, _, certainty, _ in seen} == {"reported"}
    assert [f.properties for f in features] == EXPECTED
    assert [list(f.properties) for f in features] == [list(row) for row in EXPECTED]  # the columns' order
    assert [[f.value(key) for key in EXPECTED[0]] for f in features] == [cells for *_, cells in seen]
    assert isinstance(features[0].properties["count"], int)
    assert features[0] == Feature(features[0].id, features[0].geometry, dict(EXPECTED[0]))
    assert bundle.events["2016-02-07-kms4"].name == "Kwangmyongsong-4"


def test_an_edit_to_a_row_sticks_and_is_saved(catalogue, tmp_path):
    bundle, _ = open_path(catalogue)
    sohae = bundle.features["catalogue.gpkg#sites/1"]
    twin = copy.deepcopy(sohae)  # a copy shares the read cells, not the edits
    EditProperty(sohae.id, "label", "Sohae Satellite Launching Station").apply(bundle)
    EditProperty(sohae.id, "certainty", "approximate").apply(bundle)
    assert sohae.label == "Sohae Satellite Launching Station"
    assert sohae.value("certainty") == sohae.certainty == "approximate"
    assert twin.label == "Sohae"
    assert twin.properties == EXPECTED[0]
    assert bundle.features["catalogue.gpkg#sites/3"].properties == EXPECTED[2]  # its neighbours untouched
    sohae.properties = {"label": "replaced"}
    assert sohae.label == "replaced"
    assert sohae.kind == "point"
    for suffix in (".geojson", ".gpkg"):
        saved = tmp_path / f"saved{suffix}"
        export_bundle(bundle, saved)
        again, _ = open_path(saved)
        assert again.features[sohae.id].properties == {"label": "replaced"}
        assert [f.properties for f in again.features.values()][1:] == EXPECTED[1:]


def test_messages_name_the_layer_and_fid_in_every_batch(tmp_path, monkeypatch):
    from viewer.io.formats.gpkg import reader

    monkeypatch.setattr(reader, "BATCH", 2)  # the antimeridian is looked for batch by batch, as they are read
    path = tmp_path / "paths.gpkg"
    lines = [shapely.LineString([(124, 30), (125, 31)])] * 3 + [shapely.LineString([(170, 40), (-170, 42)])]
    gpd.GeoDataFrame({"name": ["a", "b", "c", "pacific"]}, geometry=lines, crs=4326).to_file(path, layer="paths")
    gpd.GeoDataFrame({"name": ["bow tie"]}, geometry=[shapely.Polygon([(124, 30), (126, 32), (126, 30), (124, 32)])],
                     crs=4326).to_file(path, layer="zones")
    _, problems = open_path(path)
    assert [(p.where, p.message.split(" (")[0]) for p in problems] == [
        ("layer zones, fid 1", "invalid Polygon repaired"),
        ("layer paths, fid 4", "crosses the antimeridian")]


@pytest.mark.parametrize("z", [False, True])
def test_the_antimeridian_is_found_from_the_vertices_the_checks_read(tmp_path, z: bool):
    """Points, lines (with a z or not) and a row without geometry in one batch: the checks' vertices serve the
    antimeridian test, each crossing named at its own fid, as the geometries read afresh name them."""
    path = tmp_path / "mixed.gpkg"
    def at(x: float, y: float) -> tuple[float, ...]:
        return (x, y, 10.0) if z else (x, y)

    geometries = [shapely.Point(at(124, 30)), None, shapely.LineString([at(170, 40), at(-170, 42)]),
                  shapely.LineString([at(124, 30), at(125, 31), at(126, 30)]), shapely.Point(at(-179, 10)),
                  shapely.LineString([at(-175, 50), at(-178, 51), at(179, 52)])]
    gpd.GeoDataFrame({"name": list("abcdef")}, geometry=geometries, crs=4326).to_file(path, layer="paths")
    _, problems = open_path(path)
    assert [(p.where, p.message.split(" (")[0]) for p in problems] == [
        ("layer paths, fid 3", "crosses the antimeridian"), ("layer paths, fid 6", "crosses the antimeridian")]


def test_a_row_id_taken_by_a_launchmap_feature_gets_another(tmp_path):
    from viewer.io.formats.gpkg.writer import write_gpkg

    path = tmp_path / "mixed.gpkg"
    taken = Feature("mixed.gpkg#sites/1", shapely.Point(124.705, 39.66), {"kind": "launch_site", "label": "ours"})
    write_gpkg(Bundle(features={taken.id: taken}), path)
    gpd.GeoDataFrame({"name": ["theirs", "next"]}, geometry=[shapely.Point(125, 38), shapely.Point(126, 38)],
                     crs=4326).to_file(path, layer="sites", driver="GPKG")
    bundle, _ = open_path(path)
    assert {f.id: f.label for f in bundle.features.values()} == {
        "mixed.gpkg#sites/1": "ours", "mixed.gpkg#sites/1-2": "theirs", "mixed.gpkg#sites/2": "next"}
