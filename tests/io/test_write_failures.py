"""A write that fails part-way (a full disk, a file size limit) is one line naming the output and why; the old file
is left as it was and nothing is left beside it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from viewer.cli import main
from viewer.resources import sample_bundle

CONVERT_UNDER_LIMIT = """
import resource, sys
from viewer.cli import main
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # `ulimit -f`: writes past it fail (EFBIG)
sys.exit(main(["convert", sys.argv[1], "-o", sys.argv[2]]))
"""


def convert_in_a_process(source, out, limit: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CONVERT_UNDER_LIMIT, str(source), str(out), str(limit)],
                          capture_output=True, text=True, timeout=300, check=False)


# GDAL fails differently at each size: creating the tables ("no such table: gpkg_contents"), in a batch,
# at the commit ("disk I/O error"); each is the same one line.
@pytest.mark.slow
@pytest.mark.parametrize("limit", [4096, 20_000, 60_000, 150_000])
def test_a_geopackage_past_the_file_size_limit_says_so(tmp_path, limit):
    out = tmp_path / "out.gpkg"
    out.write_bytes(b"the old file")
    failed = convert_in_a_process(sample_bundle(), out, limit)
    assert failed.returncode == 1
    assert failed.stderr == (f"launchmap: {out}: cannot write the GeoPackage: the file size limit (ulimit -f, "
                             f"{limit:,} bytes) was reached; the previous file is left as it was\n")
    assert "wrote" not in failed.stdout
    assert out.read_bytes() == b"the old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.gpkg"]


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".geojson", ".kml", ".kmz", ".csv"])
def test_other_formats_past_the_file_size_limit_say_so(tmp_path, suffix):
    out = tmp_path / f"out{suffix}"
    out.write_bytes(b"the old file")
    failed = convert_in_a_process(sample_bundle(), out, 4096)
    assert failed.returncode == 1
    assert failed.stderr == (f"launchmap: {out}: cannot write: File too large; the previous file is left as it "
                             "was\n")
    assert out.read_bytes() == b"the old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    out.unlink()
    failed = convert_in_a_process(sample_bundle(), out, 4096)
    assert failed.stderr == f"launchmap: {out}: cannot write: File too large; nothing was written\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("detail", ["failed to write feature 3: database or disk is full",
                                    "sqlite3_exec(INSERT INTO gpkg_contents (table_name) VALUES ('features')) "
                                    "failed: no such table: gpkg_contents"])
def test_a_full_disk_says_the_disk_is_full(tmp_path, capsys, monkeypatch, detail):
    from collections import namedtuple

    from pyogrio.errors import DataSourceError

    def full(*args, **kwargs):
        open(args[1], "wb").close()  # GDAL had begun the file
        raise DataSourceError(detail)

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr("pyogrio.raw.write_arrow", full)
    monkeypatch.setattr("shutil.disk_usage", lambda folder: usage(10**9, 10**9 - 4096, 4096))
    out = tmp_path / "out.gpkg"
    assert main(["convert", str(sample_bundle()), "-o", str(out)]) == 1
    assert capsys.readouterr().err == (f"launchmap: {out}: cannot write the GeoPackage: the disk is full (4 KiB "
                                       "free); nothing was written\n")
    assert list(tmp_path.iterdir()) == []


def test_another_geopackage_failure_says_what_gdal_said(tmp_path, capsys, monkeypatch):
    from pyogrio.errors import FeatureError

    def refused(*args, **kwargs):
        raise FeatureError("failed to write feature 3:\n  something else")

    monkeypatch.setattr("pyogrio.raw.write_arrow", refused)
    out = tmp_path / "out.gpkg"
    out.write_bytes(b"the old file")
    assert main(["convert", str(sample_bundle()), "-o", str(out)]) == 1
    assert capsys.readouterr().err == (f"launchmap: {out}: cannot write the GeoPackage (GDAL: failed to write "
                                       "feature 3: something else); the previous file is left as it was\n")
    assert out.read_bytes() == b"the old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.gpkg"]
