"""First steps names the panels as the window titles them ('Events and features' named a panel titled 'Events'),
and tells how edits are kept (it did not say how to save at all)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction, QKeySequence

from viewer.qt.help import FIRST_STEPS

pytestmark = pytest.mark.gui


def test_first_steps_names_each_panel_by_its_title(window):
    titles = {dock.windowTitle() for dock in window.docks.values()}
    named = set(re.findall(r"<i>(.*?)</i>", FIRST_STEPS))
    assert named
    assert named <= titles, named - titles


def test_first_steps_says_how_edits_are_saved(window):
    text = re.sub(r"<[^>]+>", "", FIRST_STEPS)
    assert "Ctrl+S" in text
    actions = window.findChildren(QAction)
    save = next(a for a in actions if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Save))
    assert save.text().replace("&", "") == "Save"
