"""The desktop entry, AppStream metainfo and MIME type: valid for the freedesktop tools and consistent with
each other, with the package version and with the icons that ship."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
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
    assert set(entry["MimeType"].strip(";").split(";")) == {"application/geo+json", SESSION_TYPE}
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
