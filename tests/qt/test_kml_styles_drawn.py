"""A Google Earth KML's own styles (shared by id, through a StyleMap's normal pair, or inline; colours aabbggrr) are
read as the features' simplestyle properties, drawn with on screen and in exports, and written back to KML."""

from __future__ import annotations

import pytest
from pixels import marker_shows, near, pixel_of
from PySide6.QtGui import QImage

from viewer.cli import main
from viewer.io.load import open_path

pytestmark = pytest.mark.gui

EARTH_KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>Launch study.kml</name>
 <Style id="s_pin"><IconStyle><color>ff0000ff</color><scale>1.4</scale></IconStyle></Style>
 <Style id="s_pin_hl"><IconStyle><scale>1.6</scale></IconStyle></Style>
 <StyleMap id="m_pin"><Pair><key>normal</key><styleUrl>#s_pin</styleUrl></Pair>
  <Pair><key>highlight</key><styleUrl>#s_pin_hl</styleUrl></Pair></StyleMap>
 <Style id="path"><LineStyle><color>ff00ffff</color><width>6</width></LineStyle></Style>
 <Style id="path_hl"><LineStyle><color>ff00ff00</color><width>8</width></LineStyle></Style>
 <StyleMap id="m_path"><Pair><key>normal</key><styleUrl>#path</styleUrl></Pair>
  <Pair><key>highlight</key><styleUrl>#path_hl</styleUrl></Pair></StyleMap>
 <Folder><name>Sites</name>
  <Placemark><name>Sohae</name><styleUrl>#m_pin</styleUrl><Point><coordinates>124.705,39.66,0</coordinates></Point>
  </Placemark></Folder>
 <Folder><name>Paths</name>
  <Placemark><name>Flight path</name><styleUrl>#m_path</styleUrl>
   <LineString><tessellate>1</tessellate><coordinates>124.7,39.66,0 127,32,0 128,24,0</coordinates></LineString>
  </Placemark>
  <Placemark><name>Zone</name><styleUrl>#zone</styleUrl>
   <Polygon><outerBoundaryIs><LinearRing><coordinates>121,34 125,34 125,36.5 121,36.5 121,34</coordinates>
   </LinearRing></outerBoundaryIs></Polygon></Placemark>
  <Placemark><name>Inline</name><styleUrl>#path</styleUrl><Style><LineStyle><color>ffff0000</color></LineStyle></Style>
   <LineString><coordinates>131,36 136,36</coordinates></LineString></Placemark>
 </Folder>
 <Style id="zone"><LineStyle><color>ffff00ff</color><width>3</width></LineStyle>
  <PolyStyle><color>cc0000ff</color></PolyStyle></Style>
</Document></kml>
"""


@pytest.fixture
def earth_kml(tmp_path):
    path = tmp_path / "study.kml"
    path.write_text(EARTH_KML)
    return path


def test_styles_are_read_as_simplestyle_properties(earth_kml):
    bundle, problems = open_path(earth_kml)
    assert not [p for p in problems if p.is_error]
    site, path, zone, inline = bundle.features.values()
    assert (site.properties["marker-color"], site.properties["marker-size"]) == ("#FF0000", "large")  # the normal pair
    assert (path.properties["stroke"], path.properties["stroke-width"]) == ("#FFFF00", 6.0)  # aabbggrr
    assert (zone.properties["fill"], zone.properties["fill-opacity"]) == ("#FF0000", 0.8)  # a style after its user
    assert (zone.properties["stroke"], zone.properties["stroke-width"]) == ("#FF00FF", 3.0)
    assert (inline.properties["stroke"], inline.properties["stroke-width"]) == ("#0000FF", 6.0)  # inline over shared


def test_an_export_draws_the_kml_colours(earth_kml, tmp_path):
    png = tmp_path / "map.png"
    assert main(["export", str(earth_kml), "-o", str(png), "--extent", "119,22,138,42", "--no-legend",
                 "--no-labels", "--width", "1000", "--height", "800"]) == 0
    image = QImage(str(png))
    assert marker_shows(image, *pixel_of(png, 125.85, 35.83), "#FFFF00")  # on the path, halfway along its first leg
    assert marker_shows(image, *pixel_of(png, 133.5, 36), "#0000FF")
    assert marker_shows(image, *pixel_of(png, 124.705, 39.66), "#FF0000", reach=1)
    inside = image.pixelColor(*pixel_of(png, 122, 35))  # the zone's red fill, 80 % over the sea
    assert near(inside, "#FF0000", tolerance=80)
    assert inside.red() > inside.blue() + 80
    assert marker_shows(image, *pixel_of(png, 121, 35.2), "#FF00FF", reach=2)  # its magenta outline


def test_kml_export_writes_the_styles_back(earth_kml, tmp_path):
    out = tmp_path / "again.kml"
    assert main(["convert", str(earth_kml), "-o", str(out)]) == 0
    text = out.read_text()
    assert "<LineStyle><color>ff00ffff</color><width>6</width></LineStyle>" in text
    assert "<PolyStyle><color>cc0000ff</color></PolyStyle>" in text
    again, _ = open_path(out)
    assert [f.properties.get("stroke") for f in again.features.values()] == [None, "#FFFF00", "#FF00FF", "#0000FF"]


def test_the_legend_shows_a_layer_in_the_colour_its_features_are_drawn_in(earth_kml, tmp_path):
    """The legend named the KML's layer in the layer's palette colour, which no feature of it was drawn in."""
    from viewer.cli.common import load_workspace
    from viewer.model.view import MapView
    from viewer.qt.draw.legend import legend_entries

    one = tmp_path / "paths.geojson"
    one.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"stroke": "#ff8800"},'
                   ' "geometry": {"type": "LineString", "coordinates": [[120, 30], [125, 31]]}}]}')
    workspace = load_workspace([str(earth_kml), str(one)])
    colours = MapView().colours(*workspace.colour_keys())
    rows = {text: colour for kind, text, colour in legend_entries(workspace, list(workspace.content.features.values()),
                                                                  colours) if kind == "layer"}
    # a pin in red, a yellow path, a red zone, a blue line: each colour drawn once, in the file's order
    assert rows == {"study": "#FF0000 #FFFF00 #0000FF", "paths": "#FF8800"}
    shown = workspace.content.table.rows()  # as the canvas passes them: rows of the bundle's table
    assert legend_entries(workspace, shown, colours) == legend_entries(workspace, list(shown), colours)


def test_a_colour_the_user_chooses_for_the_layer_wins_over_the_files_own(earth_kml, tmp_path):
    """A layer's right-click Colour… changed nothing on the map for a KML layer drawn in its own colours."""
    from viewer.cli.common import load_workspace
    from viewer.geo.crs import regional
    from viewer.geo.projected import ProjectedFeatures
    from viewer.model.view import MapView
    from viewer.qt.draw.features import Shown
    from viewer.qt.draw.legend import legend_entries

    workspace = load_workspace([str(earth_kml)])
    view = MapView()
    lines = [f for f in workspace.content.features.values() if f.kind == "line"]
    cache = ProjectedFeatures(regional((115.0, 14.0, 140.0, 42.0)))
    own = Shown("line", lines, cache, view.colours(*workspace.colour_keys())).groups()
    assert {look[3].stroke for look in own} == {"#FFFF00", "#0000FF"}
    view.set_layer_colour("study", "#123456")
    colours = view.colours(*workspace.colour_keys())
    chosen = Shown("line", lines, cache, colours).groups()
    assert [look[0] for look in chosen] == ["#123456"]
    assert [look[3] for look in chosen] == [None]
    assert ("layer", "study", "#123456") in legend_entries(workspace, lines, colours)
