"""The legend's row of a file shows the colours its features are drawn in, one stripe each, as the layer tree's swatch
does, from the one answer to "which colour of its own is a feature drawn in" (`feature_paint.drawn_colour`): a KML
whose only line is yellow and whose points have no style showed its row in the palette colour alone."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from tests.model.test_folders import KML
from viewer.io.load import open_path
from viewer.model.feature_paint import Paint, drawn_colour
from viewer.model.own_colours import colours_drawn
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.draw.legend import _legend_layout, draw_legend, legend_entries, swatch_colours
from viewer.qt.draw.style import RenderContext
from viewer.qt.panels.swatches import drawn_colours

YELLOW_LINE = KML.replace("<Document><name>Range notes</name>", """<Document><name>Range notes</name>
<Style id="y"><LineStyle><color>ff00ffff</color><width>3</width></LineStyle></Style>""").replace(
    "<Placemark><name>Path A</name>", "<Placemark><name>Path A</name><styleUrl>#y</styleUrl>")
# A point styled with a LineStyle only (as Google Earth's "Edit > Style" leaves a pin whose line colour was set): the
# map draws its marker in the layer's colour, so neither the tree nor the legend may show the line's colour for it.
PIN_WITH_LINE_STYLE = KML.replace("<Document><name>Range notes</name>", """<Document><name>Range notes</name>
<Style id="r"><LineStyle><color>ff0000ff</color></LineStyle></Style>""").replace(
    "<Placemark><name>Sohae</name>", "<Placemark><name>Sohae</name><styleUrl>#r</styleUrl>")


def _opened(tmp_path, text: str) -> tuple[Workspace, dict[str, str], str]:
    (tmp_path / "folders.kml").write_text(text)
    workspace = Workspace()
    workspace.add(open_path(tmp_path / "folders.kml")[0])
    colours = MapView().colours(*workspace.colour_keys())
    return workspace, colours, workspace.layers()[0]


def _layer_row(workspace: Workspace, colours: dict[str, str]) -> str:
    rows = legend_entries(workspace, workspace.content.table.rows(), colours)
    (colour,) = [colour for kind, _, colour in rows if kind == "layer"]
    return colour


def test_a_feature_is_drawn_in_the_colour_of_its_own_its_geometry_takes():
    paint = Paint(stroke="#FF0000", fill="#00FF00", marker="#0000FF")
    assert [drawn_colour(paint, drawn_as) for drawn_as in ("point", "line", "area")] == ["#0000FF", "#FF0000",
                                                                                         "#00FF00"]
    assert drawn_colour(Paint(stroke="#FF0000"), "point") is None  # the marker takes the layer's colour
    assert drawn_colour(Paint(stroke="#FF0000"), "area") == "#FF0000"  # an outline of its own, no fill of its own
    assert drawn_colour(None, "line") is None


def test_a_files_legend_row_shows_each_colour_drawn(tmp_path):
    workspace, colours, layer = _opened(tmp_path, YELLOW_LINE)
    palette = colours[layer]
    assert swatch_colours(_layer_row(workspace, colours)) == [palette, "#FFFF00"]  # points first, in file order
    table = workspace.content.table
    assert drawn_colours(table, np.arange(len(table)), palette, False) == [palette, "#FFFF00"]  # the tree's swatch


def test_the_tree_and_the_legend_give_a_styled_pin_the_colour_the_map_draws_it_in(tmp_path):
    workspace, colours, layer = _opened(tmp_path, PIN_WITH_LINE_STYLE)
    table = workspace.content.table
    assert colours_drawn(table, np.arange(len(table))) == [None]  # a line colour on a pin is not drawn
    assert swatch_colours(_layer_row(workspace, colours)) == [colours[layer]]
    assert drawn_colours(table, np.arange(len(table)), colours[layer], False) == [colours[layer]]


def test_a_colour_the_user_chose_is_the_rows_only_colour(tmp_path):
    workspace, _, layer = _opened(tmp_path, YELLOW_LINE)
    view = MapView()
    view.set_layer_colour(layer, "#123456")
    assert _layer_row(workspace, view.colours(*workspace.colour_keys())) == "#123456"


def test_the_drawn_legend_shows_both_colours_in_the_files_swatch(tmp_path):
    workspace, colours, layer = _opened(tmp_path, YELLOW_LINE)
    rows = legend_entries(workspace, workspace.content.table.rows(), colours)
    layout = _legend_layout(tuple(rows), 1.0, math.inf, math.inf)
    assert layout is not None
    image = QImage(int(layout.width) + 2, int(layout.height) + 2, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    context = RenderContext(scale=1.0)
    draw_legend(painter, context, QRectF(0, 0, layout.width, layout.height), layout)
    painter.end()
    at = [kind for kind, _, _ in layout.rows].index("layer")
    y = int(context.px(6) + at * layout.row + layout.row / 2)
    left = int(context.px(8))
    seen = {image.pixelColor(x, y).name().upper() for x in range(left, int(left + layout.swatch))}
    assert {colours[layer].upper(), "#FFFF00"} <= seen
