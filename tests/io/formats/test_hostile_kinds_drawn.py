"""A feature whose kind launchmap does not know is warned about as "drawn as a reference place", and is drawn so:
sorted into the reference places' group for the map, whether read one by one (GeoJSON) or as a GeoPackage
layer's columns. Before, such features were left out of every group, so nothing but their labels showed."""

from __future__ import annotations

import json

import geopandas
import numpy as np
import shapely

from viewer.io.load import open_path
from viewer.model.kinds import by_kind, kind_names


def test_unknown_kinds_of_a_geojson_are_drawn_as_reference_places(tmp_path):
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [124 + i, 36]},
         "properties": {"kind": kind, "label": f"P{i}"}}
        for i, kind in enumerate(["mystery", "impact_point", "mystery", "other", "reference_place"])]}))
    bundle, problems = open_path(path)
    assert any("unknown kind 'mystery'; drawn as a reference place" in p.message for p in problems)
    groups = by_kind(list(bundle.features.values()), kind_names())
    assert [f.label for f in groups["reference_place"]] == ["P0", "P2", "P3", "P4"]
    assert [f.label for f in groups["impact_point"]] == ["P1"]
    assert sum(len(group) for group in groups.values()) == 5


def test_unknown_kinds_of_a_geopackage_layer_are_drawn_as_reference_places(tmp_path):
    count = 3000  # read as the layer's columns
    kinds = [f"k{i % 700}" for i in range(count)] + ["impact_point", "reference_place"]
    frame = geopandas.GeoDataFrame({"kind": kinds}, crs="EPSG:4326", geometry=shapely.points(
        np.c_[np.linspace(120, 130, len(kinds)), np.linspace(30, 40, len(kinds))]))
    path = tmp_path / "many.gpkg"
    frame.to_file(path, layer="many")
    bundle, _ = open_path(path)
    features = list(bundle.features.values())
    groups = by_kind(features, kind_names())
    assert len(groups["reference_place"]) == count + 1
    assert len(groups["impact_point"]) == 1
    assert sum(len(group) for group in groups.values()) == count + 2
    only_sites = by_kind(features, ["launch_site"])  # the reference places' group not asked for: none of them
    assert list(only_sites) == ["launch_site"]
    assert len(only_sites["launch_site"]) == 0


def test_an_unknown_kind_is_warned_about_once_in_a_bundle(tmp_path):
    # 200,000 features of one unknown kind printed 200,000 warnings (+40 % time, +60 MB); a layer warned once
    path = tmp_path / "many.geojson"
    kinds = ["mystery", "mystery", "other", ["odd"], "mystery", ["odd"], "impact_point"]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [124, 36]}, "properties": {"kind": kind}}
        for kind in kinds]}))
    _, problems = open_path(path)
    assert [(p.where, p.message) for p in problems] == [
        ("features[0].properties.kind", "unknown kind 'mystery'; drawn as a reference place"),
        ("features[2].properties.kind", "unknown kind 'other'; drawn as a reference place"),
        ("features[3].properties.kind", "unknown kind ['odd']; drawn as a reference place")]
