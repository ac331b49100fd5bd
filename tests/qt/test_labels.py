"""Labels on screen: while the view pans, the last placement moves with it and still never overlaps itself or a
decoration; once the view rests they are placed afresh. Launch names go along their paths, once each."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from viewer.geo.labels import Turned, overlapping


def _check(canvas):
    """No two labels cover a common area (names along paths tested as the turned boxes they are), and none lies
    under a decoration."""
    placed = canvas.labels.placed_shapes
    assert len(placed) == len(canvas.labels.placed)
    for i, (text, shape) in enumerate(placed):
        for other, other_shape in placed[i + 1:]:
            assert not overlapping(shape, other_shape), (text, other)
    for name, b in canvas.decorations.layout().boxes.items():
        for text, shape in placed:
            assert not overlapping(shape, b), (text, name)


def _rest(canvas, qtbot):
    """Let the view rest until its labels are placed afresh (on a worker thread) and shown."""
    canvas.viewport().repaint()
    qtbot.waitUntil(lambda: canvas.labels.settled, timeout=10_000)
    canvas.viewport().repaint()


def test_labels_stay_apart_while_panning_and_are_placed_afresh_at_rest(window, qtbot):
    canvas = window.canvas
    canvas.viewport().repaint()
    before = len(canvas.labels.placed)
    assert before > 10
    step = canvas.map_units_per_pixel() * 7
    for _ in range(6):  # quick pans: the placement moves with the view
        xmin, ymin, xmax, ymax = window.map_view.frame
        window.map_view.set_frame((xmin + step, ymin, xmax + step, ymax))
        canvas.viewport().repaint()
        _check(canvas)
    _rest(canvas, qtbot)  # at rest: placed afresh
    _check(canvas)
    assert len(canvas.labels.placed) >= before * 0.8


def test_no_labels_when_the_view_says_so(window):
    window.map_view.set_decorations(labels=False)
    window.canvas.viewport().repaint()
    assert window.canvas.labels.placed == []
    window.map_view.set_decorations(labels=True)
    window.canvas.viewport().repaint()
    assert window.canvas.labels.placed


def _path_direction(canvas, feature, cx, cy):
    """The direction (degrees, screen y down) of the feature's drawn line nearest the device point (cx, cy), and
    how far that line is."""
    line = canvas._cache.projected(feature)
    line = max((part for part in getattr(line, "geoms", [line])), key=lambda g: g.length)
    points = [canvas.map_to_pixel(x, y) for x, y in np.asarray(line.coords)[:, :2]]
    xy = np.array([(p.x(), p.y()) for p in points])
    k = int(np.argmin(np.hypot(xy[:, 0] - cx, xy[:, 1] - cy)))
    a, b = xy[max(0, k - 2)], xy[min(len(xy) - 1, k + 2)]
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])), shapely.LineString(xy).distance(shapely.Point(cx, cy))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_launch_names_go_along_their_paths_upright_once_and_clear_of_everything(window, qtbot, size):
    window.resize(*size)
    qtbot.wait(50)
    canvas = window.canvas
    canvas.zoom_to_data()
    _rest(canvas, qtbot)
    _check(canvas)
    paths = [f for f in canvas.visible_features() if f.kind == "flight_path"]
    names = {}
    for feature in paths:
        event = window.workspace.event(feature.event)
        names[f"{event.vehicle or event.name} {event.date_label}"] = feature
    turned = [(text, shape) for text, shape in canvas.labels.placed_shapes if isinstance(shape, Turned)]
    assert len(turned) >= 2
    texts = [text for text, _ in canvas.labels.placed_shapes]
    for text, shape in turned:
        assert text in names
        assert texts.count(text) == 1  # once
        assert -90 < shape.angle <= 90  # never upside down
        direction, distance = _path_direction(canvas, names[text], shape.cx, shape.cy)
        assert abs(((shape.angle - direction) + 90) % 180 - 90) < 8, (text, shape.angle, direction)
        # beside its own line: a gap, at most twice the bend allowed (a third of its height), half its height
        assert shape.height / 2 < distance < shape.height * (1 / 2 + 2 / 3) + 8
    assert any(abs(shape.angle) > 30 for _, shape in turned)  # these paths run north to south


def test_a_measurement_label_goes_first_and_place_names_give_way(window, qtbot):
    """A measurement ending at Naha was labelled by a layer of its own, over the name "Naha"; now it is placed by the
    one engine before every other label, in its first position, and Naha's name moves or goes."""
    from viewer.geo.labels import around_point

    canvas = window.canvas
    sohae, naha = (124.705, 39.66), (127.68, 26.21)
    canvas.zoom_to_extent((123.0, 24.0, 131.0, 30.0))
    canvas.set_measuring(True)
    canvas.add_measure_point(*sohae)
    canvas.add_measure_point(*naha)
    canvas.set_measuring(False)
    _rest(canvas, qtbot)
    _check(canvas)
    km = f"{window.workspace.overlays.measurements[-1].length_km():,.0f} km"
    shapes = dict(canvas.labels.placed_shapes)
    assert km in shapes
    box = shapes[km]
    x, y = canvas.projection.forward(*naha)
    at = canvas.map_to_pixel(x, y)
    # beside the end of the measurement, at one of its positions around Naha clear of the decorations (the framing
    # puts the data in the middle of the map: right of Naha, its first choice, crosses the legend's column now)
    decorations = list(canvas.decorations.drawing.layout().boxes.values())
    free = [c for c in around_point(at.x(), at.y(), box[2] - box[0], box[3] - box[1], 0)
            if not any(c[0] < d[2] and d[0] < c[2] and c[1] < d[3] and d[1] < c[3] for d in decorations)]
    assert any(box[0] == pytest.approx(c[0], abs=8) and box[1] == pytest.approx(c[1], abs=8) for c in free)
    assert "Naha" in shapes  # moved aside, not lost


def _cut_labels(drawing, width: float, height: float) -> list[str]:
    """Labels not wholly inside a width x height map: their text with its halo, and the dot of a place."""
    from viewer.qt.draw.labels import DOT

    halo = drawing.context.px(1.6)
    by_text = {label.text: label for label in drawing.every_label}
    cut = []
    for text, box in drawing.placed:
        if box.left() - halo < 0 or box.top() - halo < 0 or box.right() + halo > width or box.bottom() + halo > height:
            cut.append(text)
    for text, _ in drawing.placed:
        label = by_text.get(text)
        if label is not None and label.dot:
            anchors = [p for p in drawing.placed_dots if p[0] == text]
            for _, x, y in anchors:
                r = drawing.context.px(DOT) / 2 + 1
                if x - r < 0 or y - r < 0 or x + r > width or y + r > height:
                    cut.append(f"{text} (its dot)")
    return cut


@pytest.mark.parametrize("event", ["2023-11-21-chollima1", "2016-02-07-kms4", None])
def test_an_exported_label_is_wholly_inside_the_map_or_left_out(tmp_path, monkeypatch, event):
    """In `export --event 2023-11-21-chollima1` 'Beijing' was named below its dot, which the image's top edge
    cut in half (issue 15)."""
    from viewer.cli import main
    from viewer.qt.render import MapRenderer

    drawn = []
    save = MapRenderer.save

    def save_and_keep(self, path, request):
        times = save(self, path, request)
        drawn.append((self.scene.labels, request.width, request.height))
        return times

    monkeypatch.setattr(MapRenderer, "save", save_and_keep)
    for width, height in ((1920, 1080), (1600, 900), (1366, 768), (800, 600)):
        png = tmp_path / f"{width}.png"
        assert main(["export", "-o", str(png), "--width", str(width), "--height", str(height),
                     *(["--event", event] if event else [])]) == 0
        drawing, w, h = drawn[-1]
        assert len(drawing.placed) > 10
        assert _cut_labels(drawing, w, h) == [], (width, height)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (800, 600)])
def test_degree_labels_give_way_to_the_maps_labels(tmp_path, monkeypatch, size):
    """'15°N' was drawn over 'THAILAND' in the sample's 1366x768 export: degree labels were not in the label
    engine (issue 15). They are the least of labels now, on screen as in an export."""
    from viewer.cli import main
    from viewer.qt.render import MapRenderer

    drawn = []
    save = MapRenderer.save

    def save_and_keep(self, path, request):
        times = save(self, path, request)
        drawn.append((list(self.scene.labels.placed_shapes), list(self.scene.decorations.graticule_drawn)))
        return times

    monkeypatch.setattr(MapRenderer, "save", save_and_keep)
    assert main(["export", "-o", str(tmp_path / "map.png"), "--width", str(size[0]), "--height", str(size[1])]) == 0
    labels, degrees = drawn[-1]
    # at least one to check: the footer, now naming the sources whole on two lines at 1366 and 800 px, leaves the
    # bottom edge's degree labels no room clear of the map's labels there
    assert degrees
    assert len(labels) > 10
    for degree, box in degrees:
        for text, shape in labels:
            assert not overlapping(shape, box), (degree, text)


def test_degree_labels_on_screen_give_way_to_labels(window, qtbot):
    window.resize(1366, 768)
    qtbot.wait(50)
    canvas = window.canvas
    for _ in range(8):
        xmin, ymin, xmax, ymax = window.map_view.frame
        step = canvas.map_units_per_pixel() * 23
        window.map_view.set_frame((xmin - step, ymin + step, xmax - step, ymax + step))
        canvas.viewport().repaint()
        degrees = canvas.decorations.drawing.graticule_drawn
        assert degrees
        for degree, box in degrees:
            for text, shape in canvas.labels.placed_shapes:
                assert not overlapping(shape, box), (degree, text)
