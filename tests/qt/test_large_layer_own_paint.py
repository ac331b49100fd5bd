"""A layer of more features of one kind than are looked at one by one (TABLE_ABOVE) is drawn in the file's own paint
(a KML's styles, a GeoJSON's simplestyle), as a small one is: it was drawn in the layer's palette colour."""

from __future__ import annotations

import json

from viewer.geo.crs import regional
from viewer.geo.projected import ProjectedFeatures
from viewer.io.load import open_path
from viewer.model.workspace import Workspace
from viewer.qt.draw.features import TABLE_ABOVE, Shown, line_strokes
from viewer.symbology import event_colours

COUNT = TABLE_ABOVE + 300


def _opened(folder, count: int) -> Workspace:
    features = [{"type": "Feature", "properties": {"name": f"route {i}", "stroke": ["#FFFF00", "#FF00FF"][i % 2],
                                                   "stroke-width": 2},
                 "geometry": {"type": "LineString", "coordinates": [[120 + i * 1e-3, 30], [121 + i * 1e-3, 31]]}}
                for i in range(count)]
    folder.mkdir()
    path = folder / "routes.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    workspace = Workspace()
    workspace.add(open_path(path)[0])
    return workspace


def test_many_lines_are_drawn_in_their_own_colours(tmp_path):
    for count in (50, COUNT):  # looked at one by one, and read as a table
        workspace = _opened(tmp_path / str(count), count)
        visible = workspace.content.table.rows()
        cache = ProjectedFeatures(regional((115.0, 14.0, 140.0, 42.0)))
        cache.prepare(visible)
        kind = visible[0].kind
        strokes, _ = line_strokes(Shown(kind, visible, cache, event_colours(*workspace.colour_keys())))
        colours = {stroke.colour.upper() for stroke in strokes}
        assert {"#FFFF00", "#FF00FF"} <= colours, count
        assert event_colours(*workspace.colour_keys())[workspace.layers()[0]] not in colours
