"""Another tool's file gets a legend: a GeoJSON of lines exported (and shown) with no legend at all, because a
legend of short names ('lines_plain', 'Line') was narrower than the least room a legend was allowed."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.gui

LINES = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "Cable"},
     "geometry": {"type": "LineString", "coordinates": [[127.0, 26.0], [129.5, 31.0]]}},
    {"type": "Feature", "properties": {"name": "Ferry route"},
     "geometry": {"type": "LineString", "coordinates": [[129.0, 35.1], [130.4, 33.6]]}}]}


def test_a_file_of_lines_is_exported_with_its_legend(tmp_path, monkeypatch):
    import viewer.qt.draw.decorations as decorations
    from viewer.cli import main

    path = tmp_path / "lines.geojson"
    path.write_text(json.dumps(LINES), encoding="utf-8")
    drawn = []
    draw = decorations.draw_legend
    monkeypatch.setattr(decorations, "draw_legend", lambda painter, context, box, layout: drawn.append(layout.rows)
                        or draw(painter, context, box, layout))
    assert main(["export", str(path), "-o", str(tmp_path / "lines.png"), "--width", "1200", "--height", "800"]) == 0
    assert drawn
    assert [text for _, text, _ in drawn[-1]] == ["lines", "Line"]


def test_a_short_legend_fits_its_own_width(window):
    from viewer.qt.map.decorations import legend_layout

    window.canvas.frame.legend_rows = [("event", "lines", "#D55E00"), ("line", "Line", "#555555")]
    full = legend_layout(window.canvas.frame)
    assert full is not None
    again = legend_layout(window.canvas.frame, full.width + 1, full.height + 1)
    assert again is not None
    assert again.rows == full.rows
    assert legend_layout(window.canvas.frame, 40, 1000) is None  # too narrow for even these
