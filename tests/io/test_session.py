"""Session files: round trip with relative bundle paths, atomic saving, bad files by place, autosave and recovery."""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_a_corrupt_autosave_is_reported_once_and_moved_aside(private_state):
    private_state.mkdir(parents=True)
    corrupt = private_state / "autosave-999999999.json"
    corrupt.write_text('{"launchmap_session": 1, "view": {"map_rect": [-1e308, -1e308, 1e308, 1e308]}}')
    problems: list = []
    assert recoverable_autosaves(problems) == []
    assert [str(p) for p in problems] == [
        f"{corrupt}:view.map_rect: numbers must be finite and within ±1e+10; this autosave cannot be recovered "
        "and was moved aside to autosave-999999999.json.unreadable"]
    assert not corrupt.exists()
    assert (private_state / "autosave-999999999.json.unreadable").exists()
    again: list = []
    assert recoverable_autosaves(again) == []
    assert again == []  # once


@pytest.mark.parametrize(("view", "where", "message"), [
    ({"map_rect": [-1e308, -1e308, 1e308, 1e308]}, "view.map_rect", "numbers must be finite and within ±1e+10"),
    ({"map_rect": [0, 0, 0, 1]}, "view.map_rect", "no width or no height"),
    ({"extent": [-1e300, 0, 10, 10]}, "view.extent", "within ±360"),
    ({"projection": {"definition": "EPSG:3857", "max_lat": 1e300}}, "view.projection.max_lat", "between 1 and 90"),
])
def test_out_of_range_views_are_refused_in_one_line(tmp_path, view, where, message):
    path = tmp_path / "s.lmsession"
    path.write_text(json.dumps({"launchmap_session": 1, "bundles": [], "view": view}))
    with pytest.raises(BundleError) as raised:
        load_session(path)
    assert str(raised.value).startswith(f"{path}:{where}: ")
    assert message in str(raised.value)


def test_a_number_beyond_float_range_is_refused(tmp_path):
    path = tmp_path / "s.lmsession"
    path.write_text('{"launchmap_session": 1, "view": {"map_rect": [0, 0, 1e400, 1]}}')
    with pytest.raises(BundleError, match=r"s\.lmsession:1:54: number 1e400 is beyond the range of a double"):
        load_session(path)


numbers = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-2**70, 2**70)
views = st.fixed_dictionaries({}, optional={
    "map_rect": st.lists(numbers, min_size=0, max_size=5), "extent": st.lists(numbers, min_size=0, max_size=5),
    "projection": st.fixed_dictionaries({"definition": st.sampled_from(["EPSG:3857", "EPSG:4326", "x"])},
                                        optional={"seam_lon": numbers, "max_lat": numbers}),
    "name": st.text(max_size=3), "events": st.lists(st.text(max_size=3), max_size=2)})


@given(view=views, bookmarks=st.lists(views, max_size=2))
@settings(max_examples=200, deadline=None)
def test_fuzzed_session_files_load_sanely_or_fail_in_one_line(view, bookmarks):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.lmsession"
        path.write_text(json.dumps({"launchmap_session": 1, "bundles": [], "view": view, "bookmarks": bookmarks}))
        try:
            session = load_session(path)
        except BundleError as error:
            message = str(error)
        else:
            message = ""
        assert "\n" not in message
        if message:
            return
        for bookmark in [session.view, *session.bookmarks]:
            rect = bookmark.view.map_rect if bookmark is not None else None
            if rect is not None:
                assert all(math.isfinite(v) and abs(v) <= 1e10 for v in rect)
                assert rect[2] - rect[0] > 0
                assert math.isfinite(rect[2] - rect[0])
