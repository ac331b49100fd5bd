"""Start-up's first frame: the map is drawn before pyqtgraph loads, and the canvas then shows the same map at the
same pixels; input and a close before the canvas comes do no harm."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from viewer.geo.basemap import load_basemap
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt import app as app_module
from viewer.qt.first_frame import FirstFrame
from viewer.qt.main_window import MAP_RECT_KEY, MainWindow
from viewer.qt.pyside_check import quicker_feature_check
from viewer.resources import sample_bundle

WIDTH, HEIGHT = 1284, 707  # the first-run window on a 1366x768 screen


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(image.height(), -1)
    return data[:, :image.width() * 4].reshape(image.height(), image.width(), 4)[:, :, :3].astype(int)


def on_screen(window, rect) -> np.ndarray:
    """What the screen shows of ``rect`` of the window (widget.grab() would paint the canvas afresh, not show
    what its layers drawn on worker threads put on screen)."""
    return pixels(window.screen().grabWindow(window.winId(), rect.x(), rect.y(), rect.width(),
                                             rect.height()).toImage())


@pytest.fixture(autouse=True)
def basemap_builds_end_with_their_test(qtbot):
    """A canvas's basemap level is still cut into tiles on a worker thread after its test: wait for it, so that
    it does not run on into the next test's start-up."""
    yield
    from viewer.qt.map import basemap_layer, render_jobs

    basemap_layer._BUILDER.submit(lambda: None).result(timeout=60)
    render_jobs.wait_for_all()
    qtbot.wait(10)


def started(qtbot, monkeypatch, size=(WIDTH, HEIGHT)) -> app_module.Startup:
    """A start on the sample up to its first frame (the window sized as a first run on a laptop screen)."""
    monkeypatch.setattr(app_module.Startup, "_open_later_and_recover", lambda self: None)  # no recovery box
    monkeypatch.setattr(MainWindow, "_restore_geometry", lambda self: self.resize(*size))
    monkeypatch.setattr(app_module, "TAKE_OVER_UNSEEN_MS", 600_000)  # taken over once painted, or by the test
    startup = app_module.Startup([str(sample_bundle())])
    startup.show_first_frame()
    qtbot.addWidget(startup.window)
    return startup


def test_the_first_frame_is_painted_before_pyqtgraph_is_imported(tmp_path):
    script = textwrap.dedent("""
        import json, os, sys
        from viewer.qt import first_frame
        seen = {}
        paint = first_frame.FirstFrame.paintEvent
        def spy(self, event):
            paint(self, event)
            seen.setdefault("pyqtgraph", "pyqtgraph" in sys.modules)
            seen.setdefault("panels", "viewer.qt.panels.timeline" in sys.modules)
            seen.setdefault("msgspec", "msgspec" in sys.modules)  # the sample is too small for the quick parse
            seen.setdefault("numpy.ma", "numpy.ma" in sys.modules)  # np.unique imports it (30-40 ms)
            seen.setdefault("pyproj", "pyproj" in sys.modules)  # numpy projects the conic (~60 ms to import)
            seen.setdefault("features", len(self.scene.visible_features()))
        first_frame.FirstFrame.paintEvent = spy
        from viewer.qt.app import run_app
        status = run_app([])
        seen["after"] = "pyqtgraph" in sys.modules
        print(json.dumps(seen), status)
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           app_module.EXIT_AFTER_FIRST_PAINT: "1"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr[-2000:]
    assert [line.split()[0] for line in lines[:2]] == ["first-frame", "canvas-ready"]
    seen = json.loads(lines[-1].rsplit(" ", 1)[0])
    assert seen == {"pyqtgraph": False, "panels": False, "msgspec": False, "numpy.ma": False, "pyproj": False,
                    "features": seen["features"], "after": True}
    assert seen["features"] > 20  # the sample's data is in the first frame


def test_the_first_frame_drawn_before_pyproj_loads_is_the_one_proj_draws(qtbot, monkeypatch):
    """Before pyproj is loaded the first frame's conic and geodesics are computed in numpy: the same picture."""
    from viewer.geo import before_proj, lcc, vincenty
    from viewer.geo.gazetteer import load_places
    from viewer.io.load import open_path

    workspace = Workspace()
    workspace.add(open_path(str(sample_bundle()))[0])
    basemap, places = load_basemap(), load_places()
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)

    def drawn() -> np.ndarray:
        frame = FirstFrame(window, window.rect(), workspace, basemap, places, MapView())
        image = QImage(frame.size(), QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        frame.scene.paint(painter)
        painter.end()
        frame.scene.close()
        return pixels(image)

    drawn()  # whatever the first drawing in this process warms up, both below find warm
    used = {"conic": 0, "geodesics": 0}
    conic, geodesics = lcc.LambertConic.forward, vincenty.inverse

    def counted(what, function):
        return lambda *args: used.__setitem__(what, used[what] + 1) or function(*args)

    monkeypatch.setattr(lcc.LambertConic, "forward", counted("conic", conic))
    monkeypatch.setattr(vincenty, "inverse", counted("geodesics", geodesics))
    monkeypatch.setattr(before_proj, "proj_loaded", lambda: False)
    by_numpy = drawn()
    assert used["conic"] > 10  # the data, places and scale bar projected in numpy
    assert used["geodesics"] > 0
    monkeypatch.undo()
    by_proj = drawn()
    differ = np.abs(by_proj - by_numpy).max(axis=2) > 0
    assert not differ.any(), f"{differ.sum()} pixels differ"  # the coordinates agree to ~1e-8 m
    assert len(np.unique(by_numpy.reshape(-1, 3), axis=0)) > 500  # a map, not two empty images


def test_the_canvas_takes_over_the_same_view_at_the_same_pixels(qtbot, monkeypatch):
    startup = started(qtbot, monkeypatch)
    first, window = startup.first_frame, startup.window
    assert first is not None
    first.painted.disconnect()  # the first frame alone for a while: taken over below
    qtbot.waitUntil(lambda: first._reported, timeout=30000)
    qtbot.wait(50)
    rect, view = first.geometry(), first.scene.view_rect()
    before = on_screen(window, rect)
    startup.take_over()
    qtbot.waitUntil(lambda: startup.first_frame is None, timeout=30000)  # taken over once painted
    assert window.built
    assert window.map_rect() == rect  # the first-run docks put the canvas where the first frame was
    shown = window.canvas.view.viewRect()
    assert np.allclose([shown.left(), shown.top(), shown.width(), shown.height()],
                       [view.left(), view.top(), view.width(), view.height()], rtol=1e-9)
    assert window.map_view.frame is not None
    assert np.allclose(window.map_view.frame, (view.left(), view.top(), view.right(), view.bottom()), rtol=1e-9)
    after = on_screen(window, rect)
    differ = np.abs(before - after).max(axis=2) > 48  # anti-aliased edges may round differently
    assert differ.mean() < 0.002, f"{differ.sum()} pixels differ"
    assert len(np.unique(after.reshape(-1, 3), axis=0)) > 500  # a map, not two empty images
    window.close()
    stored = QSettings().value(MAP_RECT_KEY)
    assert [int(v) for v in stored] == [rect.x(), rect.y(), rect.width(), rect.height(), WIDTH, HEIGHT]


def test_a_window_too_small_for_the_first_run_sizes_still_frames_the_data(qtbot, monkeypatch):
    startup = started(qtbot, monkeypatch, size=(760, 700))  # the docks' minimum widths leave the map less room
    window = startup.window
    qtbot.waitUntil(lambda: startup.first_frame is None, timeout=30000)
    canvas = window.canvas
    xmin, ymin, xmax, ymax = canvas.projection.project_extent(canvas.data_extent())
    shown = canvas.view.viewRect()
    assert shown.left() <= xmin
    assert shown.top() <= ymin
    assert shown.right() >= xmax
    assert shown.bottom() >= ymax


def test_input_and_a_close_before_the_canvas_comes_do_no_harm(qtbot, monkeypatch):
    startup = started(qtbot, monkeypatch)
    first, window = startup.first_frame, startup.window
    assert first is not None
    centre = first.rect().center()
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(first, QPoint(centre.x() + 30, centre.y()))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    wheel = QWheelEvent(QPointF(centre), QPointF(first.mapToGlobal(centre)), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(first, wheel)
    # Input still queued when the canvas is built reaches the canvas (or nothing, once the frame is gone).
    QApplication.postEvent(first, QWheelEvent(wheel))
    QApplication.postEvent(window, QEvent(QEvent.Type.LayoutRequest))
    window.close()  # closed before the canvas came: nothing is built, and no layout is stored
    startup.take_over()
    assert not window.built
    assert QSettings().value("window/state") is None
    qtbot.wait(50)


def test_files_that_are_large_or_fail_are_left_to_the_window(tmp_path):
    broken = tmp_path / "broken.geojson"
    broken.write_text("{not json")
    session = tmp_path / "view.launchmap"
    session.write_text("{}")
    sample = str(sample_bundle())
    opened, later = app_module.read_small_files([sample, str(broken), sample])
    assert [path for path, _bundle, _problems in opened] == [sample]
    assert later == [str(broken), sample]  # the window reports the broken file in its own words, in order
    opened, later = app_module.read_small_files([str(session)])
    assert (opened, later) == ([], [str(session)])


def test_a_remembered_map_rect_is_used_only_for_a_window_of_its_size():
    assert app_module._remembered_rect(["10", "48", "600", "480", "1284", "707"], 1284, 707) == (10, 48, 600, 480)
    assert app_module._remembered_rect([10, 48, 600, 480, 1284, 707], 1366, 707) is None
    assert app_module._remembered_rect(["x", 48, 600, 480, 1284, 707], 1284, 707) is None
    assert app_module._remembered_rect("garbage", 1284, 707) is None
    assert app_module._remembered_rect(None, 1284, 707) is None
    assert app_module._remembered_rect([10, 48, 0, 480, 1284, 707], 1284, 707) is None


def test_the_quicker_pyside_feature_check_gives_pyside_s_own_answers():
    import viewer.qt.main_window  # noqa: F401  (modules that use PySide6, and numpy, shapely... that do not)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        return  # a PySide6 without the check: quicker_feature_check leaves it alone
    own = feature._mod_uses_pyside
    own = getattr(own, "pyside_check", own)  # already replaced in this process: PySide6's own is kept on it
    quicker_feature_check()
    quicker = feature._mod_uses_pyside
    modules = list(sys.modules.values())
    answers = [own(module) for module in modules]
    assert [quicker(module) for module in modules] == answers
    assert any(answers)
    assert not all(answers)


def test_a_click_on_the_map_while_the_canvas_draws_under_the_frame_shows_the_canvas(qtbot, monkeypatch):
    startup = started(qtbot, monkeypatch)
    first = startup.first_frame
    assert first is not None
    first.painted.disconnect()
    qtbot.waitUntil(lambda: first._reported, timeout=30000)
    startup.take_over()  # the frame stays over the canvas until the canvas has drawn everything
    viewport = startup.window.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    assert startup.first_frame is None  # the click reached the canvas, which shows now
    assert not first.isVisible()


def test_a_first_frame_never_painted_is_taken_over_all_the_same(qtbot, monkeypatch):
    monkeypatch.setattr(app_module.Startup, "_open_later_and_recover", lambda self: None)
    monkeypatch.setattr(app_module, "TAKE_OVER_UNSEEN_MS", 100)
    monkeypatch.setattr(FirstFrame, "paintEvent", lambda self, event: None)  # a window never exposed paints nothing
    startup = app_module.Startup([str(sample_bundle())])
    startup.show_first_frame()
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.window.built, timeout=30000)
    assert startup.window.workspace.content.features


class SettlingCanvas:
    """Stands in for a canvas whose layer shows its last image moved after a view change and draws afresh once the
    view has rested (a screen cache's settle timer, restarted at each paint of the moved image)."""

    def __init__(self, window: QWidget):
        self.view = QWidget(window)
        self.view.setGeometry(window.rect())
        self.moved = True
        self.settle = QTimer(self.view)
        self.settle.setSingleShot(True)
        self.settle.setInterval(150)
        self.settle.timeout.connect(self._rested)
        self.view.paintEvent = self._painted

    def viewport(self) -> QWidget:
        return self.view

    def _painted(self, event) -> None:
        if self.moved:
            self.settle.start()

    def _rested(self) -> None:
        self.moved = False
        self.view.update()


def test_a_layer_due_to_draw_afresh_when_the_event_loop_was_held_up_draws_before_the_frame_goes(qtbot):
    # Under load the GUI thread can be held up past both the frame's next look and a layer's settle timer: the
    # frame used to look first, find no paint for a while and go, and the canvas showed the layer's moved image
    # (a launch site's symbol or a path's name missing) until the settle timer fired.
    window = QWidget()
    window.resize(400, 300)
    qtbot.addWidget(window)
    canvas = SettlingCanvas(window)
    first = FirstFrame(window, window.rect(), Workspace(), load_basemap(), [], MapView())
    window.show()
    qtbot.waitExposed(window)
    shown_when_retired = []
    first.retired.connect(lambda: shown_when_retired.append("moved" if canvas.moved else "drawn afresh"))
    first.give_way_to(canvas)  # paints the canvas once: its moved image, the settle timer started
    QTimer.singleShot(20, lambda: time.sleep(0.4))  # the GUI thread held up past the settle timer
    qtbot.waitUntil(lambda: bool(shown_when_retired), timeout=5000)
    assert shown_when_retired == ["drawn afresh"]
