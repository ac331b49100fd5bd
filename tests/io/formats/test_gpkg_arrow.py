"""A plain GeoPackage layer read through GDAL's Arrow stream gives each batch as pyogrio's row-wise read does: the same
fids, cells (text, None, integers of their width or floats with NaN for a null, reals) and geometries; a batch the
stream cannot give so (a NUL in a text cell, a damaged blob) and a layer with other columns are read row by row."""

from __future__ import annotations

import sqlite3
import struct

import geopandas
import numpy as np
import pandas as pd
import pytest
import shapely

from viewer.io.formats.gpkg import arrow_batches, batches
from viewer.io.load import open_path


def _layer(path, rows=7, **extra):
    names = ["a", None, "ü€𝄞 x", "", "launch\nsite", "b", "c", "d", "e"][:rows]
    geometries = [shapely.LineString([(124, 39), (125, 40)]), None, shapely.Point(126, 41),
                  shapely.Polygon([(120, 30), (121, 30), (121, 31), (120, 30)]),
                  shapely.LineString([(120, 30, 5), (121, 31, 6)]), shapely.Point(122, 33),
                  shapely.MultiLineString([[(120, 30), (121, 31)], [(122, 32), (123, 33)]]),
                  shapely.Point(122, 34), shapely.Point(122, 35)][:rows]
    frame = geopandas.GeoDataFrame({
        "name": names,
        "small": pd.array([1, None, 3, 4, 5, 6, 7, 8, 9][:rows], dtype="Int32"),
        "big": pd.array([1, 2, 3, 4, 2**40, 6, 7, 8, 9][:rows], dtype="Int64"),
        "big_null": pd.array([None, 2, 3, 4, 5, 6, 7, 8, 9][:rows], dtype="Int64"),
        "value": [1.5, None, 2.5, -0.0, 1e300, 3.0, 4.0, 5.0, 6.0][:rows],
        "count": np.arange(rows, dtype=np.int32), **extra}, geometry=geometries, crs="EPSG:4326")
    frame.to_file(path, layer="sites")
    connection = sqlite3.connect(path)
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f'DROP TRIGGER "{name}"')  # GDAL's triggers call functions plain sqlite3 lacks
    connection.execute("DELETE FROM sites WHERE fid = 3")  # a gap in the fids
    connection.execute("UPDATE gpkg_ogr_contents SET feature_count = feature_count - 1")  # as the trigger would
    connection.commit()
    return connection


def _same(one, other):
    if isinstance(one, np.ndarray) and one.dtype == object:
        return other.dtype == object and [(type(v), v) for v in one.tolist()] == [(type(v), v) for v in other.tolist()]
    return one.dtype == other.dtype and np.array_equal(one, other, equal_nan=one.dtype.kind == "f")


def _all_batches(path, size):
    import pyogrio

    out = []
    count = int(pyogrio.read_info(path, layer="sites")["features"])  # as the reader counts them
    for start, batch in batches.layer_batches(path, "sites", count, size):
        if isinstance(batch, batches.DamagedFeatures):
            out.append((start, "damaged", batch.fids, batch.message))
            continue
        meta, fids, geometries, fields = batch
        out.append((start, fids, geometries, fields, list(meta["fields"])))
    return out


def _row_by_row(monkeypatch):
    def refused(*args, **kwargs):
        raise arrow_batches.NotPlain("sites")
        yield  # a generator, as the real one

    monkeypatch.setattr(arrow_batches, "arrow_batches", refused)


def _assert_same_batches(got, expected):
    assert len(got) == len(expected)
    for one, other in zip(got, expected, strict=True):
        if isinstance(one[1], str) or isinstance(other[1], str):  # a damaged batch
            assert one == other
            continue
        start, fids, geometries, fields, names = one
        assert (start, names) == (other[0], other[4])
        assert _same(fids, other[1])
        assert len(geometries) == len(other[2])
        for shape, twin in zip(geometries.tolist(), other[2].tolist(), strict=True):
            assert (shape is None and twin is None) or (shape.equals_exact(twin, 0) and shape.has_z == twin.has_z)
        assert len(fields) == len(other[3])
        for column, twin in zip(fields, other[3], strict=True):
            assert _same(column, twin), (column, twin)


@pytest.mark.parametrize(("size", "piece"), [(2, 10_000), (4, 10_000), (50, 10_000), (4, 2), (6, 2), (6, 3)])
def test_the_arrow_batches_are_the_row_by_row_reads(tmp_path, monkeypatch, size, piece):
    # a batch of pieces joined: an integer column with a null in one piece is floats in all, as read in one
    monkeypatch.setattr(arrow_batches, "PIECE", piece)
    path = tmp_path / "sites.gpkg"
    _layer(path).close()
    read = []
    real = batches.read_batch
    monkeypatch.setattr(batches, "read_batch", lambda *args, **kwargs: read.append(args) or real(*args, **kwargs))
    through_arrow = _all_batches(path, size)
    assert not read  # every batch came through the stream
    _row_by_row(monkeypatch)
    row_by_row = _all_batches(path, size)
    assert read
    _assert_same_batches(through_arrow, row_by_row)
    assert [fid for batch in through_arrow for fid in batch[1].tolist()] == [1, 2, 4, 5, 6, 7]


def test_a_stale_feature_count_reads_the_rows_there_are(tmp_path, monkeypatch):
    # Rows deleted by a tool without GeoPackage's triggers: the count the file stores is more than there are, and
    # GDAL's stream read by fid ranges from it gave rows twice. Read in fid order, what row-by-row reading gives.
    path = tmp_path / "sites.gpkg"
    connection = _layer(path, rows=9)
    connection.execute("DELETE FROM sites WHERE fid IN (5, 6)")
    connection.commit()
    connection.close()
    through_arrow = _all_batches(path, 2)
    assert [fid for batch in through_arrow for fid in batch[1].tolist()] == [1, 2, 4, 7, 8, 9]
    arrow_bundle = open_path(path)[0]
    _row_by_row(monkeypatch)
    _assert_same_batches(through_arrow, _all_batches(path, 2))
    assert list(open_path(path)[0].features) == list(arrow_bundle.features)


def test_a_nul_and_a_damaged_blob_read_as_row_by_row(tmp_path, monkeypatch):
    path = tmp_path / "sites.gpkg"
    connection = _layer(path)
    connection.execute("UPDATE sites SET name = ? WHERE fid = 5", ("before\x00after",))  # both reads stop at the NUL
    blob = connection.execute("SELECT geom FROM sites WHERE fid = 7").fetchone()[0]
    connection.execute("UPDATE sites SET geom = ? WHERE fid = 7", (blob[:8] + b"\x01\x02\x00\x00\x00\xff\xff\x00",))
    connection.commit()
    connection.close()
    through_arrow = _all_batches(path, 2)
    assert through_arrow[1][3][0].tolist() == ["", "before"]
    assert through_arrow[2][2].tolist()[1] is None  # no geometry: the reader then looks at the blob itself
    _row_by_row(monkeypatch)
    _assert_same_batches(through_arrow, _all_batches(path, 2))


def test_a_batch_with_wkb_shapely_cannot_read_is_read_row_by_row_as_before(tmp_path, monkeypatch):
    from viewer.io.formats.gpkg import reader

    monkeypatch.setattr(reader, "BATCH", 2)
    path = tmp_path / "sites.gpkg"
    connection = _layer(path)
    header = connection.execute("SELECT geom FROM sites WHERE fid = 7").fetchone()[0][:8]
    curve = struct.pack("<BII6d", 1, 8, 3, 120, 30, 121, 31, 122, 30)  # a CircularString: GDAL hands it on as stored
    connection.execute("UPDATE sites SET geom = ? WHERE fid = 7",
                       (header[:3] + bytes([header[3] & ~0x0E]) + header[4:] + curve,))  # header without envelope
    connection.commit()
    connection.close()
    read = []
    real = batches.read_batch
    monkeypatch.setattr(batches, "read_batch", lambda *args, **kwargs: read.append(args[2]) or real(*args, **kwargs))
    through_arrow, _ = open_path(path)
    assert read == [4]  # that batch only; the first two came through the stream
    _row_by_row(monkeypatch)
    row_by_row, _ = open_path(path)
    assert through_arrow.features["sites.gpkg#sites/7"].geometry.geom_type == "LineString"  # GDAL's straight pieces
    assert [(key, feature.geometry.wkb) for key, feature in through_arrow.features.items() if feature.geometry] == \
        [(key, feature.geometry.wkb) for key, feature in row_by_row.features.items() if feature.geometry]


def test_a_layer_with_other_columns_is_read_row_by_row(tmp_path, monkeypatch):
    path = tmp_path / "sites.gpkg"
    _layer(path, seen=pd.to_datetime(["2024-05-01"] * 7)).close()
    with pytest.raises(arrow_batches.NotPlain):
        next(arrow_batches.arrow_batches(path, "sites", 50))
    bundle, _ = open_path(path)
    assert [feature.properties.get("seen") for feature in bundle.features.values()][:1] == ["2024-05-01T00:00:00"]


def test_text_that_is_not_utf8_is_refused_with_its_place(tmp_path):
    from viewer.model.problem import BundleError

    path = tmp_path / "sites.gpkg"
    connection = _layer(path)
    connection.execute("UPDATE sites SET name = CAST(? AS TEXT) WHERE fid = 4", (b"caf\xe9",))
    connection.commit()
    connection.close()
    with pytest.raises(BundleError) as raised:
        open_path(path)
    assert str(raised.value) == f"{path}:layer sites, fid 4: column 'name' holds text that is not UTF-8, which " \
                                "GeoPackage text must be"


@pytest.mark.parametrize("shapes", [
    [shapely.Point(124.5, 39.25), shapely.Point(-180, -90), shapely.Point(1e-300, 7)],
    [shapely.LineString([(124, 39), (125, 40), (126.125, 38)]), shapely.LineString([(0, 0), (1e-9, 1)]),
     shapely.LineString([(179.5, 60), (-179.5, 61)])],
    [shapely.LineString([(124, 39), (125, 40)]), shapely.Point(126, 41), shapely.LineString([(1, 2), (3, 4)])],
    [shapely.LineString([(124, 39, 1), (125, 40, 2)]), shapely.LineString([(124, 39, 1), (125, 40, 2)]),
     shapely.LineString([(1, 2, 3), (3, 4, 5)])],
    [shapely.Point(124, 39), None, shapely.Point(1, 2)],
    [shapely.LineString(), shapely.LineString([(1, 2), (3, 4)]), shapely.Point()],
])
def test_geometries_read_from_the_stream_are_those_from_wkb(tmp_path, monkeypatch, shapes):
    # points only and lines only are read from the column's buffer; the rest through shapely.from_wkb
    path = tmp_path / "sites.gpkg"
    frame = geopandas.GeoDataFrame({"name": ["a", "b", "c"] * 2}, geometry=shapes * 2, crs="EPSG:4326")
    frame.to_file(path, layer="sites")
    through_arrow = _all_batches(path, 4)
    _row_by_row(monkeypatch)
    row_by_row = _all_batches(path, 4)
    _assert_same_batches(through_arrow, row_by_row)
    assert [type(shape) for batch in through_arrow for shape in batch[2]] == \
        [type(shape) for batch in row_by_row for shape in batch[2]]
