"""KML carrying more than lon/lat/alt (a gx:Track's per-point times, values and headings, a 4th coordinate value
such as a measure M): the positions are kept, x/y and the altitude, and what was dropped is said once per file, in
one line naming the file and the first place. A 4th value refused the whole file; a track's times went unsaid."""

from __future__ import annotations

from viewer.io.load import open_path
from viewer.model.problem import Severity

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2" '
        'xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>\n')
TRACK = """<Placemark><name>Flight track</name>
<gx:Track>
 <when>2023-08-24T03:50:00Z</when><when>2023-08-24T03:55:00Z</when><when>2023-08-24T04:00:00Z</when>
 <gx:coord>124.7 39.66 0</gx:coord><gx:coord>124.9 35.0 150000</gx:coord><gx:coord>125.5 30.0 300000</gx:coord>
 <gx:angles>170 0 0</gx:angles><gx:angles>175 0 0</gx:angles><gx:angles>178 0 0</gx:angles>
 <ExtendedData><SchemaData schemaUrl="#s"><gx:SimpleArrayData name="speed">
  <gx:value>1</gx:value><gx:value>2</gx:value><gx:value>3</gx:value></gx:SimpleArrayData></SchemaData></ExtendedData>
</gx:Track></Placemark>
"""
MEASURED = """<Placemark><name>Measured line</name>
<LineString><coordinates>124.7,39.66,0,5 125.5,30.0,10,9</coordinates></LineString></Placemark>
<Placemark><name>Measured point</name><Point><coordinates>126,33,0,1</coordinates></Point></Placemark>
<Placemark><name>Measured track</name>
<gx:Track><gx:coord>126 33 0 4</gx:coord><gx:coord>127 32 0 8</gx:coord></gx:Track></Placemark>
"""
TAIL = "</Document></kml>\n"


def opened(tmp_path, body: str):
    path = tmp_path / "flights.kml"
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    bundle, problems = open_path(path)
    return path, {f.label: f for f in bundle.features.values()}, problems


def test_a_track_keeps_its_positions_and_span_and_says_what_it_drops(tmp_path):
    path, features, problems = opened(tmp_path, TRACK)
    track = features["Flight track"]
    assert list(track.geometry.coords) == [(124.7, 39.66, 0.0), (124.9, 35.0, 150000.0), (125.5, 30.0, 300000.0)]
    assert (track.properties["begin"], track.properties["end"]) == ("2023-08-24T03:50:00Z", "2023-08-24T04:00:00Z")
    (problem,) = problems
    assert problem.severity == Severity.WARNING
    assert (problem.file, problem.where) == (str(path), "4")  # the first placemark that lost something
    assert "\n" not in problem.message
    for dropped in ("times", "gx:angles", "gx:SimpleArrayData"):
        assert dropped in problem.message


def test_a_fourth_coordinate_value_is_dropped_once_per_file_not_refused(tmp_path):
    path, features, problems = opened(tmp_path, MEASURED)
    assert list(features["Measured line"].geometry.coords) == [(124.7, 39.66, 0.0), (125.5, 30.0, 10.0)]
    assert features["Measured point"].geometry.coords[0] == (126.0, 33.0, 0.0)
    assert list(features["Measured track"].geometry.coords) == [(126.0, 33.0, 0.0), (127.0, 32.0, 0.0)]
    (problem,) = problems
    assert problem.severity == Severity.WARNING
    assert (problem.file, problem.where) == (str(path), "4")
    assert "4th coordinate value" in problem.message
    assert "3 placemarks" in problem.message


def test_both_in_one_file_make_one_line(tmp_path):
    _, _, problems = opened(tmp_path, TRACK + MEASURED)
    (problem,) = problems
    assert "4th coordinate value" in problem.message
    assert "times" in problem.message


def test_five_values_are_still_a_bad_coordinate(tmp_path):
    import pytest

    from viewer.model.problem import BundleError

    with pytest.raises(BundleError) as error:
        opened(tmp_path, '<Placemark><Point><coordinates>126,33,0,1,2</coordinates></Point></Placemark>')
    assert "bad coordinate '126,33,0,1,2'" in str(error.value.problems[0].message)
