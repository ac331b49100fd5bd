"""Outputs a careless user names: a folder, a name with a newline, a name as long as the file system allows, a
write stopped with Ctrl+C. Each is one line (or a file written), a non-zero exit, the old file intact and
nothing left beside it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from viewer.cli import main
from viewer.io.load import open_path
from viewer.resources import sample_bundle

SUFFIXES = [".geojson", ".gpkg", ".kml", ".kmz", ".csv"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_an_output_that_is_a_folder_is_one_line_before_any_work(tmp_path, capsys, suffix):
    out = tmp_path / f"folder{suffix}"
    out.mkdir()
    assert main(["convert", str(sample_bundle()), "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"launchmap: {out}: is a folder; name a file to write\n"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("name", ["new\nline", "tab\there", "with space é 北"])
def test_odd_characters_in_a_name_are_written_as_named(tmp_path, capsys, suffix, name):
    out = tmp_path / f"{name}{suffix}"
    assert main(["convert", str(sample_bundle()), "-o", str(out)]) == 0, capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    plain = tmp_path / "copy" / f"plain{suffix}"  # GDAL cannot open a name with a control character to read it
    plain.parent.mkdir()
    plain.write_bytes(out.read_bytes())
    bundle, _ = open_path(plain)
    assert len(bundle.features) == 31


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_name_as_long_as_the_file_system_allows_is_written(tmp_path, capsys, suffix):
    longest = os.pathconf(tmp_path, "PC_NAME_MAX")
    out = tmp_path / ("x" * (longest - len(suffix)) + suffix)
    assert main(["convert", str(sample_bundle()), "-o", str(out)]) == 0, capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    too_long = tmp_path / ("y" * (longest + 1 - len(suffix)) + suffix)
    assert main(["convert", str(sample_bundle()), "-o", str(too_long)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"launchmap: {too_long}: ")
    assert err.endswith("File name too long\n")
    assert err.count("\n") == 1
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


INTERRUPTED = """
import os, sys, time
from viewer.cli import main

def stall():  # the write runs on, as a big file's would: Ctrl+C comes now
    print("writing", flush=True)
    time.sleep(60)

if sys.argv[2].endswith(".gpkg"):  # GDAL has written the features layer into the temporary GeoPackage
    from viewer.io.formats import writer_for
    target = writer_for(sys.argv[2])
    original = target.writer
    def slow(bundle, path, progress):
        original(bundle, path, lambda done, total: stall() if done == 2 else None)
    object.__setattr__(target, "writer", slow)
else:  # the new file is written beside the old one, not yet flushed to disk nor moved into place
    os.fsync = lambda fd: stall()
sys.exit(main(["convert", sys.argv[1], "-o", sys.argv[2]]))
"""


@pytest.mark.slow
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_ctrl_c_mid_write_leaves_the_old_file_and_no_leftovers(tmp_path, suffix):
    out = tmp_path / f"out{suffix}"
    out.write_bytes(b"the old file")
    process = subprocess.Popen([sys.executable, "-c", INTERRUPTED, str(sample_bundle()), str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline() == "writing\n"
    time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert err == f"launchmap: interrupted; {out} is left as it was\n"
    assert out.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
