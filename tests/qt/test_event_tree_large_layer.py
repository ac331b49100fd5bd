"""Framing a file's large layer from the tree reads its features' ids from the layer's columns: no feature of it is
made (a tree node's ids of a whole layer made every one of them, as long as they were read)."""

from __future__ import annotations

import weakref

import geopandas as gpd
import numpy as np
import shapely

from viewer.io.load import open_path
from viewer.model.feature import Feature
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.panels.event_tree import LAYER_ROLE, LISTED_UP_TO, EventTree
from viewer.resources import sample_bundle

COUNT = LISTED_UP_TO + 500  # more than a group lists row by row



def _sites(tmp_path):
    """A GeoPackage layer of COUNT points, as another tool writes one."""
    path = tmp_path / "sites.gpkg"
    rng = np.random.default_rng(5)
    gpd.GeoDataFrame({"name": [f"site {i}" for i in range(COUNT)]},
                     geometry=shapely.points(rng.uniform(120, 130, COUNT), rng.uniform(30, 40, COUNT)),
                     crs=4326).to_file(path, layer="sites", driver="GPKG")
    return path

def test_framing_a_large_layer_from_the_tree_makes_none_of_its_features(qtbot, tmp_path, monkeypatch):
    path = _sites(tmp_path)
    workspace = Workspace()
    workspace.add(open_path(sample_bundle())[0])
    workspace.add(open_path(path)[0])
    tree = EventTree(workspace, MapView())
    qtbot.addWidget(tree)
    model = tree.tree
    layer = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(LAYER_ROLE))

    made: list[weakref.ref[Feature]] = []
    init = Feature.__init__

    def counting(feature, *args, **kwargs):
        init(feature, *args, **kwargs)
        made.append(weakref.ref(feature))

    monkeypatch.setattr(Feature, "__init__", counting)
    with qtbot.waitSignal(tree.zoom_requested) as request:
        tree.activated.emit(layer)
    assert len(request.args[0]) == COUNT
    assert request.args[0][:2] == ["sites.gpkg#sites/1", "sites.gpkg#sites/2"]
    assert not made


def test_counts_in_the_tree_are_written_alike(qtbot, tmp_path):
    """The Kinds row read '100000' and its layer '100000' beside the layer's group '100,000'."""
    path = _sites(tmp_path)
    workspace = Workspace()
    workspace.add(open_path(path)[0])
    tree = EventTree(workspace, MapView())
    qtbot.addWidget(tree)
    model = tree.tree
    counts = []

    def walk(parent):
        for r in range(model.rowCount(parent)):
            counts.append(model.index(r, 1, parent).data())
            walk(model.index(r, 0, parent))

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    assert counts.count(f"{COUNT:,}") == 3, counts  # the Kinds row, the layer, its group
