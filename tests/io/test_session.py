"""Session files: round trip with relative bundle paths, atomic saving, bad files by place, autosave and recovery."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from viewer.io.session import (
    Session,
    autosave_path,
    discard_autosave,
    forget_autosave,
    load_session,
    recoverable_autosaves,
    save_session,
    state_folder,
    write_autosave,
)
from viewer.io.session import file as session_io
from viewer.model.bookmark import Bookmark
from viewer.model.problem import BundleError


@pytest.fixture(autouse=True)
def private_state(tmp_path, monkeypatch):
    """Autosaves go to a temporary XDG_STATE_HOME, never the user's own."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state" / "launchmap"


def a_session(bundle: Path) -> Session:
    return Session(bundles=[bundle], view=Bookmark.framing("", (116.0, 10.0, 142.0, 43.0)),
                   bookmarks=[Bookmark.framing("Sohae", (124.0, 39.0, 125.5, 40.2), events=("ev-1",)),
                              Bookmark("Path", selection=("f-path",))],
                   styles={"decorations": {"title": "Briefing", "legend": False}, "future": {"x": 1}},
                   extra={"comment": "kept"})


def test_round_trip_with_bundle_paths_relative_to_the_session(make_bundle, tmp_path):
    bundle = make_bundle()
    (tmp_path / "sessions").mkdir()
    path = tmp_path / "sessions" / "brief.lmsession"
    save_session(a_session(bundle), path)

    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["bundles"] == ["../bundle.geojson"]
    again = load_session(path)
    assert again.bundles == [bundle.resolve()]
    assert [b.name for b in again.bookmarks] == ["Sohae", "Path"]
    assert again.bookmarks[0].view.filters.only_events == {"ev-1"}
    assert again.view.view.extent == (116.0, 10.0, 142.0, 43.0)
    assert again.styles == {"decorations": {"title": "Briefing", "legend": False}, "future": {"x": 1}}
    assert again.extra == {"comment": "kept"}


def test_a_moved_folder_still_finds_its_bundles(make_bundle, tmp_path):
    make_bundle()
    save_session(a_session(tmp_path / "bundle.geojson"), tmp_path / "brief.lmsession")
    moved = tmp_path.parent / (tmp_path.name + "-moved")
    shutil.copytree(tmp_path, moved)
    try:
        assert load_session(moved / "brief.lmsession").bundles == [(moved / "bundle.geojson").resolve()]
    finally:
        shutil.rmtree(moved)


def test_a_failure_mid_save_leaves_the_previous_file_intact(make_bundle, tmp_path, monkeypatch):
    path = tmp_path / "brief.lmsession"
    save_session(a_session(make_bundle()), path)
    before = path.read_bytes()

    def fail_half_way(data, handle):
        handle.write(b'{"launchmap_session": 1, "bundles": [')  # the temporary file is open and half written
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session_io, "_write_json", fail_half_way)
    changed = a_session(tmp_path / "bundle.geojson")
    changed.bookmarks.append(Bookmark("never saved"))
    with pytest.raises(OSError, match="No space left"):
        save_session(changed, path)

    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "brief.lmsession", "bundle.geojson"]
    assert [b.name for b in load_session(path).bookmarks] == ["Sohae", "Path"]


@pytest.mark.parametrize(("text", "where"), [
    ('{"bundles": []}', ": not a launchmap session"),
    ('{"launchmap_session": 99}', ":launchmap_session: version 99 is not supported"),
    ('{"launchmap_session": 1, "bundles": "a.geojson"}', ":bundles: must be a list"),
    ('{"launchmap_session": 1, "bundles": [3]}', ":bundles[0]: must be a file path"),
    ('{"launchmap_session": 1, "bookmarks": [{"name": "x", "extent": [1]}]}',
     ":bookmarks[0].extent: must be a list of 4 numbers"),
    ('{"launchmap_session": 1, "view": {"name": "", "events": [1]}}', ":view.events: must be a list of strings"),
    ('{"launchmap_session": 1, "bundles": [', ":1:38: truncated JSON"),
])
def test_bad_session_files_are_one_line_naming_the_place(tmp_path, text, where):
    path = tmp_path / "bad.lmsession"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BundleError) as caught:
        load_session(path)
    message = str(caught.value)
    assert message.startswith(f"{path}{where}"), message
    assert "\n" not in message


def test_the_autosave_lives_under_xdg_state_home(private_state, monkeypatch, tmp_path):
    assert state_folder() == private_state
    assert autosave_path(123) == private_state / "autosave-123.json"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/path")  # the spec says to ignore relative ones
    assert state_folder() == Path.home() / ".local" / "state" / "launchmap"


def test_this_processes_autosave_is_not_offered_and_is_discarded(make_bundle):
    path = write_autosave(a_session(make_bundle()), origin=None)
    assert path == autosave_path()
    assert recoverable_autosaves() == []  # still running: it is ours
    discard_autosave()
    assert not path.exists()


KILLED = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from viewer.io.session import Session, write_autosave
    from viewer.model.bookmark import Bookmark
    session = Session(bundles=[Path(sys.argv[1])], bookmarks=[Bookmark("Unsaved work")])
    write_autosave(session, origin=Path(sys.argv[2]))
    print("autosaved", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_an_autosave_left_by_a_killed_process_is_offered(make_bundle, tmp_path):
    bundle = make_bundle()
    origin = tmp_path / "brief.lmsession"
    result = subprocess.run([sys.executable, "-c", KILLED, str(bundle), str(origin)], capture_output=True,
                            text=True, timeout=60, env=os.environ.copy(), check=False)
    assert "autosaved" in result.stdout, result.stderr
    assert result.returncode == -signal.SIGKILL

    found = recoverable_autosaves()
    assert len(found) == 1
    assert [b.name for b in found[0].session.bookmarks] == ["Unsaved work"]
    assert found[0].session.bundles == [bundle.resolve()]
    assert found[0].origin == origin.resolve()
    assert "autosave" not in found[0].session.extra  # the bookkeeping is not part of the session
    forget_autosave(found[0])
    assert recoverable_autosaves() == []


def test_a_half_written_autosave_is_skipped(private_state):
    private_state.mkdir(parents=True)
    (private_state / "autosave-999999999.json").write_text('{"launchmap_session": 1, "bund', encoding="utf-8")
    assert recoverable_autosaves() == []
