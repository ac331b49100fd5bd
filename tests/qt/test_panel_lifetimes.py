"""Panels stop following the model when they are gone: no emission reaches a deleted widget, no cycle keeps one."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from viewer.cli.common import load_workspace
from viewer.qt.panels.details_panel import DetailsPanel
from viewer.qt.panels.search_panel import SearchPanel
from viewer.qt.panels.source_panel import SourcePanel

PANELS = [SourcePanel, SearchPanel, DetailsPanel]
SITE_2016 = "2016-02-07-kms4/launch-site"


def delete_now(widget) -> None:
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.parametrize("panel_class", PANELS)
def test_a_deleted_panel_is_not_called_when_the_model_changes(qapp, panel_class):
    workspace = load_workspace([])
    panel = panel_class(workspace)  # the Python side stays referenced while its C++ side is deleted
    delete_now(panel)
    workspace.bundles_changed.emit()  # raised EmitLoopError ("Internal C++ object already deleted")
    workspace.selection.select([SITE_2016])
    assert panel is not None


@pytest.mark.parametrize("panel_class", PANELS)
def test_a_deleted_panel_is_freed_without_the_cycle_collector(qapp, panel_class):
    workspace = load_workspace([])
    panel = panel_class(workspace)
    alive = weakref.ref(panel)
    gc.disable()
    try:
        delete_now(panel)
        del panel
        assert alive() is None, "a reference cycle keeps the panel"
    finally:
        gc.enable()
