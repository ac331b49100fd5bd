"""Saving: leftovers of a killed save are cleaned by the next save of the same file; a save that cannot be made
is one line naming the output, never the temporary file, and never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from viewer.cli import main
from viewer.io.convert import convert
from viewer.io.session import Session, save_session
from viewer.resources import sample_bundle


def leave_leftovers(folder, name: str) -> list:
    """What a save of ``name`` killed half-way leaves: its temporary file, and SQLite's journal beside it."""
    old = time.time() - 60
    leftovers = [folder / f".{name}.k1ll3d.part", folder / f".{name}.x7y8z9.part.gpkg",
                 folder / f".{name}.x7y8z9.part.gpkg-journal"]
    for leftover in leftovers:
        leftover.write_bytes(b"half a file")
        os.utime(leftover, (old, old))
    return leftovers


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".kml", ".kmz", ".csv"])
def test_leftovers_of_a_killed_save_are_cleaned_by_the_next(tmp_path, suffix):
    out = tmp_path / f"launches{suffix}"
    leftovers = leave_leftovers(tmp_path, out.name)
    unrelated = tmp_path / ".other.geojson.abc.part"
    unrelated.write_bytes(b"another file's")
    convert(sample_bundle(), out)
    assert not any(p.exists() for p in leftovers)
    assert unrelated.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, unrelated.name])


def test_a_session_save_cleans_its_leftovers_too(tmp_path):
    out = tmp_path / "brief.lmsession"
    leftovers = leave_leftovers(tmp_path, out.name)
    save_session(Session(), out)
    assert not any(p.exists() for p in leftovers)


def test_a_leftover_of_a_save_still_running_is_left_alone(tmp_path):
    out = tmp_path / "launches.geojson"
    running = tmp_path / ".launches.geojson.n0w.part"
    running.write_bytes(b"being written by another launchmap right now")
    future = time.time() + 60
    os.utime(running, (future, future))
    convert(sample_bundle(), out)
    assert running.exists()


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv"])
def test_a_read_only_folder_names_the_output(tmp_path, capsys, monkeypatch, suffix):
    def refused(prefix, suffix, dir):  # what mkstemp does in a folder one may not write to (even as root here)
        raise PermissionError(13, "Permission denied", os.path.join(dir, f"{prefix}abc123{suffix}"))

    monkeypatch.setattr("tempfile.mkstemp", refused)
    out = tmp_path / f"out{suffix}"
    assert main(["convert", str(sample_bundle()), "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"launchmap: {out}: cannot write there: Permission denied\n"


def test_files_written_as_one_unit_are_all_or_none(tmp_path, monkeypatch):
    from viewer.io.atomic import write_files_atomic

    png, world = tmp_path / "map.png", tmp_path / "map.pgw"
    write_files_atomic({png: b"old png", world: b"old world"})
    real = os.fsync
    calls = []

    def full_on_the_second(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", full_on_the_second)
    with pytest.raises(OSError, match=r"map\.png, .*map\.pgw: cannot write: No space left on device; the previous "
                                      r"files are left as they were"):
        write_files_atomic({png: b"new png", world: b"new world"})
    assert (png.read_bytes(), world.read_bytes()) == (b"old png", b"old world")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.pgw", "map.png"]


def test_a_write_that_fails_part_way_names_the_output(tmp_path):
    from viewer.io.atomic import atomic_writer

    out = tmp_path / "out.geojson"
    out.write_text("old")
    def write_too_much() -> None:
        with atomic_writer(out) as handle:
            handle.write(b"new")
            raise OSError(27, "File too large")  # what a write past `ulimit -f` raises

    with pytest.raises(OSError, match=r"out\.geojson: cannot write: File too large; the previous file is left"):
        write_too_much()
    assert out.read_text() == "old"


@pytest.mark.parametrize(("ending", "data"), [
    (b"</svg>", b"<svg><g>"), (b"%%EOF", b"%PDF-1.4\n1 0 obj"), (b"%%EOF", b"")])
def test_a_file_that_does_not_end_as_its_format_does_is_not_written(tmp_path, ending, data):
    from viewer.io.atomic import write_complete

    out = tmp_path / "map.out"
    out.write_bytes(b"old map")
    with pytest.raises(OSError, match=r"map\.out: the map was not written whole .*previous file is left as it was"):
        write_complete(out, data, ending, "map")
    assert out.read_bytes() == b"old map"
    write_complete(out, data + ending + b"\n", ending, "map")
    assert out.read_bytes() == data + ending + b"\n"


EXPORT_UNDER_LIMIT = """
import resource, sys
from viewer.cli import main
limit = int(sys.argv[2])
if limit:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # `ulimit -f`: writes past it fail (EFBIG)
sys.exit(main(["export", "-o", sys.argv[1], "--width", "640", "--height", "400"]))
"""


def export_in_a_process(out, limit: int = 0) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", EXPORT_UNDER_LIMIT, str(out), str(limit)], capture_output=True,
                          text=True, timeout=300, check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".svg", ".pdf", ".png"])
def test_a_map_export_that_cannot_be_written_whole_keeps_the_old_file(tmp_path, suffix):
    out = tmp_path / f"map{suffix}"
    first = export_in_a_process(out)
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    failed = export_in_a_process(out, limit=4096)  # far less than any of these maps
    assert failed.returncode != 0
    assert "Traceback" not in failed.stderr
    assert failed.stderr.count("\n") == 1, failed.stderr
    assert str(out) in failed.stderr
    assert "wrote" not in failed.stdout
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # the old map (and world file) intact
