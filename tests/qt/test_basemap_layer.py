"""The basemap layer: land densified where clipping left long straight edges, once per level of detail."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QTimer

from viewer.geo.basemap import Basemap, load_basemap
from viewer.geo.crs import DEFAULT_REGION, regional, web_mercator
from viewer.geo.geodesic import densify
from viewer.geo.scale import graticule_lines, nice_graticule_step
from viewer.qt.draw import basemap as basemap_draw
from viewer.qt.draw.basemap import DENSIFY_KM, METRES_PER_DEGREE, densified
from viewer.qt.map.basemap_layer import BasemapLayer
from viewer.qt.map.painting import RenderContext


@pytest.fixture(scope="module")
def basemap():
    return load_basemap()


@pytest.mark.parametrize("level", [0, 1, 2])
def test_land_comes_out_as_densifying_every_polygon_would_make_it(basemap, level):
    land = basemap[level].land
    quick = densified(land)
    whole = [densify(g, DENSIFY_KM) for g in land]
    assert len(quick) == len(whole)
    for a, b in zip(quick, whole, strict=True):  # points placed along each edge at once: the same to 1e-9°
        assert len(a.interiors) == len(b.interiors)
        np.testing.assert_allclose(shapely.get_coordinates(a), shapely.get_coordinates(b), rtol=0, atol=1e-9)
    assert shapely.get_num_coordinates(quick).sum() > shapely.get_num_coordinates(land).sum()  # edges were cut


def test_another_projection_reuses_the_densified_land(qapp, basemap, monkeypatch):
    calls = []
    monkeypatch.setattr(basemap_draw, "densified", lambda land: calls.append(land) or densified(land))
    bare = Basemap(basemap.path, {level: basemap.tolerance(level) for level in basemap.levels})  # no stored tables
    layer = BasemapLayer(RenderContext(), bare)
    layer.fixed_level = 1
    layer.set_view(regional((118.0, 24.0, 146.0, 46.0)), 1000.0)
    densified_first = len(calls)
    second = web_mercator()
    layer.set_view(second, 1000.0)
    assert densified_first > 0
    assert len(calls) == densified_first
    assert layer.projection is second
    assert len(layer.strokes) == 2


def test_the_stored_linework_is_projected_without_densifying(qapp, basemap, monkeypatch):
    calls = []
    monkeypatch.setattr(basemap_draw, "densified", lambda land: calls.append(land) or densified(land))
    layer = BasemapLayer(RenderContext(), basemap)
    layer.fixed_level = 0
    layer.set_view(regional((118.0, 24.0, 146.0, 46.0)), 1000.0)  # not the default projection: the basemap stores
    # its coarser levels projected in that one, and every level's linework (tests/qt/test_basemap_start.py)
    layer.set_view(web_mercator(), 1000.0)
    assert calls == []
    assert len(layer.strokes) == 2


class BlockedBuild:
    """Wraps a layer's level building: records the levels built and on which thread; off the GUI thread it waits
    until the test releases it."""

    def __init__(self, build):
        self._build = build
        self.release = threading.Event()
        self.started = threading.Event()
        self.calls: list[tuple[int, bool]] = []  # (level, on the GUI thread)

    def __call__(self, projection, level):
        on_gui_thread = threading.current_thread() is threading.main_thread()
        self.calls.append((level, on_gui_thread))
        if not on_gui_thread:
            self.started.set()
            assert self.release.wait(20), "never released"
        return self._build(projection, level)


@pytest.fixture
def shown_canvas(qtbot, basemap, monkeypatch):
    """A 600 x 400 map canvas on screen, its level building wrapped (and blocked off the GUI thread)."""
    from viewer.model.workspace import Workspace
    from viewer.qt.map.canvas import MapCanvas

    canvas = MapCanvas(Workspace(), basemap)
    build = BlockedBuild(canvas.basemap_layer._strokes_for)
    monkeypatch.setattr(canvas.basemap_layer, "_strokes_for", build)
    canvas.resize(600, 400)
    yield canvas, build
    build.release.set()
    qtbot.waitUntil(lambda: not canvas.basemap_layer.building, timeout=20_000)
    canvas.hide()  # not close(): pyqtgraph's GraphicsView.close tears the viewport down under Qt's feet
    canvas.deleteLater()


def test_only_the_first_views_level_is_built_before_the_canvas_shows(qtbot, shown_canvas):
    canvas, build = shown_canvas
    canvas.zoom_to_extent((60.0, -10.0, 180.0, 70.0))  # framed while hidden, as the window frames the data
    canvas.zoom_to_extent(DEFAULT_REGION)
    assert build.calls == []
    canvas.show()
    qtbot.waitExposed(canvas)
    wanted = canvas.basemap_layer.basemap.level_for(canvas.metres_per_pixel() / METRES_PER_DEGREE)
    assert build.calls == [(wanted, True)]  # one level, at once: there is nothing else to show
    assert canvas.basemap_layer.level == wanted


def test_the_event_loop_runs_while_a_finer_level_is_built(qtbot, shown_canvas):
    canvas, build = shown_canvas
    layer = canvas.basemap_layer
    canvas.zoom_to_extent((60.0, -10.0, 180.0, 70.0))
    canvas.show()
    qtbot.waitExposed(canvas)
    coarse = layer.level
    coarse_strokes = layer.strokes
    canvas.zoom_to_extent((124.0, 37.0, 128.0, 40.0))  # the Korean Peninsula's west coast: a finer level
    fine = layer.basemap.level_for(canvas.metres_per_pixel() / METRES_PER_DEGREE)
    assert fine < coarse
    qtbot.waitUntil(build.started.is_set, timeout=10_000)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    # The build is blocked on its worker thread; meanwhile the GUI thread handles timers and paints the level
    # it has, at its own detail.
    qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=10_000)
    canvas.viewport().repaint()
    assert layer.building
    assert (layer.level, layer.strokes) == (coarse, coarse_strokes)
    build.release.set()
    qtbot.waitUntil(lambda: layer.level == fine, timeout=10_000)
    assert not layer.building
    assert build.calls[-1] == (fine, False)
    assert layer.strokes is not coarse_strokes


def test_zooming_back_to_a_built_level_swaps_at_once(qtbot, shown_canvas):
    canvas, build = shown_canvas
    layer = canvas.basemap_layer
    canvas.zoom_to_extent((60.0, -10.0, 180.0, 70.0))
    canvas.show()
    qtbot.waitExposed(canvas)
    coarse = layer.level
    build.release.set()
    canvas.zoom_to_extent((124.0, 37.0, 128.0, 40.0))
    qtbot.waitUntil(lambda: layer.level != coarse and not layer.building, timeout=10_000)
    calls = len(build.calls)
    canvas.zoom_to_extent((60.0, -10.0, 180.0, 70.0))
    assert layer.level == coarse
    assert len(build.calls) == calls


def test_a_level_built_for_a_projection_no_longer_shown_is_dropped(qtbot, shown_canvas):
    canvas, build = shown_canvas
    layer = canvas.basemap_layer
    canvas.zoom_to_extent((60.0, -10.0, 180.0, 70.0))
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.zoom_to_extent((124.0, 37.0, 128.0, 40.0))
    qtbot.waitUntil(build.started.is_set, timeout=10_000)
    canvas.set_projection(web_mercator())  # built at once, on the GUI thread: nothing of it is shown yet
    mercator_level = layer.level
    assert layer.projection is canvas.projection
    build.release.set()
    qtbot.waitUntil(lambda: not layer.building, timeout=10_000)
    assert layer.projection is canvas.projection
    assert layer.level == mercator_level


def test_a_small_pan_keeps_the_graticule_drawn_and_a_far_one_or_a_zoom_redraws_it(qtbot, shown_canvas):
    canvas, build = shown_canvas
    build.release.set()
    canvas.zoom_to_extent((120.0, 30.0, 130.0, 40.0))
    canvas.show()
    qtbot.waitExposed(canvas)
    drawn = canvas.graticule.strokes
    per_px = canvas.map_units_per_pixel()
    canvas.view.translateBy(t=(40 * per_px, 0))
    assert canvas.graticule.strokes is drawn  # moved on screen, not projected again
    assert canvas.frame.graticule is canvas.graticule.lines  # labelled from the lines drawn ...
    assert labels_at_edges(canvas) == labels_at_edges(canvas, exact=True)  # ... where lines made for the view cross
    canvas.view.translateBy(t=(3000 * per_px, 0))
    assert canvas.graticule.strokes is not drawn
    moved = canvas.graticule.strokes
    canvas.zoom_to_extent((60.0, -10.0, 180.0, 70.0))  # another step between lines
    assert canvas.graticule.strokes is not moved


def labels_at_edges(canvas, exact: bool = False) -> list[tuple[str, bool, float]]:
    """The degree labels the decorations place where graticule lines cross the view's edges; `exact`: from lines
    made for this view alone, as the canvas made them every frame before."""
    drawing, kept = canvas.decorations.drawing, canvas.frame.graticule
    if exact:
        west, south, east, north = canvas.visible_extent_lonlat()
        span = max(east - west, north - south)
        padded = (max(-180.0, west - 5), max(-89.0, south - 5), min(180.0, east + 5), min(89.0, north + 5))
        canvas.frame.graticule = graticule_lines(padded, nice_graticule_step(span))
    try:
        return sorted(drawing._edge_crossings())
    finally:
        canvas.frame.graticule = kept
