"""Hostile GeoPackages: a view that never ends is not read (one line naming the layer, at once); a damaged
geometry names its layer and fid; GDAL's warnings are one line each; an infinite number is refused."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import geopandas
import pytest
import shapely

from viewer.io.convert import convert
from viewer.io.load import open_path
from viewer.model.problem import BundleError
from viewer.resources import sample_bundle


def plain_gpkg(path, values=(1.5, 2.5, 3.5)):
    frame = geopandas.GeoDataFrame({"name": ["a", "b", "c"], "value": list(values)},
                                   geometry=[shapely.Point(124, 39), shapely.Point(125, 40), shapely.Point(126, 41)],
                                   crs="EPSG:4326")
    frame.to_file(path, layer="sites")
    connection = sqlite3.connect(path)
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f'DROP TRIGGER "{name}"')  # GDAL's triggers call functions plain sqlite3 lacks
    connection.commit()
    return connection


def add_endless_view(path):
    connection = sqlite3.connect(path)
    connection.execute("CREATE VIEW endless AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) "
                       "SELECT i AS fid, 'x' AS name FROM r")
    connection.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier) "
                       "VALUES ('endless', 'attributes', 'endless')")
    connection.commit()
    connection.close()


def test_an_endless_view_is_not_read(tmp_path):
    path = tmp_path / "launches.gpkg"
    convert(sample_bundle(), path)
    add_endless_view(path)
    started = time.perf_counter()
    # in a process of its own, so that a regression fails here instead of hanging the test run
    result = subprocess.run([sys.executable, "-m", "viewer", "validate", str(path)], capture_output=True, text=True,
                            timeout=120, check=False)
    assert time.perf_counter() - started < 60
    assert result.returncode == 0, result.stderr
    assert f"{path}:layer endless: warning: a view (a stored query), not a table; not read" in result.stdout
    bundle, _ = open_path(path)
    assert len(bundle.features) == len(open_path(sample_bundle())[0].features)


def test_a_damaged_geometry_names_layer_and_fid(tmp_path):
    path = tmp_path / "sites.gpkg"
    connection = plain_gpkg(path)
    blob = connection.execute("SELECT geom FROM sites WHERE fid = 2").fetchone()[0]
    connection.execute("UPDATE sites SET geom = ? WHERE fid = 2", (blob[:8] + b"\x01\x02\x00\x00\x00\xff\xff\x00",))
    connection.commit()
    connection.close()
    with pytest.raises(BundleError) as raised:
        open_path(path)
    assert str(raised.value) == f"{path}:layer sites, fid 2: geometry cannot be read (a damaged geometry blob)"


def test_an_infinite_cell_is_refused_with_its_place(tmp_path):
    path = tmp_path / "sites.gpkg"
    connection = plain_gpkg(path)
    connection.execute("UPDATE sites SET value = 9e999 WHERE fid = 3")
    connection.commit()
    connection.close()
    with pytest.raises(BundleError) as raised:
        open_path(path)
    assert str(raised.value) == f"{path}:layer sites, fid 3: column 'value': inf is not a finite number"


def test_gdal_warnings_are_one_line_each_and_name_the_layer(tmp_path, monkeypatch):
    import warnings

    import pyogrio.raw

    path = tmp_path / "sites.gpkg"
    plain_gpkg(path).close()
    def chatty(real):
        def read(*args, **kwargs):
            warnings.warn("Something odd\nover two lines", RuntimeWarning, stacklevel=2)
            return real(*args, **kwargs)
        return read

    for name in ("read", "open_arrow"):  # a plain layer's rows come through the Arrow stream
        monkeypatch.setattr(pyogrio.raw, name, chatty(getattr(pyogrio.raw, name)))
    _, problems = open_path(path)
    assert [str(p) for p in problems if "GDAL" in p.message] == [
        f"{path}:layer sites: warning: GDAL: Something odd over two lines"]


def test_a_layer_read_in_batches_keeps_every_feature_and_names_damage_after_gaps(tmp_path, monkeypatch):
    from viewer.io.formats.gpkg import reader

    monkeypatch.setattr(reader, "BATCH", 2)  # batches after the first start at the last fid read, or skip rows
    path = tmp_path / "sites.gpkg"
    frame = geopandas.GeoDataFrame({"name": [f"s{i}" for i in range(1, 10)]},
                                   geometry=[shapely.Point(120 + i, 30) for i in range(1, 10)], crs="EPSG:4326")
    frame.to_file(path, layer="sites")
    connection = sqlite3.connect(path)
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f'DROP TRIGGER "{name}"')
    connection.execute("DELETE FROM sites WHERE fid IN (2, 5)")  # fids with gaps: 1 3 4 6 7 8 9
    connection.commit()
    bundle, _ = open_path(path)
    assert [f.label for f in bundle.features.values()] == ["s1", "s3", "s4", "s6", "s7", "s8", "s9"]
    assert list(bundle.features)[-1] == "sites.gpkg#sites/9"
    blob = connection.execute("SELECT geom FROM sites WHERE fid = 4").fetchone()[0]
    damaged = blob[:8] + b"\x01\x02\x00\x00\x00\xff\xff\x00"
    for fid in (4, 8):  # one in the second batch, one after it
        connection.execute("UPDATE sites SET geom = ? WHERE fid = ?", (damaged, fid))
    connection.commit()
    connection.close()
    with pytest.raises(BundleError) as raised:
        open_path(path)
    assert [p.where for p in raised.value.problems] == ["layer sites, fid 4", "layer sites, fid 8"]


def test_a_batch_let_go_is_freed_while_the_collector_is_paused(tmp_path):
    import gc
    import weakref

    from viewer.io.formats.gpkg.batches import read_batch

    path = tmp_path / "sites.gpkg"
    plain_gpkg(path).close()
    enabled = gc.isenabled()
    gc.disable()  # as during a load (`open_path`)
    try:
        _, _, _, fields = read_batch(path, "sites", 0, 3)
        column = weakref.ref(fields[0])
        del fields
        assert column() is None  # pyogrio's reference cycle does not keep the batch's cells alive
    finally:
        if enabled:
            gc.enable()
