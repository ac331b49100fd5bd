"""An autosave's own bookkeeping (when it was saved, by which process, for which session file) is read as
strictly as the session: a number, a list or markup where the time goes is not shown to the user as the time."""

from __future__ import annotations

import json

import pytest

from viewer.io.session import recoverable_autosaves


def autosave_with(state, info) -> None:
    session = {"launchmap_session": 1, "bundles": [], "bookmarks": [], "styles": {}, "autosave": info}
    (state / "autosave-999999991.json").write_text(json.dumps(session))


@pytest.mark.parametrize("saved_at", [1e308, ["2026"], {"at": 1}, "<b>yesterday</b>", "x" * 10_000, "2026-13-45"])
def test_a_saved_at_that_is_not_an_iso_time_is_an_unknown_time(state, saved_at):
    autosave_with(state, {"saved_at": saved_at, "pid": 999999991, "origin": None})
    (found,) = recoverable_autosaves()
    assert found.saved_at == ""  # shown as "an unknown time"


def test_an_iso_saved_at_is_kept(state):
    autosave_with(state, {"saved_at": "2026-12-07T10:00:00+00:00", "pid": 999999991, "origin": None})
    assert recoverable_autosaves()[0].saved_at == "2026-12-07T10:00:00+00:00"


@pytest.mark.parametrize("origin", [1e308, ["a"], "", "bad\x00name"])
def test_an_origin_that_is_not_a_path_is_none(state, origin):
    autosave_with(state, {"saved_at": "2026-12-07T10:00:00+00:00", "pid": 999999991, "origin": origin})
    assert recoverable_autosaves()[0].origin is None
