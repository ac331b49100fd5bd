"""Using the map as a person does: hover and click the Sohae marker, read positions, switch projections."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, Qt
from shared_data import SOHAE

from viewer.geo.crs import PROJECTIONS
from viewer.geo.geodesic import inverse


def sohae_pixel(window) -> QPoint:
    canvas = window.canvas
    x, y = canvas.projection.forward(*SOHAE)
    return canvas.map_to_pixel(x, y).toPoint()


def move_away(qtbot, canvas) -> None:
    """Start from elsewhere: Qt sends no move to where the cursor already is, and pyqtgraph's scene
    drops moves that follow each other within its rate limit (1/60 s), as a real mouse never does."""
    qtbot.mouseMove(canvas.viewport(), QPoint(5, 5))
    qtbot.wait(50)


def launch_site_ids(window) -> set[str]:
    return {f.id for f in window.workspace.content.features.values() if f.kind == "launch_site"}


def test_hover_then_click_selects_the_sohae_site(window, qtbot):
    canvas = window.canvas
    where = sohae_pixel(window)
    move_away(qtbot, canvas)
    qtbot.mouseMove(canvas.viewport(), where)
    qtbot.waitUntil(lambda: canvas.hovered_feature in launch_site_ids(window), timeout=2000)
    with qtbot.waitSignal(window.workspace.selection.changed, timeout=2000):
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.workspace.selection.current in launch_site_ids(window)
    assert canvas.highlight.selected_ids == list(window.workspace.selection.features)


def test_click_on_open_sea_clears_the_selection(window, qtbot):
    canvas = window.canvas
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=sohae_pixel(window))
    assert window.workspace.selection.features
    x, y = canvas.projection.forward(133.0, 31.0)  # Pacific south of Shikoku: no feature
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.map_to_pixel(x, y).toPoint())
    assert window.workspace.selection.features == ()


def test_picking_returns_the_feature_at_a_position(window):
    canvas = window.canvas
    x, y = canvas.projection.forward(*SOHAE)
    assert canvas.features_at(x, y)[0] in launch_site_ids(window)
    # inside the 2016 Pacific danger zone (notified corners, launches.md §1a)
    zx, zy = canvas.projection.forward(124.35, 18.4)
    picked = [window.workspace.feature(i) for i in canvas.features_at(zx, zy)]
    assert any(f.kind == "danger_zone" and f.event.startswith("2016") for f in picked)


def test_status_bar_reads_the_cursor_position(window, qtbot):
    move_away(qtbot, window.canvas)
    qtbot.mouseMove(window.canvas.viewport(), sohae_pixel(window))
    qtbot.waitUntil(lambda: "39.6" in window._position.text() or "39.7" in window._position.text(), timeout=2000)
    # within a pixel of Sohae (124.705°E) at the view's zoom, whatever the rounding of the text
    lon = float(window._position.text().split()[1].rstrip("°E"))
    assert abs(lon - 124.705) <= 1.5 * window.canvas.map_units_per_pixel() / 80_000, window._position.text()


def test_every_projection_shows_sohae_and_names_itself(window, qtbot):
    canvas = window.canvas
    for key in PROJECTIONS:
        window.tools.set_projection(key)
        assert window._crs.text() == canvas.projection.name
        point = sohae_pixel(window)
        assert canvas.viewport().rect().contains(point), key


def test_scale_bar_agrees_with_the_geodesic_distance(window):
    canvas = window.canvas
    for key in ("regional", "mercator", "aeqd"):
        window.tools.set_projection(key)
        from viewer.geo.scale import nice_scale_bar

        centre = canvas.view.viewRect().center()
        km, pixels = nice_scale_bar(canvas.projection, centre.x(), centre.y(), canvas.map_units_per_pixel(), 180)
        # measure the bar's length on the map: from the centre, `pixels` to the right, both inverse-projected
        left = canvas.pixel_to_map(*_centre_pixel(canvas))
        right = canvas.pixel_to_map(_centre_pixel(canvas)[0] + pixels, _centre_pixel(canvas)[1])
        lon1, lat1 = canvas.projection.inverse(left.x(), left.y())
        lon2, lat2 = canvas.projection.inverse(right.x(), right.y())
        measured, _, _ = inverse(lon1, lat1, lon2, lat2)
        assert math.isclose(measured, km, rel_tol=0.01), (key, measured, km)


def _centre_pixel(canvas) -> tuple[float, float]:
    centre = canvas.view.viewRect().center()
    point = canvas.map_to_pixel(centre.x(), centre.y())
    return point.x(), point.y()


def test_clicking_a_point_near_the_edge_selects_it_without_moving_the_map(window, qtbot):
    """Sohae near the top edge: the click selects it and the map stays put (it used to re-centre on it)."""
    canvas = window.canvas
    west, east = SOHAE[0] - 6, SOHAE[0] + 6
    canvas.zoom_to_extent((west, SOHAE[1] - 7.6, east, SOHAE[1] + 0.4))  # the site a few pixels below the top
    before = window.map_view.frame
    where = sohae_pixel(window)
    assert 0 < where.y() < canvas.viewport().height() * 0.2
    move_away(qtbot, canvas)
    qtbot.mouseMove(canvas.viewport(), where)
    with qtbot.waitSignal(window.workspace.selection.changed, timeout=2000):
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.workspace.selection.current in launch_site_ids(window)
    assert window.map_view.frame == before


def test_a_selected_feature_hidden_by_a_filter_loses_its_highlight(window, qtbot):
    """Found in use: a selected launch site hidden by the time filter kept its yellow selection glow."""
    from datetime import UTC, datetime

    window.workspace.selection.select(["2016-02-07-kms4/launch-site"])
    assert window.canvas.highlight.selected_ids == ["2016-02-07-kms4/launch-site"]
    window.map_view.set_time_window((datetime(2023, 1, 1, tzinfo=UTC), datetime(2024, 1, 1, tzinfo=UTC)))
    assert window.canvas.highlight.selected_ids == []
    window.map_view.set_time_window(None)
    assert window.canvas.highlight.selected_ids == ["2016-02-07-kms4/launch-site"]
