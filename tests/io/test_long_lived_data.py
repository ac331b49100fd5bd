"""A load freezes what it made out of the cyclic collector's walks (it lives on), and a bundle holds no reference
cycle, so a closed file is freed when dropped without any collection walking it."""

from __future__ import annotations

import gc
import sys
import weakref

import geopandas
import numpy as np
import pytest
import shapely

from viewer.io import load
from viewer.io.load import open_path
from viewer.model.workspace import Workspace


@pytest.fixture
def plain_layer(tmp_path):
    path, count = tmp_path / "catalogue.gpkg", 500
    frame = geopandas.GeoDataFrame({"kind": ["reference_place"] * count, "name": [f"site {i}" for i in range(count)]},
                                   geometry=shapely.points(np.linspace(120, 140, count), np.linspace(20, 40, count)),
                                   crs="EPSG:4326")
    frame.to_file(path, driver="GPKG", layer="sites")
    return path


@pytest.fixture
def collector_on(monkeypatch):
    monkeypatch.setattr(load, "STAY_FROZEN_FROM", 100)  # the layer's 500 features count as a large load
    monkeypatch.setattr(load, "_large_frozen", False)
    enabled = gc.isenabled()
    gc.enable()
    gc.unfreeze()
    yield
    gc.unfreeze()
    if not enabled:
        gc.disable()


def test_a_load_leaves_what_it_made_frozen(collector_on, plain_layer):
    bundle, _ = open_path(plain_layer)
    feature = next(iter(bundle.features.values()))
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    assert frozen > 2 * len(bundle.features)  # at least each feature and its geometry
    assert gc.is_tracked(feature)


def test_a_small_load_is_left_to_the_collector_as_before(collector_on, plain_layer, monkeypatch):
    monkeypatch.setattr(load, "STAY_FROZEN_FROM", 501)
    monkeypatch.setattr(load, "_large_frozen", False)
    bundle, _ = open_path(plain_layer)
    assert gc.get_freeze_count() == 0
    assert len(bundle.features) == 500


def test_a_small_load_after_a_large_one_leaves_the_large_one_frozen(collector_on, plain_layer, monkeypatch):
    """Freezing a small load and unfreezing it at once unfroze the large load's objects too: the next full
    collection walked a million points again (0.9-1.7 s a small file opened beside them)."""
    large, _ = open_path(plain_layer)
    frozen = gc.get_freeze_count()
    assert frozen > 2 * len(large.features)
    monkeypatch.setattr(load, "STAY_FROZEN_FROM", 501)
    small, _ = open_path(plain_layer)
    assert len(small.features) == 500
    assert gc.get_freeze_count() >= frozen  # the large load's still frozen (the small one's with it: see load.py)


def test_a_closed_file_is_freed_without_a_collection(collector_on, plain_layer):
    bundle, _ = open_path(plain_layer)
    workspace = Workspace()
    workspace.add(bundle)
    assert workspace.content.table.current
    assert bundle.table.current
    gone = weakref.ref(bundle)
    feature = next(iter(bundle.features.values()))
    workspace.remove(bundle)
    gc.disable()  # no collection may run: only reference counting frees it
    try:
        del bundle
        assert gone() is None
        assert sys.getrefcount(feature) == 2  # this test's name and the call's argument: nothing else holds it
    finally:
        gc.enable()


def test_a_table_is_not_current_once_its_bundle_is_gone(plain_layer):
    bundle, _ = open_path(plain_layer)
    table = bundle.table
    assert table.current
    del bundle
    gc.collect()
    assert not table.current


def test_settling_after_a_load_walks_only_what_was_made_since(collector_on, plain_layer, monkeypatch):
    from viewer.qt.map import long_lived

    monkeypatch.setattr(long_lived, "_settled_since_full", 0)
    bundle, _ = open_path(plain_layer)
    unfrozen = []
    real_unfreeze = gc.unfreeze
    monkeypatch.setattr(gc, "unfreeze", lambda: (unfrozen.append(1), real_unfreeze())[1])
    loaded = gc.get_freeze_count()
    made_since = [[] for _ in range(100)]  # what a refresh makes: not frozen yet
    long_lived.settle()
    assert not unfrozen  # the loaded data stayed frozen: not walked
    assert gc.get_freeze_count() >= loaded + len(made_since)
    assert long_lived._settled_since_full >= len(made_since)
    monkeypatch.setattr(long_lived, "_settled_since_full", long_lived.FULL_AFTER + 1)  # settles froze that much since
    long_lived.settle()
    assert unfrozen == [1]  # now everything is walked once, for any cycle dropped since it was frozen
    assert long_lived._settled_since_full == 0
    assert bundle.features
