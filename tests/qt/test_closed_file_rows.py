"""A file closed lets go of what the map's projected cache made of it: its rows are dropped at once and the table
compacted when they are most of it, and what stays open is drawn, picked and densified as before."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely

from viewer.geo.crs import regional
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature
from viewer.qt.map.feature_visuals import LineVisual, PointVisual

REGION = (115.0, 14.0, 140.0, 42.0)


@pytest.fixture
def canvas(sample_canvas):
    return sample_canvas(regional(REGION), REGION)


def catalogue(count: int, name: str, seed: int) -> Bundle:
    rng = np.random.default_rng(seed)
    points = shapely.points(rng.uniform(118, 138, count), rng.uniform(20, 40, count))
    return Bundle(features={f"{name}{i}": Feature(f"{name}{i}", p, {"name": f"{name}{i}"}) for i, p in
                            enumerate(points)}, path=Path(f"{name}.geojson"))


def drawn(canvas) -> tuple[int, int, list[tuple[float, float]]]:
    """(symbols drawn, line strokes drawn, the sample's launch sites' positions)."""
    symbols = sum(len(g.x) for v in canvas.visuals.values() if isinstance(v, PointVisual) for g in v.groups)
    strokes = sum(len(v._strokes) for v in canvas.visuals.values() if isinstance(v, LineVisual))
    sites = [f for f in canvas.visible_features() if f.kind == "launch_site"]
    return symbols, strokes, [tuple(xy) for xy in canvas._cache.positions(sites).round(3).tolist()]


def test_a_closed_files_rows_are_let_go_and_what_stays_is_drawn_and_picked_as_before(qtbot, canvas):
    workspace = canvas.workspace
    before = drawn(canvas)
    big = catalogue(3_000, "c", 1)
    workspace.add(big)
    held = np.array([f.geometry for f in big.features.values()], dtype=object)
    assert (canvas._cache.held_rows(held) >= 0).all()
    workspace.remove(big)
    assert (canvas._cache.held_rows(held) == -1).all()  # let go: their ids may be another geometry's now
    assert len(canvas._cache) < len(held)  # compacted: most of the table was the closed file's
    assert drawn(canvas) == before
    small = catalogue(5, "s", 2)
    workspace.add(small)
    symbols, strokes, sites = drawn(canvas)
    assert (symbols, strokes, sites) == (before[0] + 5, before[1], before[2])
    x, y = canvas._cache.positions([small.features["s3"]])[0]
    assert canvas.features_at(x, y)[0] == "s3"


def test_an_export_scene_lets_go_of_a_closed_files_rows_as_the_screen_does(qtbot):
    """The scene an export draws from is told the open files' geometries at each refresh, as the canvas is (its cache
    once forgot everything when it had grown past twice its largest call: a second way of letting go)."""
    from viewer.cli.common import load_workspace
    from viewer.geo.basemap import load_basemap
    from viewer.geo.gazetteer import load_places
    from viewer.qt.draw.scene import MapScene

    workspace = load_workspace([])
    scene = MapScene(workspace, load_basemap(), load_places())
    scene.refresh()
    held = len(scene._cache)
    points = catalogue(5_000, "c", 2)
    workspace.add(points)
    assert len(scene._cache) >= held + 5_000
    workspace.remove(points)
    assert len(scene._cache) == held  # dropped at once and compacted: they were most of the table
    export = scene._cache.rows(workspace.content.features.values())
    assert (export >= 0).sum() == len([f for f in workspace.content.features.values() if f.geometry is not None])
