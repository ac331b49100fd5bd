"""A selected feature stands out whatever its own colour: a yellow KML line vanished in the yellow glow under it. The
glow is outlined dark, and a feature drawn near its yellow gets a dark core under it; an export's canvas draws none."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from viewer.geo.basemap import load_basemap
from viewer.io.load import open_path
from viewer.model.workspace import Workspace
from viewer.qt.map.canvas import MapCanvas
from viewer.qt.map.selection_look import needs_core
from viewer.symbology import SELECTION_EDGE, event_colours

KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Style id="y"><LineStyle><color>ff00ffff</color><width>3</width></LineStyle></Style>
<Style id="b"><LineStyle><color>ffb27200</color><width>3</width></LineStyle></Style>
<Placemark><name>Yellow path</name><styleUrl>#y</styleUrl>
  <LineString><coordinates>125,38 131,38</coordinates></LineString></Placemark>
<Placemark><name>Blue path</name><styleUrl>#b</styleUrl>
  <LineString><coordinates>125,34 131,34</coordinates></LineString></Placemark>
</Document></kml>
"""


def _opened(tmp_path) -> Workspace:
    (tmp_path / "paths.kml").write_text(KML)
    workspace = Workspace()
    workspace.add(open_path(tmp_path / "paths.kml")[0])
    return workspace


def test_a_yellow_feature_gets_the_dark_core_a_blue_one_does_not(tmp_path):
    workspace = _opened(tmp_path)
    colours = event_colours(*workspace.colour_keys())
    yellow, blue = workspace.content.features.values()
    assert needs_core(yellow, colours)
    assert not needs_core(blue, colours)


def _dark_pixels(canvas: MapCanvas, lon: float, lat: float) -> int:
    image = canvas.grab().toImage()
    centre = canvas.map_to_pixel(*canvas.projection.forward(lon, lat))
    edge = QColor(SELECTION_EDGE)
    count = 0
    for dx in range(-20, 21):
        for dy in range(-10, 11):
            pixel = image.pixelColor(int(centre.x()) + dx, int(centre.y()) + dy)
            count += int(np.abs(np.array(pixel.getRgb()[:3]) - np.array(edge.getRgb()[:3])).max() < 60)
    return count


def test_the_selected_yellow_line_shows_dark_beside_it_on_screen_not_in_an_export(qtbot, tmp_path):
    workspace = _opened(tmp_path)
    yellow = next(iter(workspace.content.features))
    shown, export = MapCanvas(workspace, load_basemap()), MapCanvas(workspace, load_basemap(), selection=None)
    for canvas in (shown, export):
        canvas.resize(500, 400)
        canvas.show()
        qtbot.waitExposed(canvas)
        canvas.zoom_to_extent((122.0, 32.0, 134.0, 40.0))
    before = _dark_pixels(shown, 128, 38)
    workspace.selection.select([yellow])
    qtbot.wait(50)
    assert _dark_pixels(shown, 128, 38) > before + 30  # the core under the line, the glow's outline beside it
    assert _dark_pixels(export, 128, 38) <= before + 5
    for canvas in (shown, export):
        canvas.labels.wait()
        canvas.hide()
        canvas.deleteLater()


def test_a_pin_styled_only_by_a_yellow_line_colour_is_looked_at_in_the_colour_the_map_draws_it(tmp_path):
    """A point with only a LineStyle is drawn in its layer's colour (the map draws a point's marker): the selection
    took the line colour, as the tree once did, and gave it the dark core meant for yellow."""
    (tmp_path / "pin.kml").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Style id="y"><LineStyle><color>ff00ffff</color></LineStyle></Style>
<Placemark><name>Pin</name><styleUrl>#y</styleUrl><Point><coordinates>127,37</coordinates></Point></Placemark>
</Document></kml>
""")
    workspace = Workspace()
    workspace.add(open_path(tmp_path / "pin.kml")[0])
    colours = event_colours(*workspace.colour_keys())
    colours["pin"] = "#1f77b4"
    (pin,) = workspace.content.features.values()
    assert not needs_core(pin, colours)
