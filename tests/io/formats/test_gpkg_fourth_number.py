"""A 4th number per position (RFC 7946 allows it; the GeoJSON reader keeps it) survives a trip through GeoPackage."""

from __future__ import annotations

import json
from pathlib import Path

import pyogrio
import shapely

BAD = Path(__file__).parents[2] / "data" / "bad"


def test_a_fourth_number_comes_back_from_a_geopackage(tmp_path):
    from viewer.io.convert import convert

    convert(BAD / "geojson/four_d_positions.geojson", tmp_path / "copy.gpkg")
    convert(tmp_path / "copy.gpkg", tmp_path / "back.geojson")
    written = json.loads((tmp_path / "back.geojson").read_text())["features"][0]["geometry"]["coordinates"]
    assert written[1] == [124.4, 21.7, 500000, 1454800800]
    other_tool = pyogrio.read_dataframe(tmp_path / "copy.gpkg", layer="features")  # what QGIS sees: X, Y, Z
    assert shapely.get_coordinates(other_tool.geometry.iloc[0], include_z=True)[1].tolist() == [124.4, 21.7, 500000]
