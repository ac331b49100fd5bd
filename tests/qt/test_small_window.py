"""A small window keeps a usable map: the panels give up room before the map does."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_the_map_keeps_a_usable_size_in_a_small_window(window, qtbot):
    """Found at 700x450: the docks kept their widths and the map shrank to ~70 px wide."""
    window.resize(700, 450)
    qtbot.wait(50)
    assert window.canvas.width() >= 320, window.canvas.width()
    assert window.canvas.height() >= 200, window.canvas.height()
