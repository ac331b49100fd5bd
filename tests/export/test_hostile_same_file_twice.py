"""A careless user names the same file twice (relative and absolute, or as FILE and in the --session briefed):
the commands open it once, as the window does, instead of failing with 'X: X: already open'."""

from __future__ import annotations

import os
import shutil

import pytest

from viewer import cli
from viewer.cli.common import load_workspace
from viewer.io.session import Session, save_session
from viewer.model.bookmark import Bookmark
from viewer.resources import sample_bundle


@pytest.fixture
def sample_here(tmp_path, monkeypatch):
    """The sample bundle and its articles copied into the current folder, as ``launches.geojson``."""
    shutil.copytree(sample_bundle().parent, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return "data/" + sample_bundle().name


def test_one_file_named_twice_is_opened_once(sample_here):
    workspace = load_workspace([sample_here, "./" + sample_here, os.path.abspath(sample_here)])
    assert len(workspace.bundles) == 1


@pytest.mark.gui
def test_a_file_named_and_in_the_session_is_briefed_once(sample_here, tmp_path, capsys, qapp):
    session = tmp_path / "brief.lmsession"
    save_session(Session(bundles=[tmp_path / sample_here],
                         bookmarks=[Bookmark.framing("The region", (115.0, 10.0, 145.0, 43.0))]), session)
    out = tmp_path / "deck.pdf"
    code = cli.main(["brief", sample_here, "--session", str(session), "-o", str(out), "--resolution", "640"])
    assert code == 0, capsys.readouterr().err
    assert out.stat().st_size > 0
