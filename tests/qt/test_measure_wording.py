"""A measurement or a ring shorter than a kilometre reads in metres, in the scale bar's wording (it read '0 km')."""

from __future__ import annotations

from viewer.geo.crs import web_mercator
from viewer.geo.scale import distance_label
from viewer.model.overlays import Measurement, Overlays, RangeRings
from viewer.qt.draw.overlays import overlay_drawing


def test_a_short_measurement_reads_in_metres():
    overlays = Overlays()
    # ~450 m along a parallel at Sohae
    overlays.measurements.append(Measurement(((124.705, 39.66), (124.7103, 39.66))))
    metres = overlays.measurements[0].length_km() * 1000
    assert 400 < metres < 500
    _, labels = overlay_drawing(web_mercator(), overlays)
    assert [label.text for label in labels] == [f"{metres:.0f} m"]


def test_a_long_measurement_still_reads_in_km():
    overlays = Overlays()
    overlays.measurements.append(Measurement(((124.705, 39.66), (127.68, 26.21))))
    _, labels = overlay_drawing(web_mercator(), overlays)
    (label,) = labels
    assert label.text == distance_label(overlays.measurements[0].length_km())
    assert label.text.endswith(" km")


def test_a_ring_under_a_kilometre_reads_in_metres():
    overlays = Overlays()
    overlays.rings.append(RangeRings((124.705, 39.66), (0.5, 2.0)))
    _, labels = overlay_drawing(web_mercator(), overlays)
    assert [label.text for label in labels] == ["500 m", "2 km"]
