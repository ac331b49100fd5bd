"""Starting the window: the sample is read before the window shows, so its first paint frames the data, and the
basemap is built once, at the level that view needs."""

from __future__ import annotations

import gc

from viewer.qt import app as app_module
from viewer.qt import first_frame, main_window, plain_box
from viewer.qt.map.basemap_layer import BasemapLayer
from viewer.resources import sample_bundle


def started_window(qtbot, monkeypatch, files: list[str] | None = None) -> main_window.MainWindow:
    """The window `run_app` starts on the sample, returned once its first frame has been painted and the canvas
    has taken over (the app quits there)."""
    windows: list[main_window.MainWindow] = []

    class Started(main_window.MainWindow):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            windows.append(self)

    monkeypatch.setattr(main_window, "MainWindow", Started)
    monkeypatch.setenv(app_module.EXIT_AFTER_FIRST_PAINT, "1")
    assert app_module.run_app(files or []) == 0  # returns once the map has been painted
    qtbot.addWidget(windows[0])
    return windows[0]


def test_the_first_paint_frames_the_sample_with_one_basemap_level_built(qtbot, monkeypatch):
    built: list[int] = []
    build = BasemapLayer._strokes_for
    monkeypatch.setattr(BasemapLayer, "_strokes_for", lambda self, projection, level: built.append(level)
                        or build(self, projection, level))
    window = started_window(qtbot, monkeypatch)
    canvas = window.canvas
    assert window.workspace.content.features  # the sample was in before the first paint
    assert built == [canvas.basemap_layer.level]  # one level, the first view's
    west, south, east, north = canvas.data_extent()
    xmin, ymin, xmax, ymax = canvas.projection.project_extent((west, south, east, north))
    rect = canvas.view.viewRect()
    assert rect.left() <= xmin
    assert rect.top() <= ymin
    assert rect.right() >= xmax
    assert rect.bottom() >= ymax
    assert canvas.width() > window.docks["events"].width()  # laid out, docks at their first-run sizes


def test_the_unseen_window_fallback_does_not_fire_once_the_start_is_over(qtbot, monkeypatch):
    """The fallback that takes over a window never painted is stopped by the take-over: it fired 2 s later into
    whatever ran next (a later test), calling into a start-up already finished (a crash when that was collected)."""
    calls: list[bool] = []
    take_over = app_module.Startup.take_over
    monkeypatch.setattr(app_module.Startup, "take_over", lambda self: calls.append(True) or take_over(self))
    monkeypatch.setattr(app_module, "TAKE_OVER_UNSEEN_MS", 1500)
    started_window(qtbot, monkeypatch)
    assert calls == [True]
    qtbot.wait(2000)  # past the fallback's time
    assert calls == [True]


def test_the_collector_waits_for_the_first_frame_and_runs_again_from_then_on(qtbot, monkeypatch):
    from viewer import cli

    seen = []
    take_over = app_module.Startup.take_over

    def spy(self) -> None:
        seen.append(("first frame painted", gc.isenabled()))
        take_over(self)
        seen.append(("taken over", gc.isenabled()))

    monkeypatch.setattr(app_module.Startup, "take_over", spy)
    monkeypatch.setattr(app_module.Startup, "_open_later_and_recover", lambda self: None)
    monkeypatch.setenv(app_module.EXIT_AFTER_FIRST_PAINT, "1")
    windows = []
    monkeypatch.setattr(main_window.MainWindow, "showEvent", lambda self, event: windows.append(self))
    assert gc.isenabled()
    assert cli.main([]) == 0
    qtbot.addWidget(windows[0])
    assert seen == [("first frame painted", False), ("taken over", True)]
    assert gc.isenabled()
    assert cli.main(["validate", str(sample_bundle())]) == 0  # headless commands leave it alone
    assert gc.isenabled()


def test_the_window_gets_its_icon_once_its_first_frame_is_on_screen(qtbot, monkeypatch):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    QApplication.setWindowIcon(QIcon())
    icons = []
    paint = first_frame.FirstFrame.paintEvent
    monkeypatch.setattr(first_frame.FirstFrame, "paintEvent",
                        lambda self, event: icons.append(QApplication.windowIcon().isNull()) or paint(self, event))
    started_window(qtbot, monkeypatch)
    assert icons[0]  # not loaded (Qt's SVG plugin) before the first frame
    assert not QApplication.windowIcon().isNull()


def test_a_second_file_with_the_same_feature_ids_is_refused_in_one_line_and_the_first_opens(qtbot, monkeypatch,
                                                                                            tmp_path):
    """`launchmap launches.gpkg launches.kml` (the same bundle in two formats) ended the start with a traceback."""
    import shutil


    reports: list[str] = []
    monkeypatch.setattr(plain_box, "warning", lambda _parent, _title, text: reports.append(text))
    first, second = tmp_path / "first.geojson", tmp_path / "second.geojson"
    shutil.copy(sample_bundle(), first)
    shutil.copy(sample_bundle(), second)
    window = started_window(qtbot, monkeypatch, [str(first), str(second)])
    assert [bundle.name for bundle in window.workspace.bundles] == ["first.geojson"]
    qtbot.waitUntil(lambda: len(reports) == 1)
    assert reports[0].startswith("second.geojson: feature id ")
    assert "already used by first.geojson" in reports[0]
