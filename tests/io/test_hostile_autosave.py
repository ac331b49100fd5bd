"""An autosave written by a newer launchmap (a session version this one cannot read) is not this launchmap's to
dispose of: it is reported and left where it is, so the newer launchmap still offers it back; moved aside as
unreadable, the user's unsaved work was never offered again."""

from __future__ import annotations

import json

from viewer.io.session import file as session_io
from viewer.io.session import recoverable_autosaves


def test_an_autosave_of_a_newer_launchmap_is_left_for_it(state):
    newer = state / "autosave-999999999.json"
    newer.write_text(json.dumps({"launchmap_session": session_io.FORMAT_VERSION + 1, "bundles": [],
                                 "bookmarks": [{"name": "made by a newer launchmap", "map_rect": [0, 0, 1, 1]}]}))
    problems: list = []
    assert recoverable_autosaves(problems) == []
    assert newer.exists()
    assert not (state / "autosave-999999999.json.unreadable").exists()
    assert len(problems) == 1
    assert str(problems[0]) == (
        f"{newer}:launchmap_session: version {session_io.FORMAT_VERSION + 1} is not supported (this launchmap reads "
        f"up to {session_io.FORMAT_VERSION}); written by a newer launchmap, left for it to recover")


def test_a_corrupt_autosave_is_still_moved_aside(state):
    corrupt = state / "autosave-999999999.json"
    corrupt.write_text('{"launchmap_session": "two"}')
    problems: list = []
    assert recoverable_autosaves(problems) == []
    assert not corrupt.exists()
    assert "moved aside" in str(problems[0])
