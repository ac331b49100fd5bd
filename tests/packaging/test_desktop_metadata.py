"""The desktop entry, AppStream metainfo and MIME type: valid for the freedesktop tools and consistent with
each other, with the package version and with the icons that ship."""

from __future__ import annotations

import configparser
import contextlib
import os
import shutil
import sqlite3
import subprocess
import tomllib
import zipfile
from pathlib import Path

import pytest
from defusedxml import ElementTree

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.launchmap.launchmap"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
MIME = PACKAGING / "launchmap-mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SESSION_TYPE = "application/x-launchmap-session"
# What the desktop offers launchmap for: the GIS files it reads (FORMATS) and its sessions. Tables (CSV, TSV, TXT)
# and plain JSON are left to their own tools: every spreadsheet would offer to open in a map.
OPENED_TYPES = {"application/geo+json", "application/geopackage+sqlite3", "application/vnd.google-earth.kml+xml",
                "application/vnd.google-earth.kmz", "application/x-esri-shape", "application/x-esri-shape+zip",
                "application/gpx+xml", "application/flatgeobuf", "application/gml+xml", SESSION_TYPE}
NOT_CLAIMED = {".csv", ".tsv", ".txt", ".json"}
SYSTEM_MIME = Path("/usr/share/mime/packages/freedesktop.org.xml")


def tool(name: str) -> str:
    """A freedesktop tool from Debian's desktop-file-utils, appstream or shared-mime-info (./dev installs them)."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream shared-mime-info)")
    return path


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validate_passes():
    result = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()
    assert "warning" not in result.stdout.lower()


def test_appstreamcli_validate_passes():
    result = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_opens_bundles_and_sessions():
    entry = desktop_entry()
    assert entry["Exec"] == "launchmap %F"  # %F: several files at once, as `launchmap FILE…` takes them
    assert set(entry["MimeType"].strip(";").split(";")) == OPENED_TYPES
    assert entry["Icon"] == APP_ID


def test_metainfo_agrees_with_desktop_entry_and_package():
    component = ElementTree.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("icon") == desktop_entry()["Icon"]
    assert component.findtext("provides/binary") == "launchmap"
    assert {m.text for m in component.iter("mediatype")} == set(desktop_entry()["MimeType"].strip(";").split(";"))
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert component.find("releases/release").get("version") == version, "add a <release> for the new version"


def test_session_mime_type_is_defined_by_extension_and_content():
    mime_type = ElementTree.parse(MIME).getroot().find(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == SESSION_TYPE
    globs = {glob.get("pattern") for glob in mime_type.iter(f"{MIME_NS}glob")}
    assert "*.launchmap" in globs
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"


def test_session_suffix_written_by_launchmap_is_associated():
    session = pytest.importorskip("viewer.io.session", reason="session files are not written yet")
    globs = {g.get("pattern") for g in ElementTree.parse(MIME).getroot().iter(f"{MIME_NS}glob")}
    assert f"*{session.SESSION_SUFFIX}" in globs
    magic = next(ElementTree.parse(MIME).getroot().iter(f"{MIME_NS}match")).get("value")
    assert magic == f'"{session.FORMAT_KEY}"'


def test_mime_database_recognises_session_files(tmp_path):
    """update-mime-database compiles the package file; its glob and magic tables then name our type."""
    (tmp_path / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME, tmp_path / "mime" / "packages" / f"{APP_ID}.xml")
    env = {**os.environ, "XDG_DATA_DIRS": str(tmp_path)}  # else it notes that tmp_path is not searched
    result = subprocess.run([tool("update-mime-database"), str(tmp_path / "mime")], capture_output=True, text=True,
                            timeout=60, check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr  # it reports a malformed package file here, exit 0 or not
    assert f"{SESSION_TYPE}:*.launchmap" in (tmp_path / "mime" / "globs2").read_text()
    assert (tmp_path / "mime" / "application" / "x-launchmap-session.xml").is_file()
    assert b"launchmap_session" in (tmp_path / "mime" / "magic").read_bytes()


def test_every_icon_size_a_desktop_needs_ships():
    icons = ROOT / "resources" / "icons"
    assert (icons / "launchmap.svg").is_file()
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        assert (icons / f"launchmap-{size}.png").is_file(), size


def _mime_database(tmp_path: Path) -> dict[str, str]:
    """The system's MIME types and launchmap's compiled together in ``tmp_path``, as a desktop has them installed."""
    if not SYSTEM_MIME.is_file():
        pytest.skip("shared-mime-info's freedesktop.org.xml is not installed")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(SYSTEM_MIME, packages / SYSTEM_MIME.name)
    shutil.copy(MIME, packages / f"{APP_ID}.xml")
    env = {**os.environ, "XDG_DATA_DIRS": str(tmp_path)}
    result = subprocess.run([tool("update-mime-database"), str(tmp_path / "mime")], capture_output=True, text=True,
                            timeout=300, check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
    return {**env, "XDG_DATA_HOME": str(tmp_path / "nothing")}


def test_every_gis_file_launchmap_reads_is_offered_to_it(tmp_path):
    """The desktop entry named GeoJSON and sessions only: a Shapefile, GPX, FlatGeobuf, GML, KML or KMZ from another
    tool was never offered to open in launchmap. Every suffix launchmap reads (but tables) is now a type it names."""
    from viewer.io.formats import FORMATS

    env = _mime_database(tmp_path)
    files = tmp_path / "files"
    files.mkdir()
    offered = set(desktop_entry()["MimeType"].strip(";").split(";"))
    suffixes = {suffix for format in FORMATS for suffix in format.suffixes} - NOT_CLAIMED
    assert {".geojson", ".gpkg", ".kml", ".kmz", ".shp", ".zip", ".gpx", ".fgb", ".gml"} <= suffixes
    for suffix in sorted(suffixes):
        name = "routes.shp.zip" if suffix == ".zip" else f"routes{suffix}"  # a zipped Shapefile, not any archive
        _write_like(files / name, suffix)
        result = subprocess.run([tool("gio"), "info", "-a", "standard::content-type", str(files / name)],
                                capture_output=True, text=True, timeout=60, check=False, env=env)
        assert result.returncode == 0, result.stderr
        found = result.stdout.rsplit("content-type:", 1)[-1].strip()
        assert found in offered, (name, found)


def test_a_geopackage_is_told_by_its_content(tmp_path):
    """A GeoPackage saved without its suffix is still one (its SQLite header's application id), as launchmap reads
    it; any other SQLite file is not offered to launchmap."""
    env = _mime_database(tmp_path)
    for name, application_id in (("package", 0x47504B47), ("plain", 0)):
        with contextlib.closing(sqlite3.connect(tmp_path / name)) as connection:
            connection.execute(f"PRAGMA application_id = {application_id}")
            connection.execute("CREATE TABLE t (x)")
            connection.commit()
    types = {}
    for name in ("package", "plain"):
        result = subprocess.run([tool("gio"), "info", "-a", "standard::content-type", str(tmp_path / name)],
                                capture_output=True, text=True, timeout=60, check=False, env=env)
        types[name] = result.stdout.rsplit("content-type:", 1)[-1].strip()
    assert types == {"package": "application/geopackage+sqlite3", "plain": "application/vnd.sqlite3"}


def _write_like(path: Path, suffix: str) -> None:
    """A small file with the first bytes of one of ``suffix`` (the desktop reads both the name and those)."""
    xml = {".kml": '<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>',
           ".gpx": '<gpx version="1.1" creator="other" xmlns="http://www.topografix.com/GPX/1/1"/>',
           ".gml": '<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml"/>'}
    if suffix in xml:
        path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n{xml[suffix]}\n')
    elif suffix in (".kmz", ".zip"):
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("doc.kml" if suffix == ".kmz" else "routes.shp", b"<kml/>" if suffix == ".kmz" else
                             (9994).to_bytes(4, "big") + bytes(96))
    elif suffix == ".shp":
        path.write_bytes((9994).to_bytes(4, "big") + bytes(96))  # the file code every .shp begins with
    elif suffix == ".fgb":
        path.write_bytes(b"fgb\x03fgb\x00" + bytes(32))
    elif suffix == ".gpkg":
        with contextlib.closing(sqlite3.connect(path)) as connection:
            connection.execute(f"PRAGMA application_id = {0x47504B47}")
            connection.execute("CREATE TABLE gpkg_contents (table_name TEXT)")
            connection.commit()
    else:
        path.write_text('{"type": "FeatureCollection", "features": []}\n')
