"""A KML's folders: each a group of the layer tree that hides its features and its sub-folders' (screen and
export: both draw what the view's filters show), kept in bookmarks and sessions."""

from __future__ import annotations

from pathlib import Path

from viewer.io.load import open_path
from viewer.model.bookmark import Bookmark
from viewer.model.filters import Filters
from viewer.model.folders import by_folder, folder_key, folder_path
from viewer.model.view import ViewState
from viewer.model.workspace import Workspace

KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Range notes</name>
<Folder><name>Sites</name>
  <Placemark><name>Sohae</name><Point><coordinates>124.705,39.66</coordinates></Point></Placemark>
  <Folder><name>Old pads</name>
    <Placemark><name>Musudan-ri</name><Point><coordinates>129.666,40.856</coordinates></Point></Placemark>
  </Folder>
</Folder>
<Folder><name>Tracks</name>
  <Placemark><name>Path A</name><LineString><coordinates>124.7,39.66 127,38 130,37</coordinates></LineString>
  </Placemark>
</Folder>
<Placemark><name>Loose</name><Point><coordinates>125,39</coordinates></Point></Placemark>
</Document></kml>
"""


def opened(folder: Path) -> Workspace:
    (folder / "notes.kml").write_text(KML)
    workspace = Workspace()
    workspace.add(open_path(folder / "notes.kml")[0])
    return workspace


def shown(workspace: Workspace, filters: Filters) -> list[str]:
    content = workspace.content
    by_mask = [f.label for f in filters.features(content)]
    assert by_mask == [f.label for f in content.features.values() if filters.shows(f, content)]
    return by_mask


def test_folders_group_the_features(tmp_path):
    workspace = opened(tmp_path)
    table = workspace.content.table
    groups = by_folder(table, __import__("numpy").arange(len(table)))
    assert list(groups) == [("Range notes", "Sites"), ("Range notes", "Sites", "Old pads"), ("Range notes", "Tracks"),
                            ("Range notes",)]


def test_a_hidden_folder_hides_its_features_and_its_sub_folders(tmp_path):
    workspace = opened(tmp_path)
    layer = workspace.layers()[0]
    assert shown(workspace, Filters()) == ["Sohae", "Musudan-ri", "Path A", "Loose"]
    assert shown(workspace, Filters(hidden_folders=frozenset({(layer, "Range notes / Sites")}))) == ["Path A", "Loose"]
    assert shown(workspace, Filters(hidden_folders=frozenset({(layer, "Range notes / Sites / Old pads")}))) == [
        "Sohae", "Path A", "Loose"]
    assert shown(workspace, Filters(hidden_folders=frozenset({("other.kml", "Range notes / Sites")}))) == [
        "Sohae", "Musudan-ri", "Path A", "Loose"]


def test_hidden_folders_kept_in_a_bookmark():
    filters = Filters(hidden_folders=frozenset({("notes.kml", "Range notes / Sites")}))
    back = Bookmark.from_dict(Bookmark("v", ViewState(filters=filters)).to_dict())
    assert back.view.filters.hidden_folders == filters.hidden_folders


def test_a_file_opened_beside_reads_the_open_files_folders_and_paints_no_more(tmp_path, monkeypatch):
    """The tree groups folders and shows colours from the merged table on every file opened: each file's columns
    are read once, from its own table, not again from every open file's features (a million points made each small
    file opened beside them cost over a second)."""
    from viewer.model.feature_column import FeatureColumn

    workspace = opened(tmp_path)
    table = workspace.content.table
    by_folder(table, __import__("numpy").arange(len(table)))
    table.paints()
    read: list[str] = []
    for name in ("property_cells", "cells_of"):
        original = getattr(FeatureColumn, name)
        monkeypatch.setattr(FeatureColumn, name, lambda self, key, original=original: read.append(len(self)) or
                            original(self, key))
    (tmp_path / "other.kml").write_text(KML.replace("Range notes", "Other notes"))
    workspace.add(open_path(tmp_path / "other.kml")[0])
    merged = workspace.content.table
    groups = by_folder(merged, __import__("numpy").arange(len(merged)))
    merged.paints()
    assert ("Other notes", "Tracks") in groups
    assert ("Range notes", "Tracks") in groups
    assert read == [4, 4]  # the new file's four features: its folders, then its paints


SLASHED = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Range notes</name>
<Folder><name>Routes / 2023</name>
  <Placemark><name>Path 2023</name><LineString><coordinates>124.7,39.66 127,38</coordinates></LineString></Placemark>
</Folder>
<Folder><name>Routes</name><Folder><name>2023</name>
  <Placemark><name>Nested 2023</name><Point><coordinates>125,39</coordinates></Point></Placemark>
</Folder></Folder>
<Folder><name>a/b //c /</name>
  <Placemark><name>Odd</name><Point><coordinates>126,39</coordinates></Point></Placemark>
</Folder>
</Document></kml>
"""


def test_a_slash_in_a_folders_name_makes_no_level_of_its_own(tmp_path):
    """A folder named "Routes / 2023" was read as a folder "2023" inside a folder "Routes" (the path was the names
    joined with " / "), the same as the file's real "Routes" > "2023", and hiding one hid the other."""
    (tmp_path / "routes.kml").write_text(SLASHED)
    workspace = Workspace()
    workspace.add(open_path(tmp_path / "routes.kml")[0])
    table = workspace.content.table
    groups = by_folder(table, __import__("numpy").arange(len(table)))
    assert list(groups) == [("Range notes", "Routes / 2023"), ("Range notes", "Routes", "2023"),
                            ("Range notes", "a/b //c /")]
    layer = workspace.layers()[0]
    slashed = folder_key(("Range notes", "Routes / 2023"))
    assert folder_path(slashed) == ("Range notes", "Routes / 2023")
    assert shown(workspace, Filters(hidden_folders=frozenset({(layer, slashed)}))) == ["Nested 2023", "Odd"]
    assert shown(workspace, Filters(hidden_folders=frozenset({(layer, "Range notes / Routes")}))) == [
        "Path 2023", "Odd"]


def test_folder_paths_are_written_and_read_back_exactly():
    for path in [("a",), ("a / b", "c"), ("a /", "/ b"), ("//", "x//y", " / "), ("N/A", "2023/24")]:
        assert folder_path(folder_key(path)) == path, path
    assert folder_path("Document / Sites / Old pads") == ("Document", "Sites", "Old pads")  # as earlier rounds wrote
