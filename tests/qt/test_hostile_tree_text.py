"""Untrusted names in the event tree: a label of 60 MB froze the window for minutes at every repaint (Qt shapes the
whole text to elide it), and a name or derivation written as HTML was rendered as HTML in the row's tooltip
(Qt takes a tooltip that looks like HTML for HTML: images loaded from local paths, links). Rows show a bounded
text; tooltips show the text literally."""

from __future__ import annotations

from pathlib import Path

import shapely
from PySide6.QtCore import Qt

from viewer.model.bundle import Bundle
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.panels.event_tree import EVENT_ROLE, FEATURE_ROLE, EventTree

HTML = "<h1 style='color:red'>BIG</h1><img src='/etc/hosts'>"


def rows(tree: EventTree):
    model = tree.tree
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        yield index
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]


def tree_of(qtbot, features, events=()) -> EventTree:
    workspace = Workspace()
    workspace.add(Bundle(path=Path("hostile.geojson"), events={e.id: e for e in events},
                         features={f.id: f for f in features}))
    tree = EventTree(workspace, MapView())
    qtbot.addWidget(tree)
    return tree


def test_a_huge_label_is_shown_cut(qtbot):
    huge = "x" * 5_000_000
    tree = tree_of(qtbot, [Feature("f", shapely.Point(125, 37), {"kind": "impact_point", "label": huge})])
    row = next(index for index in rows(tree) if index.data(FEATURE_ROLE) == "f")
    shown = row.data(Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("xxxx")
    assert len(shown) <= 1000
    assert shown.endswith("…")
    assert len(row.data(Qt.ItemDataRole.ToolTipRole)) <= 5000


def test_names_written_as_html_are_shown_literally_in_tooltips(qtbot):
    event = LaunchEvent(id="e", name=HTML, time="2023-05-31T06:27:00+09:00")
    feature = Feature("f", shapely.Point(125, 37), {"kind": "impact_point", "event": "e", "label": "<b>BOLD</b>",
                                                    "derivation": HTML})
    tree = tree_of(qtbot, [feature], [event])
    tips = {index.data(EVENT_ROLE) or index.data(FEATURE_ROLE): index.data(Qt.ItemDataRole.ToolTipRole)
            for index in rows(tree) if index.data(EVENT_ROLE) or index.data(FEATURE_ROLE)}
    for key in ("e", "f"):
        assert "<h1" not in tips[key], tips[key]  # escaped: shown as the characters, not a heading
        assert "&lt;h1" in tips[key]


def test_a_launch_name_written_as_html_is_shown_literally_in_the_timeline(qtbot):
    from viewer.qt.panels.timeline import Timeline

    workspace = Workspace()
    workspace.add(Bundle(path=Path("hostile.geojson"), features={},
                         events={"e": LaunchEvent(id="e", name=HTML, time="2023-05-31T06:27:00+09:00")}))
    timeline = Timeline(workspace, MapView())
    qtbot.addWidget(timeline)
    tips = [item.toolTip() for item in timeline.plot.items() if item.toolTip()]
    assert tips
    assert all("<h1" not in tip and "&lt;h1" in tip for tip in tips), tips


def test_the_details_of_a_feature_with_a_huge_property_show_it_cut(qtbot):
    # selecting the 60 MB label's feature froze the window (QTextDocument::setPlainText of the whole text)
    from PySide6.QtWidgets import QLabel

    from viewer.qt.panels.details_panel import DetailsPanel

    huge = "y" * 3_000_000
    workspace = Workspace()
    workspace.add(Bundle(path=Path("hostile.geojson"), features={"f": Feature(
        "f", shapely.Point(125, 37), {"label": huge, "note": huge, "kind": "impact_point"})}))
    panel = DetailsPanel(workspace)
    qtbot.addWidget(panel)
    workspace.selection.select(["f"])
    texts = [label.text() for label in panel.body.findChildren(QLabel)]
    assert any(text.startswith("yyyy") for text in texts)
    assert max(map(len, texts)) <= 12_000
    assert any("more characters" in text for text in texts)
