"""A layer of 100,000 plain points in the window: each is drawn, picked and highlighted as one of a few would be."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely

from viewer.geo.basemap import load_basemap
from viewer.model.bundle import Bundle
from viewer.model.edits import MovePoint
from viewer.model.feature import Feature
from viewer.qt.map.canvas import MapCanvas
from viewer.qt.map.feature_visuals import PointVisual

COUNT = 100_000


def catalogue(count: int = COUNT) -> Bundle:
    rng = np.random.default_rng(17)
    points = shapely.points(rng.uniform(118, 138, count), rng.uniform(20, 40, count))
    return Bundle(features={f"p{i}": Feature(f"p{i}", point, {"name": f"p{i}"}) for i, point in enumerate(points)},
                  path=Path("catalogue.geojson"))


@pytest.mark.slow
def test_a_point_of_a_100k_layer_is_drawn_picked_and_highlighted(qtbot, request, sample_workspace):
    workspace = sample_workspace
    canvas = MapCanvas(workspace, load_basemap())
    request.addfinalizer(lambda: (canvas.hide(), canvas.deleteLater()))
    canvas.resize(800, 600)
    layer = catalogue()
    workspace.add(layer)
    drawn = sum(len(group.x) for visual in canvas.visuals.values() if isinstance(visual, PointVisual)
                for group in visual.groups)
    assert drawn >= COUNT

    target = workspace.feature("p4242")
    x, y = canvas.projection.forward(target.geometry.x, target.geometry.y)
    picked = canvas.features_at(x + 1.0, y - 1.0)
    assert picked[0] == "p4242"  # the nearest of those within the tolerance, not merely one of them
    near = [workspace.feature(i).geometry for i in picked]
    distances = [np.hypot(*np.subtract(canvas.projection.forward(g.x, g.y), (x + 1.0, y - 1.0))) for g in near]
    assert distances == sorted(distances)

    workspace.selection.select(["p4242"])
    assert canvas.highlight.selected_ids == ["p4242"]
    (glow,) = canvas.highlight.selected_points.groups
    np.testing.assert_allclose([glow.x[0], glow.y[0]], [x, y], rtol=0, atol=1e-3)

    # an edit gives it a new geometry (as the window's edits do: the layer's table is made again)
    MovePoint("p4242", target.geometry.x + 0.5, target.geometry.y).apply(layer)
    workspace.edited(layer)
    moved = target.geometry
    mx, my = canvas.projection.forward(moved.x, moved.y)
    assert canvas.features_at(mx, my)[0] == "p4242"
    assert "p4242" not in canvas.features_at(x, y)[:1]
