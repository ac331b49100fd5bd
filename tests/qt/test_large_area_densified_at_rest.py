"""A polygon of very many vertices opens without densifying it on the GUI thread (a million-spike star froze the
window ~6 s): it is drawn from a stand-in of every n-th vertex, densified whole on the worker that densifies lines
at rest, and then drawn, picked and exported as an export's cache densifies it."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
import shapely
from hostile_geometry import jagged_star

from viewer.geo import densify, drawable, labels, new_rows
from viewer.geo.crs import regional
from viewer.geo.new_rows import STAND_IN_VERTICES
from viewer.geo.outline_index import _MADE
from viewer.geo.projected import ProjectedFeatures
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature
from viewer.qt.map.line_densifying import STRAIGHT_FIRST_ABOVE

REGION = (112.0, 12.0, 148.0, 38.0)
VERTICES = 400_000


@pytest.fixture
def canvas(sample_canvas):
    return sample_canvas(regional(REGION), REGION)


def test_a_large_area_is_drawn_from_a_stand_in_and_densified_off_the_gui_thread(qtbot, canvas, monkeypatch):
    densified_on: list[tuple[str, int]] = []
    real = densify.densified_area

    def watched(geometry, projection=None):
        densified_on.append((threading.current_thread().name, int(shapely.get_num_coordinates(geometry))))
        return real(geometry, projection)

    monkeypatch.setattr(densify, "densified_area", watched)
    star = jagged_star(VERTICES)
    canvas.workspace.add(Bundle(features={"star": Feature("star", star, {"kind": "warning_area", "label": "star"})},
                                path=Path("star.geojson")))
    cache = canvas._cache
    row = int(cache.rows_of_geometries(np.array([star], dtype=object))[0])
    assert densified_on == []  # the stand-in is drawn straight
    assert shapely.get_num_coordinates(cache.shapes_of(np.array([row]))[0]) <= STAND_IN_VERTICES + 1
    assert canvas.densifying.running
    qtbot.waitUntil(lambda: not canvas.densifying.running, timeout=120_000)
    assert [n for name, n in densified_on if name == threading.main_thread().name] == []
    assert [n for _, n in densified_on] == [VERTICES + 1]  # the whole area, once, on the worker
    export = ProjectedFeatures(cache.projection)
    exact = export.shapes_of(export.rows_of_geometries(np.array([star], dtype=object)))[0]
    shown = cache.shapes_of(np.array([row]))[0]
    assert shapely.equals_exact(shown, exact, tolerance=1e-6)
    assert id(shown) in _MADE  # its outline runs were made on the worker
    drawn = canvas.visuals["warning_area"].strokes
    assert max(len(s.xy[0]) for s in drawn if s.xy is not None) >= shapely.get_num_coordinates(exact)
    picked = canvas._index.pick(*shapely.get_coordinates(shapely.point_on_surface(exact))[0], 1.0)
    assert "star" in picked


def test_taking_a_densified_area_swaps_in_what_the_worker_made(qtbot, canvas, monkeypatch):
    """Its drawn arrays and where its label goes beside it are made on the worker that densified it: made on the
    GUI thread when taken, a million-spike star's held the event loop ~0.35 s."""
    made_on: list[tuple[str, str, int]] = []
    real_linework, real_beside = drawable.linework_lonlat, labels._beside_area

    def linework(geometries):
        made = real_linework(geometries)
        made_on.append(("arrays", threading.current_thread().name, len(made[0])))
        return made

    def beside(geometry):
        made_on.append(("beside", threading.current_thread().name, int(shapely.get_num_coordinates(geometry))))
        return real_beside(geometry)

    monkeypatch.setattr(drawable, "linework_lonlat", linework)
    monkeypatch.setattr(labels, "_beside_area", beside)
    star = jagged_star(VERTICES)
    canvas.workspace.add(Bundle(features={"star": Feature("star", star, {"kind": "warning_area", "label": "star"})},
                                path=Path("star.geojson")))
    qtbot.waitUntil(lambda: not canvas.densifying.running, timeout=120_000)
    cache = canvas._cache
    dense = int(shapely.get_num_coordinates(cache.shapes_of(cache.rows_of_geometries(
        np.array([star], dtype=object)))[0]))
    assert dense > STAND_IN_VERTICES + 1
    on_gui = [(what, n) for what, name, n in made_on if name == threading.main_thread().name]
    assert on_gui
    assert max(n for _, n in on_gui) <= STAND_IN_VERTICES + 1  # the stand-in's only
    assert {what for what, name, n in made_on if n >= dense and name != threading.main_thread().name} == {
        "arrays", "beside"}
    drawn = canvas.visuals["warning_area"].strokes
    assert max(len(s.xy[0]) for s in drawn if s.xy is not None) >= dense


def test_the_screen_keeps_showing_an_area_while_its_densified_drawing_is_drawn(qtbot, canvas, monkeypatch):
    from viewer.qt.map.drawings import cache_of
    from viewer.qt.map.feature_visuals import AreaVisual

    shown_after_take: list[bool] = []
    real = AreaVisual.follow_densified

    def follow(visual, taken):
        real(visual, taken)
        if visual is canvas.visuals["warning_area"]:  # the star's
            to_device = visual.deviceTransform(canvas.viewportTransform())
            shown_after_take.append(cache_of(visual).shown(to_device) is not None)

    monkeypatch.setattr(AreaVisual, "follow_densified", follow)
    star = jagged_star(VERTICES)
    canvas.workspace.add(Bundle(features={"star": Feature("star", star, {"kind": "warning_area", "label": "star"})},
                                path=Path("star.geojson")))
    visual = canvas.visuals["warning_area"]
    qtbot.waitUntil(lambda: cache_of(visual).shown(visual.deviceTransform(canvas.viewportTransform())) is not None,
                    timeout=120_000)  # the stand-in drawn
    qtbot.waitUntil(lambda: not canvas.densifying.running, timeout=120_000)
    assert shown_after_take
    assert all(shown_after_take)  # its image of the stand-in, not an empty map, until the new drawing is done


def test_areas_of_tens_of_thousands_of_vertices_open_without_densifying_or_repairing_them_on_the_gui_thread(
        qtbot, canvas, monkeypatch):
    """Areas over the lines' straight-first size are densified on the worker too (20,000-50,000 vertices were
    densified on the GUI thread at opening), and a self-crossing area of more than REPAIR_UP_TO_VERTICES is filled as
    given, never repaired by GEOS (a 5,000-spike star's make_valid took ~7 s, a 20,000-spike one's ~90 s). Counted
    in calls and vertices, not timed."""
    from viewer.qt.draw import features, tiles

    densified_on: list[tuple[str, int]] = []
    repaired: list[int] = []
    real_densify, real_areas, real_repair = densify.densified_area, densify._areas_of, shapely.make_valid

    def watched(geometry, projection=None):
        densified_on.append((threading.current_thread().name, int(shapely.get_num_coordinates(geometry))))
        return real_densify(geometry, projection)

    def areas_of(geometries, *args, **kwargs):
        for n in shapely.get_num_coordinates(geometries).tolist():
            densified_on.append((threading.current_thread().name, n))
        return real_areas(geometries, *args, **kwargs)

    def repair(geometries, *args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            repaired.append(int(shapely.get_num_coordinates(geometries).sum()))
        return real_repair(geometries, *args, **kwargs)

    monkeypatch.setattr(densify, "densified_area", watched)
    monkeypatch.setattr(densify, "_areas_of", areas_of)
    monkeypatch.setattr(features.shapely, "make_valid", repair)
    star = jagged_star(5_000)
    wide = shapely.Point(130, 25).buffer(3.0, 8_000)  # 32,000 vertices, valid
    canvas.workspace.add(Bundle(features={
        "star": Feature("star", star, {"kind": "warning_area", "label": "star"}),
        "wide": Feature("wide", wide, {"kind": "danger_zone", "label": "wide"})}, path=Path("areas.geojson")))
    qtbot.waitUntil(lambda: not canvas.densifying.running, timeout=120_000)
    on_gui = [n for name, n in densified_on if name == threading.main_thread().name]
    assert max(on_gui, default=0) <= STRAIGHT_FIRST_ABOVE
    assert shapely.get_num_coordinates(wide) in [n for name, n in densified_on if name != threading.main_thread().name]
    assert all(n <= tiles.REPAIR_UP_TO_VERTICES for n in repaired)
    drawn = [s for s in canvas.visuals["warning_area"].strokes if s.fill]
    assert max(len(s.xy[0]) for s in drawn) >= shapely.get_num_coordinates(star)  # the star, filled as given


def test_a_stand_in_is_every_nth_vertex_of_each_ring_with_the_ring_closed() -> None:
    from viewer.geo.area_detail import stand_in

    star = jagged_star(100_000)
    holed = shapely.Polygon(star.exterior.coords, [shapely.Point(130, 25).buffer(0.5, 4000).exterior.coords])
    for area in (star, holed, shapely.MultiPolygon([holed, shapely.box(0, 0, 1, 1)])):
        made = stand_in(area, 5_000)
        assert made.geom_type == area.geom_type
        assert 4_000 < shapely.get_num_coordinates(made) <= 5_010
        assert shapely.get_num_interior_rings(shapely.get_parts(made)).sum() == \
            shapely.get_num_interior_rings(shapely.get_parts(area)).sum()
        assert set(map(tuple, shapely.get_coordinates(made))) <= set(map(tuple, shapely.get_coordinates(area)))
    assert stand_in(shapely.box(0, 0, 1, 1), 5_000) is not None
    # No area merged once densified is drawn from a stand-in first (its fill would change when taken).
    from viewer.qt.draw.features import UNION_UP_TO_VERTICES

    assert new_rows.STAND_IN_ABOVE >= UNION_UP_TO_VERTICES


def test_a_stand_in_is_filled_as_given_and_first_drawn_on_a_worker(qtbot, canvas, monkeypatch):
    """A stand-in has few vertices (it is projected, picked and labelled on the GUI thread) but stands for a large
    area: filled as its densified area will be (as given, never repaired and merged: the fill does not change when
    the densified area is taken) and first drawn on a worker (a million-spike star's stand-in crosses itself
    thousands of times). Counted in calls, not timed."""
    from viewer.qt.draw import features

    visual = canvas.visuals["danger_zone"]
    painted_on_gui: list[bool] = []
    real_paint = visual._paint_strokes
    merged: list[int] = []
    real_union = features._union

    def paint(painter):
        painted_on_gui.append(threading.current_thread() is threading.main_thread())
        return real_paint(painter)

    def union(shapes):
        merged.append(max(int(shapely.get_num_coordinates(g)) for g in shapes))
        return real_union(shapes)

    monkeypatch.setattr(visual, "_paint_strokes", paint)
    monkeypatch.setattr(features, "_union", union)
    wide = shapely.Point(130, 25).buffer(3.0, 8_000)  # 32,001 vertices, valid: drawn from a stand-in at first
    canvas.workspace.add(Bundle(features={"wide": Feature("wide", wide, {"kind": "danger_zone", "label": "wide"})},
                                path=Path("wide.geojson")))
    cache = canvas._cache
    row = cache.rows_of_geometries(np.array([wide], dtype=object))
    assert cache.pending_of(row).all()
    assert shapely.get_num_coordinates(cache.shapes_of(row)[0]) <= STAND_IN_VERTICES + 1
    fills = [s for s in visual.strokes if s.fill and len(s.xy[0]) > 2_000]  # the sample's zones are small
    assert len(fills) == 1
    qtbot.waitUntil(lambda: bool(painted_on_gui), timeout=60_000)
    assert painted_on_gui[0] is False
    qtbot.waitUntil(lambda: not canvas.densifying.running, timeout=120_000)
    assert not cache.pending_of(row).any()
    assert max(merged, default=0) < 2_000  # the sample's zones merged, neither the stand-in nor the densified area
    assert len([s for s in visual.strokes if s.fill and len(s.xy[0]) > 2_000]) == 1


def test_an_area_layer_of_many_vertices_is_first_drawn_off_the_gui_thread(qtbot, canvas, monkeypatch):
    """Areas filled and outlined past AREA_SLOW_ABOVE_VERTICES, though under the bound for thin lines, are drawn on a
    worker from the first (four areas of 139,000 vertices held the GUI thread's first paint ~100 ms)."""
    from viewer.qt.draw.paths import SLOW_ABOVE_VERTICES
    from viewer.qt.map.feature_visuals import AREA_SLOW_ABOVE_VERTICES

    visual = canvas.visuals["warning_area"]
    threads: list[bool] = []
    real = visual._paint_strokes

    def watched(painter):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(painter)

    monkeypatch.setattr(visual, "_paint_strokes", watched)
    areas = {f"a{i}": Feature(f"a{i}", shapely.Point(120 + 6 * i, 25).buffer(2.0, 4_700),
                              {"kind": "warning_area", "label": f"a{i}"}) for i in range(3)}  # 18,801 vertices each
    canvas.workspace.add(Bundle(features=areas, path=Path("areas.geojson")))
    drawn = sum(len(s.xy[0]) for s in visual.strokes if s.xy is not None)
    assert AREA_SLOW_ABOVE_VERTICES < drawn < SLOW_ABOVE_VERTICES
    qtbot.waitUntil(lambda: bool(threads), timeout=60_000)
    assert threads[0] is False


def test_a_stand_in_is_drawn_with_the_pen_and_fill_of_the_area_it_stands_for(qtbot, canvas, monkeypatch):
    """A million-spike star's stand-in has a few thousand vertices, each spike crossing the star: outlined with the
    kind's wide dashed pen, Qt's stroker held a render job, and with it the GIL (PySide6 keeps it through
    drawPath), for seconds. It is drawn as the densified star is: a 1 px pen, the fill by scanlines; so the look
    does not change when the densified star is taken either."""
    from PySide6.QtGui import QImage, QPainter

    from viewer.qt.draw import paths

    star = jagged_star(VERTICES)
    canvas.workspace.add(Bundle(features={"star": Feature("star", star, {"kind": "warning_area", "label": "star"})},
                                path=Path("star.geojson")))
    visual = canvas.visuals["warning_area"]
    standing = [s for s in visual.strokes if s.stands_for >= VERTICES]
    assert standing
    assert all(len(s.xy[0]) <= STAND_IN_VERTICES + 1 for s in standing)
    outline_widths = [s.pen_width for s in standing if s.width > 0]
    assert outline_widths
    assert max(outline_widths) <= 1.0
    # its fill is weighed for the scanlines as the densified star's is (by the pixel rows its edges cross: here
    # any), never left to Qt for its few vertices
    monkeypatch.setattr(paths, "SCANLINE_ABOVE_ROWS", 0)
    image = QImage(700, 560, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setTransform(visual.deviceTransform(canvas.viewportTransform()))
    try:
        assert paths._filled_by_scanlines(painter, next(s for s in standing if s.fill))
    finally:
        painter.end()
    qtbot.waitUntil(lambda: not canvas.densifying.running, timeout=120_000)
    dense = [s for s in visual.strokes if s.xy is not None and len(s.xy[0]) > VERTICES]
    assert dense
    assert sorted(s.pen_width for s in dense if s.width > 0) == sorted(outline_widths)


def test_an_export_outlines_large_areas_with_the_pen_the_screen_does(qtbot, canvas):
    """An export densifies large areas only as far as its pixels show, far fewer vertices than the screen's
    densified whole: the pen (1 px for an outline of 50,000 vertices or more, see `paths.Stroke.pen_width`) is chosen
    by the areas as given for both, so the export draws what the screen shows at rest."""
    from viewer.model.view import MapView
    from viewer.qt.render import ImageRequest, MapRenderer

    rng = np.random.default_rng(3)
    theta = np.linspace(0, 2 * np.pi, 30_000, endpoint=False)
    features = {}
    for i in range(3):
        radius = 2.0 * (1 + 0.03 * np.sin(997 * theta + rng.uniform(0, 6)))
        ring = np.column_stack([122.0 + 6 * i + radius * np.cos(theta), 28.0 + radius * np.sin(theta)])
        features[f"a{i}"] = Feature(f"a{i}", shapely.Polygon(ring), {"kind": "warning_area", "label": f"a{i}"})
    bundle = Bundle(features=features, path=Path("detailed.geojson"))
    canvas.workspace.add(bundle)
    qtbot.waitUntil(lambda: not canvas.densifying.running, timeout=120_000)
    on_screen = [s.pen_width for s in canvas.visuals["warning_area"].strokes if s.width > 0 and s.stands_for > 80_000]
    view = MapView()
    view.set_projection(canvas.projection)
    view.fit(REGION)
    renderer = MapRenderer(canvas.workspace, view, size=(700, 560))
    renderer.image(ImageRequest(view, 700, 560))
    exported = [s for s in renderer.scene.layers["warning_area"].strokes if s.width > 0 and s.stands_for > 80_000]
    assert on_screen
    assert max(len(s.xy[0]) for s in exported) < 50_000  # at its pixel size: fewer vertices than the pen's bound
    assert [s.pen_width for s in exported] == on_screen == [1.0]
