"""Both directions of linking in the whole window: map → passage, passage → map and tree, tree → both."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from shared_data import SOHAE

from viewer.qt.panels.event_tree import FEATURE_ROLE

SITE_2016 = "2016-02-07-kms4/launch-site"
AUG = "2023-08-24-chollima1"


def click_map_at(window, qtbot, lon, lat):
    canvas = window.canvas
    x, y = canvas.projection.forward(lon, lat)
    qtbot.mouseMove(canvas.viewport(), QPoint(5, 5))
    qtbot.wait(50)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.map_to_pixel(x, y).toPoint())


def test_clicking_a_feature_on_the_map_shows_its_passage(window, qtbot):
    window.timeline.step(1)  # only the 2016 launch, so its site is the marker on top at Sohae
    click_map_at(window, qtbot, *SOHAE)
    assert window.workspace.selection.current == SITE_2016
    citation = window.workspace.feature(SITE_2016).all_citations[0]
    assert window.source.document_id == citation.document
    assert window.source.focused_text() == citation.exact
    selected_rows = [i.data(FEATURE_ROLE) for i in window.tree.selectionModel().selectedRows(0)]
    assert selected_rows == [SITE_2016]


def test_clicking_a_highlighted_passage_selects_and_shows_its_features(window, qtbot):
    feature = window.workspace.feature(f"{AUG}/overflight")
    citation = feature.citations[0]
    window.source.show_document(citation.document)
    text = window.source.text
    cursor = QTextCursor(text.document())
    cursor.setPosition(text.offsets.to_qt(citation.start + 1))
    rect = text.cursorRect(cursor)
    window.canvas.zoom_to_extent((100.0, 45.0, 110.0, 55.0))  # Mongolia: the overflight is off screen
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 3, rect.center().y()))
    selected = window.workspace.selection.features
    assert feature.id in selected
    assert window.workspace.selection.passage.document == citation.document
    # the map panned to it and highlights it; the tree selected its row
    x, y = window.canvas.projection.forward(*feature.geometry.interpolate(0.5, normalized=True).coords[0])
    assert window.canvas.view.viewRect().contains(x, y)
    assert feature.id in window.canvas.highlight.selected_ids
    assert feature.id in {i.data(FEATURE_ROLE) for i in window.tree.selectionModel().selectedRows(0)}
