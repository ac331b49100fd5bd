"""A measurement's distance is the point of measuring: its label is placed wherever along the line it fits."""

from __future__ import annotations

import pytest

SOHAE, NAHA = (124.705, 39.66), (127.68, 26.21)


@pytest.mark.parametrize("extent", [None, (123.0, 24.0, 131.0, 30.0)])
def test_a_measurement_ending_on_a_mark_keeps_its_distance(window, qtbot, tmp_path, extent):
    """With a CSV of places open (a point at Naha), a measurement from Sohae to Naha drew its line with no distance
    on the screen, in the exported image and in presentation mode: its one label position, beside Naha, was taken
    by marks. It now tries positions along the line too."""
    places = tmp_path / "places.csv"
    places.write_bytes("\ufeffname,lat,lon\r\nNaha,26.2124,127.6809\r\nPyongyang,39.0392,125.7625\r\n".encode())
    window.open_files([str(places)])
    canvas = window.canvas
    canvas.zoom_to_extent(extent or canvas.data_extent(), margin=0.05)
    canvas.set_measuring(True)
    canvas.add_measure_point(*SOHAE)
    canvas.add_measure_point(*NAHA)
    canvas.set_measuring(False)
    qtbot.wait(250)
    canvas.viewport().repaint()
    km = f"{window.workspace.overlays.measurements[-1].length_km():,.0f} km"
    shapes = dict(canvas.labels.placed_shapes)
    assert km in shapes
    box = shapes[km]
    # beside the line: the box is within a label's height of some point of it on screen
    line = [canvas.map_to_pixel(*canvas.projection.forward(SOHAE[0] + (NAHA[0] - SOHAE[0]) * t / 50,
                                                            SOHAE[1] + (NAHA[1] - SOHAE[1]) * t / 50))
            for t in range(51)]
    reach = 2 * (box[3] - box[1])
    assert any(box[0] - reach < p.x() < box[2] + reach and box[1] - reach < p.y() < box[3] + reach for p in line)
