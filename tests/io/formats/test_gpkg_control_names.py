"""A GeoPackage whose name holds a control character (a tab, a line break) is read, and its name is shown with the
character made visible, never acted on: a message about it stays one line."""

from __future__ import annotations

import os

import geopandas
import pytest
import shapely

from viewer.io.load import open_path
from viewer.model.bundle import Bundle
from viewer.model.problem import BundleError
from viewer.wording import visible_controls


def written_as(tmp_path, name):
    """A plain GeoPackage of three points, then given ``name`` (GDAL's own writer is handed a plain name)."""
    plain = tmp_path / "plain.gpkg"
    geopandas.GeoDataFrame({"name": ["a", "b", "c"]},
                           geometry=[shapely.Point(124, 39), shapely.Point(125, 40), shapely.Point(126, 41)],
                           crs="EPSG:4326").to_file(plain, layer="sites")
    target = tmp_path / name
    os.rename(plain, target)
    return target


@pytest.mark.parametrize("name", ["radar\tsites.gpkg", "radar\nsites.gpkg", "radar\rsites.gpkg",
                                  "radar\x07sites.gpkg", "radar!sites.gpkg"])
def test_a_geopackage_named_with_a_control_character_is_read(tmp_path, name):
    """Tab, line feed and carriage return were dropped from the path on its way to GDAL ('radarsites.gpkg: No such
    file or directory'), and a '!' made it an archive's."""
    bundle, problems = open_path(written_as(tmp_path, name))
    assert len(bundle.features) == 3
    assert not [p for p in problems if p.is_error]
    assert bundle.layer_name == visible_controls(name.removesuffix(".gpkg"))
    assert bundle.layer_name.isprintable()


def test_a_refused_file_with_a_line_break_in_its_name_is_one_line(tmp_path):
    path = tmp_path / "damaged\nfile.gpkg"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # a SQLite header and nothing after
    with pytest.raises(BundleError) as refused:
        open_path(path)
    message = str(refused.value)
    assert "\n" not in message
    assert "damaged\u240afile.gpkg" in message


def test_control_characters_are_shown_as_their_pictures():
    assert visible_controls("a\tb\nc\x07d\x7f") == "a\u2409b\u240ac\u2407d\u2421"
    assert visible_controls("Chollima-1 (Malligyong-1)") == "Chollima-1 (Malligyong-1)"
    assert Bundle(path=None).layer_name == "untitled layer"


def test_a_layer_named_with_a_line_break_is_read_and_its_messages_stay_one_line(tmp_path):
    import sqlite3

    path = written_as(tmp_path, "sensors.gpkg")
    connection = sqlite3.connect(path)
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f'DROP TRIGGER "{name}"')  # GDAL's triggers call functions plain sqlite3 lacks
    named = "radar\nsites\x07"
    connection.execute(f'ALTER TABLE sites RENAME TO "{named}"')
    for table in ("gpkg_contents", "gpkg_geometry_columns"):
        connection.execute(f"UPDATE {table} SET table_name = ? WHERE table_name = 'sites'", (named,))
    connection.execute(f'ALTER TABLE "{named}" ADD COLUMN picture BLOB')
    connection.execute(f"UPDATE \"{named}\" SET picture = x'00ff'")
    connection.commit()
    connection.close()
    bundle, problems = open_path(path)
    assert len(bundle.features) == 3
    assert {f.properties.get("layer") for f in bundle.features.values()} == {named}  # the data as it is
    said = [str(p) for p in problems]
    assert any("binary" in line for line in said), said
    assert all(line.isprintable() for line in said), said
    assert any("radar\u240asites\u2407" in line for line in said), said
