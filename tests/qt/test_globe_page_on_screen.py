"""What the screen shows is what the export shows: beyond a globe's horizon and past a world map's poles the
window paints the page, as the export does (it painted sea there)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from viewer.geo.crs import plate_carree, projection_from_name
from viewer.qt.export_dialog import export_view
from viewer.symbology import PAGE, SEA

pytestmark = pytest.mark.gui


def shown(window, qtbot):
    qtbot.wait(200)  # the basemap's level and the view's drawing settle
    return window.canvas.grab().toImage()


def test_beyond_the_globes_horizon_is_the_page_on_screen_as_in_the_export(window, qtbot, tmp_path):
    canvas = window.canvas
    canvas.set_projection(projection_from_name("globe:125.75,39.02"), keep_view=False)
    canvas.view.setRange(xRange=(-9e6, 9e6), yRange=(-9e6, 9e6), padding=0)  # the whole disc, with room round it
    image = shown(window, qtbot)
    corner, middle = image.pixelColor(3, image.height() // 2), image.pixelColor(image.width() // 2, 5)
    assert corner.name().upper() == PAGE.upper()  # left of the disc: no place (it was sea)
    assert middle.name().upper() == PAGE.upper()  # above the disc
    assert any(image.pixelColor(x, image.height() // 2).name().upper() == SEA.upper()
               for x in range(0, image.width(), 4))  # the sea is still on the disc
    size = (canvas.viewport().width(), canvas.viewport().height())
    out = export_view(window.workspace, window.map_view, window.shell, tmp_path / "globe.png", *size, 96, "")
    from PySide6.QtGui import QImage

    exported = QImage(str(out))
    assert QColor(exported.pixel(3, exported.height() // 2)).name().upper() == corner.name().upper()


def test_past_the_poles_of_a_world_map_is_the_page_on_screen(window, qtbot):
    canvas = window.canvas
    canvas.set_projection(plate_carree(), keep_view=False)
    north = canvas.projection.forward(0.0, 90.0)[1]
    canvas.view.setRange(xRange=(-2e6, 2e6), yRange=(north - 1e6, north + 1e6), padding=0)  # across the pole
    image = shown(window, qtbot)
    assert image.pixelColor(image.width() // 2, 5).name().upper() == PAGE.upper()  # beyond 90°N
    canvas.view.translateBy(x=3e6)  # panned sideways: the band goes on
    image = shown(window, qtbot)
    assert image.pixelColor(image.width() - 5, 5).name().upper() == PAGE.upper()
