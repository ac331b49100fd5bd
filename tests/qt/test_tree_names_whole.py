"""The event tree's first column shows names whole: in a dock 310 px wide (the window at 1366x768) it cut every
launch's name ('2016-02-07…g-4 launch', 'Danger z…low Sea)') while its width was fixed to what the dock left. It
is as wide as the names it shows now, and the tree scrolls sideways when the dock is narrower."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from viewer.model.view import MapView
from viewer.qt.panels.event_tree import EventTree

pytestmark = pytest.mark.gui


def _shown_rows(tree: EventTree) -> list[QModelIndex]:
    model, rows = tree.model(), []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append(index)
            if tree.isExpanded(index):
                walk(index)

    walk(QModelIndex())
    return rows


@pytest.mark.parametrize("width", [310, 420])
def test_every_name_in_the_first_column_is_shown_whole(qtbot, sample_workspace, width):
    tree = EventTree(sample_workspace, MapView())
    qtbot.addWidget(tree)
    tree.resize(width, 500)
    tree.show()
    qtbot.waitExposed(tree)
    tree.expandAll()
    qtbot.wait(50)
    column = tree.columnWidth(0)
    cut = []
    for index in _shown_rows(tree):
        text = index.data()
        rect = tree.visualRect(index)  # where the text goes after the indentation and the check box
        needed = tree.fontMetrics().horizontalAdvance(text) + (rect.left() - tree.columnViewportPosition(0))
        if needed + 20 > column:  # 20: the check box and the item's margins
            cut.append((text, needed, column))
    assert not cut, cut
    names = {index.data() for index in _shown_rows(tree)}
    assert "2023-05-31  Chollima-1 launch (Malligyong-1, 1st attempt)" in names


def test_a_wide_dock_still_gives_the_names_what_the_other_columns_leave(qtbot, sample_workspace):
    tree = EventTree(sample_workspace, MapView())
    qtbot.addWidget(tree)
    tree.resize(900, 500)
    tree.show()
    qtbot.waitExposed(tree)
    qtbot.wait(50)
    header = tree.header()
    assert header.sectionSize(0) + header.sectionSize(1) + header.sectionSize(2) >= tree.viewport().width() - 2
