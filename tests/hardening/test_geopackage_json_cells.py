"""A launchmap GeoPackage whose JSON cell for a feature's properties or a row's extra members holds a number, a list
or a string (edited by hand, or by a tool that took the column for a number) is refused in one line naming the
layer, fid and column; it ended in "AttributeError: 'float' object has no attribute 'update'". So is a text cell
that is not UTF-8, in launchmap's own tables or in any layer, which ended in pyogrio's UnicodeDecodeError."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
import shapely

from viewer.cli import main
from viewer.io.formats.gpkg.writer import write_gpkg
from viewer.io.load import open_path


@pytest.fixture
def geopackage(tmp_path):
    source = tmp_path / "two.geojson"
    source.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "a", "geometry": '
                      '{"type": "Point", "coordinates": [124.7, 39.6]}, "properties": {"n": 1}}]}')
    path = tmp_path / "two.gpkg"
    write_gpkg(open_path(source)[0], path)
    return path


@pytest.mark.parametrize("column", ["properties", "extra"])
@pytest.mark.parametrize("value", [1e308, 7, "[1, 2]", '"text"', "true"])
def test_a_json_cell_that_is_not_an_object(geopackage, capsys, column, value):
    with sqlite3.connect(geopackage) as connection:
        for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')
        connection.execute(f"UPDATE features SET {column} = ?", (value,))
    assert main(["validate", str(geopackage)]) == 1
    assert capsys.readouterr().out == (f"{geopackage}:layer features, fid 1: column {column!r} must hold a JSON "
                                       "object\n")


@pytest.mark.parametrize("column", ["label", "properties"])
def test_a_text_cell_that_is_not_utf8_in_launchmaps_own(geopackage, capsys, column):
    with sqlite3.connect(geopackage) as connection:
        for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')
        connection.execute(f"UPDATE features SET {column} = CAST(? AS TEXT)", (b"\x80abc",))
    assert main(["validate", str(geopackage)]) == 1
    assert capsys.readouterr().out == (f"{geopackage}:layer features, fid 1: column {column!r} holds text that is not "
                                       "UTF-8, which GeoPackage text must be\n")


def test_a_text_cell_that_is_not_utf8_in_a_plain_layer(tmp_path, capsys):
    from pyogrio.raw import write

    path = tmp_path / "sites.gpkg"
    write(str(path), geometry=shapely.to_wkb(np.array([shapely.Point(124.7, 39.6), shapely.Point(125, 40)])),
          field_data=[np.array(["a", "b"], dtype=object)], fields=["name"], geometry_type="Point", crs="EPSG:4326",
          driver="GPKG", layer="sites")
    with sqlite3.connect(path) as connection:
        for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')
        connection.execute("UPDATE sites SET name = CAST(? AS TEXT) WHERE fid = 2", (b"Sohae \xff",))
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out == (f"{path}:layer sites, fid 2: column 'name' holds text that is not UTF-8, which "
                                       "GeoPackage text must be\n")
