"""A plain layer's features are made from its columns when asked for: loading, tabulating and showing a large layer
makes no `Feature`, a pass over them keeps none, and an edited row is kept (and found again) for good."""

from __future__ import annotations

import weakref

import geopandas as gpd
import numpy as np
import pytest
import shapely

from viewer.io.load import open_path
from viewer.io.session.edits import snapshot
from viewer.model.bundle_features import MergedFeatures, RowFeatures
from viewer.model.edits import EditProperty, MovePoint, RejectDraft
from viewer.model.feature import Feature
from viewer.model.feature_table import columns_of, same_features
from viewer.model.workspace import Workspace
from viewer.resources import sample_bundle

COUNT = 100_000


@pytest.fixture(scope="module")
def points(tmp_path_factory):
    """100,000 points from another tool, a name and a kind each, fids from 1."""
    path = tmp_path_factory.mktemp("points") / "points.gpkg"
    rng = np.random.default_rng(13)
    frame = gpd.GeoDataFrame(
        {"name": [f"site {i}" for i in range(COUNT)],
         "kind": np.where(np.arange(COUNT) % 3 == 0, "launch_site", "reference_place")},
        geometry=shapely.points(rng.uniform(120, 130, COUNT), rng.uniform(35, 42, COUNT)), crs=4326)
    frame.to_file(path, layer="sites", driver="GPKG")
    return path


class Made:
    """Every `Feature` made while counting, and how many of them are still alive."""

    def __init__(self, monkeypatch):
        self.count = 0
        self.made: list[weakref.ref[Feature]] = []
        made = Feature.__init__

        def counting(feature, *args, **kwargs):
            made(feature, *args, **kwargs)
            self.count += 1
            self.made.append(weakref.ref(feature))

        monkeypatch.setattr(Feature, "__init__", counting)

    @property
    def alive(self) -> int:
        return sum(ref() is not None for ref in self.made)


def test_loading_and_showing_100k_points_makes_no_feature_until_one_is_asked_for(points, monkeypatch):
    made = Made(monkeypatch)
    bundle, problems = open_path(points)
    assert problems == []
    assert len(bundle.features) == COUNT
    workspace = Workspace()
    workspace.add(bundle)
    table = workspace.content.table  # what the window's passes read: kinds, layers, geometries
    shown = table.rows(table.kind.isin({"launch_site"}))
    assert len(shown) == (COUNT + 2) // 3
    assert columns_of(shown) is not None
    assert table.kind.counts() == {"launch_site": 33_334, "reference_place": 66_666}
    assert table.passages().sum() == 0
    assert workspace.layers() == ["points"]
    assert made.count == 0  # (a Feature, its id and a dict entry each took ~220 bytes at a million)

    feature = workspace.feature("points.gpkg#sites/4")
    assert (feature.label, feature.kind, feature.layer) == ("site 3", "launch_site", "points")
    assert feature is bundle.features["points.gpkg#sites/4"] is shown[1]  # in use: the same one
    assert made.count == 1
    assert "points.gpkg#sites/0" not in bundle.features
    assert "points.gpkg#sites/04" not in bundle.features

    labels = [f.label for f in bundle.features.values()]  # a pass over them all keeps none
    assert labels[:2] == ["site 0", "site 1"]
    assert len(labels) == COUNT
    assert made.alive == 1  # the one still held above


def test_an_edited_row_is_kept_found_again_and_read_by_the_table(points):
    bundle, _ = open_path(points)
    key = "points.gpkg#sites/10"
    EditProperty(key, "label", "Sohae").apply(bundle)
    MovePoint(key, 124.7, 39.66).apply(bundle)
    del key
    edited = bundle.features["points.gpkg#sites/10"]
    assert edited.label == "Sohae"
    assert edited.geometry.equals(shapely.Point(124.7, 39.66))
    assert [f.label for f in bundle.features.values()][9] == "Sohae"
    EditProperty(edited.id, "kind", "launch_site").apply(bundle)
    table = bundle.table
    row = list(bundle.features).index(edited.id)
    assert row == 9
    assert table.kind[row] == "launch_site"
    assert table.geometries[row] is edited.geometry
    assert table.features[row] is edited
    assert table.features[8] is not edited


def test_a_removed_row_comes_back_in_its_place(points):
    bundle, _ = open_path(points)
    key = "points.gpkg#sites/3"
    EditProperty(key, "draft", True).apply(bundle)
    reject = RejectDraft(key)
    reject.apply(bundle)
    assert key not in bundle.features
    assert len(bundle.features) == COUNT - 1
    assert len(bundle.table) == COUNT - 1
    reject.revert(bundle)
    assert list(bundle.features)[:4] == [f"points.gpkg#sites/{fid}" for fid in (1, 2, 3, 4)]
    assert bundle.features[key].value("draft") is True
    assert len(bundle.table) == COUNT


def test_features_added_to_a_layer_go_last_and_a_replaced_one_keeps_its_place(points):
    bundle, _ = open_path(points)
    features = bundle.features
    assert isinstance(features, RowFeatures)
    features["added"] = Feature("added", shapely.Point(0, 0), {"kind": "launch_site"})
    features["points.gpkg#sites/2"] = Feature("points.gpkg#sites/2", None, {"label": "replaced"})
    bundle.features_changed()
    keys = list(features)
    assert keys[-1] == "added"
    assert keys[1] == "points.gpkg#sites/2"
    assert len(keys) == COUNT + 1
    assert features["points.gpkg#sites/2"].label == "replaced"
    assert bundle.table.kind[COUNT] == "launch_site"
    assert bundle.table.geometries[1] is None


def test_a_workspace_of_the_sample_and_a_large_layer_makes_none_of_the_layers_features(points, monkeypatch):
    sample, _ = open_path(sample_bundle())
    made = Made(monkeypatch)
    layer, _ = open_path(points)
    workspace = Workspace()
    workspace.add(sample)
    workspace.add(layer)
    content = workspace.content
    assert isinstance(content.features, MergedFeatures)
    assert len(content.features) == len(sample.features) + COUNT == len(content.table)
    assert list(content.features)[len(sample.features)] == "points.gpkg#sites/1"
    assert made.count == 0
    assert workspace.feature("points.gpkg#sites/7").label == "site 6"
    assert workspace.bundle_of("points.gpkg#sites/7") is layer


def test_the_rows_shown_make_their_features_only_when_read_and_a_changed_list_is_a_list(points):
    bundle, _ = open_path(points)
    shown = bundle.table.rows(np.arange(5))
    assert [f.label for f in shown] == [f"site {i}" for i in range(5)]
    assert shown[-1].label == "site 4"
    assert [f.label for f in shown[1:3]] == ["site 1", "site 2"]
    assert shown == list(shown)
    assert len([*shown, None]) == 6
    shown.append(Feature("x", None))
    assert len(shown) == 6
    assert columns_of(shown) is None
    assert shown[5].id == "x"


def test_a_drawing_of_the_same_rows_is_known_to_show_the_same_features_after_an_edit(points, monkeypatch):
    bundle, _ = open_path(points)
    before = bundle.table
    EditProperty("points.gpkg#sites/5", "label", "renamed").apply(bundle)
    made = Made(monkeypatch)
    after = bundle.table
    assert after is not before
    assert same_features(before.features, after.features) is True  # a label edit: the points drawn are the same
    assert after.geometries[4] is before.geometries[4]
    assert made.count == 0
    RejectDraft("points.gpkg#sites/6").apply(bundle)
    assert same_features(before.features, bundle.table.features) is False
    assert same_features(list(before.features[:3]), before.features[:3]) is None  # not columns: compare features


def test_the_autosave_snapshot_copies_a_layer_without_making_its_features(points, monkeypatch):
    bundle, _ = open_path(points)
    EditProperty("points.gpkg#sites/2", "label", "edited").apply(bundle)
    made = Made(monkeypatch)
    copy = snapshot(bundle)
    assert made.count == 0
    assert len(copy.features) == COUNT
    assert copy.features["points.gpkg#sites/2"] is bundle.features["points.gpkg#sites/2"]
    del bundle.features["points.gpkg#sites/3"]  # the window goes on; the copy keeps what it was given
    assert "points.gpkg#sites/3" in copy.features
    assert len(copy.features) == COUNT


def test_a_tables_ids_of_a_layers_rows_make_none_of_its_features(points, monkeypatch):
    """A tree node of a whole layer reads its features' ids (to frame them): from the run's ids, no feature made."""
    bundle, _ = open_path(points)
    workspace = Workspace()
    workspace.add(open_path(sample_bundle())[0])
    workspace.add(bundle)
    table = workspace.content.table
    rows = np.flatnonzero(table.kind.isin({"launch_site"}))
    expected = [table.features[int(i)].id for i in rows[:5].tolist()]
    made = Made(monkeypatch)
    ids = table.ids(rows)
    assert made.count == 0
    assert len(ids) == len(rows) > COUNT // 3
    assert ids[:5] == expected
    some = np.array([0, len(table) - 1, 3])  # the sample's own features (objects) and the layer's rows, in order
    assert table.ids(some) == [table.features[int(i)].id for i in some.tolist()]
