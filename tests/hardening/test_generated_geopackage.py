"""Generated GeoPackages: launchmap's own and a plain one (as GDAL writes it), then changed the ways a damaged or
hostile file differs: a geometry column that lies about its type, dimensions or SRS, an SRS id that does not
exist, geometry blobs cut, flipped or replaced, cells of the wrong type or out of range, a table's kind or the
spatial index gone. A 0-byte file and one in WAL mode whose changes are still in its -wal file are read too.
Each is refused in one line naming the file, or read and written back."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from functools import cache
from pathlib import Path

import numpy as np
import shapely
from fuzzing import fuzz_settings, refused_or_read, written_back
from hypothesis import given
from hypothesis import strategies as st

from viewer.cli import main
from viewer.io.convert import export_bundle
from viewer.io.load import open_path

TWO = ('{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":'
       '[124.7,39.6]},"properties":{"n":1}},{"type":"Feature","id":"b","geometry":{"type":"LineString","coordinates":'
       '[[124.7,39.6],[125,40]]},"properties":{"n":2}}]}')


@cache
def templates() -> dict[str, tuple[Path, str]]:
    """(file, feature table) of each kind, made once per run."""
    folder = Path(tempfile.mkdtemp(prefix="gpkg-templates-"))
    (folder / "two.geojson").write_text(TWO)
    bundle, _ = open_path(folder / "two.geojson")
    export_bundle(bundle, folder / "launchmap.gpkg")
    from pyogrio.raw import write

    geometries = shapely.to_wkb(np.array([shapely.Point(124.7, 39.6), shapely.Point(125, 40)]))
    write(str(folder / "plain.gpkg"), geometry=geometries, field_data=[np.array([1, 2])], fields=["n"],
          geometry_type="Point", crs="EPSG:4326", driver="GPKG", layer="sites")
    return {"launchmap": (folder / "launchmap.gpkg", "features"), "plain": (folder / "plain.gpkg", "sites")}


def blob_change(blob: bytes, how: str, at: int, byte: int) -> bytes | None:
    if how == "cut":
        return blob[: at % (len(blob) + 1)]
    if how == "flip" and blob:
        index = at % len(blob)
        return blob[:index] + bytes([byte]) + blob[index + 1:]
    return {"empty": b"", "wkb": bytes(shapely.to_wkb(shapely.Point(1, 2))), "magic": b"GP\x00\x01" + b"\x00" * 4,
            "polygon": None}.get(how, b"GP")


TYPES = ["POINT", "POLYGON", "MULTIPOINT", "CIRCULARSTRING", "TIN", "GEOMETRYCOLLECTION", "", "NONSENSE", "point"]
changes = st.one_of(
    st.tuples(st.just("UPDATE gpkg_geometry_columns SET geometry_type_name = ?"), st.sampled_from(TYPES)),
    st.tuples(st.just("UPDATE gpkg_geometry_columns SET srs_id = ?"), st.sampled_from([-1, 0, 99999, 2**62, 4326])),
    st.tuples(st.just("UPDATE gpkg_contents SET srs_id = ?"), st.sampled_from([99999, -1, 3857])),
    st.tuples(st.just("DELETE FROM gpkg_spatial_ref_sys WHERE srs_id = ?"), st.just(4326)),
    st.tuples(st.just("UPDATE gpkg_geometry_columns SET z = ?"), st.sampled_from([0, 1, 2, 7])),
    st.tuples(st.just("UPDATE gpkg_geometry_columns SET m = ?"), st.sampled_from([0, 1, 2, -5])),
    st.tuples(st.just("UPDATE gpkg_contents SET data_type = ? WHERE srs_id != 0"),
              st.sampled_from(["tiles", "attributes", "", "2d-gridded-coverage"])),
    st.tuples(st.just("UPDATE gpkg_contents SET min_x = ?"), st.sampled_from([1e308, -0.0, 4.9e-324, "x"])),
    st.tuples(st.just("DROP TABLE IF EXISTS rtree_{table}_geom"), st.none()),
    st.tuples(st.just("UPDATE {table} SET geom = ? WHERE fid = 1"),
              st.builds(lambda how, at, byte: (how, at, byte), st.sampled_from(["cut", "flip", "empty", "wkb",
                                                                                 "magic", "text"]),
                        st.integers(0, 200), st.integers(0, 255))),
    st.tuples(st.just("UPDATE {table} SET {column} = ? WHERE fid = 2"),
              st.sampled_from(["text", b"\x00\xff", 1e308, 2**63 - 1, -(2**63), 4.9e-324, "", "{", '{"a": NaN}',
                               '{"a": 1e400}', "[]", '"x"', "null", '{"citations": 5}', "\udc80"])),
)


def apply(path: Path, table: str, sql: str, value) -> None:
    column = "properties" if table == "features" else "n"
    with sqlite3.connect(path) as connection:
        for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')  # they call ST_ functions only GDAL has
        statement = sql.format(table=table, column=column)
        if value is None and "?" not in statement:
            connection.execute(statement)
            return
        if isinstance(value, tuple):  # a geometry blob change
            (blob,) = connection.execute(f"SELECT geom FROM {table} WHERE fid = 1").fetchone()
            blob = blob.encode() if isinstance(blob, str) else bytes(blob or b"")  # an earlier change made it text
            value = "not a blob" if value[0] == "text" else blob_change(blob, *value)
        if isinstance(value, str) and not value.isascii():
            value = value.encode("utf-8", "surrogateescape")  # bytes that are not UTF-8, stored as text
            connection.execute(statement.replace("?", "CAST(? AS TEXT)"), (value,))
            return
        connection.execute(statement, (value,))


@given(kind=st.sampled_from(["launchmap", "plain"]), edits=st.lists(changes, min_size=1, max_size=3))
@fuzz_settings(20)
def test_generated_geopackages(kind, edits):
    template, table = templates()[kind]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.gpkg"
        shutil.copy(template, path)
        for sql, value in edits:
            apply(path, table, sql, value)
        bundle = refused_or_read(path)
        if bundle is not None:
            out = Path(folder) / "out"
            out.mkdir()
            written_back(bundle, out)


def test_an_empty_file_named_gpkg(tmp_path, capsys):
    path = tmp_path / "empty.gpkg"
    path.write_bytes(b"")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith(f"{path}:")


def test_a_wal_file_beside_it_is_read(tmp_path, capsys):
    """Changes still in the -wal file (the writer has not checkpointed) are part of the file as SQLite sees it, and
    are read. (GDAL, closing a WAL-mode file it opened read-only, checkpoints it when no other program has it open
    and removes the -wal, as SQLite does for a writer: the data stay the same, the main file's bytes change.)"""
    template, table = templates()["plain"]
    source = tmp_path / "writer" / "sites.gpkg"
    source.parent.mkdir()
    shutil.copy(template, source)
    connection = sqlite3.connect(source)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f'DROP TRIGGER "{trigger}"')
    connection.execute(f"UPDATE {table} SET n = 77")
    connection.commit()
    copy = tmp_path / "sites.gpkg"
    shutil.copy(source, copy)
    shutil.copy(source.with_name("sites.gpkg-wal"), copy.with_name("sites.gpkg-wal"))
    connection.close()
    assert main(["validate", str(copy)]) == 0
    bundle, _ = open_path(copy)
    assert {f.properties.get("n") for f in bundle.features.values()} == {77}
