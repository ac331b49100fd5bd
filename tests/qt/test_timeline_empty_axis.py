"""With no dated launch the timeline has no time axis: it showed this month's days under 'No dated launches'."""

from __future__ import annotations

import json

from viewer.resources import sample_bundle


def test_no_dated_launch_shows_no_days(window, tmp_path):
    lines = tmp_path / "lines.geojson"
    lines.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Cable"},
         "geometry": {"type": "LineString", "coordinates": [[127.0, 26.0], [129.5, 31.0]]}}]}), encoding="utf-8")
    for bundle in list(window.workspace.bundles):
        window.workspace.remove(bundle)
    window.open_files([str(lines)])
    axis = window.timeline.plot.getPlotItem().getAxis("bottom")
    assert not axis.isVisible()
    window.open_files([str(sample_bundle())])
    assert axis.isVisible()
