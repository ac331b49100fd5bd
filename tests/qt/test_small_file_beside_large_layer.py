"""A small file opened beside a large plain layer costs what the small file costs: the large layer is not drawn
again, its ids are not read and none of its features is made (a 400,000-line layer held a small file's opening
seconds: every id read to tell the files apart, every feature compared to tell the layer unchanged, and the layer
drawn again because the small file's layer got a colour). Counted in calls and rows, never timed."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from viewer.geo.crs import regional
from viewer.io.load import open_path
from viewer.model.feature import Feature
from viewer.model.layer_run import LayerRun
from viewer.qt.draw.features import TABLE_ABOVE
from viewer.qt.map import feature_visuals

REGION = (112.0, 12.0, 148.0, 38.0)
COUNT = TABLE_ABOVE + 1_000  # read as a table, as a catalogue is


@pytest.fixture
def canvas(sample_canvas):
    return sample_canvas(regional(REGION), REGION)


def _tracks(tmp_path: Path) -> Path:
    """A GeoPackage of COUNT lines, as another tool writes one."""
    path = tmp_path / "tracks.gpkg"
    rng = np.random.default_rng(3)
    start = np.column_stack([rng.uniform(120, 140, COUNT), rng.uniform(20, 36, COUNT)])
    lines = shapely.linestrings(np.stack([start, start + 0.5, start + np.array([1.0, 0.2])], axis=1))
    gpd.GeoDataFrame({"name": [f"track {i}" for i in range(COUNT)]}, geometry=lines,
                     crs=4326).to_file(path, layer="tracks", driver="GPKG")
    return path


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "two sites.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": f"s{i}", "geometry": {"type": "Point", "coordinates": [126 + i, 35]},
         "properties": {"name": f"site {i}"}} for i in range(2)]}), encoding="utf-8")
    return path


def test_a_small_file_beside_a_large_layer_leaves_the_layer_alone(qtbot, canvas, tmp_path, monkeypatch):
    canvas.workspace.add(open_path(_tracks(tmp_path))[0])
    qtbot.waitUntil(lambda: not canvas.densifying.running, timeout=60_000)
    large = next(v for v in canvas.visuals.values() if v.shown is not None and len(v.shown) == COUNT)
    drawn_before = large.strokes
    small = open_path(_small(tmp_path))[0]

    redrawn: list[int] = []
    ids_read: list[int] = []
    made: list[str] = []
    real_strokes, real_ids, real_init = feature_visuals.line_strokes, LayerRun.ids, Feature.__init__

    def strokes(shown):
        redrawn.append(len(shown))
        return real_strokes(shown)

    def ids(run, rows):
        ids_read.append(len(rows))
        return real_ids(run, rows)

    def init(feature, *args, **kwargs):
        real_init(feature, *args, **kwargs)
        made.append(feature.id)

    monkeypatch.setattr(feature_visuals, "line_strokes", strokes)
    monkeypatch.setattr(LayerRun, "ids", ids)
    monkeypatch.setattr(Feature, "__init__", init)
    filtered: list[int] = []
    real_visible = canvas.map_view.visible_features

    def visible(content):
        shown = real_visible(content)
        filtered.append(len(shown))
        return shown

    monkeypatch.setattr(canvas.map_view, "visible_features", visible)
    canvas.workspace.add(small)

    assert COUNT not in redrawn  # the large layer is not drawn again
    assert len(filtered) == 1  # the filters passed over every row once: the refresh and its drawing share it
    assert large.strokes is drawn_before
    assert max(ids_read, default=0) <= len(small.features)  # the small file's ids, never the large layer's
    assert set(made) <= set(small.features)  # none of the large layer's features made
    assert len(canvas.visible_features()) == COUNT + len(small.features) + len(canvas.workspace.bundles[0].features)
