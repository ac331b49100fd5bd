"""Unticking a kind in the tree hides its features on the map, as it hides them in the legend: the kind's last
features hidden left its drawing on the screen (an empty set of shown features read as 'nothing changed')."""

from __future__ import annotations

import pytest

from viewer.model.kinds import kinds_in_order


@pytest.mark.gui
def test_every_kind_hidden_alone_leaves_nothing_of_it_drawn(window, qtbot):
    canvas = window.canvas
    kinds = kinds_in_order(window.workspace.content.table.kind.counts())
    assert {"flight_path", "danger_zone", "launch_site"} <= set(kinds)
    for kind in kinds:
        visual = canvas.visuals[kind]
        window.map_view.set_hidden(kinds={kind})
        qtbot.wait(10)
        drawn = getattr(visual, "strokes", None) if hasattr(visual, "strokes") else visual._groups
        assert not drawn, kind
        assert visual.flags() & visual.GraphicsItemFlag.ItemHasNoContents, kind
        window.map_view.set_hidden(kinds=())
        qtbot.wait(10)
        drawn = getattr(visual, "strokes", None) if hasattr(visual, "strokes") else visual._groups
        assert drawn, kind
