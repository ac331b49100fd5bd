"""An integer longer than Python converts (4,300 digits by default) is refused in words a user reads, with its
line and column, not with advice to call sys.set_int_max_str_digits()."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from viewer.cli import main
from viewer.io.formats.gpkg.writer import write_gpkg
from viewer.model.bundle import Bundle

DIGITS = sys.get_int_max_str_digits() + 700


@pytest.fixture
def long_integer_bundle(tmp_path):
    path = tmp_path / "long_integer.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [\n {"type": "Feature", "geometry": {"type": "Point", '
                    '"coordinates": [124.7, 39.6]},\n  "properties": {"serial": ' + "7" * DIGITS + "}}]}\n")
    return path


def test_validate_names_the_place_and_the_length(long_integer_bundle, capsys):
    assert main(["validate", str(long_integer_bundle)]) == 1
    out = capsys.readouterr().out
    assert out == (f"{long_integer_bundle}:3:28: a number of {DIGITS:,} digits; launchmap reads integers of up to "
                   f"{sys.get_int_max_str_digits():,} digits\n")


def test_convert_says_the_same_in_one_line(long_integer_bundle, tmp_path, capsys):
    assert main(["convert", str(long_integer_bundle), "-o", str(tmp_path / "out.gpkg")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "set_int_max_str_digits" not in err
    assert f"a number of {DIGITS:,} digits" in err


def test_a_geopackage_json_cell_says_the_same(tmp_path, capsys):
    path = tmp_path / "cell.gpkg"
    write_gpkg(Bundle(), path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE launchmap SET value = ? WHERE key = 'header'", ('{"n": ' + "7" * DIGITS + "}",))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "set_int_max_str_digits" not in out
    assert f"a number of {DIGITS:,} digits" in out
