"""The map as a QGIS or Google Earth user drives it from the keyboard, and what hovering a feature says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def view_rect(window) -> tuple[float, float, float, float]:
    (xmin, xmax), (ymin, ymax) = window.canvas.view.viewRange()
    return xmin, ymin, xmax, ymax


def centre_and_width(window) -> tuple[float, float, float]:
    xmin, ymin, xmax, ymax = view_rect(window)
    return (xmin + xmax) / 2, (ymin + ymax) / 2, xmax - xmin


@pytest.mark.parametrize(("key", "east", "north"), [(Qt.Key.Key_Right, 1, 0), (Qt.Key.Key_Left, -1, 0),
                                                    (Qt.Key.Key_Up, 0, 1), (Qt.Key.Key_Down, 0, -1)])
def test_arrow_keys_pan_the_map_a_fifth_of_the_view(window, qtbot, key, east, north):
    """The arrows did nothing on the map: QGIS and Google Earth pan with them."""
    canvas = window.canvas
    canvas.setFocus()
    x0, y0, width = centre_and_width(window)
    height = view_rect(window)[3] - view_rect(window)[1]
    qtbot.keyClick(canvas, key)
    x1, y1, width1 = centre_and_width(window)
    assert width1 == pytest.approx(width)
    assert x1 - x0 == pytest.approx(east * 0.2 * width, rel=1e-3, abs=1e-6 * width)
    assert y1 - y0 == pytest.approx(north * 0.2 * height, rel=1e-3, abs=1e-6 * width)
    assert window.map_view.frame == pytest.approx(view_rect(window), rel=1e-6)  # the MapView follows the screen


@pytest.mark.parametrize(("key", "modifier", "factor"), [
    (Qt.Key.Key_PageUp, Qt.KeyboardModifier.NoModifier, 0.5),
    (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier, 2.0),
    (Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier, 0.5),
    (Qt.Key.Key_Minus, Qt.KeyboardModifier.NoModifier, 2.0),
    (Qt.Key.Key_Plus, Qt.KeyboardModifier.KeypadModifier, 0.5),
])
def test_page_keys_and_plus_minus_zoom_about_the_centre(window, qtbot, key, modifier, factor):
    canvas = window.canvas
    canvas.setFocus()
    x0, y0, width = centre_and_width(window)
    qtbot.keyClick(canvas, key, modifier)
    x1, y1, width1 = centre_and_width(window)
    assert width1 == pytest.approx(width * factor, rel=1e-3)
    assert (x1, y1) == pytest.approx((x0, y0), abs=width * 1e-3)


def test_alt_arrows_stay_the_timelines(window, qtbot):
    """Alt+← / Alt+→ step through launches; the map must not pan under them as well."""
    canvas = window.canvas
    canvas.setFocus()
    before = view_rect(window)
    event_count = len(window.workspace.content.events)
    assert event_count > 1
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    after = view_rect(window)
    # stepping frames the launch, which is a different rect, but never the same rect moved by a fifth
    width = before[2] - before[0]
    assert not (after[2] - after[0] == pytest.approx(width) and after[0] - before[0] == pytest.approx(0.2 * width))


def test_the_tooltip_names_the_kind_once(window):
    """Hovering a danger zone read 'Danger zone 1 (1st stage, Yellow Sea)' then 'Danger zone'; a flight path,
    'Flight path (approximate)' then 'Flight path'."""
    canvas = window.canvas
    features = window.workspace.content.features
    zone = features["2016-02-07-kms4/danger-zone-1"] if "2016-02-07-kms4/danger-zone-1" in features else next(
        f for f in features.values() if f.kind == "danger_zone")
    lines = canvas.tooltip_text(zone).splitlines()
    assert lines[0] == zone.label
    assert sum("danger zone" in line.casefold() for line in lines) == 1
    path = next(f for f in features.values() if f.kind == "flight_path" and f.label.startswith("Flight path"))
    lines = canvas.tooltip_text(path).splitlines()
    assert sum(line.casefold().startswith("flight path") for line in lines) == 1
    fall = next(f for f in features.values() if f.kind == "impact_point")
    lines = canvas.tooltip_text(fall).splitlines()
    assert lines[:2] == [fall.label, "Impact point"]  # a label that does not say its kind keeps the kind's line
