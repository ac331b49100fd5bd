"""Positions are numbers: a coordinate given as true/false, a string or a nested list is one error naming the
feature, never read as 1.0, 0.0 or the string's number (a hostile or broken file put its points elsewhere,
silently). Checked one by one and in the bulk path that reads most files' points, lines and polygons."""

from __future__ import annotations

import json

import pytest

from viewer.cli import main


def bundle(tmp_path, coordinates_list, kind="Point"):
    path = tmp_path / "in.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": kind, "coordinates": c}, "properties": {}}
        for c in coordinates_list]}))
    return path


def validate(capsys, path):
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out.splitlines()


BAD_POINTS = [[124, True], [True, False], ["124", "39"], [124, 39, "100"], [[124, 39]], [124, None], [124, {}]]


@pytest.mark.parametrize("coordinates", BAD_POINTS, ids=json.dumps)
def test_a_point_that_is_not_numbers_is_refused(capsys, tmp_path, coordinates):
    path = bundle(tmp_path, [[125.0, 40.0], coordinates])
    code, lines = validate(capsys, path)
    assert code == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:features[1].geometry: malformed Point coordinates"), lines
    assert "np." not in lines[0]


@pytest.mark.parametrize(("kind", "coordinates"), [
    ("LineString", [[124, 39], [125, True]]),
    ("LineString", [[124, 39], ["125", "40"]]),
    ("Polygon", [[[124, 39], [125, 39], [125, False], [124, 39]]]),
    ("MultiPoint", [[124, 39], [125, "40"]]),
    ("MultiLineString", [[[124, 39], [True, 40]]]),
    ("MultiPolygon", [[[[124, 39], [125, 39], [125, 40], ["124", 39]]]]),
])
def test_lines_and_areas_that_are_not_numbers_are_refused(capsys, tmp_path, kind, coordinates):
    path = bundle(tmp_path, [coordinates], kind)
    code, lines = validate(capsys, path)
    assert code == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:features[0].geometry: malformed {kind} coordinates"), lines


def test_a_boolean_among_many_points_is_found_in_the_bulk_path(capsys, tmp_path):
    points = [[120 + i * 0.001, 30.0] for i in range(5000)]
    points[4321] = [124.5, True]
    code, lines = validate(capsys, bundle(tmp_path, points))
    assert code == 1
    assert len(lines) == 1, lines
    assert ":features[4321].geometry: malformed Point coordinates" in lines[0]


def test_numbers_of_every_json_form_are_read(capsys, tmp_path):
    code, lines = validate(capsys, bundle(tmp_path, [[124, 39], [124.5, -39.25], [1e2, 3e1, -0.0], [0, 0, 10, 5]]))
    assert code == 0, lines
