"""GUI fixtures: the main window on the sample bundle, and an offscreen renderer, both real."""

from __future__ import annotations

import pytest
from shared_data import SOHAE  # noqa: F401  (kept for fixtures' readers)

from viewer.qt import plain_box
from viewer.resources import sample_bundle


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    """Window layout and recent files go to a temporary folder, never the user's own settings."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("launchmap-tests")
    QCoreApplication.setApplicationName("launchmap-tests")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(tmp_path / "settings"))
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture(autouse=True)
def answer_questions_with_discard(monkeypatch):
    """A window closed at a test's end with unsaved work would ask (a modal box nobody answers offscreen): the
    answer is Discard, unless the test answers itself (it patches QMessageBox.question again)."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(plain_box, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)


@pytest.fixture
def window(qtbot):
    from viewer.qt.main_window import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    main.open_files([str(sample_bundle())])
    main.canvas.zoom_to_extent(main.canvas.data_extent(), margin=0.05)
    return main


@pytest.fixture
def sample_canvas(qtbot):
    """Makes the map canvas as an export has it (the sample, the places), 700x560, shown, in ``projection`` and
    framed on the lon/lat ``view``: ``sample_canvas(projection, view)``."""
    from viewer.cli.common import load_workspace
    from viewer.geo.basemap import load_basemap
    from viewer.geo.gazetteer import load_places
    from viewer.qt.map.canvas import MapCanvas

    made = []

    def make(projection, view):
        canvas = MapCanvas(load_workspace([]), load_basemap(), load_places())
        made.append(canvas)
        canvas.resize(700, 560)
        canvas.show()
        qtbot.waitExposed(canvas)
        canvas.set_projection(projection)
        canvas.zoom_to_extent(view)
        return canvas

    yield make
    for canvas in made:
        canvas.labels.wait()
        canvas.hide()  # not close(): pyqtgraph's GraphicsView.close tears the viewport down under Qt's feet
        canvas.deleteLater()


@pytest.fixture
def sample_workspace():
    from viewer.cli.common import load_workspace

    return load_workspace([])


@pytest.fixture
def saved_labels(monkeypatch) -> list:
    """The labels of every image ``MapRenderer.save`` writes from now on, in order: what an export placed."""
    from viewer.qt.render import MapRenderer

    drawn: list = []
    save = MapRenderer.save

    def save_and_keep(self, path, request):
        times = save(self, path, request)
        drawn.append(self.scene.labels)
        return times

    monkeypatch.setattr(MapRenderer, "save", save_and_keep)
    return drawn


@pytest.fixture
def exported_labels(saved_labels):
    """``exported_labels(args)`` runs ``launchmap export ARGS`` and returns the labels the export placed."""
    from viewer.cli import main

    def export(args: list[str]):
        assert main(["export", *args]) == 0
        return saved_labels[-1]

    return export
