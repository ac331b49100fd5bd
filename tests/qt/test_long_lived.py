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


def test_settles_after_a_large_load_walk_it_again_only_once_they_froze_a_quarter_as_much(monkeypatch, unfrozen):
    """A million loaded objects stay frozen through settles that freeze up to a quarter as many again (a fixed
    250,000 had settles after a few smaller files unfreeze and walk a loaded million features, 0.5-1 s); past that,
    one full collection frees any cycle frozen meanwhile. Counted in objects, not timed."""
    from viewer.qt.map import long_lived

    monkeypatch.setattr(long_lived, "_settled_since_full", 0)
    monkeypatch.setattr(long_lived, "_frozen_seen", 0, raising=False)
    unfrozen_with: list[int] = []
    real_unfreeze = gc.unfreeze

    def unfreeze() -> None:
        unfrozen_with.append(gc.get_freeze_count())
        real_unfreeze()

    monkeypatch.setattr(gc, "unfreeze", unfreeze)
    loaded = [[i] for i in range(1_000_000)]  # a large load's objects, which the loader leaves frozen
    real_unfreeze()
    gc.collect()
    gc.freeze()
    made = []
    for _ in range(8):  # each settle after another file's 40,000 objects: 320,000 in all, over FULL_AFTER
        made.append([[i] for i in range(40_000)])
        long_lived.settle()
    assert unfrozen_with == []  # the million was never walked again
    while not unfrozen_with:  # settles that froze a quarter as much as is frozen: one full collection
        made.append([[i] for i in range(40_000)])
        long_lived.settle()
    assert len(unfrozen_with) == 1
    assert long_lived._settled_since_full < long_lived.FULL_AFTER
    assert sum(map(len, made)) > len(loaded) // 4
