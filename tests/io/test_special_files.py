"""Only regular files are read: a FIFO, /dev/zero, a socket, a directory or a symlink loop given as input is one
line saying what it is, at once, never a hang, a MemoryError or a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.io.files import FileRefused, read_regular
from viewer.io.load import open_path
from viewer.io.session import load_session
from viewer.model.problem import BundleError


def special(tmp_path: Path, kind: str, suffix: str) -> tuple[Path, str]:
    """A special file named like a data file, and what the message must call it."""
    path = tmp_path / f"input{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
        return path, "is a FIFO (named pipe), not a regular file"
    if kind == "zero":
        path.symlink_to("/dev/zero")
        return path, "is a character device, not a regular file"
    if kind == "directory":
        path.mkdir()
        return path, "is a directory, not a regular file"
    if kind == "loop":
        path.symlink_to(tmp_path / f"other{suffix}")
        (tmp_path / f"other{suffix}").symlink_to(path)
        return path, "is a symlink loop"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    return path, "is a socket, not a regular file"


KINDS = ["fifo", "zero", "directory", "loop", "socket"]
SUFFIXES = [".geojson", ".csv", ".kml", ".kmz", ".gpkg", ".dat"]


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("kind", KINDS)
def test_the_loader_refuses_special_files_in_one_line(tmp_path, kind, suffix):
    path, what = special(tmp_path, kind, suffix)
    with pytest.raises(BundleError) as raised:
        open_path(path)
    assert str(raised.value) == f"{path}: {what}"


@pytest.mark.parametrize("command", ["validate", "convert"])
@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_commands_refuse_special_files_without_waiting(tmp_path, command, kind):
    path, what = special(tmp_path, kind, ".geojson")
    extra = ["-o", str(tmp_path / "out.gpkg")] if command == "convert" else []
    result = subprocess.run([sys.executable, "-m", "viewer", command, str(path), *extra], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert what in result.stdout + result.stderr
    assert not (tmp_path / "out.gpkg").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_a_session_file_that_is_special_is_refused(tmp_path, kind):
    path, what = special(tmp_path, kind, ".lmsession")
    with pytest.raises(BundleError) as raised:
        load_session(path)
    assert str(raised.value) == f"{path}: {what}"


def test_a_file_that_grows_while_read_is_cut_at_the_limit(tmp_path):
    path = tmp_path / "growing.json"
    path.write_bytes(b"x" * 100)
    with pytest.raises(FileRefused, match="more than the 10 bytes launchmap reads"):
        read_regular(path, 10)
