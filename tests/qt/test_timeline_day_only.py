"""A launch whose day is known but not its time (most drafts from articles) stands on the timeline on its day, and the
time window shows or hides it as it does a timed launch; it was left off the timeline and shown whatever the window."""

from __future__ import annotations

from datetime import UTC, datetime

from shapely import Point

from viewer.model.bundle import Bundle
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.panels.timeline import Timeline


def _workspace() -> Workspace:
    timed = LaunchEvent(id="timed", name="Timed launch", time="2023-05-31T06:27:00+09:00")
    day_only = LaunchEvent(id="day", name="Drafted launch", extra={"date": "2023-08-24"})
    workspace = Workspace()
    workspace.add(Bundle(events={"timed": timed, "day": day_only},
                         features={"a": Feature("a", Point(124.7, 39.7), {"kind": "launch_site", "event": "timed"}),
                                   "b": Feature("b", Point(124.7, 39.6), {"kind": "launch_site", "event": "day"})}))
    return workspace


def test_a_launch_known_by_its_day_stands_on_the_timeline_on_that_day(qtbot):
    workspace, view = _workspace(), MapView()
    timeline = Timeline(workspace, view)
    qtbot.addWidget(timeline)
    assert [event.id for event in timeline.events] == ["timed", "day"]
    timeline.step(1)
    timeline.step(1)  # the second launch alone: its day
    assert {f.event for f in view.visible_features(workspace.content)} == {"day"}
    low, high = view.time_window
    assert low.date() <= datetime(2023, 8, 24, tzinfo=UTC).date() <= high.date()


def test_the_time_window_hides_a_day_only_launch_outside_it(qtbot):
    workspace, view = _workspace(), MapView()
    timeline = Timeline(workspace, view)
    qtbot.addWidget(timeline)
    timeline.region.setRegion((datetime(2023, 5, 1, tzinfo=UTC).timestamp(),
                               datetime(2023, 6, 30, tzinfo=UTC).timestamp()))
    assert {f.event for f in view.visible_features(workspace.content)} == {"timed"}


def test_the_day_is_noon_utc_inside_that_local_date():
    day_only = LaunchEvent(id="day", extra={"date": "2023-08-24"})
    assert day_only.moment == datetime(2023, 8, 24, 12, tzinfo=UTC)
    assert LaunchEvent(id="none").moment is None
    timed = LaunchEvent(id="t", time="2023-05-31T06:27:00+09:00")
    assert timed.moment == timed.when
