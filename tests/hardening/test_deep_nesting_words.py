"""JSON nested thousands deep is refused in words a user reads, with the place where it is deepest, not with
Python's "maximum recursion depth exceeded while decoding a JSON array from a unicode string": a whole file, a
session, a GeoPackage JSON cell (which said only that) and a KML ExtendedData value (which ended in a traceback)."""

from __future__ import annotations

import sqlite3

import pytest

from viewer.cli import main
from viewer.io.formats.gpkg.writer import write_gpkg
from viewer.io.load import open_path
from viewer.io.session.file import load_session
from viewer.model.problem import BundleError


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ('{"a": ', "}")])
def test_a_geometry_nested_ten_thousand_deep(tmp_path, capsys, opening, closing):
    path = tmp_path / "deep.geojson"
    path.write_text('{"type": "Point",\n "coordinates": ' + opening * 10_000 + closing * 10_000 + "}")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out == (f"{path}:2:{17 + (10_000 - 1) * len(opening)}: arrays and objects nested "
                                       "10,001 deep, deeper than launchmap reads\n")


def test_a_session_nested_ten_thousand_deep(tmp_path):
    path = tmp_path / "deep.lmsession"
    path.write_text('{"launchmap_session": 1, "styles": ' + '{"a": ' * 10_000 + "1" + "}" * 10_000 + "}")
    with pytest.raises(BundleError, match=r"deep\.lmsession:1:\d+: arrays and objects nested 10,001 deep, deeper "
                                          "than launchmap reads$"):
        load_session(path)


DEEP_CELL = '{"a": ' + "[" * 5000 + "]" * 5000 + "}"


def test_a_geopackage_json_cell_nested_thousands_deep(tmp_path, capsys):
    source = tmp_path / "one.geojson"
    source.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "a", "geometry": '
                      '{"type": "Point", "coordinates": [124.7, 39.6]}, "properties": {"n": 1}}]}')
    path = tmp_path / "one.gpkg"
    write_gpkg(open_path(source)[0], path)
    with sqlite3.connect(path) as connection:
        for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')
        connection.execute("UPDATE features SET properties = ?", (DEEP_CELL,))
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out == (f"{path}:layer features, fid 1: column 'properties': arrays and objects "
                                       "nested 5,001 deep, deeper than launchmap reads\n")


def test_kml_extended_data_nested_thousands_deep(tmp_path, capsys):
    path = tmp_path / "deep.kml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n'
                    '<Placemark><name>a</name><ExtendedData><Data name="launchmap:feature"><value>' + DEEP_CELL
                    + "</value></Data></ExtendedData><Point><coordinates>124.7,39.6</coordinates></Point>"
                    "</Placemark>\n</Document></kml>\n")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith(f"{path}:3: ExtendedData 'launchmap:feature': arrays and objects nested 5,001 deep"), out
