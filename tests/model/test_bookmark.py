"""Bookmarks: what a named view records, how it comes back, and the ordered list a briefing steps through."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from viewer.cli.common import load_workspace
from viewer.geo.crs import regional, web_mercator
from viewer.model.bookmark import Bookmark, BookmarkError, BookmarkList, ProjectionSpec

NOV_2023 = "2023-11-21-chollima1"


@pytest.fixture
def workspace():
    return load_workspace([])


def test_a_bookmark_records_filters_and_selection_and_restores_them(workspace):
    workspace.set_hidden(events=set(workspace.content.events) - {NOV_2023}, kinds={"danger_zone"})
    window = (datetime(2023, 1, 1, tzinfo=UTC), datetime(2023, 12, 31, tzinfo=UTC))
    workspace.set_time_window(window)
    workspace.selection.select([f"{NOV_2023}/launch-site"])
    mark = Bookmark.of_workspace("November", workspace, extent=(120.0, 20.0, 130.0, 40.0))

    assert mark.events == (NOV_2023,)
    assert "danger_zone" not in mark.kinds
    assert "launch_site" in mark.kinds
    assert mark.time_window == window
    assert mark.selection == (f"{NOV_2023}/launch-site",)

    workspace.set_hidden(events=(), kinds=())
    workspace.set_time_window(None)
    workspace.selection.clear()
    mark.apply_to(workspace)
    assert {f.event for f in workspace.visible_features()} == {NOV_2023}
    assert not any(f.kind == "danger_zone" for f in workspace.visible_features())
    assert workspace.time_window == window
    assert workspace.selection.features == (f"{NOV_2023}/launch-site",)


def test_nothing_hidden_means_everything_even_launches_added_later(workspace):
    mark = Bookmark.of_workspace("All", workspace)
    assert mark.events is None
    assert mark.kinds is None
    workspace.set_hidden(events={NOV_2023})
    mark.apply_to(workspace)
    assert workspace.hidden_events == set()


def test_ids_no_longer_open_are_ignored(workspace):
    Bookmark("Gone", events=("no-such-launch",), selection=("no-such-feature",)).apply_to(workspace)
    assert workspace.visible_features() == []  # only the missing launch was to be shown
    assert workspace.selection.features == ()


def test_round_trip_through_json_keeps_everything():
    projection = regional((116.0, 10.0, 142.0, 43.0))
    mark = Bookmark("Okinawa overflight", extent=(120.5, 20.0, 131.25, 30.0), map_rect=(-5e5, -6e5, 4e5, 2e5),
                    projection=ProjectionSpec.of(projection), events=("a", "b"), kinds=("flight_path",),
                    time_window=(datetime(2016, 2, 7, tzinfo=UTC), datetime(2023, 11, 21, 13, 42, tzinfo=UTC)),
                    selection=("f1",), extra={"note": "from a newer launchmap"})
    again = Bookmark.from_dict(json.loads(json.dumps(mark.to_dict())))
    assert again == mark
    assert again.extra == {"note": "from a newer launchmap"}
    rebuilt = again.projection.build()
    assert rebuilt.crs == projection.crs
    assert rebuilt.name == projection.name


def test_projection_spec_round_trips_an_authority_code():
    spec = ProjectionSpec.of(web_mercator())
    assert spec.build().crs.to_epsg() == 3857


@pytest.mark.parametrize(("data", "message"), [
    ([], "bookmarks[3]: must be an object"),
    ({"name": 5}, "bookmarks[3].name: must be a string"),
    ({"name": "x", "extent": [1, 2, 3]}, "bookmarks[3].extent: must be a list of 4 numbers"),
    ({"name": "x", "map_rect": [1, 2, 3, True]}, "bookmarks[3].map_rect: must be a list of 4 numbers"),
    ({"name": "x", "events": "a"}, "bookmarks[3].events: must be a list of strings"),
    ({"name": "x", "projection": {"key": "lcc"}}, "bookmarks[3].projection: must be an object with a 'definition'"),
    ({"name": "x", "time_window": ["2023-01-01", "2023-02-01"]}, "bookmarks[3].time_window: time '2023-01-01' has no"),
])
def test_bad_bookmarks_say_which_member(data, message):
    with pytest.raises(BookmarkError) as caught:
        Bookmark.from_dict(data, "bookmarks[3]")
    assert str(caught.value).startswith(message)


def test_an_unreadable_projection_definition_is_a_value_error():
    with pytest.raises(ValueError, match="projection 'Broken'"):
        ProjectionSpec("custom", "Broken", "+proj=nonsense").build()


def test_the_list_adds_renames_moves_and_removes_with_a_signal_each():
    marks = BookmarkList()
    signals = []
    marks.changed.connect(lambda: signals.append(len(marks)))
    for name in ("A", "B", "C"):
        marks.add(Bookmark(name))
    marks.add(Bookmark("first"), 0)
    assert marks.names() == ["first", "A", "B", "C"]
    marks.rename(1, "Alpha")
    marks.move(0, 3)
    assert marks.names() == ["Alpha", "B", "C", "first"]
    assert marks.remove(1).name == "B"
    marks.rename(0, "Alpha")  # no change, no signal
    assert marks.names() == ["Alpha", "C", "first"]
    assert len(signals) == 7
    assert marks.unique_name("C") == "C (2)"
    assert marks.unique_name("D") == "D"
