"""Editing a label as a user does: the Undo item names the feature by its label, and the launch the timeline
shows stays shown (an edit brought every launch back). A click on a launch's marker on the timeline shows it."""

from __future__ import annotations

import pytest

from viewer.model.edits import EditProperties
from viewer.resources import sample_bundle

pytestmark = pytest.mark.gui

FALL = "2023-11-21-chollima1/impact-point"


def test_undo_names_the_label_and_the_time_window_stays(window):
    timeline = window.timeline
    last = len(timeline.events) - 1
    timeline.show_event(last)
    shown = window.map_view.time_window
    assert shown is not None
    label = window.workspace.feature(FALL).label
    assert window.review.run(FALL, EditProperties(FALL, {"label": "2nd stage debris"}))
    undo = window.review.undo_stack
    assert undo.undoText() == f"Edit label of “{label}”"
    assert window.map_view.time_window == shown  # still only the Nov 2023 launch
    assert window.workspace.feature(FALL).label == "2nd stage debris"
    undo.undo()
    assert window.workspace.feature(FALL).label == label
    assert window.map_view.time_window == shown


def test_opening_other_launches_shows_every_launch_again(window, tmp_path):
    """A new file's launches could be outside the window the user had set: all are shown then."""
    import json

    from viewer.resources import sample_bundle

    window.timeline.show_event(0)
    data = json.loads(sample_bundle().read_text(encoding="utf-8"))
    for event in data["events"]:
        event["id"] = "copy-" + event["id"]
        event["time"] = event["time"].replace("2023", "2024").replace("2016", "2017")
        event.pop("site", None)
    for feature in data["features"]:
        feature["id"] = "copy-" + feature["id"]
        feature["properties"]["event"] = "copy-" + feature["properties"]["event"]
    copy = tmp_path / "copy.geojson"
    copy.write_text(json.dumps(data), encoding="utf-8")
    for document in data.get("documents", []):
        document.pop("path", None)
    copy.write_text(json.dumps(data), encoding="utf-8")
    window.open_files([str(copy)])
    assert len(window.timeline.events) == 8
    assert window.map_view.time_window is None


def test_clicking_a_launch_marker_shows_that_launch(window, qtbot):
    """Clicking the Nov 2023 triangle on the timeline did nothing; Next ▶ had to be pressed four times."""
    from PySide6.QtCore import QPointF, Qt

    timeline = window.timeline
    event = timeline.events[-1]
    plot = timeline.plot
    scene_pos = plot.getPlotItem().vb.mapViewToScene(QPointF(event.when.timestamp(), 0.12))
    where = plot.mapFromScene(scene_pos)
    with qtbot.waitSignal(timeline.frame_requested, timeout=2000) as framed:
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert set(framed.args[0]) == {f.id for f in window.workspace.content.features_of(event.id)}
    low, high = window.map_view.time_window
    assert low <= event.when <= high
    assert all(not low <= other.when <= high for other in timeline.events[:-1])


def test_a_session_with_one_launch_shown_shades_that_launch_on_the_timeline(window, tmp_path):
    """Reopening a session saved while the Nov 2023 launch was shown: the map showed that launch alone, the
    timeline's window spanned every launch, and Next ▶ went to the first launch."""
    timeline = window.timeline
    timeline.show_event(len(timeline.events) - 1)
    session = tmp_path / "nov2023.lmsession"
    assert window.session.save_as(session)
    timeline.show_all()
    assert window.map_view.time_window is None
    assert window.session.open_session(session)
    low, high = window.map_view.time_window
    region = timeline.region.getRegion()
    assert region == pytest.approx((low.timestamp(), high.timestamp()), abs=1)
    timeline.step(-1)  # Previous from the launch shown: the one before it, Aug 2023
    assert timeline.events[len(timeline.events) - 2].when >= window.map_view.time_window[0]
    assert timeline.events[len(timeline.events) - 2].when <= window.map_view.time_window[1]


def test_files_without_launches_get_a_timeline_that_says_so(window, tmp_path):
    """Opening only a GeoJSON of lines showed last month's days on an empty axis, with Previous, Next and Play
    that did nothing; then the words with this month's days under them (the axis is hidden)."""
    import json

    import pyqtgraph as pg

    from viewer.qt.panels.timeline import NO_LAUNCHES

    lines = tmp_path / "lines.geojson"
    lines.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Cable"},
         "geometry": {"type": "LineString", "coordinates": [[127.0, 26.0], [129.5, 31.0]]}}]}), encoding="utf-8")
    for bundle in list(window.workspace.bundles):
        window.workspace.remove(bundle)
    window.open_files([str(lines)])
    timeline = window.timeline
    texts = [item.toPlainText() for item in timeline.plot.getPlotItem().items if isinstance(item, pg.TextItem)]
    assert texts == [NO_LAUNCHES]
    axis = timeline.plot.getPlotItem().getAxis("bottom")
    assert not axis.isVisible()  # it showed this month's days under the words
    assert not timeline.next_button.isEnabled()
    assert not timeline.play_button.isEnabled()
    assert not timeline.all_button.isEnabled()  # it was enabled, and did nothing
    assert timeline.all_button.toolTip() == NO_LAUNCHES  # why, where the user points
    window.open_files([str(sample_bundle())])
    assert timeline.next_button.isEnabled()
    assert timeline.all_button.isEnabled()
    assert timeline.all_button.toolTip() == "Show every launch"
    assert axis.isVisible()
    assert NO_LAUNCHES not in [item.toPlainText() for item in timeline.plot.getPlotItem().items
                               if isinstance(item, pg.TextItem)]
