"""Other GIS tools' vector files (Shapefile, zipped or not; GPX; FlatGeobuf; GML) open through the one loader,
reprojected to lon/lat, named as QGIS names them; bad input is one line naming the file and the place."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest
import shapely

from viewer.io.load import open_path
from viewer.model.problem import BundleError

GPX = """<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="39.66" lon="124.70"><name>Sohae pad</name></wpt>
  <trk><name>Survey drive</name><trkseg>
    <trkpt lat="39.60" lon="124.60"/><trkpt lat="39.65" lon="124.68"/><trkpt lat="39.70" lon="124.75"/>
  </trkseg></trk>
</gpx>
"""


def write_layer(path: Path, driver: str, crs: str = "EPSG:3857") -> None:
    from pyogrio.raw import write

    lines = [shapely.LineString([(13_870_000, 4_800_000), (13_900_000, 4_820_000)]),
             shapely.LineString([(13_950_000, 4_750_000), (14_000_000, 4_760_000)])]
    write(path, np.array(shapely.to_wkb(lines), dtype=object), [np.array(["West coast", "East coast"], dtype=object),
                                                                np.array([1, 2])],
          ["NAME_EN", "OBJECTID"], driver=driver, geometry_type="LineString", crs=crs)


def zipped(folder: Path, stem: str = "coast", leave_out: str = "") -> Path:
    write_layer(folder / f"{stem}.shp", "ESRI Shapefile")
    archive = folder / f"{stem}.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for part in sorted(folder.glob(f"{stem}.*")):
            if part.suffix not in (".zip", leave_out):
                out.write(part, f"data/{part.name}")
    return archive


def check_coast(bundle) -> None:
    features = list(bundle.features.values())
    assert [f.properties.get("label") for f in features] == ["West coast", "East coast"]
    assert {f.properties["layer"] for f in features} == {"coast"}
    x, y = shapely.get_coordinates(features[0].geometry)[0]
    assert x == pytest.approx(124.595, abs=0.01)
    assert y == pytest.approx(39.545, abs=0.01)


def test_shapefile_reprojected_from_its_prj(tmp_path):
    write_layer(tmp_path / "coast.shp", "ESRI Shapefile")
    bundle, problems = open_path(tmp_path / "coast.shp")
    check_coast(bundle)
    assert any("reprojected to WGS84" in p.message for p in problems)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coast.cpg", "coast.dbf", "coast.prj", "coast.shp",
                                                          "coast.shx"]  # nothing written beside it


def test_zipped_shapefile(tmp_path):
    bundle, _ = open_path(zipped(tmp_path))
    check_coast(bundle)


def test_flatgeobuf_and_gml(tmp_path):
    for suffix, driver in ((".fgb", "FlatGeobuf"), (".gml", "GML")):
        write_layer(tmp_path / f"coast{suffix}", driver)
        before = sorted(tmp_path.iterdir())
        bundle, _ = open_path(tmp_path / f"coast{suffix}")
        features = list(bundle.features.values())
        assert sorted(f.properties["label"] for f in features) == ["East coast", "West coast"]  # FlatGeobuf: in
        assert all(-180 < shapely.get_coordinates(f.geometry)[0][0] < 180 for f in features)  # its index's order
        assert sorted(tmp_path.iterdir()) == before  # no .gfs written beside a GML


def test_gpx_waypoints_and_tracks_not_their_points(tmp_path):
    (tmp_path / "drive.gpx").write_text(GPX)
    bundle, _ = open_path(tmp_path / "drive.gpx")
    shown = sorted((f.properties["layer"], f.properties.get("label"), f.geometry.geom_type)
                   for f in bundle.features.values())
    assert shown == [("tracks", "Survey drive", "MultiLineString"), ("waypoints", "Sohae pad", "Point")]


@pytest.mark.parametrize(("leave_out", "said"), [(".shx", "coast.shx is missing"), (".dbf", "coast.dbf is missing")])
def test_shapefile_missing_a_part(tmp_path, leave_out, said):
    write_layer(tmp_path / "coast.shp", "ESRI Shapefile")
    (tmp_path / f"coast{leave_out}").unlink()
    with pytest.raises(BundleError) as raised:
        open_path(tmp_path / "coast.shp")
    assert said in str(raised.value)
    assert str(raised.value).startswith(str(tmp_path / "coast.shp"))
    assert len(str(raised.value).splitlines()) == 1


def test_zip_missing_a_part_names_the_member(tmp_path):
    with pytest.raises(BundleError) as raised:
        open_path(zipped(tmp_path, leave_out=".shx"))
    assert str(raised.value).startswith(f"{tmp_path / 'coast.zip'}:data/coast.shp:")
    assert "coast.shx is missing" in str(raised.value)


def test_zip_without_shapefile(tmp_path):
    archive = tmp_path / "notes.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("readme.txt", "nothing here")
    with pytest.raises(BundleError, match="no Shapefile"):
        open_path(archive)


def test_zip_path_outside(tmp_path):
    archive = zipped(tmp_path)
    with zipfile.ZipFile(archive, "a") as out:
        out.writestr("../../evil.shp", "x")
    with pytest.raises(BundleError) as raised:
        open_path(archive)
    assert "../../evil.shp: a path outside the archive" in str(raised.value)


def test_zip_bomb_member(tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("bomb.shp", b"")
        out.writestr("bomb.shx", b"")
        out.writestr("bomb.dbf", b"")
    data = bytearray(archive.read_bytes())
    # the central directory says a member unpacks to more than launchmap reads
    with zipfile.ZipFile(archive) as read:
        info = read.getinfo("bomb.shp")
    at = data.rfind(b"PK\x01\x02" + data[data.find(b"PK\x01\x02") + 4:data.find(b"PK\x01\x02") + 4])  # first entry
    data[at + 24:at + 28] = (3 * 2**30).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    assert info.file_size == 0
    with pytest.raises(BundleError, match="zip bomb"):
        open_path(archive)


def test_zip_member_larger_than_said(tmp_path):
    archive = zipped(tmp_path)
    data = bytearray(archive.read_bytes())
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 60] != b"data/coast.shp":  # the .shp's central directory entry
        central = data.find(b"PK\x01\x02", central + 1)
    data[central + 24:central + 28] = (10).to_bytes(4, "little")  # it says it unpacks to 10 bytes
    archive.write_bytes(bytes(data))
    with pytest.raises(BundleError) as raised:
        open_path(archive)
    assert str(raised.value).startswith(f"{archive}:data/coast.shp: cannot unpack it")
    assert len(str(raised.value).splitlines()) == 1


def test_a_shapefiles_parts_dropped_together_open_once():
    from viewer.io.formats.vector.sidecars import without_parts

    assert without_parts(["/d/coast.shp", "/d/coast.dbf", "/d/coast.SHX", "/d/coast.prj", "/d/other.dbf",
                          "/d/sites.kml"]) == ["/d/coast.shp", "/d/other.dbf", "/d/sites.kml"]


def test_gpx_track_points_not_read_nor_warned_of(tmp_path):
    """A device's GPX with extensions: GDAL warned of every track point's extension cell although the points are not
    read (their track is); many warnings of one read are said as five and a count."""
    points = "\n".join(f'<trkpt lat="{35 + i * 1e-3}" lon="{129 + i * 1e-3}"><extensions><x:hr>{90 + i}</x:hr>'
                       f"</extensions></trkpt>" for i in range(30))
    (tmp_path / "ride.gpx").write_text(f'<?xml version="1.0"?><gpx version="1.1" creator="t" '
                                       f'xmlns="http://www.topografix.com/GPX/1/1" xmlns:x="urn:x">'
                                       f"<trk><name>Ride</name><trkseg>{points}</trkseg></trk></gpx>")
    bundle, problems = open_path(tmp_path / "ride.gpx")
    assert [f.properties.get("label") for f in bundle.features.values()] == ["Ride"]
    assert len(problems) <= 6


def test_a_shapefile_part_that_is_a_fifo_is_one_line(tmp_path):
    import os

    write_layer(tmp_path / "coast.shp", "ESRI Shapefile")
    (tmp_path / "coast.dbf").unlink()
    os.mkfifo(tmp_path / "coast.dbf")
    with pytest.raises(BundleError) as raised:
        open_path(tmp_path / "coast.shp")
    assert str(raised.value).startswith(f"{tmp_path / 'coast.shp'}:coast.dbf: ")
