"""The event tree, the timeline and search, each writing and following the one shared selection."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from viewer.model.view import MapView
from viewer.qt.panels.event_tree import EVENT_ROLE, FEATURE_ROLE, KIND_ROLE, EventTree
from viewer.qt.panels.search_panel import SearchPanel
from viewer.qt.panels.timeline import Timeline

SITE_2016 = "2016-02-07-kms4/launch-site"


def find_row(tree: EventTree, role, value):
    model = tree.tree
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        if index.data(role) == value:
            return index
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    raise AssertionError(f"no row with {value!r}")


@pytest.fixture
def view():
    return MapView()


def test_tree_lists_events_with_passage_counts(qtbot, sample_workspace, view):
    tree = EventTree(sample_workspace, view)
    qtbot.addWidget(tree)
    events = [tree.tree.item(r, 0).data(EVENT_ROLE) for r in range(tree.tree.rowCount())]
    assert [e for e in events if e] == [e.id for e in sample_workspace.content.events_in_time_order()]
    row = find_row(tree, FEATURE_ROLE, SITE_2016)
    passages = row.siblingAtColumn(2).data()
    assert passages == str(len(sample_workspace.feature(SITE_2016).all_citations))


def test_selecting_a_row_writes_the_selection_and_the_selection_selects_rows(qtbot, sample_workspace, view):
    tree = EventTree(sample_workspace, view)
    qtbot.addWidget(tree)
    tree.show()
    row = find_row(tree, FEATURE_ROLE, SITE_2016)
    with qtbot.waitSignal(sample_workspace.selection.changed):
        tree.setCurrentIndex(row)
    assert sample_workspace.selection.features == (SITE_2016,)
    other = "2023-11-21-chollima1/flight-path"
    sample_workspace.selection.select([other])
    selected = [i.data(FEATURE_ROLE) for i in tree.selectionModel().selectedRows(0)]
    assert selected == [other]
    assert sample_workspace.selection.features == (other,)  # following did not write back


def test_unchecking_an_event_and_a_kind_hides_them(qtbot, sample_workspace, view):
    tree = EventTree(sample_workspace, view)
    qtbot.addWidget(tree)
    event_item = tree.tree.itemFromIndex(find_row(tree, EVENT_ROLE, "2016-02-07-kms4"))
    event_item.setCheckState(Qt.CheckState.Unchecked)
    assert view.hidden_events == {"2016-02-07-kms4"}
    assert not any(f.event == "2016-02-07-kms4" for f in view.visible_features(sample_workspace.content))
    kind_item = tree.tree.itemFromIndex(find_row(tree, KIND_ROLE, "danger_zone"))
    kind_item.setCheckState(Qt.CheckState.Unchecked)
    assert not any(f.kind == "danger_zone" for f in view.visible_features(sample_workspace.content))
    event_item.setCheckState(Qt.CheckState.Checked)
    assert view.hidden_events == set()


def test_timeline_window_filters_what_is_visible(qtbot, sample_workspace, view):
    timeline = Timeline(sample_workspace, view)
    qtbot.addWidget(timeline)
    all_features = len(view.visible_features(sample_workspace.content))
    timeline.step(1)  # the first launch only
    visible_events = {f.event for f in view.visible_features(sample_workspace.content)}
    assert visible_events == {"2016-02-07-kms4"}
    assert sample_workspace.selection.current == SITE_2016
    timeline.step(1)
    assert {f.event for f in view.visible_features(sample_workspace.content)} == {"2023-05-31-chollima1"}
    timeline.show_all()
    assert len(view.visible_features(sample_workspace.content)) == all_features


def test_timeline_drag_sets_the_window(qtbot, sample_workspace, view):
    timeline = Timeline(sample_workspace, view)
    qtbot.addWidget(timeline)
    start, end = datetime(2023, 1, 1, tzinfo=UTC), datetime(2023, 9, 1, tzinfo=UTC)
    timeline.region.setRegion((start.timestamp(), end.timestamp()))  # emits sigRegionChangeFinished
    shown = {f.event for f in view.visible_features(sample_workspace.content)}
    assert shown == {"2023-05-31-chollima1", "2023-08-24-chollima1"}


def test_timeline_play_reveals_launches_in_order(qtbot, sample_workspace, monkeypatch, view):
    timeline = Timeline(sample_workspace, view)
    qtbot.addWidget(timeline)
    seen = []
    view.filters_changed.connect(
        lambda: seen.append(len({f.event for f in view.visible_features(sample_workspace.content)})))
    monkeypatch.setattr("viewer.qt.panels.timeline.PLAY_STEP_MS", 10)
    timeline.play_button.setChecked(True)
    qtbot.waitUntil(lambda: not timeline.play_button.isChecked(), timeout=5000)
    assert seen[:4] == [1, 2, 3, 4]


def test_search_steps_through_text_and_labels(qtbot, sample_workspace):
    panel = SearchPanel(sample_workspace)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.field, "okinawa")
    assert len(panel.matches) >= 3
    text_hits = [m for m in panel.matches if m.document]
    first_text = panel.matches.index(text_hits[0])
    panel.results.setCurrentRow(first_text)
    passage = sample_workspace.selection.passage
    document = sample_workspace.document(passage.document)
    assert document.text[passage.start:passage.end].lower() == "okinawa"
    row = panel.results.currentRow()
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.results.currentRow() == (row + 1) % len(panel.matches)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert panel.results.currentRow() == row


def test_search_for_a_label_selects_the_feature(qtbot, sample_workspace):
    panel = SearchPanel(sample_workspace)
    qtbot.addWidget(panel)
    label = sample_workspace.feature(SITE_2016).label
    panel.field.setText(label)
    feature_rows = [i for i, m in enumerate(panel.matches) if m.feature == SITE_2016]
    panel.results.setCurrentRow(feature_rows[0])
    assert sample_workspace.selection.current == SITE_2016


def test_activating_an_event_row_asks_to_frame_its_features(qtbot, sample_workspace, view):
    tree = EventTree(sample_workspace, view)
    qtbot.addWidget(tree)
    with qtbot.waitSignal(tree.zoom_requested) as request:
        tree.activated.emit(find_row(tree, EVENT_ROLE, "2023-08-24-chollima1"))
    assert set(request.args[0]) == {f.id for f in sample_workspace.content.features_of("2023-08-24-chollima1")}


def test_a_catalogue_too_large_to_list_is_one_row_that_frames_it_all(qtbot, sample_workspace, view):
    import shapely

    from viewer.model.bundle import Bundle
    from viewer.model.feature import Feature
    from viewer.qt.panels.event_tree import GROUP_ROLE, LAYER_ROLE, LISTED_UP_TO

    count = LISTED_UP_TO + 1
    catalogue = Bundle(features={f"p{i}": Feature(f"p{i}", shapely.Point(120 + i * 1e-3, 30), {"name": f"p{i}"})
                                 for i in range(count)})
    sample_workspace.add(catalogue)
    tree = EventTree(sample_workspace, view)
    qtbot.addWidget(tree)
    layer = find_row(tree, LAYER_ROLE, sample_workspace.layers()[0])
    assert tree.tree.rowCount(layer) == 1
    group = tree.tree.index(0, 0, layer)
    assert tree.tree.rowCount(group) == 0  # no row per point
    assert group.siblingAtColumn(1).data() == f"{count:,}"
    with pytest.raises(AssertionError):
        find_row(tree, FEATURE_ROLE, "p0")
    find_row(tree, FEATURE_ROLE, SITE_2016)  # a launch's few features are still listed one by one
    with qtbot.waitSignal(tree.zoom_requested) as request:
        tree.activated.emit(group)
    assert set(request.args[0]) == set(catalogue.features)
    assert group.data(GROUP_ROLE)


def test_a_tree_of_many_rows_lists_a_group_when_it_is_opened_or_one_of_its_features_selected(
        qtbot, sample_workspace, view, monkeypatch):
    """More feature rows than LISTED_UP_TO in all: each kind's rows are made only when needed, not on opening."""
    from viewer.qt.panels import event_tree

    monkeypatch.setattr(event_tree, "LISTED_UP_TO", 3)
    tree = EventTree(sample_workspace, view)
    qtbot.addWidget(tree)
    tree.show()
    with pytest.raises(AssertionError):
        find_row(tree, FEATURE_ROLE, SITE_2016)
    launch = find_row(tree, EVENT_ROLE, "2016-02-07-kms4")
    assert tree.isExpanded(launch)  # the launch shows its kinds, each closed until opened
    groups = [tree.tree.index(r, 0, launch) for r in range(tree.tree.rowCount(launch))]
    assert groups
    assert all(tree.tree.rowCount(g) == 0 and tree.tree.hasChildren(g) for g in groups)
    with qtbot.waitSignal(tree.zoom_requested) as request:  # framing a launch frames its unlisted features too
        tree.activated.emit(launch)
    assert set(request.args[0]) == {f.id for f in sample_workspace.content.features_of("2016-02-07-kms4")}

    site_group = next(g for g in groups if g.data() == "Launch site")
    tree.expand(site_group)
    assert find_row(tree, FEATURE_ROLE, SITE_2016).parent() == site_group

    other = "2023-11-21-chollima1/flight-path"  # selected on the map: its group is listed and its row selected
    sample_workspace.selection.select([other])
    assert [i.data(FEATURE_ROLE) for i in tree.selectionModel().selectedRows(0)] == [other]
    with qtbot.waitSignal(sample_workspace.selection.changed):  # a row made late writes the selection as any
        tree.setCurrentIndex(find_row(tree, FEATURE_ROLE, SITE_2016))
    assert sample_workspace.selection.features == (SITE_2016,)
