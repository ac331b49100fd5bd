"""Bookmarks: what a named view records, how it comes back, and the ordered list a briefing steps through."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from viewer.cli.common import load_workspace
from viewer.geo.crs import regional, web_mercator
from viewer.model.bookmark import Bookmark, BookmarkError, BookmarkList, ProjectionSpec
from viewer.model.filters import Filters
from viewer.model.view import MapView, ViewState

NOV_2023 = "2023-11-21-chollima1"


@pytest.fixture
def workspace():
    return load_workspace([])


def test_a_bookmark_is_a_snapshot_of_the_view_with_its_own_selection(workspace):
    view = MapView()
    view.set_hidden(events=set(workspace.content.events) - {NOV_2023}, kinds={"danger_zone"})
    window = (datetime(2023, 1, 1, tzinfo=UTC), datetime(2023, 12, 31, tzinfo=UTC))
    view.set_time_window(window)
    view.fit((120.0, 20.0, 130.0, 40.0))
    mark = Bookmark.of("November", view, (f"{NOV_2023}/launch-site",))

    assert mark.view.filters.hidden_kinds == {"danger_zone"}
    assert mark.view.filters.time_window == window
    assert mark.view.map_rect == view.frame
    assert mark.selection == (f"{NOV_2023}/launch-site",)

    other = MapView()
    other.restore(mark.view, workspace.content)
    content = workspace.content
    assert {f.event for f in other.visible_features(content)} == {NOV_2023}
    assert not any(f.kind == "danger_zone" for f in other.visible_features(content))
    assert other.time_window == window
    assert other.frame == view.frame
    view.set_hidden(events=(), kinds=())  # the bookmark is frozen: later changes to the view do not reach it
    assert mark.view.filters.hidden_kinds == {"danger_zone"}


def test_only_events_limits_a_view_to_launches_whatever_is_added_later(workspace):
    content = workspace.content
    state = ViewState(filters=Filters(only_events=frozenset({NOV_2023})))
    view = MapView()
    view.restore(state, content)
    assert view.hidden_events == set(content.events) - {NOV_2023}
    assert {f.event for f in view.visible_features(content)} == {NOV_2023}


def test_ids_no_longer_open_are_harmless(workspace):
    view = MapView()
    view.restore(ViewState(filters=Filters(only_events=frozenset({"no-such-launch"}))), workspace.content)
    assert view.visible_features(workspace.content) == []  # only the missing launch was to be shown


def test_a_launchmap_0_1_bookmark_of_shown_kinds_reads_as_hidden_kinds():
    mark = Bookmark.from_dict({"name": "old", "kinds": ["flight_path", "launch_site"], "events": ["a"]})
    assert "danger_zone" in mark.view.filters.hidden_kinds
    assert "flight_path" not in mark.view.filters.hidden_kinds
    assert mark.view.filters.only_events == {"a"}


def test_round_trip_through_json_keeps_everything():
    projection = regional((116.0, 10.0, 142.0, 43.0))
    filters = Filters(hidden_events=frozenset({"b"}), hidden_kinds=frozenset({"flight_path"}),
                      time_window=(datetime(2016, 2, 7, tzinfo=UTC), datetime(2023, 11, 21, 13, 42, tzinfo=UTC)),
                      only_events=frozenset({"a", "b"}))
    mark = Bookmark("Okinawa overflight", ViewState(ProjectionSpec.of(projection), (-5e5, -6e5, 4e5, 2e5),
                                                    (120.5, 20.0, 131.25, 30.0), filters),
                    selection=("f1",), extra={"note": "from a newer launchmap"})
    again = Bookmark.from_dict(json.loads(json.dumps(mark.to_dict())))
    assert again == mark
    assert again.extra == {"note": "from a newer launchmap"}
    rebuilt = again.view.projection.build()
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
    ({"name": "x", "time_window": ["last week", "2023-02-01T00:00Z"]},
     "bookmarks[3].time_window: 'last week' is not an ISO 8601 time (e.g. 2023-11-21T13:42Z)"),
    ({"name": "x", "map_rect": [-1e308, 0, 1e308, 1]}, "bookmarks[3].map_rect: numbers must be finite and within"),
    ({"name": "x", "map_rect": [5, 0, 1, 1]}, "bookmarks[3].map_rect: must be (xmin, ymin, xmax, ymax)"),
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
