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
    assert any("…" in text for _, text, _ in tight.rows)


def test_when_the_kinds_go_anyway_the_launches_names_wrap(window):
    """With partner layers open, the overview slide's column had no room for the kinds: the launches stayed, cut
    ('2023-05-31 Chollima-1 laun…' three times over) though the column had height for whole names."""
    from viewer.qt.map.decorations import legend_layout

    full = legend_layout(window.canvas.frame)
    launches = [text for kind, text, _ in full.rows if kind == "event"]
    assert len(launches) == 4
    narrow = full.width * 0.65  # the launches' names on two lines each
    short = full.row * (len(full.rows) - 1)  # not room for every row: the kinds go, and the launches have room
    layout = legend_layout(window.canvas.frame, narrow, short, wrap=True)
    assert [kind for kind, _, _ in layout.rows] == ["event"] * 4
    assert not any("…" in text for _, text, _ in layout.rows), layout.rows
    assert any("\n" in text for _, text, _ in layout.rows)


def test_a_column_short_of_room_to_wrap_every_row_wraps_the_first_rows(window):
    """A deck slide with ten partner layers of long names had height for a few more lines, not for every name
    wrapped: every row was cut to one line, its own launch's too ('2023-05-31  C… 1st attempt'). The rows wrap
    in order, launches first, as far as the height goes."""
    from viewer.qt.map.decorations import legend_layout

    frame = window.canvas.frame
    full = legend_layout(frame)
    rows = len(full.rows)
    narrow = full.width * 0.65
    every = legend_layout(frame, narrow, 2000, wrap=True)
    assert sum(text.count("\n") for _, text, _ in every.rows) >= 3
    room = full.height + every.line * 2 + 1  # every row on one line, and two lines more
    layout = legend_layout(frame, narrow, room, wrap=True)
    assert len(layout.rows) == rows
    first = layout.rows[0][1]
    assert "\n" in first
    assert "…" not in first
    assert layout.height <= room
