"""Other GIS tools' vector files as hostile input: malformed, cut short, lying headers, huge, special files, XML
entities, parts outside the folder. Each is one line naming the file and the place, at once; nothing is read wrong
or dropped without a word."""

from __future__ import annotations

import os
import re
import struct
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
import shapely
from test_gdal_vector import GPX, write_layer

from viewer.io.load import open_path
from viewer.model.problem import BundleError


def refused(path: Path, within_s: float = 30.0) -> str:
    """The one line launchmap refuses ``path`` with (checked to name the file first), within ``within_s``."""
    start = time.perf_counter()
    with pytest.raises(BundleError) as raised:
        open_path(path)
    assert time.perf_counter() - start < within_s
    message = str(raised.value)
    assert len(message.splitlines()) == 1, message
    assert message.startswith(str(path)), message
    return message


def shapefile(folder: Path, stem: str = "coast") -> Path:
    write_layer(folder / f"{stem}.shp", "ESRI Shapefile")
    return folder / f"{stem}.shp"


def cut(path: Path, keep: int) -> None:
    path.write_bytes(path.read_bytes()[:keep])


# -- Shapefiles: parts cut short or lying -------------------------------------------------------------------------

def test_a_shp_cut_short_is_refused_not_read_as_shapes_without_geometry(tmp_path):
    """GDAL read both records of a .shp cut in half as features with no geometry, and launchmap showed them
    without a word."""
    shp = shapefile(tmp_path)
    cut(shp, shp.stat().st_size // 2)
    message = refused(shp)
    assert message.startswith(f"{shp}:coast.shp: cut short: its last shape ends at byte 276, the file has 138")


def test_a_shp_whose_header_says_a_wrong_length_is_still_read_when_its_shapes_are_whole(tmp_path):
    """Some writers get the .shp's own file length wrong; what matters is whether the shapes the .shx indexes are
    in the file (GDAL reads them)."""
    shp = shapefile(tmp_path)
    data = bytearray(shp.read_bytes())
    data[24:28] = struct.pack(">i", len(data))  # bytes, not 16-bit words: twice too long
    shp.write_bytes(bytes(data))
    bundle, _ = open_path(shp)
    assert len(bundle.features) == 2


def test_a_shx_cut_short_names_the_index(tmp_path):
    shp = shapefile(tmp_path)
    cut(tmp_path / "coast.shx", 110)
    message = refused(shp)
    assert message.startswith(f"{shp}:coast.shx: cut short")
    assert "Success" not in message  # GDAL's "...in .shx file: Success." (errno 0's words)


def test_a_dbf_cut_short_names_the_attribute_table(tmp_path):
    shp = shapefile(tmp_path)
    dbf = tmp_path / "coast.dbf"
    cut(dbf, dbf.stat().st_size - 40)
    assert refused(shp).startswith(f"{shp}:coast.dbf: ")


@pytest.mark.parametrize(("records", "said"), [
    (1, "lists 1 record, but coast.shx indexes 2 shapes"),  # GDAL read one feature; the second shape was dropped
    (0, "lists 0 records, but coast.shx indexes 2 shapes"),  # GDAL read no feature, and launchmap said nothing
])
def test_a_dbf_that_lies_about_its_record_count_is_refused(tmp_path, records, said):
    shp = shapefile(tmp_path)
    dbf = tmp_path / "coast.dbf"
    data = bytearray(dbf.read_bytes())
    data[4:8] = struct.pack("<I", records)
    dbf.write_bytes(bytes(data))
    message = refused(shp)
    assert message.startswith(f"{shp}:coast.dbf: ")
    assert said in message


@pytest.mark.parametrize("records", [50, 1_000_000_000])
def test_a_dbf_that_overstates_its_count_but_holds_a_record_per_shape_is_read_whole(tmp_path, records):
    """As GDAL and QGIS read it: only the header's count is wrong, no record is missing (it was refused)."""
    shp = shapefile(tmp_path)
    dbf = tmp_path / "coast.dbf"
    data = bytearray(dbf.read_bytes())
    data[4:8] = struct.pack("<I", records)
    dbf.write_bytes(bytes(data))
    bundle, _ = open_path(shp)
    assert len(bundle.features) == 2


def test_a_dbf_that_overstates_its_count_and_misses_records_is_refused(tmp_path):
    shp = shapefile(tmp_path)
    dbf = tmp_path / "coast.dbf"
    data = bytearray(dbf.read_bytes())
    data[4:8] = struct.pack("<I", 50)
    record_length = struct.unpack("<H", data[10:12])[0]
    dbf.write_bytes(bytes(data[:-record_length - 1]) + b"\x1a")  # the second record gone, the end mark kept
    message = refused(shp)
    assert message.startswith(f"{shp}:coast.dbf: ")
    assert "lists 50 records of" in message


def test_a_zipped_shapefile_whose_dbf_lies_names_the_member(tmp_path):
    shp = shapefile(tmp_path)
    dbf = tmp_path / "coast.dbf"
    data = bytearray(dbf.read_bytes())
    data[4:8] = struct.pack("<I", 1)
    archive = tmp_path / "coast.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for part in ("shp", "shx", "prj"):
            out.write(tmp_path / f"coast.{part}", f"data/coast.{part}")
        out.writestr("data/coast.dbf", bytes(data))
    shp.unlink()
    message = refused(archive)
    assert message.startswith(f"{archive}:data/coast.dbf: lists 1 record, but")


def test_a_shapefile_part_leading_outside_its_folder_is_not_read(tmp_path):
    """As a bundle's documents: a part beside the .shp that is a symlink out of the folder (here to the process's
    environment) is refused, not handed to GDAL."""
    folder = tmp_path / "shared"
    folder.mkdir()
    shp = shapefile(folder)
    (folder / "coast.dbf").unlink()
    (folder / "coast.dbf").symlink_to("/proc/self/environ")
    message = refused(shp)
    assert message.startswith(f"{shp}:coast.dbf: ")
    assert "outside" in message


def test_a_shapefile_part_linked_within_its_folder_is_read(tmp_path):
    shp = shapefile(tmp_path)
    (tmp_path / "coast.dbf").rename(tmp_path / "coast-attributes.dbf")
    (tmp_path / "coast.dbf").symlink_to("coast-attributes.dbf")
    bundle, _ = open_path(shp)
    assert len(bundle.features) == 2


# -- FlatGeobuf, GML, GPX: cut short, malformed ------------------------------------------------------------------

def test_a_flatgeobuf_cut_short_is_not_called_empty(tmp_path):
    write_layer(tmp_path / "coast.fgb", "FlatGeobuf")
    cut(tmp_path / "coast.fgb", (tmp_path / "coast.fgb").stat().st_size // 2)
    message = refused(tmp_path / "coast.fgb")
    assert "no features" not in message
    assert "damaged or cut short" in message


def test_a_gml_cut_short_says_where_its_xml_ends(tmp_path):
    """GDAL counted no feature in a GML cut in half, and launchmap said "no features in any layer"."""
    write_layer(tmp_path / "coast.gml", "GML")
    cut(tmp_path / "coast.gml", (tmp_path / "coast.gml").stat().st_size // 2)
    message = refused(tmp_path / "coast.gml")
    assert re.match(rf"{re.escape(str(tmp_path / 'coast.gml'))}:\d+:\d+: the XML ends before its elements do", message)
    assert message.endswith("the file is cut short")


@pytest.mark.parametrize("suffix", [".shp", ".fgb", ".gml", ".gpx"])
def test_random_bytes_are_one_line(tmp_path, suffix):
    path = tmp_path / f"noise{suffix}"
    path.write_bytes(bytes(range(256)) * 20)
    for part in (".shx", ".dbf") if suffix == ".shp" else ():
        (tmp_path / f"noise{part}").write_bytes(bytes(range(256)))
    refused(path)


def test_a_gpx_cut_short_says_where(tmp_path):
    (tmp_path / "drive.gpx").write_text(GPX[: len(GPX) // 2])
    message = refused(tmp_path / "drive.gpx")
    assert re.match(rf"{re.escape(str(tmp_path / 'drive.gpx'))}:\d+:\d+: the XML ends before", message)


# -- XML entities ------------------------------------------------------------------------------------------------

LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 "lol">\n'
          + "".join(f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10)) + "]>\n")
GML_SITE = ('<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml">'
            '<gml:featureMember><ogr:site fid="site.0"><ogr:name>{}</ogr:name><ogr:geometryProperty><gml:Point>'
            "<gml:coordinates>124.7,39.66</gml:coordinates></gml:Point></ogr:geometryProperty></ogr:site>"
            "</gml:featureMember></ogr:FeatureCollection>\n")
GPX_SITE = ('<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">'
            '<wpt lat="39.66" lon="124.70"><name>{}</name></wpt></gpx>\n')


@pytest.mark.parametrize(("suffix", "body"), [(".gml", GML_SITE), (".gpx", GPX_SITE)])
def test_an_entity_expansion_is_refused_at_once(tmp_path, suffix, body):
    """A billion laughs: GDAL's XML parser (expat) stops it; launchmap says where, and does not call the file
    empty."""
    path = tmp_path / f"laughs{suffix}"
    path.write_text(LAUGHS + body.format("&lol9;"))
    message = refused(path, within_s=10)
    assert message.startswith(f"{path}:14:")  # the line that uses the entity
    assert "its XML entities expand past the limit of the XML parser" in message


@pytest.mark.parametrize(("suffix", "body"), [(".gml", GML_SITE), (".gpx", GPX_SITE)])
def test_an_external_entity_is_not_read(tmp_path, suffix, body):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET LINE")
    path = tmp_path / f"xxe{suffix}"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM "{secret.as_uri()}"> ]>\n'
                    + body.format("&xxe;"))
    bundle, _ = open_path(path)
    assert len(bundle.features) == 1
    assert "TOP SECRET" not in repr([f.properties for f in bundle.features.values()])


# -- huge, special files -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".shp", ".fgb", ".gml", ".gpx"])
def test_a_2_gib_sparse_file_is_refused_quickly(tmp_path, suffix):
    path = tmp_path / f"huge{suffix}"
    with open(path, "wb") as out:
        if suffix == ".gml":
            out.write(b'<?xml version="1.0"?>\n<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" '
                      b'xmlns:gml="http://www.opengis.net/gml">\n')
        elif suffix == ".gpx":
            out.write(b'<?xml version="1.0"?>\n<gpx version="1.1" creator="t" '
                      b'xmlns="http://www.topografix.com/GPX/1/1">\n')
        out.truncate(2 * 2**30)
    for part in (".shx", ".dbf") if suffix == ".shp" else ():
        with open(tmp_path / f"huge{part}", "wb") as out:
            out.truncate(2 * 2**30)
    message = refused(path, within_s=20)
    assert "no features" not in message


@pytest.mark.parametrize("suffix", [".gpx", ".gml", ".fgb", ".shp", ".zip"])
def test_a_fifo_or_a_device_as_the_file_is_one_line_at_once(tmp_path, suffix):
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    assert "is a FIFO (named pipe), not a regular file" in refused(fifo, within_s=5)
    device = tmp_path / f"zero{suffix}"
    device.symlink_to("/dev/zero")
    assert "is a character device, not a regular file" in refused(device, within_s=5)


def test_each_shapefile_of_a_zip_is_checked(tmp_path):
    """Two Shapefiles in one archive: both read when their parts agree; the second's lying .dbf named."""
    for stem in ("coast", "shore"):
        shapefile(tmp_path, stem)
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for part in sorted(tmp_path.glob("*.*")):
            if part.suffix != ".zip":
                out.write(part, part.name)
    bundle, _ = open_path(archive)
    assert len(bundle.features) == 4
    dbf = bytearray((tmp_path / "shore.dbf").read_bytes())
    dbf[4:8] = struct.pack("<I", 3)
    with zipfile.ZipFile(archive, "w") as out:
        for part in sorted(tmp_path.glob("*.*")):
            if part.suffix != ".zip":
                out.writestr(part.name, bytes(dbf) if part.name == "shore.dbf" else part.read_bytes())
    bundle, _ = open_path(archive)  # the count overstated, every record there: read whole, as GDAL reads it
    assert len(bundle.features) == 4
    dbf = dbf[:4] + struct.pack("<I", 1) + dbf[8:]
    with zipfile.ZipFile(archive, "w") as out:
        for part in sorted(tmp_path.glob("*.*")):
            if part.suffix != ".zip":
                out.writestr(part.name, bytes(dbf) if part.name == "shore.dbf" else part.read_bytes())
    assert refused(archive).startswith(f"{archive}:shore.dbf: lists 1 record, but")


@pytest.mark.parametrize("field", [144, 148])  # the first record's count of parts, of points
def test_a_shape_record_whose_counts_overrun_it_is_an_error_not_a_feature_without_geometry(tmp_path, field):
    """GDAL reads such a record as no geometry; launchmap showed the feature with none, without a word."""
    shp = shapefile(tmp_path)
    data = bytearray(shp.read_bytes())
    data[field:field + 4] = struct.pack("<i", 0x7FFFFFFF)
    shp.write_bytes(bytes(data))
    assert refused(shp) == f"{shp}:layer coast, fid 0: geometry cannot be read (a damaged shape record)"


def test_a_null_shape_is_still_a_feature_without_geometry(tmp_path):
    from pyogrio.raw import write

    write(tmp_path / "sites.shp", np.array([None, shapely.to_wkb(shapely.Point(124.7, 39.66))], dtype=object),
          [np.array(["Unplaced", "Sohae"], dtype=object)], ["name"], driver="ESRI Shapefile", geometry_type="Point",
          crs="EPSG:4326")
    bundle, _ = open_path(tmp_path / "sites.shp")
    assert [f.geometry is None for f in bundle.features.values()] == [True, False]


@pytest.mark.parametrize("part", [".prj", ".cpg"])
def test_a_huge_small_part_is_refused_before_gdal_reads_it(tmp_path, part):
    """GDAL read a 2 GiB sparse .prj whole: 54 s and 2 GB of memory, then refused it."""
    shp = shapefile(tmp_path)
    with open(tmp_path / f"coast{part}", "ab") as out:
        out.truncate(2 * 2**30)
    message = refused(shp, within_s=10)
    assert message.startswith(f"{shp}:coast{part}: its ")
    assert "2,147,483,648 bytes, more than the 1 MiB launchmap reads of one" in message


def test_a_huge_small_part_in_a_zip_is_refused_before_it_is_unpacked(tmp_path):
    shapefile(tmp_path)
    archive = tmp_path / "coast.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for part in ("shp", "shx", "dbf"):
            out.write(tmp_path / f"coast.{part}", f"coast.{part}")
        out.writestr("coast.prj", b" " * (3 * 2**20))
    assert refused(archive, within_s=10).startswith(f"{archive}:coast.prj: its CRS file is 3,145,728 bytes")
