"""The shipped basemap: every layer and level is there, land and borders are where they belong."""

from __future__ import annotations

import sqlite3
import struct
import subprocess
import sys
from contextlib import closing

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from pyogrio.raw import read as read_raw
from pyproj import Geod

from viewer.geo.basemap import _connect, _off_the_antimeridian, _read_layer, _wkb, load_basemap
from viewer.resources import asset

GPKG = asset("resources", "basemap", "basemap.gpkg")
LEVELS = (0, 1, 2)  # East Asia at 10 m (the rest of the world at 50 m)
WORLD_LEVEL = 3  # the whole world at 110 m
COUNTRY_TOLERANCE = 0.05  # degrees: country outlines (not drawn; they name countries) are simplified this much
NAHA = shapely.Point(127.6792, 26.2122)
PYONGYANG = shapely.Point(125.7381, 39.0194)
SEA_WEST_OF_OKINAWA = shapely.Point(125.0, 30.0)
SINUIJU_DANDONG = shapely.Point(124.4, 40.1)


@pytest.fixture(scope="module")
def basemap():
    return load_basemap()


def test_file_has_every_layer_and_level_in_wgs84():
    layers = dict(pyogrio.list_layers(GPKG))
    for level in (*LEVELS, WORLD_LEVEL):
        assert layers[f"land_{level}"] == "Polygon"
        assert layers[f"countries_{level}"] == "MultiPolygon"
        assert layers[f"borders_{level}"] == "MultiLineString"
        assert pyogrio.read_info(GPKG, layer=f"land_{level}")["crs"] == "EPSG:4326"
    # 7.7 MB of layers and start-up tables, +3.8 MB of linework ready to project (tools/basemap_start.py)
    assert GPKG.stat().st_size < 12_000_000


def test_loader_exposes_levels_and_names(basemap):
    assert basemap.levels == (*LEVELS, WORLD_LEVEL)
    assert [basemap.tolerance(lvl) for lvl in basemap.levels] == sorted(basemap.tolerance(lvl)
                                                                          for lvl in basemap.levels)
    level = basemap[0]
    assert {"North Korea", "South Korea", "Japan", "China", "Philippines"} <= set(level.country_names)
    assert len(level.countries) == len(level.country_names)
    assert len(level.borders) == len(level.border_pairs)
    assert all(g.is_valid for g in level.land)
    assert all(g.is_valid for g in level.countries)


@pytest.mark.parametrize("level", LEVELS)
def test_land_is_land_and_sea_is_sea(basemap, level):
    land = basemap[level].land
    tree = shapely.STRtree(land)

    def on_land(point):
        return len(tree.query(point, predicate="within")) > 0

    assert on_land(NAHA)
    assert on_land(PYONGYANG)
    assert not on_land(SEA_WEST_OF_OKINAWA)


def test_countries_contain_their_capitals(basemap):
    level = basemap[0]
    by_name = dict(zip(level.country_names, level.countries, strict=True))
    assert by_name["North Korea"].contains(PYONGYANG)
    assert by_name["Japan"].contains(NAHA)


@pytest.mark.parametrize("level", LEVELS)
def test_china_and_north_korea_share_a_border_japan_and_korea_do_not(basemap, level):
    pairs = {frozenset(p) for p in basemap[level].border_pairs}
    assert frozenset({"China", "North Korea"}) in pairs
    assert frozenset({"North Korea", "South Korea"}) in pairs
    assert not any("Japan" in p or "Taiwan" in p for p in pairs)

    borders = shapely.union_all(basemap[level].borders)
    nearest = borders.interpolate(borders.project(SINUIJU_DANDONG))
    _, _, metres = Geod(ellps="WGS84").inv(SINUIJU_DANDONG.x, SINUIJU_DANDONG.y, nearest.x, nearest.y)
    assert metres < 5_000


@pytest.mark.parametrize("level", [0, WORLD_LEVEL])
def test_the_whole_world_is_there(basemap, level):
    """Land on every continent and sea in every ocean, at East Asia's finest level and at the world level."""
    tree = shapely.STRtree(basemap[level].land)
    on_land = [(2.35, 48.86), (-80.0, 40.44), (-47.9, -15.8), (28.0, -26.2), (151.2, -33.9), (37.6, 55.75),
               (0.0, -80.0), (-150.0, 64.8)]  # Paris, Pittsburgh, Brasília, Johannesburg, Sydney, Moscow, Antarctica,
    at_sea = [(-30.0, 0.0), (-140.0, 10.0), (75.0, -20.0), (180.0 - 1e-3, 0.0), (-40.0, -55.0)]  # Alaska; oceans
    for lon, lat in on_land:
        assert len(tree.query(shapely.Point(lon, lat), predicate="within")), (level, lon, lat)
    for lon, lat in at_sea:
        assert not len(tree.query(shapely.Point(lon, lat), predicate="within")), (level, lon, lat)


@pytest.mark.parametrize("level", [*LEVELS, WORLD_LEVEL])
def test_no_land_outline_jumps_across_the_antimeridian(basemap, level):
    """Russia, Fiji and Antarctica cross 180°: split there, no ring reaches across the whole map (but
    Antarctica's along the South Pole, where the whole width is one point)."""
    for polygon in shapely.get_parts(basemap[level].land):
        lon, lat = np.asarray(polygon.exterior.coords)[:, :2].T
        at_pole = (np.abs(lat[:-1]) > 89.99) & (np.abs(lat[1:]) > 89.99)
        assert np.abs(np.diff(lon))[~at_pole].max(initial=0) < 180, polygon.bounds
        assert lon.min() > -180
        assert lon.max() < 180


def test_borders_are_shared_edges_not_coastlines(basemap):
    level = basemap[0]
    countries = shapely.STRtree(level.countries)
    lines = shapely.get_parts(level.borders)
    # East Asia, where the detail is kept (the world's micro-states, e.g. the Vatican, are under a pixel there)
    lines = lines[shapely.intersects(lines, shapely.box(90, -10, 170, 60))]
    # Every sampled point of a border touches two countries; a coastline point touches only one.
    for line in lines:
        for fraction in np.linspace(0, 1, 7):
            point = line.interpolate(fraction, normalized=True)
            touching = countries.query(point, predicate="dwithin", distance=COUNTRY_TOLERANCE * 3)
            assert len(touching) >= 2, f"border point {point} lies on only {len(touching)} country"


def test_coarser_levels_have_far_fewer_vertices(basemap):
    counts = [int(shapely.get_num_coordinates(basemap[lvl].land).sum()) for lvl in (*LEVELS, WORLD_LEVEL)]
    assert counts[0] > counts[1] > counts[2] > counts[3]
    assert 2.5 <= counts[0] / counts[1] <= 6
    assert counts[0] / counts[2] >= 8
    countries = [int(shapely.get_num_coordinates(basemap[lvl].countries).sum()) for lvl in (*LEVELS, WORLD_LEVEL)]
    assert countries[0] >= countries[1] > countries[2] > countries[3]
    borders = [int(shapely.get_num_coordinates(basemap[lvl].borders).sum()) for lvl in LEVELS]
    assert borders[0] > borders[1] > borders[2]


def test_level_for_picks_coarser_levels_as_pixels_grow(basemap):
    assert basemap.level_for(0.001) == 0
    assert basemap.level_for(basemap.tolerance(1)) == 1
    assert basemap.level_for(0.15) == 2
    assert basemap.level_for(1.0) == WORLD_LEVEL
    picks = [basemap.level_for(d) for d in np.geomspace(1e-4, 1, 50)]
    assert picks == sorted(picks)


def test_every_level_loads_with_all_its_layers():
    # Load time is a benchmark figure (benchmarks/), not a timed test: CI machines are shared and noisy.
    fresh = load_basemap()
    for level in fresh.levels:
        data = fresh[level]
        assert len(data.land) > 0
        assert len(data.countries) > 0
        assert len(data.borders) > 0


def test_missing_file_and_missing_layer_are_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"nowhere\.gpkg"):
        load_basemap(tmp_path / "nowhere.gpkg")
    partial = tmp_path / "partial.gpkg"
    pyogrio.write_dataframe(pd.DataFrame({"level": [0], "tolerance_deg": [0.0]}), partial, layer="levels")
    with pytest.raises(ValueError, match=r"partial\.gpkg: basemap layers missing: .*land_0"):
        load_basemap(partial)
    with pytest.raises(KeyError, match="no basemap level 7"):
        load_basemap()[7]


@pytest.mark.parametrize("level", LEVELS)
def test_read_with_sqlite_as_pyogrio_reads_it(basemap, level):
    """The loader reads the GeoPackage through sqlite3 (pyogrio would import pandas): the same rows, in the same
    order, with the same geometries and names as GDAL gives."""
    data = basemap[level]
    for kind, names in (("land", None), ("countries", "country_names"), ("borders", "border_pairs")):
        _, _, wkb, fields = read_raw(GPKG, layer=f"{kind}_{level}", return_fids=False)
        expected = _off_the_antimeridian(shapely.from_wkb(wkb))  # as the loader keeps land off ±180°
        got = getattr(data, kind)
        assert len(got) == len(expected)
        assert all(a.wkb == b.wkb for a, b in zip(got, expected, strict=True))
        if names == "country_names":
            assert data.country_names == tuple(fields[0])
        elif names == "border_pairs":
            assert data.border_pairs == tuple(zip(*fields, strict=True))


def test_geometry_blobs_of_every_header_kind_read_as_gdal_reads_them(tmp_path):
    # GDAL writes points without an envelope, xyz geometries with a 3D one and empty ones with the empty flag.
    geometries = [shapely.Point(1, 2), shapely.Point(1, 2, 3), shapely.LineString([(0, 0, 1), (1, 1, 2)]),
                  shapely.Polygon(), None, shapely.box(0, 0, 1, 1),
                  shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(2, 2, 3, 3)])]
    path = tmp_path / "mixed.gpkg"
    frame = gpd.GeoDataFrame({"name": list("abcdefg")}, geometry=geometries, crs="EPSG:4326")
    pyogrio.write_dataframe(frame, path, layer="mixed", geometry_type="Unknown")
    with closing(_connect(path)) as db:
        flags = {blob[3] for (blob,) in db.execute("SELECT geom FROM mixed WHERE geom IS NOT NULL")}
        got, (names,) = _read_layer(db, "mixed", ("name",))
    assert {0x01, 0x03, 0x05, 0x11} <= flags  # no envelope, xy, xyz, empty
    _, _, wkb, _ = read_raw(path, layer="mixed", return_fids=False)
    expected = shapely.from_wkb(wkb)
    assert names == list("abcdefg")
    assert [g is None for g in got] == [g is None for g in expected] == [g is None for g in geometries]
    assert all(shapely.equals_exact(got, expected, 0) | shapely.is_missing(got))
    assert list(shapely.has_z(got)) == list(shapely.has_z(expected))


@pytest.mark.parametrize(("envelope_code", "doubles"), [(0, 0), (1, 4), (2, 6), (3, 6), (4, 8)])
@pytest.mark.parametrize("byte_order", ["<", ">"])
def test_header_length_follows_the_envelope_code(envelope_code, doubles, byte_order):
    """OGC GeoPackage 2.1.3: 'GP', version, flags (bit 0 byte order, bits 1-3 envelope code), srs_id, envelope."""
    wkb = shapely.LineString([(125.0, 39.0), (127.5, 26.0)]).wkb
    flags = (envelope_code << 1) | (byte_order == "<")
    header = b"GP\x00" + bytes([flags]) + struct.pack(f"{byte_order}i{doubles}d", 4326, *range(doubles))
    assert _wkb(header + wkb) == wkb


def test_unknown_geometry_blobs_are_refused():
    wkb = shapely.Point(1, 2).wkb
    with pytest.raises(ValueError, match="not a GeoPackage geometry"):
        _wkb(wkb)
    with pytest.raises(ValueError, match="extended"):
        _wkb(b"GP\x00\x21" + struct.pack("<i", 4326) + wkb)
    with pytest.raises(ValueError, match="envelope code"):
        _wkb(b"GP\x00\x0b" + struct.pack("<i", 4326) + wkb)  # code 5 is invalid


def test_a_file_that_is_no_geopackage_is_reported(tmp_path):
    text = tmp_path / "notes.gpkg"
    text.write_text("not a database")
    with pytest.raises(ValueError, match=r"notes\.gpkg: not a GeoPackage basemap"):
        load_basemap(text)
    plain = tmp_path / "plain.gpkg"
    with closing(sqlite3.connect(plain)) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(ValueError, match=r"plain\.gpkg: not a GeoPackage basemap"):
        load_basemap(plain)


def test_loading_the_basemap_imports_neither_pyogrio_nor_pandas():
    # pyogrio's package __init__ imports geopandas and pandas: about half a second of every export's start.
    code = (
        "import sys, viewer.geo.basemap as b; b.load_basemap()[1];"
        "assert not {'pyogrio', 'pandas', 'geopandas'} & set(sys.modules), 'pyogrio or pandas imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_geo_loaders_import_no_qt():
    code = (
        "import sys, viewer.geo.basemap, viewer.geo.gazetteer;"
        "assert not {'PySide6', 'pyqtgraph'} & set(sys.modules), 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
