"""A careless user writes over a file they made read-only: an atomic save renames a new file over it, which the
file's own permissions do not stop (only the folder's do), so it was replaced without a word. Now it is refused in
one line naming it, the old file and its world files untouched, and the exit is non-zero."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from viewer.cli import main
from viewer.resources import sample_bundle


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".kml", ".kmz", ".csv"])
def test_a_read_only_output_is_not_replaced(tmp_path, capsys, suffix):
    out = tmp_path / f"out{suffix}"
    out.write_bytes(b"kept")
    out.chmod(0o444)
    assert main(["convert", str(sample_bundle()), "-o", str(out)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert str(out) in err
    assert "read-only" in err
    assert out.read_bytes() == b"kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left


EXPORT = """
import sys
from viewer.cli import main
sys.exit(main(["export", "-o", sys.argv[1], "--width", "320", "--height", "200"]))
"""


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_a_read_only_map_image_or_its_world_file_is_not_replaced(tmp_path, suffix):
    out = tmp_path / f"map{suffix}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.run([sys.executable, "-c", EXPORT, str(out)], capture_output=True, text=True, env=env,
                           timeout=300, check=False)
    assert first.returncode == 0, first.stderr
    protected = tmp_path / "map.pgw" if suffix == ".png" else out  # a PNG's world file read-only: none replaced
    protected.chmod(0o444)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    again = subprocess.run([sys.executable, "-c", EXPORT, str(out)], capture_output=True, text=True, env=env,
                           timeout=300, check=False)
    assert again.returncode != 0
    assert "Traceback" not in again.stderr
    assert again.stderr.count("\n") == 1, again.stderr
    assert str(protected) in again.stderr
    assert "read-only" in again.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
