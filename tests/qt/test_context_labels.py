"""Other files' features are named by the one label engine, on screen and in an export: a CSV of places showed dots
only, and the basemap's own "Naha" went under the CSV's dot (a QGIS or Google Earth user expects the name field)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pixels import marker_shows, pixel_of
from PySide6.QtGui import QImage

from viewer.geo.labels import overlapping

SAMPLE = str(Path(__file__).resolve().parents[2] / "data" / "launches.geojson")
PLACES = {"Naha": (127.6809, 26.2124), "Tokyo": (139.6917, 35.6895), "Busan": (129.0756, 35.1796)}


def places_csv(folder: Path) -> str:
    path = folder / "places.csv"
    rows = [f"{name},{lat},{lon}" for name, (lon, lat) in PLACES.items()]
    path.write_text("name,lat,lon\n" + "\n".join(rows) + "\n")
    return str(path)


def _check_apart(shapes, boxes):
    for i, (text, shape) in enumerate(shapes):
        for other, other_shape in shapes[i + 1:]:
            assert not overlapping(shape, other_shape), (text, other)
        for name, box in boxes.items():
            assert not overlapping(shape, box), (text, name)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_an_export_names_a_csvs_places_once_beside_their_dots(tmp_path, monkeypatch, size):
    from viewer.cli import main
    from viewer.qt.render import MapRenderer

    drawn = []
    save = MapRenderer.save

    def save_and_keep(self, path, request):
        times = save(self, path, request)
        scene = self.scene
        drawn.append((list(scene.labels.placed_shapes), list(scene.labels.placed_dots),
                      dict(scene.decorations.layout().boxes),
                      scene.map_view.colours(*scene.workspace.colour_keys())["places"]))
        return times

    monkeypatch.setattr(MapRenderer, "save", save_and_keep)
    png = tmp_path / "map.png"
    assert main(["export", SAMPLE, places_csv(tmp_path), "-o", str(png), "--width", str(size[0]),
                 "--height", str(size[1]), "--extent", "120,22,142,42"]) == 0
    shapes, dots, boxes, colour = drawn[-1]
    _check_apart(shapes, boxes)
    image = QImage(str(png))
    texts = [text for text, _ in shapes]
    for name, (lon, lat) in PLACES.items():
        assert texts.count(name) == 1, name  # the CSV's name; the basemap's place of that name gives way to it
        assert name not in {text for text, _, _ in dots}, name  # no basemap dot of its own beside the CSV's
        box = dict(shapes)[name]
        px, py = pixel_of(png, lon, lat)
        assert marker_shows(image, px, py, colour), name  # the dot is drawn and its name does not cover it
        gap_x = max(box[0] - px, px - box[2], 0)
        gap_y = max(box[1] - py, py - box[3], 0)
        assert gap_x < 12, (name, box, px, py)  # beside its own dot
        assert gap_y < 12, (name, box, px, py)


def test_the_window_names_a_csvs_places_at_1366x768(window, qtbot, tmp_path):
    window.resize(1366, 768)
    window.open_files([places_csv(tmp_path)])
    canvas = window.canvas
    canvas.zoom_to_extent((120.0, 22.0, 142.0, 42.0))
    canvas.viewport().repaint()
    qtbot.waitUntil(lambda: canvas.labels.settled, timeout=10_000)
    canvas.viewport().repaint()
    shapes = canvas.labels.placed_shapes
    _check_apart(shapes, canvas.decorations.layout().boxes)
    texts = [text for text, _ in shapes]
    for name in PLACES:
        assert texts.count(name) == 1, name


def test_a_dense_layer_of_context_lines_does_not_hide_every_label(tmp_path):
    """Found in use: 30 wavy routes from another tool (every half degree over Korea) left one or two labels after
    zooming in, as every label would cross a line and lines were obstacles. Other files' lines and areas are
    see-through for labels (text and its halo may cross them, as QGIS labels cross other layers' lines); their
    points, the launches' own paths and marks are still avoided."""
    import json
    import math

    from viewer.cli.common import load_workspace
    from viewer.model.view import MapView
    from viewer.qt.render import ImageRequest, MapRenderer

    routes = tmp_path / "routes.geojson"
    routes.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"route": f"R{i}"}, "geometry": {"type": "LineString", "coordinates": [
            [120.0 + j * 0.8, 30.0 + i * 0.5 + math.sin(j / 3)] for j in range(20)]}} for i in range(30)]}))
    names = {}
    for files in ([SAMPLE], [SAMPLE, str(routes)]):
        workspace = load_workspace(files)
        renderer = MapRenderer(workspace)
        try:
            view = MapView()
            view.fit((123.0, 33.0, 130.0, 39.0))
            renderer.image(ImageRequest(view, 1366, 768))
            names[len(files)] = {text for text, _ in renderer.scene.labels.placed_shapes}
        finally:
            renderer.close()
    assert {"Jeju", "SOUTH KOREA", "Seoul"} <= names[1], names[1]
    assert {"Jeju", "SOUTH KOREA", "Seoul"} <= names[2], names[2]
