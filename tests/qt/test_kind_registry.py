"""Adding a feature kind is one registry entry: a test-only kind appears on the map, in the legend, in the tree and
in the article's highlight colours without any other change."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from viewer.model.kinds import KIND_REGISTRY, Kind, KindStyle
from viewer.qt.panels.event_tree import KIND_ROLE

pytestmark = pytest.mark.gui

BEACON = Kind("test_beacon", "Test beacon", KindStyle("point", symbol="diamond", symbol_size=11), "#ABCDEF",
              quote_rank=7)
TEXT = "Officials said a test beacon was placed on the island of Nowhere this week."
QUOTE = "a test beacon was placed"


def beacon_bundle(folder) -> str:
    start = TEXT.index(QUOTE)
    path = folder / "beacon.geojson"
    path.write_text(json.dumps({
        "type": "FeatureCollection", "launchmap": {"version": 1},
        "documents": [{"id": "doc-beacon", "title": "Beacon report", "text": TEXT}],
        "events": [],
        "features": [{"type": "Feature", "id": "beacon-1", "geometry": {"type": "Point", "coordinates": [127.0, 26.0]},
                      "properties": {"kind": "test_beacon", "label": "Beacon", "certainty": "reported",
                                     "citations": [{"document": "doc-beacon", "start": start,
                                                    "end": start + len(QUOTE), "exact": QUOTE}]}}]}))
    return str(path)


def test_a_kind_added_in_one_place_shows_everywhere(qtbot, tmp_path):
    from viewer.qt.main_window import MainWindow

    with KIND_REGISTRY.registered(BEACON, before="reference_place"):
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        window.open_files([beacon_bundle(tmp_path)])
        assert window.statusBar().currentMessage().startswith("Opened")  # no warning about an unknown kind

        assert "test_beacon" in window.canvas.visuals  # drawn by a layer of its own, in registry order
        assert ("test_beacon", "Test beacon", "#555555") in window.canvas.frame.legend_rows

        model = window.tree.tree
        rows = [model.index(r, 0) for r in range(model.rowCount())]
        kinds = {model.data(model.index(r, 0, parent), KIND_ROLE) for parent in rows
                 for r in range(model.rowCount(parent))} | {i.data(KIND_ROLE) for i in rows}
        assert "test_beacon" in kinds

        panel = window.source
        panel.show_document("doc-beacon")
        document = panel.text.document()
        block = document.begin()
        colours = set()
        while block.isValid():
            fragment = block.begin()
            while not fragment.atEnd():
                background = fragment.fragment().charFormat().background()
                if background.style() != Qt.BrushStyle.NoBrush:
                    colours.add(background.color().name())
                fragment += 1
            block = block.next()
        assert "#abcdef" in colours
    assert "test_beacon" not in KIND_REGISTRY
