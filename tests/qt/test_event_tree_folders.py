"""A KML's folders are groups of the layer tree, nested as Google Earth shows them: unticking one hides its features
and its sub-folders' on the map (the view's filters, which every export draws by)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.model.test_folders import KML
from viewer.io.load import open_path
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.panels.event_tree import LAYER_ROLE, EventTree


def _names(index, model, depth=0):
    rows = []
    for r in range(model.rowCount(index)):
        child = model.index(r, 0, index)
        rows.append("  " * depth + child.data())
        rows += _names(child, model, depth + 1)
    return rows


def test_folders_nest_under_the_file_and_hide_their_features(qtbot, tmp_path):
    (tmp_path / "notes.kml").write_text(KML)
    workspace = Workspace()
    workspace.add(open_path(tmp_path / "notes.kml")[0])
    view = MapView()
    tree = EventTree(workspace, view)
    qtbot.addWidget(tree)
    model = tree.tree
    layer = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(LAYER_ROLE))
    assert _names(layer, model) == [
        "Range notes", "  Sites", "    Old pads", "      Point", "        Musudan-ri", "    Point", "      Sohae",
        "  Tracks", "    Line", "      Path A", "  Point", "    Loose"]
    sites = model.itemFromIndex(model.index(0, 0, model.index(0, 0, layer)))
    assert sites.text() == "Sites"
    assert model.index(0, 1, model.index(0, 0, layer)).data() == "2"  # its features and its sub-folder's
    sites.setCheckState(Qt.CheckState.Unchecked)
    assert view.hidden_folders == {(layer.data(LAYER_ROLE), "Range notes / Sites")}
    assert [f.label for f in view.filters.features(workspace.content)] == ["Path A", "Loose"]
    tree.rebuild()  # the check survives a rebuild
    sites = model.itemFromIndex(model.index(0, 0, model.index(0, 0, model.index(1, 0))))
    assert sites.text() == "Sites"
    assert sites.checkState() == Qt.CheckState.Unchecked
