"""A careless user opens a file of one point (or of points all at one place): start-up frames it as Zoom to data
would, instead of crashing with a traceback ('frame (x, y, x, y): must be finite with xmin < xmax')."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QWidget

from viewer.geo.basemap import load_basemap
from viewer.io.load import open_path
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.first_frame import FirstFrame


@pytest.mark.parametrize("points", [[[125.0, 37.0]], [[125.0, 37.0], [125.0, 37.0]]], ids=["one", "twice"])
def test_the_first_frame_of_points_at_one_place_frames_them(qtbot, tmp_path, points):
    path = tmp_path / "one.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": p}, "properties": {"name": "here"}}
        for p in points]}))
    workspace = Workspace()
    workspace.add(open_path(path)[0])
    window = QWidget()
    window.resize(800, 600)
    qtbot.addWidget(window)
    view = MapView()
    FirstFrame(window, window.rect(), workspace, load_basemap(), [], view)
    xmin, ymin, xmax, ymax = view.frame
    x, y = view.projection.project_extent((125.0, 37.0, 125.0, 37.0))[:2]
    assert xmin < x < xmax
    assert ymin < y < ymax
    assert 100_000 < xmax - xmin < 5_000_000  # a region around the point (metres), not a pixel nor the world
