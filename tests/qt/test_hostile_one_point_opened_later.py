"""A careless user starts the window with a file it must refuse (a FIFO, a folder) before a file of one point: the
point is opened after the window is up and framed from there, which crashed with a traceback ('frame (x, y, x,
y): must be finite with xmin < xmax') instead of framing the point as Zoom to data does."""

from __future__ import annotations

import json
import os

from viewer.qt.app import _open_and_frame
from viewer.qt.main_window import MainWindow


def test_a_point_opened_after_a_refused_file_is_framed(qtbot, tmp_path, monkeypatch):
    from viewer.qt import plain_box

    monkeypatch.setattr(plain_box, "warning", lambda *args, **kwargs: None)
    pipe = tmp_path / "in.fifo"
    os.mkfifo(pipe)
    point = tmp_path / "one.geojson"
    point.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [125.0, 37.0]}, "properties": {}}]}))
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    _open_and_frame(window, [str(pipe), str(point)])
    xmin, ymin, xmax, ymax = window.canvas.map_view.frame
    x, y = window.canvas.projection.project_extent((125.0, 37.0, 125.0, 37.0))[:2]
    assert xmin < x < xmax
    assert ymin < y < ymax
    assert 100_000 < xmax - xmin < 5_000_000  # a region around the point (metres), not a pixel nor the world
