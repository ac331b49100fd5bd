"""Point symbols land where they belong, by pixels: drawn as paths or stamped, rotated, scaled, on screen."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from viewer.qt.draw import symbols as symbol_drawing
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.symbol_layer import SymbolLayer, Symbols

RED = "#D00000"
BACKGROUND = QColor("#202020")

def shown_view(qtbot):
    """A shown 400 x 300 pyqtgraph view with one aspect-locked ViewBox (the screen caches' tests draw in it)."""
    import pyqtgraph as pg

    view = pg.GraphicsView(background=BACKGROUND)
    qtbot.addWidget(view)
    box = pg.ViewBox(lockAspect=True, enableMenu=False, defaultPadding=0.0)
    view.setCentralItem(box)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, box

SIZE = 16  # px: big enough to sample inside a symbol clear of its outline


def render(groups: list[Symbols], scale: float = 1.0, size=(200, 120)) -> QImage:
    """The layer alone, drawn 1:1 (one map unit a pixel) into an image, as an export draws it."""
    scene = QGraphicsScene()
    layer = SymbolLayer(RenderContext(scale=scale))
    scene.addItem(layer)
    layer.set_symbols(groups)
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(BACKGROUND)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, *size), QRectF(0, 0, *size))
    painter.end()
    return image


def is_red(image: QImage, x: float, y: float) -> bool:
    colour = image.pixelColor(round(x), round(y))
    return colour.red() > 170 and colour.green() < 60 and colour.blue() < 60


def is_background(image: QImage, x: float, y: float) -> bool:
    return image.pixelColor(round(x), round(y)) == BACKGROUND


def grid(count_x: int, count_y: int, step: float, symbol: str = "circle", angle: float | None = None) -> Symbols:
    x, y = np.meshgrid(np.arange(count_x) * step + step / 2, np.arange(count_y) * step + step / 2)
    angles = np.full(x.size, angle) if angle is not None else None
    return Symbols(x.ravel(), y.ravel(), symbol, SIZE, RED, angles=angles)


@pytest.fixture(params=["paths", "stamps"])
def drawn_as(request, monkeypatch):
    """Every check runs with the symbols drawn one path each and stamped from a pre-rendered image."""
    monkeypatch.setattr(symbol_drawing, "STAMP_ABOVE", 10**9 if request.param == "paths" else 0)
    return request.param


def test_symbols_sit_on_their_positions(qtbot, drawn_as):
    image = render([grid(8, 5, 24)])
    for cx in np.arange(8) * 24 + 12:
        for cy in np.arange(5) * 24 + 12:
            assert is_red(image, cx, cy)
            if cx < 180 and cy < 108:
                assert is_background(image, cx + 12, cy + 12)  # between four symbols


@pytest.mark.parametrize(("angle", "ahead"), [(0, (1, 0)), (90, (0, -1)), (180, (-1, 0)), (270, (0, 1))])
def test_arrows_point_along_their_angle(qtbot, drawn_as, angle, ahead):
    """Angles are counter-clockwise in map axes; the screen's y points down, so 90° points up."""
    image = render([grid(6, 4, 30, "arrow", angle)])
    cx, cy = 15 + 2 * 30, 15 + 30
    assert is_red(image, cx + ahead[0] * 0.12 * SIZE, cy + ahead[1] * 0.12 * SIZE)  # the body
    assert not is_background(image, cx + ahead[0] * 0.4 * SIZE, cy + ahead[1] * 0.4 * SIZE)  # the tip
    assert is_background(image, cx - ahead[0] * 0.3 * SIZE, cy - ahead[1] * 0.3 * SIZE)  # the notch behind


def test_symbols_scale_with_export_resolution(qtbot, drawn_as):
    """At 192 dpi (scale 2) a symbol covers twice the pixels: a point 0.8 sizes from the centre is inside."""
    symbols = Symbols(np.array([60.0]), np.array([60.0]), "circle", SIZE, RED)
    assert not is_red(render([symbols]), 60 + 0.8 * SIZE, 60)
    assert is_red(render([symbols], scale=2.0), 60 + 0.8 * SIZE, 60)


def test_symbols_just_outside_still_reach_in(qtbot, drawn_as):
    """Culling keeps a symbol centred outside the image whose edge still shows."""
    x = np.full(30, 200 + SIZE * 0.3)  # right of a 200 px wide image, 0.2 sizes of it inside
    y = np.linspace(5, 115, 30)
    inside = Symbols(np.array([20.0]), np.array([20.0]), "circle", SIZE, "#0000D0")  # so the layer is drawn
    image = render([inside, Symbols(x, y, "circle", SIZE, RED, outline_width=0)])
    assert is_red(image, 199, y[15])


def test_stamps_look_like_paths(qtbot, monkeypatch):
    """Stamps sit on whole pixels, paths on exact positions: only edge pixels may differ, and a little."""
    group = Symbols(np.linspace(10.3, 189.6, 500), np.linspace(8.7, 111.2, 500) % 110 + 5, "triangle", 13,
                    RED, angles=None)
    monkeypatch.setattr(symbol_drawing, "STAMP_ABOVE", 10**9)
    paths = render([group])
    monkeypatch.setattr(symbol_drawing, "STAMP_ABOVE", 0)
    stamps = render([group])

    def pixels(image):
        return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4).astype(int)

    difference = np.abs(pixels(paths) - pixels(stamps)).max(axis=2)
    assert (difference > 64).mean() < 0.02


def test_vector_exports_get_paths_not_bitmaps(qtbot, tmp_path):
    from PySide6.QtCore import QSize
    from PySide6.QtSvg import QSvgGenerator

    scene = QGraphicsScene()
    layer = SymbolLayer(RenderContext())
    scene.addItem(layer)
    layer.set_symbols([grid(30, 20, 6)])  # 600 symbols: stamped on a raster device
    generator = QSvgGenerator()
    generator.setFileName(str(tmp_path / "symbols.svg"))
    generator.setSize(QSize(180, 120))
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, 180, 120), QRectF(0, 0, 180, 120))
    painter.end()
    svg = (tmp_path / "symbols.svg").read_text()
    assert "<image" not in svg
    assert svg.count("<path") >= 600


@pytest.fixture
def panning_view(qtbot, monkeypatch):
    """A 400 x 300 view, one map unit a pixel, of a symbol layer that keeps an image of the screen whatever it
    costs; symbols centred at 12.5 + 25 k, out to x = 587.5, so some enter while panning right."""

    view, box = shown_view(qtbot)
    layer = SymbolLayer(RenderContext())
    box.addItem(layer, ignoreBounds=True)
    layer.set_symbols([grid(24, 12, 25)])
    box.setRange(QRectF(0, 0, 400, 300), padding=0)
    monkeypatch.setattr("viewer.qt.map.screen_cache.CACHE_ABOVE_MS", -1.0)
    # ... and draws it on the GUI thread: on a loaded machine one drawing may take over SLOW_MS, which would send
    # the layer to the worker-thread path (tested in test_render_jobs) and leave a strip blank for a moment.
    monkeypatch.setattr("viewer.qt.map.screen_cache.SLOW_MS", 1e9)
    return view, box


def pan_right(box, pixels: float = 30) -> None:
    box.translateBy(t=(pixels * box.viewPixelSize()[0], 0))  # symbols move left, new ones enter


def grab_pixel(view, box, mx: float, my: float) -> tuple[float, float]:
    """Where map position (mx, my) is in a grab of the viewport (which has the screen's pixels: more than
    the widget's on HiDPI)."""
    import pyqtgraph as pg

    point = view.mapFromScene(box.mapViewToScene(pg.Point(mx, my)))
    ratio = view.viewport().devicePixelRatioF()
    return point.x() * ratio, point.y() * ratio


def test_symbols_follow_the_map_while_panning(qtbot, panning_view):
    """On screen a layer of many symbols keeps an image that panning moves: after each pan the symbols are
    where the map puts them, and once the view rests they are drawn afresh."""
    view, box = panning_view
    width, height = (v * view.viewport().devicePixelRatioF() for v in (385, 285))

    def check(image: QImage) -> None:
        for mx in np.arange(24) * 25 + 12.5:
            for my in (62.5, 162.5, 262.5):
                x, y = grab_pixel(view, box, mx, my)
                if 2 <= x < width and 2 <= y < height:
                    assert is_red(image, x, y), (mx, my)
                    assert is_background(image, *grab_pixel(view, box, mx + 12.5, my + 12.5)), (mx, my)

    for _ in range(5):
        pan_right(box)
        view.viewport().repaint()
        check(view.viewport().grab().toImage())
    qtbot.wait(300)  # the view rests, so the layer is drawn afresh
    check(view.viewport().grab().toImage())


def test_a_slow_layer_leaves_what_pans_into_view_beyond_its_margin_empty_until_the_view_rests(
        qtbot, panning_view, monkeypatch):
    """A layer too slow to draw within a frame (tens of thousands of lines) only moves its image while the
    view moves: what comes into view within the margin its image was drawn with (a quarter of the view's larger side,
    100 px here) shows at once; beyond it, it is drawn once the view rests."""
    from viewer.qt.map import render_jobs

    view, box = panning_view
    monkeypatch.setattr("viewer.qt.map.screen_cache.SLOW_MS", -1.0)  # every layer counts as slow
    view.viewport().repaint()
    layer = box.childGroup.childItems()[0]
    qtbot.waitUntil(lambda: layer._screen._area.width() > 400, timeout=20_000)  # at rest: exact, with its margin
    for _ in range(4):
        pan_right(box)
        view.viewport().repaint()
    moving = view.viewport().grab().toImage()
    assert is_red(moving, *grab_pixel(view, box, 187.5, 137.5))  # in view all along: moved with the map
    assert is_red(moving, *grab_pixel(view, box, 462.5, 137.5))  # came into view from the margin
    assert is_background(moving, *grab_pixel(view, box, 512.5, 137.5))  # came into view from beyond it: not yet

    def rested() -> bool:  # once the view rests, a job draws it (slow on a loaded machine)
        image = view.viewport().grab().toImage()
        return all(is_red(image, *grab_pixel(view, box, mx, 137.5)) for mx in (187.5, 462.5, 512.5))

    qtbot.waitUntil(rested, timeout=20_000)
    assert render_jobs.wait_for_all(10_000)


def test_a_zoomed_preview_is_drawn_afresh_once_the_view_rests_while_the_screen_keeps_repainting(qtbot, panning_view):
    """The rest is counted from the last change of view: other layers' jobs ending repaint the screen, and those
    paints must not put off the exact drawing (each one used to start the wait again)."""
    view, box = panning_view
    view.viewport().repaint()
    qtbot.wait(300)  # at rest: an exact image
    box.scaleBy((0.5, 0.5))  # magnified 2x: the image is shown scaled, symbols twice their size
    view.viewport().repaint()
    centre = grab_pixel(view, box, 187.5, 137.5)
    beside = (centre[0] + 12 * view.viewport().devicePixelRatioF(), centre[1])  # inside a doubled symbol only
    assert is_red(view.viewport().grab().toImage(), *beside)
    for _ in range(12):  # the view rests; the screen is repainted every 40 ms meanwhile
        qtbot.wait(40)
        view.viewport().repaint()
    image = view.viewport().grab().toImage()
    assert is_red(image, *centre)
    assert is_background(image, *beside)  # drawn afresh: the symbol has its own size again


def test_a_layer_with_nothing_to_draw_is_left_out_of_painting(qapp):
    """Empty layers (kinds with no features, an empty highlight) used to report a padded box round the map's origin,
    so Qt painted them every frame; they now have no contents until they have something to draw."""
    from viewer.qt.map.path_layer import PathLayer, xy_stroke

    no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    for layer, fill in ((SymbolLayer(RenderContext()), lambda layer: layer.set_symbols([grid(2, 2, 25)])),
                        (PathLayer(RenderContext()), lambda layer: layer.set_strokes(
                            [xy_stroke(np.array([0.0, 50.0]), np.array([0.0, 50.0]), RED, 2.0)]))):
        scene = QGraphicsScene()
        scene.addItem(layer)
        assert layer.flags() & no_contents
        assert layer.boundingRect().isEmpty()
        fill(layer)
        assert not layer.flags() & no_contents
        assert not layer.boundingRect().isEmpty()


def test_crowded_stamps_are_stamped_once_per_pixel_and_look_the_same(qtbot, monkeypatch):
    """Symbols crowding the image (a million points opened) are stamped once at each whole pixel, the last there;
    the picture differs from stamping every one only in the antialiased rims below the kept stamps."""
    rng = np.random.default_rng(9)
    count = 40_000  # ~8 a pixel over a 70 x 70 px patch of a 200 x 120 image
    group = Symbols(rng.uniform(60, 130, count), rng.uniform(25, 95, count), "circle", 6, RED)
    stamped: list[int] = []
    original = symbol_drawing.SymbolPainter._stamp_group

    def counting(self, painter, group, x, y, index):
        stamped.append(len(x))
        assert len(np.unique(np.column_stack([x, y]), axis=0)) == len(x)  # one stamp a pixel
        return original(self, painter, group, x, y, index)

    monkeypatch.setattr(symbol_drawing.SymbolPainter, "_stamp_group", counting)
    monkeypatch.setattr(symbol_drawing, "STAMP_ABOVE", 0)
    monkeypatch.setattr(symbol_drawing, "ONE_PER_PIXEL_FROM", 0)  # off: every symbol stamped
    every = render([group])
    monkeypatch.setattr(symbol_drawing, "ONE_PER_PIXEL_FROM", 8)
    crowded = render([group])
    pixels = len(np.unique(np.floor(np.column_stack([group.x, group.y]) + 0.5), axis=0))
    assert stamped[0] == count
    assert stamped[1] == pixels < count / 4

    def channels(image):
        return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4).astype(int)

    difference = np.abs(channels(every) - channels(crowded)).max(axis=2)
    assert (difference > 64).mean() < 0.002
    assert ((channels(every) != channels(render([]))).any(axis=2) ==
            (channels(crowded) != channels(render([]))).any(axis=2)).all()  # the same pixels painted


def test_symbols_a_pixel_apart_are_both_stamped(qtbot, monkeypatch):
    monkeypatch.setattr(symbol_drawing, "STAMP_ABOVE", 0)
    monkeypatch.setattr(symbol_drawing, "ONE_PER_PIXEL_FROM", 10**9)  # always one a pixel
    x = np.array([40.4, 40.6, 40.0, 140.0])
    y = np.array([60.0, 60.0, 60.2, 60.0])
    stamped: list[np.ndarray] = []
    original = symbol_drawing.SymbolPainter._stamp_group
    monkeypatch.setattr(symbol_drawing.SymbolPainter, "_stamp_group", lambda self, painter, group, sx, sy, index: (
        stamped.append(index), original(self, painter, group, sx, sy, index)))
    image = render([Symbols(x, y, "circle", SIZE, RED)])
    assert stamped[0].tolist() == [1, 2, 3]  # 40.4 and 40.0 share pixel 40 (the later kept); 40.6 is pixel 41
    assert is_red(image, 40, 60)
    assert is_red(image, 140, 60)
