"""A KML's folders are groups of the layer tree, nested as Google Earth shows them: unticking one hides its features
and its sub-folders' on the map (the view's filters, which every export draws by)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.model.test_folders import KML
from viewer.io.load import open_path
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.panels.event_tree import LAYER_ROLE, EventTree
from viewer.qt.panels.greying import GREY


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
    assert _names(layer, model) == [  # in the file's order, as Google Earth lists it: Sohae before "Old pads"
        "Range notes", "  Sites", "    Point", "      Sohae", "    Old pads", "      Point", "        Musudan-ri",
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


STYLED = KML.replace("<Document><name>Range notes</name>", """<Document><name>Range notes</name>
<Style id="y"><IconStyle><color>ff00ffff</color></IconStyle></Style>
<Style id="r"><LineStyle><color>ff0000ff</color></LineStyle></Style>""").replace(
    "<Placemark><name>Sohae</name>", "<Placemark><name>Sohae</name><styleUrl>#y</styleUrl>").replace(
    "<Placemark><name>Musudan-ri</name>", "<Placemark><name>Musudan-ri</name><styleUrl>#y</styleUrl>").replace(
    "<Placemark><name>Path A</name>", "<Placemark><name>Path A</name><styleUrl>#r</styleUrl>").replace(
    "<Placemark><name>Loose</name>", "<Placemark><name>Loose</name><styleUrl>#y</styleUrl>")


def _icon_colours(index) -> set[str]:
    image = index.data(Qt.ItemDataRole.DecorationRole).pixmap(14, 14).toImage()
    return {image.pixelColor(x, 7).name().upper() for x in range(2, 12)}


def test_a_file_row_shows_the_files_own_colours_not_the_palettes(qtbot, tmp_path):
    (tmp_path / "notes.kml").write_text(STYLED)
    workspace = Workspace()
    workspace.add(open_path(tmp_path / "notes.kml")[0])
    view = MapView()
    tree = EventTree(workspace, view)
    qtbot.addWidget(tree)
    model = tree.tree
    layer = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(LAYER_ROLE))
    palette = view.colours(*workspace.colour_keys())[layer.data(LAYER_ROLE)].upper()
    assert _icon_colours(layer) == {"#FFFF00", "#FF0000"}
    sites = model.index(0, 0, model.index(0, 0, layer))
    assert _icon_colours(sites) == {"#FFFF00"}
    assert _icon_colours(model.index(1, 0, model.index(0, 0, layer))) == {"#FF0000"}  # Tracks
    assert palette not in _icon_colours(layer)
    view.set_layer_colour(layer.data(LAYER_ROLE), "#00AA00")  # a colour the user chose is drawn over the file's
    layer = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(LAYER_ROLE))
    assert _icon_colours(layer) == {"#00AA00"}


INTERLEAVED = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Order</name>
<Placemark><name>First pin</name><Point><coordinates>125,39</coordinates></Point></Placemark>
<Folder><name>Middle</name>
  <Placemark><name>Inner line</name><LineString><coordinates>124,39 126,38</coordinates></LineString></Placemark>
</Folder>
<Placemark><name>Last line</name><LineString><coordinates>127,39 128,38</coordinates></LineString></Placemark>
<Folder><name>Routes / 2023</name>
  <Placemark><name>Slashed</name><Point><coordinates>126,37</coordinates></Point></Placemark>
</Folder>
</Document></kml>
"""


def test_a_folders_features_and_sub_folders_keep_the_files_order(qtbot, tmp_path):
    """Sub-folders were listed before a folder's own features; Google Earth keeps the file's order. A folder whose
    name holds " / " is one row."""
    (tmp_path / "order.kml").write_text(INTERLEAVED)
    workspace = Workspace()
    workspace.add(open_path(tmp_path / "order.kml")[0])
    tree = EventTree(workspace, MapView())
    qtbot.addWidget(tree)
    model = tree.tree
    layer = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(LAYER_ROLE))
    assert _names(layer, model) == [
        "Order", "  Point", "    First pin", "  Middle", "    Line", "      Inner line", "  Line", "    Last line",
        "  Routes / 2023", "    Point", "      Slashed"]


def _grey(index) -> bool:
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    return brush is not None and brush.color().name().upper() == GREY


def test_an_unticked_folders_sub_folders_keep_their_ticks_and_read_as_hidden(qtbot, tmp_path):
    """Unticking a folder left its sub-folders ticked (right: ticking it again shows them as they were) and drawn as
    shown; QGIS greys them."""
    (tmp_path / "notes.kml").write_text(KML)
    workspace = Workspace()
    workspace.add(open_path(tmp_path / "notes.kml")[0])
    tree = EventTree(workspace, MapView())
    qtbot.addWidget(tree)
    model = tree.tree
    layer = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(LAYER_ROLE))
    document = model.index(0, 0, layer)
    sites, tracks = model.index(0, 0, document), model.index(1, 0, document)
    old_pads = model.index(1, 0, sites)
    sohae = model.index(0, 0, model.index(0, 0, sites))
    assert (old_pads.data(), sohae.data()) == ("Old pads", "Sohae")
    assert not any(_grey(index) for index in (sites, old_pads, sohae, tracks))
    model.itemFromIndex(sites).setCheckState(Qt.CheckState.Unchecked)
    assert model.itemFromIndex(old_pads).checkState() == Qt.CheckState.Checked  # its own tick is kept
    assert _grey(old_pads)
    assert _grey(sohae)
    assert _grey(old_pads.siblingAtColumn(1))
    assert not _grey(sites)
    assert not _grey(tracks)
    model.itemFromIndex(sites).setCheckState(Qt.CheckState.Checked)
    assert not any(_grey(index) for index in (sites, old_pads, sohae, tracks))
    model.itemFromIndex(layer).setCheckState(Qt.CheckState.Unchecked)  # a hidden file greys all it holds
    assert _grey(document)
    assert _grey(old_pads)
    assert layer.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert not _grey(layer)


def test_rows_listed_when_opened_under_an_unticked_folder_are_grey(qtbot, tmp_path, monkeypatch):
    from viewer.qt.panels import event_tree

    monkeypatch.setattr(event_tree, "LISTED_UP_TO", 1)  # groups listed when first opened
    (tmp_path / "notes.kml").write_text(KML)
    workspace = Workspace()
    workspace.add(open_path(tmp_path / "notes.kml")[0])
    tree = EventTree(workspace, MapView())
    qtbot.addWidget(tree)
    model = tree.tree
    layer = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(LAYER_ROLE))
    sites = model.index(0, 0, model.index(0, 0, layer))
    model.itemFromIndex(sites).setCheckState(Qt.CheckState.Unchecked)
    group = model.index(0, 0, sites)
    tree.expand(group)
    model.fetchMore(group)
    assert model.index(0, 0, group).data() == "Sohae"
    assert _grey(model.index(0, 0, group))


def test_the_details_name_a_features_folders_as_they_are_named(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from viewer.qt.panels.details_panel import DetailsPanel

    (tmp_path / "order.kml").write_text(INTERLEAVED)
    workspace = Workspace()
    workspace.add(open_path(tmp_path / "order.kml")[0])
    panel = DetailsPanel(workspace)
    qtbot.addWidget(panel)
    slashed = next(f for f in workspace.content.features.values() if f.label == "Slashed")
    workspace.selection.select([slashed.id])
    texts = [label.text().replace("\u200b", "") for label in panel.body.findChildren(QLabel)]
    assert "Order > Routes / 2023" in texts, texts
