"""A KMZ holding hundreds of thousands of (empty) members is refused before its directory is read: listing
400,000 of them took 270 MB and 23 s of a loaded machine, and the size limit allowed some millions."""

from __future__ import annotations

import time
import zipfile

from viewer.cli import main
from viewer.io.formats.kml import reader

KML = ('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>a</name>'
       "<Point><coordinates>124.7,39.6</coordinates></Point></Placemark></Document></kml>")


def kmz_with(path, members: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("doc.kml", KML)
        for i in range(members - 1):
            archive.writestr(zipfile.ZipInfo(f"files/{i}"), b"")


def test_a_kmz_of_countless_members_is_refused_in_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(reader, "MAX_KMZ_MEMBERS", 500)
    path = tmp_path / "members.kmz"
    kmz_with(path, 501)
    started = time.process_time()
    assert main(["validate", str(path)]) == 1
    assert time.process_time() - started < 5
    assert capsys.readouterr().out == (f"{path}: 501 files in the KMZ archive, more than the 500 launchmap "
                                       "opens\n")


def test_a_kmz_within_the_limit_is_read(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(reader, "MAX_KMZ_MEMBERS", 500)
    path = tmp_path / "members.kmz"
    kmz_with(path, 500)
    assert main(["validate", str(path)]) == 0


def test_the_limit_is_far_above_a_real_kmz():
    assert reader.MAX_KMZ_MEMBERS >= 10_000
