"""Once the map's data changes on screen, what is alive is frozen out of the cyclic collector's full collections (they
scanned it all mid-pan); a canvas never on screen (an export's) leaves the collector alone."""

from __future__ import annotations

import gc

import pytest

from viewer.geo.basemap import load_basemap
from viewer.model.workspace import Workspace
from viewer.qt.map.canvas import MapCanvas


@pytest.fixture
def unfrozen():  # after any fixture that loads: a large load leaves what it made frozen
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_after_the_data_changes_on_screen_what_is_alive_is_frozen(qtbot, sample_workspace, unfrozen):
    canvas = MapCanvas(Workspace(), load_basemap())
    canvas.resize(400, 300)
    qtbot.wait(20)  # the data changed while hidden: nothing is frozen yet
    assert gc.get_freeze_count() == 0
    canvas.show()
    qtbot.waitExposed(canvas)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5_000)
    gc.unfreeze()
    canvas.workspace.add(sample_workspace.bundles[0])
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5_000)  # settled again after the change
    canvas.hide()
    canvas.deleteLater()


def test_a_canvas_never_on_screen_leaves_the_collector_alone(qtbot, unfrozen):
    from PySide6.QtCore import Qt

    canvas = MapCanvas(Workspace(), load_basemap())
    canvas.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    canvas.resize(400, 300)
    canvas.show()
    canvas.refresh()
    qtbot.wait(50)
    assert gc.get_freeze_count() == 0
    canvas.hide()
    canvas.deleteLater()
