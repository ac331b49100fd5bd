"""An export of the view lists in its legend what the screen's legend lists: the sources line an export adds along
the bottom (two lines for an article with a long title) took height from the legend's share of the map, and the
kinds' rows (Area, Line, Point, Launch site) went from the export while the screen showed them."""

from __future__ import annotations

SOURCES = ("Sources: Sohae Satellite Launching Station — description in google_earth_export.kml; North Korea has "
           "launched a rocket into space, believed to be carrying a spy satellite, according to reports from South "
           "Korea and Japan")


def test_a_sources_line_leaves_the_legend_as_it_was(window, qtbot, tmp_path):
    files = []
    for name in ("ports", "bases"):
        places = tmp_path / f"{name}.csv"
        places.write_text("name,latitude,longitude\nBusan,35.18,129.08\n", encoding="utf-8")
        files.append(str(places))
    lines = tmp_path / "lanes.geojson"
    lines.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": '
                     '{"type": "LineString", "coordinates": [[129, 35], [132, 33.5]]}}]}', encoding="utf-8")
    window.open_files([*files, str(lines)])
    drawing = window.canvas.decorations.drawing
    changed = []
    for height in range(520, 780, 20):
        window.resize(1284, height)
        qtbot.wait(20)
        window.map_view.set_decorations(footnote="")
        screen = drawing.sizes()
        window.map_view.set_decorations(footnote=SOURCES)  # as an export of the view has it
        exported = drawing.sizes()
        assert exported.footer > screen.footer
        if exported.legend != screen.legend:
            changed.append((height, screen.legend, exported.legend))
    assert changed == []
