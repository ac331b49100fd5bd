"""The bad-input corpus (tests/data/bad): each broken file gets one clear `FILE:WHERE: message` line, no crash,
no hang, bounded memory; nothing already open is lost."""

from __future__ import annotations

import argparse
import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from viewer import cli
from viewer.cli import convert as convert_command
from viewer.io.formats import layer as layer_bundle
from viewer.io.formats.gpkg import reader as gpkg_io
from viewer.io.load import open_path
from viewer.model.problem import BundleError
from viewer.model.workspace import Workspace
from viewer.resources import sample_bundle

BAD = Path(__file__).parents[2] / "data" / "bad"
MiB = 2**20

# (file, WHERE, message): the first problem reported when the file cannot be opened
ERRORS = [
    ("geojson/truncated.geojson", "8:10", "truncated JSON (the file ends too early)"),
    ("geojson/empty.geojson", "1:1", "empty file"),
    ("geojson/wrong_types.geojson", "features[0].properties", "must be an object or null, not a list"),
    ("geojson/invalid_geometry.geojson", "features[0].geometry", "malformed LineString coordinates"),
    ("geojson/out_of_range.geojson", "features[0].geometry", "latitude 124.705 out of range (-90..90) — are lon and"),
    ("geojson/latin1.geojson", "byte 202", "not UTF-8 text (byte 0xf6)"),
    ("geojson/nan.geojson", "1:110", "invalid JSON: NaN is not a JSON number"),
    ("geojson/bare_feature_bad_coordinates.geojson", "geometry", "malformed Point coordinates"),
    ("geojson/boolean_coordinates.geojson", "features[0].geometry",
     "malformed Point coordinates (a position holds true, not a number)"),
    ("geojson/string_coordinates.geojson", "features[0].geometry",
     'malformed LineString coordinates (a position holds "125.1", not a number)'),
    ("geojson/unknown_crs.geojson", "crs", "unknown coordinate reference system 'urn:ogc:def:crs:EPSG::999999'"),
    ("geojson/infinite_number.geojson", "5:48", "number 1e400 is beyond the range of a double (it would be infinity)"),
    ("kml/infinite_altitude.kml", "4", "geometry: altitude inf is not a finite number"),
    ("csv/infinite_longitude.csv", "3", "coordinates contain NaN or infinity"),
    ("csv/truncated.csv", "2", "a quoted field starting on this line never ends"),
    ("csv/empty.csv", "1", "empty file"),
    ("csv/wrong_types.csv", "3", "latitude 'twenty-one' is not a number of degrees"),
    ("csv/no_geometry_columns.csv", "1", "no lon/lat or WKT column in the header (found 'name', 'place', 'when')"),
    ("csv/invalid_geometry.csv", "2", "not WKT: 'POLYGON ((124 30, 126 32, 126 30))'"),
    ("csv/latin1.csv", "2", "not UTF-8 text (byte 0xf6 in column 'name'); save the file as UTF-8"),
    ("csv/stray_delimiter.csv", "2", "5 fields, but the header has 3"),
    ("csv/out_of_range.csv", "3", "latitude 124.705 out of range"),
    ("kml/truncated.kml", "6:25", "truncated XML (the file ends too early)"),
    ("kml/empty.kml", "1", "empty file"),
    ("kml/billion_laughs.kml", "3", "entity declaration 'lol' refused: entities can expand without bound"),
    ("kml/external_entity.kml", "3", "external entity 'xxe' (file:///etc/passwd) refused"),
    ("kml/wrong_types.kml", "7", "bad coordinate 'west,coast' (expected lon,lat or lon,lat,alt)"),
    ("kml/invalid_geometry.kml", "7", "a polygon ring needs at least three distinct corners, not 2"),
    ("kml/latin1.kml", "6", "not UTF-8 text (byte 0xf6) and no other encoding declared"),
    ("kml/mismatched_tag.kml", "5:14", "invalid XML: mismatched tag"),
    ("kml/out_of_range.kml", "4", "geometry: latitude 124.705 out of range"),
    ("kmz/not_a_zip.kmz", "", "not a KMZ (zip) archive, or a damaged one"),
    ("kmz/no_kml_inside.kmz", "", "no .kml file inside the KMZ archive"),
    ("kmz/bad_point_inside.kmz", "doc.kml:7", "bad coordinate '1'"),
    ("kmz/truncated.kmz", "", "not a KMZ (zip) archive, or a damaged one"),
    ("gpkg/empty.gpkg", "1", "empty file"),
    ("gpkg/not_sqlite.gpkg", "", "not a GeoPackage, or a damaged one (GDAL does not recognise the file)"),
    ("gpkg/truncated.gpkg", "", "not a GeoPackage, or a damaged one (database disk image is malformed)"),
]

# (file, WHERE, message): files that open, with a warning saying what was repaired or is suspect
WARNINGS = [
    ("geojson/self_intersecting.geojson", "features[0].geometry", "invalid Polygon repaired (Self-intersection"),
    ("geojson/antimeridian.geojson", "features[0]", "crosses the antimeridian (40°N 170°E → 42°N 170°W)"),
    ("geojson/duplicate_keys.geojson", "features[0]", "key 'name' appears twice in one object; the last value is used"),
    ("geojson/four_d_positions.geojson", "features[0]", "crosses the antimeridian (40°N 170.5°E → 42°N 170°W)"),
    ("csv/self_intersecting.csv", "2", "invalid Polygon repaired (Self-intersection"),
    ("csv/antimeridian.csv", "2", "crosses the antimeridian"),
    ("kml/self_intersecting.kml", "4", "geometry: invalid Polygon repaired (Self-intersection"),
    ("kml/antimeridian.kml", "4", "crosses the antimeridian"),
]


def first_line(path: Path) -> str:
    with pytest.raises(BundleError) as raised:
        open_path(path)
    return str(raised.value)


@pytest.mark.parametrize(("name", "where", "message"), ERRORS, ids=[e[0] for e in ERRORS])
def test_bad_file_gets_one_clear_line(name, where, message):
    path = BAD / name
    line = first_line(path)
    place = f"{path}:{where}: " if where else f"{path}: "
    assert line.startswith(place), line
    assert message in line
    assert "\n" not in line


@pytest.mark.parametrize(("name", "where", "message"), WARNINGS, ids=[w[0] for w in WARNINGS])
def test_suspect_file_opens_with_a_warning(name, where, message):
    path = BAD / name
    bundle, problems = open_path(path)
    assert len(bundle.features) == 1
    assert [str(p) for p in problems if p.is_error] == []
    lines = [str(p) for p in problems]
    assert any(line.startswith(f"{path}:{where}: warning: ") and message in line for line in lines), lines


def test_four_number_positions_are_drawn_from_lon_lat_and_written_back_whole(tmp_path):
    from viewer.io.convert import convert

    path = BAD / "geojson/four_d_positions.geojson"
    bundle, _ = open_path(path)
    line = next(iter(bundle.features.values())).geometry
    assert line.coords[0] == (124.705, 39.66, 0.0)  # drawn from x, y (and z)
    out = tmp_path / "copy.geojson"
    convert(path, out)
    written = json.loads(out.read_text())["features"][0]["geometry"]["coordinates"]
    assert written[1] == [124.4, 21.7, 500000, 1454800800]


def test_every_format_has_a_corpus():
    formats = {p.parent.name for p in BAD.rglob("*") if p.is_file()}
    assert formats >= {"geojson", "csv", "kml", "kmz", "gpkg"}
    assert {name for name, *_ in ERRORS + WARNINGS} >= {str(p.relative_to(BAD)) for p in BAD.rglob("*.*")}


def test_failed_import_leaves_the_workspace_as_it_was():
    workspace = Workspace()
    workspace.add(open_path(sample_bundle())[0])
    before = (list(workspace.content.features), list(workspace.content.documents), list(workspace.content.events))
    for name, *_ in ERRORS:
        with pytest.raises(BundleError):
            workspace.add(open_path(BAD / name)[0])
    assert (list(workspace.content.features), list(workspace.content.documents),
            list(workspace.content.events)) == before


def test_convert_command_prints_one_line_and_writes_nothing(capsys, monkeypatch, tmp_path):
    out = tmp_path / "out.gpkg"
    code = cli.main(["convert", str(BAD / "kml/billion_laughs.kml"), "-o", str(out)])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [f"launchmap: {BAD / 'kml/billion_laughs.kml'}:3: entity declaration 'lol' refused: "
                                "entities can expand without bound (\"billion laughs\")"]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_convert_command_rejects_an_unknown_output_suffix(capsys, tmp_path):
    parser = argparse.ArgumentParser()
    convert_command.add_arguments(parser)
    with pytest.raises(cli.UsageError, match=r"-o .*out\.shp: the suffix must be one of"):
        convert_command.run(parser.parse_args([str(sample_bundle()), "-o", str(tmp_path / "out.shp")]))


# -- very large files: refused or stopped early, never read whole into memory ------------------------
def sparse_file(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of ``size`` bytes that takes no disk space: ``head``, then a hole."""
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


def peak_memory_of_refusal(path: Path, message: str) -> int:
    """Peak Python memory while `open_path` refuses ``path`` with ``message`` (a regex)."""
    tracemalloc.start()
    try:
        with pytest.raises(BundleError, match=message):
            open_path(path)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


@pytest.mark.parametrize(("name", "message"), [
    ("huge.geojson", "file is 600 MiB, more than the 512 MiB launchmap reads"),
    ("huge.csv", "CSV file is 600 MiB, more than the 512 MiB launchmap reads"),
    ("huge.kml", "KML file is 600 MiB, more than the 256 MiB launchmap reads"),
    ("huge.kmz", "KMZ file is 600 MiB, more than the 256 MiB launchmap reads"),
])
def test_files_over_the_size_limit_are_refused_before_reading(tmp_path, name, message):
    path = sparse_file(tmp_path / name, 600 * MiB, b'{"type": "FeatureCollection", "features": [' if "json" in name
                       else b"lon,lat\n")
    peak = peak_memory_of_refusal(path, message)
    assert peak < 1 * MiB


@pytest.mark.slow
def test_zip_bomb_is_refused_by_its_declared_size(tmp_path):
    path = tmp_path / "bomb.kmz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("doc.kml", "w") as member:
        member.write(b'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>')
        for _ in range(300):
            member.write(b" " * MiB)  # 300 MiB of spaces pack into a few hundred KB
        member.write(b"</Document></kml>")
    assert path.stat().st_size < 2 * MiB
    peak = peak_memory_of_refusal(
        path, r"bomb\.kmz:doc\.kml: unpacks to 300 MiB, more than the 256 MiB launchmap reads \(a zip bomb\?\)")
    assert peak < 4 * MiB


@pytest.mark.slow
def test_zip_bomb_that_understates_its_size_stops_at_the_stated_size(tmp_path):
    path = tmp_path / "liar.kmz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", b"<kml>" + b" " * (50 * MiB) + b"</kml>")
    data = bytearray(path.read_bytes())
    true_size = (50 * MiB + 11).to_bytes(4, "little")
    for at in (i for i in range(len(data) - 4) if data[i:i + 4] == true_size):
        data[at:at + 4] = (1000).to_bytes(4, "little")  # the headers now claim 1,000 bytes
    path.write_bytes(bytes(data))
    peak = peak_memory_of_refusal(path, "damaged")
    assert peak < 8 * MiB


@pytest.mark.slow
def test_huge_kml_text_is_streamed_and_stopped(tmp_path):
    path = tmp_path / "long.kml"
    with path.open("wb") as handle:
        handle.write(b'<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><description>')
        for _ in range(200):
            handle.write(b"a" * MiB)  # 200 MiB: under the size limit, so it is read, as a stream
        handle.write(b"</description></Placemark></Document></kml>")
    try:
        peak = peak_memory_of_refusal(path, r"long\.kml:1: more than 32 MiB of text in one placemark")
    finally:
        path.unlink()
    assert peak < 64 * MiB  # what one placemark may hold (32 MiB), not the file (200 MiB)


@pytest.mark.slow
def test_huge_csv_field_is_streamed_and_stopped(tmp_path):
    path = tmp_path / "long.csv"
    with path.open("wb") as handle:
        handle.write(b'lon,lat,note\n124.7,39.6,"')
        for _ in range(300):
            handle.write(b"a" * MiB)  # 300 MiB in one quoted field: a stray quote in a big export
    try:
        peak = peak_memory_of_refusal(path, r"long\.csv:2: a line or field longer than 16 MiB")
    finally:
        path.unlink()
    assert peak < 64 * MiB  # one line at most (16 MiB of text), not the file (300 MiB)


def test_geopackage_with_too_many_features_is_refused_before_reading(tmp_path, monkeypatch):
    import geopandas as gpd
    import shapely

    path = tmp_path / "many.gpkg"
    frame = gpd.GeoDataFrame({"n": range(30)}, geometry=[shapely.Point(124 + i / 10, 39) for i in range(30)],
                             crs="EPSG:4326")
    frame.to_file(path, layer="sites", driver="GPKG")
    monkeypatch.setattr(layer_bundle, "MAX_FEATURES", 20)
    monkeypatch.setattr(gpkg_io, "MAX_FEATURES", 20)
    with pytest.raises(BundleError, match=r"many\.gpkg: 30 features, more than the 20 launchmap holds"):
        open_path(path)
