"""Range rings and measurements as session items: their JSON round trip and what a bad session file gets."""

from __future__ import annotations

import json

import pytest

from viewer.io.session import Session, load_session, save_session
from viewer.model.overlays import Measurement, Overlays, RangeRings
from viewer.model.problem import BundleError


def test_overlays_round_trip_through_a_session_file(tmp_path):
    overlays = Overlays()
    overlays.set_rings([RangeRings((124.705, 39.66), (500.0, 1000.0), "Sohae")])
    overlays.extend_measurement(124.705, 39.66)
    overlays.extend_measurement(127.68, 26.21)
    path = tmp_path / "s.lmsession"
    save_session(Session(overlays=overlays), path)
    back = load_session(path).overlays
    assert back.rings == overlays.rings
    assert back.measurements == overlays.measurements
    # Sohae to Naha is about 1,530 km along the geodesic
    assert back.measurements[0].length_km() == pytest.approx(1530, abs=40)


def test_a_session_without_overlays_reads_as_none(tmp_path):
    path = tmp_path / "s.lmsession"
    save_session(Session(), path)
    assert "overlays" not in json.loads(path.read_text())
    assert not load_session(path).overlays


@pytest.mark.parametrize(("overlays", "where", "message"), [
    ({"range_rings": [{"centre": [200, 0], "radii_km": [100]}]}, "overlays.range_rings[0].centre", "±180"),
    ({"range_rings": [{"centre": [124, 39], "radii_km": [-5]}]}, "overlays.range_rings[0].radii_km", "distances"),
    ({"measurements": [{"points": [[124, 39]]}]}, "overlays.measurements[0].points", "at least two"),
    ({"measurements": "x"}, "overlays.measurements", "must be a list"),
])
def test_bad_overlays_are_one_line_naming_the_place(tmp_path, overlays, where, message):
    path = tmp_path / "s.lmsession"
    path.write_text(json.dumps({"launchmap_session": 1, "bundles": [], "overlays": overlays}))
    with pytest.raises(BundleError) as caught:
        load_session(path)
    assert len(caught.value.problems) == 1
    line = str(caught.value.problems[0])
    assert f"{path}:{where}:" in line
    assert message in line


def test_a_measurement_of_one_point_is_dropped_when_measuring_stops():
    overlays = Overlays()
    overlays.start_measurement()
    overlays.extend_measurement(124.0, 39.0)
    overlays.end_measurement()
    assert overlays.measurements == []
    overlays.start_measurement()
    overlays.extend_measurement(124.0, 39.0)
    overlays.extend_measurement(125.0, 30.0)
    overlays.end_measurement()
    assert overlays.measurements == [Measurement(((124.0, 39.0), (125.0, 30.0)))]
