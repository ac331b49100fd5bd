"""Dates on the timeline never overlap: launches days apart over a year (a salvo week, a test series) had their dates
drawn over each other on three rows fixed by order. As timeline tools do, a date goes on the first row with room
and is left out (its marker's tooltip still says it) where no row has any; zooming in on the axis brings them back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QRectF
from shapely import Point

from viewer.model.bundle import Bundle
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.panels.timeline import Timeline


def _workspace() -> Workspace:
    start = datetime(2022, 1, 5, 3, 0, tzinfo=UTC)
    days = [0, 6, 11, 17, 25, 27, 30, 35, 36, 36, 41, 50, 58, 64, 200, 203, 204, 205, 206, 290, 300, 330]
    events, features = {}, {}
    for number, day in enumerate(days):
        moment = start + timedelta(days=day, hours=number)
        events[f"e{number}"] = LaunchEvent(id=f"e{number}", name=f"Launch {number}", time=moment.isoformat())
        features[f"f{number}"] = Feature(f"f{number}", Point(124.7, 39.7),
                                         {"kind": "launch_site", "event": f"e{number}"})
    workspace = Workspace()
    workspace.add(Bundle(events=events, features=features))
    return workspace


def _shown_dates(timeline: Timeline) -> list[tuple[str, QRectF]]:
    """The dates drawn, on the axis as it is shown."""
    axis = timeline.plot.getViewBox().sceneBoundingRect()
    shown = []
    for label in timeline.date_labels:
        pad = label.textItem.document().documentMargin()  # blank: margins may meet, the text may not
        text = label.sceneBoundingRect().adjusted(pad, pad, -pad, -pad)
        if label.isVisible() and axis.contains(text.center()):
            shown.append((label.toPlainText(), text))
    return shown


def _overlaps(shown: list[tuple[str, QRectF]]) -> list[tuple[str, str]]:
    return [(a, b) for i, (a, ra) in enumerate(shown) for b, rb in shown[i + 1:] if ra.intersects(rb)]


def test_the_samples_dates_all_show_in_a_short_dock(qtbot, sample_workspace):
    """The sample's three 2023 launches, months apart, each keep their date in a timeline dock at 1366x768."""
    timeline = Timeline(sample_workspace, MapView())
    qtbot.addWidget(timeline)
    timeline.resize(985, 120)
    timeline.show()
    qtbot.waitExposed(timeline)
    qtbot.wait(50)
    shown = _shown_dates(timeline)
    assert sorted(text for text, _ in shown) == sorted(event.date_label for event in timeline.events)
    assert _overlaps(shown) == []


def test_dates_never_overlap_and_come_back_when_zoomed_in(qtbot):
    timeline = Timeline(_workspace(), MapView())
    qtbot.addWidget(timeline)
    timeline.resize(640, 150)  # a timeline dock at 1366x768
    timeline.show()
    qtbot.waitExposed(timeline)
    qtbot.wait(50)
    shown = _shown_dates(timeline)
    assert len(shown) >= 6
    assert _overlaps(shown) == []
    assert len(shown) < len(timeline.events)  # thinned: not every date has room at this width
    timeline.plot.setXRange(datetime(2022, 7, 20, tzinfo=UTC).timestamp(),
                            datetime(2022, 8, 1, tzinfo=UTC).timestamp(), padding=0)
    qtbot.wait(50)
    zoomed = _shown_dates(timeline)
    assert _overlaps(zoomed) == []
    week = [event.date_label for event in timeline.events[14:19]]  # five launches in a week: each dated now
    assert sorted(text for text, _ in zoomed) == sorted(week), zoomed
