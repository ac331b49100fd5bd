"""Zoomed far in, the scale bar reads in metres, centimetres or millimetres (it read '0 m'), and zooming stops at
about ten metres across."""

from __future__ import annotations

import pytest

from viewer.geo.crs import DEFAULT_REGION, regional
from viewer.geo.scale import (
    MIN_VIEW_METRES,
    distance_label,
    ground_distance_per_map_unit,
    min_view_span,
    nice_scale_bar,
)


@pytest.mark.parametrize(("km", "label"), [(5000, "5,000 km"), (1, "1 km"), (0.2, "200 m"), (0.001, "1 m"),
                                           (0.0005, "50 cm"), (0.00001, "1 cm"), (0.000005, "5 mm")])
def test_a_distance_reads_as_a_whole_number_of_its_unit(km, label):
    assert distance_label(km) == label


def test_the_bar_at_the_closest_zoom_reads_centimetres_or_metres_not_zero():
    projection = regional(DEFAULT_REGION)
    x, y = projection.forward(125.75, 39.02)  # Pyongyang
    span = min_view_span(projection, float(x), float(y))
    metres = span * ground_distance_per_map_unit(projection, float(x), float(y))
    assert metres == pytest.approx(MIN_VIEW_METRES, rel=1e-3)
    km, pixels = nice_scale_bar(projection, float(x), float(y), span / 1366, 200)
    assert 0 < pixels <= 200
    assert distance_label(km) in {"1 m", "2 m", "50 cm"}


def test_the_window_stops_zooming_in_at_the_limit(qtbot):
    from viewer.qt.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    view = window.canvas.view
    centre = view.viewRect().center()
    for _ in range(80):  # each step halves the view, as the wheel or + does
        view.scaleBy((0.5, 0.5), center=centre)
    projection = window.canvas.projection
    metres = view.viewRect().width() * ground_distance_per_map_unit(projection, centre.x(), centre.y())
    assert MIN_VIEW_METRES * 0.9 <= metres < 100
