"""Hostile values in a GeoPackage layer's batch columns: a kind column of tens of thousands of distinct kinds is
read in linear time, each unknown kind warned once at its first row."""

from __future__ import annotations

import time
from pathlib import Path

import geopandas
import numpy as np
import shapely

from viewer.io.formats.layer import LayerBuilder
from viewer.io.load import open_path


def test_many_distinct_kinds_are_checked_in_linear_time():
    # 20,000 distinct kinds took 7 s (each looked up from the start of the column); 100,000 took 115 s
    count = 20_000
    kinds = [f"kind-{i // 2}" for i in range(2 * count)]  # each kind on two rows: warned at the first
    places = [f"layer many, fid {i + 1}" for i in range(len(kinds))]
    builder = LayerBuilder(Path("many.gpkg"), "many.gpkg")
    started = time.perf_counter()
    builder.check_kinds(kinds, places)
    assert time.perf_counter() - started < 2.0
    assert len(builder.problems) == count
    assert builder.problems[0].where == "layer many, fid 1.kind"
    assert builder.problems[-1].where == f"layer many, fid {2 * count - 1}.kind"
    assert builder.problems[-1].message == f"unknown kind 'kind-{count - 1}'; drawn as a reference place"


def test_a_layer_of_distinct_kinds_opens_with_one_warning_each(tmp_path):
    count = 3000
    frame = geopandas.GeoDataFrame(
        {"kind": [f"k{i}" for i in range(count)] + ["impact_point", None, ""]},
        geometry=shapely.points(np.c_[np.linspace(120, 130, count + 3), np.linspace(30, 40, count + 3)]),
        crs="EPSG:4326")
    path = tmp_path / "kinds.gpkg"
    frame.to_file(path, layer="many")
    bundle, problems = open_path(path)
    assert len(bundle.features) == count + 3
    unknown = [p for p in problems if "unknown kind" in p.message]
    assert len(unknown) == count
    assert unknown[5].where == "layer many, fid 6.kind"
    assert "'k5'" in unknown[5].message
