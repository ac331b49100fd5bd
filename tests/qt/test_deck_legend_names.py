"""The deck's legend column names each launch in full: 'Chollima-1 laun…' and 'Approximate (dashed, thinn…' were cut
in a column with half its height to spare; a name now goes on to further lines there."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_every_launch_slide_names_its_launch_in_full(tmp_path, monkeypatch, sample_workspace):
    import viewer.qt.draw.decorations as decorations
    from viewer.qt.briefing import write_briefing

    drawn = []
    draw = decorations.draw_legend

    def keep(painter, context, box, layout):
        drawn.append((layout, box))
        draw(painter, context, box, layout)

    monkeypatch.setattr(decorations, "draw_legend", keep)
    write_briefing(sample_workspace, [], tmp_path / "deck.pdf")
    names = {event.name for event in sample_workspace.content.events.values()}
    texts = [" ".join(text.split("\n")) for layout, _ in drawn for kind, text, _ in layout.rows]
    assert not [text for text in texts if "…" in text]
    for name in names:
        assert any(name in text for text in texts), name
    wrapped = [(layout, box) for layout, box in drawn if any("\n" in text for _, text, _ in layout.rows)]
    assert wrapped
    for layout, box in wrapped:  # the panel drawn holds every line of its rows
        assert sum(layout.row_height(text) for _, text, _ in layout.rows) <= box.height()


def test_wrapping_keeps_the_kinds_when_the_column_is_short(window):
    from viewer.qt.map.decorations import legend_layout

    full = legend_layout(window.canvas.frame)
    rows = len(full.rows)
    narrow = full.width * 0.5
    roomy = legend_layout(window.canvas.frame, narrow, 2000, wrap=True)
    assert len(roomy.rows) == rows
    assert not any("…" in text for _, text, _ in roomy.rows)
    assert any("\n" in text for _, text, _ in roomy.rows)
    # just room for every row on one line: the rows stay, cut, rather than the kinds going for whole names
    tight = legend_layout(window.canvas.frame, narrow, full.row * rows + 20, wrap=True)
    assert len(tight.rows) == rows
    assert any(text.endswith("…") for _, text, _ in tight.rows)
