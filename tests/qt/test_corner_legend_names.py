"""The on-map corner legend names each launch in full when it has height to spare: 'Chollima-1 launch
(Malligyong-1, 1…' was cut in a 1920x1080 window with height to spare in the legend's corner."""

from __future__ import annotations


def test_the_corner_legend_wraps_names_rather_than_cutting_them(window, monkeypatch, qtbot):
    import viewer.qt.draw.decorations as decorations

    drawn = []
    draw = decorations.draw_legend
    monkeypatch.setattr(decorations, "draw_legend",
                        lambda painter, context, box, layout: (drawn.append(layout), draw(painter, context, box,
                                                                                          layout)))
    window.resize(1920, 1080)
    qtbot.wait(50)
    window.canvas.grab()
    assert drawn
    names = {event.name for event in window.workspace.content.events.values()}
    texts = [" ".join(text.split("\n")) for kind, text, _ in drawn[-1].rows]
    assert not [text for text in texts if "…" in text]
    for name in names:
        assert any(name in text for text in texts), name


def test_a_small_window_names_the_launches_in_full(window, monkeypatch, qtbot):
    """At 1366x768 (the map ~600x490 pixels) the kinds' rows fit neither wrapped nor cut: the launches' rows alone
    were drawn cut, three 'Chollima-1 launch (Malligyong-…' told apart by their dates only. They are whole now, and
    an export of the same size draws the same legend."""
    import viewer.qt.draw.decorations as decorations

    drawn = []
    draw = decorations.draw_legend
    monkeypatch.setattr(decorations, "draw_legend",
                        lambda painter, context, box, layout: (drawn.append(layout), draw(painter, context, box,
                                                                                          layout)))
    window.resize(1284, 710)  # a 1366x768 screen's window with no window manager to maximise it
    qtbot.wait(50)
    window.canvas.grab()
    assert drawn
    texts = [" ".join(text.split("\n")) for _, text, _ in drawn[-1].rows]
    assert not [text for text in texts if "…" in text], texts
    names = {event.name for event in window.workspace.content.events.values()}
    for name in names:
        assert any(name in text for text in texts), name
