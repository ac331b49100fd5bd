"""Map tools as a user meets them: measuring is a visible mode with distance and bearing that Esc leaves, the map
has a right-click menu, Previous/Next frame a whole launch, and hovering leaves no halo behind."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from shared_data import SOHAE

from viewer.qt.main_window import OPEN_FILTER
from viewer.qt.panels.event_tree import FEATURE_ROLE  # noqa: F401  (the tree's roles are public)

NAHA = (127.68, 26.21)


def pixel(window, lon: float, lat: float) -> QPoint:
    x, y = window.canvas.projection.forward(lon, lat)
    return window.canvas.map_to_pixel(x, y).toPoint()


def test_measuring_is_a_visible_mode_with_distance_and_bearing_and_esc_leaves_it(window, qtbot):
    canvas = window.canvas
    canvas.setFocus()
    window.tools.measure_action.trigger()  # Tools ▸ Measure distance, the toolbar button or M
    assert window.tools.measure_action.isChecked()
    assert window.tools.mode_badge.isVisible()
    assert canvas.cursor().shape() == Qt.CursorShape.CrossCursor
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pixel(window, *SOHAE))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pixel(window, *NAHA))
    message = window.statusBar().currentMessage()
    assert "km" in message
    assert "initial bearing 1" in message  # Naha lies south-east of Sohae: a bearing of 100-180 degrees
    assert window.workspace.selection.features == ()  # measuring clicks select nothing
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert not window.tools.measure_action.isChecked()
    assert not window.tools.mode_badge.isVisible()
    assert not canvas.measuring
    assert canvas.cursor().shape() == Qt.CursorShape.ArrowCursor


def test_the_right_click_menu_says_what_is_here(window):
    menu = window.tools.context_menu(pixel(window, *SOHAE), show=False)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[0].startswith("39.6")  # the position first
    assert "Copy coordinates" in texts
    assert any(t.startswith("Launch site:") for t in texts)  # the features under the pointer
    assert "Measure from here" in texts
    assert "Range rings here…" in texts
    next(a for a in menu.actions() if a.text() == "Copy coordinates").trigger()
    lat, lon = (float(v) for v in QGuiApplication.clipboard().text().split(","))
    assert abs(lat - SOHAE[1]) < 0.2
    assert abs(lon - SOHAE[0]) < 0.2
    next(a for a in menu.actions() if a.text().startswith("Launch site:")).trigger()
    assert window.workspace.selection.current.endswith("launch-site")


def test_next_launch_frames_the_whole_launch_not_just_its_site(window, qtbot):
    window.canvas.zoom_to_extent((124.0, 39.0, 126.0, 40.5))  # close in on Sohae
    window.timeline.step(1)  # the 2016 launch: its path runs ~2,000 km south of Sohae
    event = window.workspace.content.events_in_time_order()[0]
    canvas = window.canvas
    rect = canvas.view.viewRect()
    for feature in window.workspace.content.features_of(event.id):
        xmin, ymin, xmax, ymax = canvas._cache.bounds([feature])
        assert rect.left() <= xmin, feature.id
        assert xmax <= rect.right(), feature.id
        assert rect.top() <= ymin, feature.id
        assert ymax <= rect.bottom(), feature.id


def test_leaving_the_map_clears_the_hover_halo(window, qtbot):
    canvas = window.canvas
    qtbot.mouseMove(canvas.viewport(), QPoint(5, 5))
    qtbot.wait(50)
    qtbot.mouseMove(canvas.viewport(), pixel(window, *SOHAE))
    qtbot.waitUntil(lambda: canvas.hovered_feature is not None, timeout=2000)
    QGuiApplication.sendEvent(canvas, QEvent(QEvent.Type.Leave))
    assert canvas.hovered_feature is None


def test_file_open_offers_every_supported_file_first():
    first = OPEN_FILTER.split(";;")[0]
    assert first.startswith("All supported files")
    for pattern in ("*.geojson", "*.gpkg", "*.kml", "*.kmz", "*.csv", "*.lmsession"):
        assert pattern in first


def test_a_ring_beyond_a_globes_horizon_is_said_and_the_range_rings_view_shows_it_whole(window, monkeypatch):
    from viewer.geo.crs import orthographic
    from viewer.qt import plain_box

    pyongyang = (125.74, 39.02)
    window.canvas.set_projection(orthographic(*pyongyang))
    monkeypatch.setattr(plain_box, "text", lambda *a, **k: ("5500, 13000", True))
    window.tools.ask_rings(*pyongyang, "Pyongyang")
    message = window.statusBar().currentMessage()
    assert "13,000 km lies beyond the globe's horizon" in message
    window.tools.range_rings_view()
    assert window.canvas.projection.key == "aeqd"
    xmin, ymin, xmax, ymax = window.map_view.frame
    assert xmin < -13_000_000
    assert xmax > 13_000_000
    assert ymin < -13_000_000
    assert ymax > 13_000_000
