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


def test_a_cut_name_is_whole_in_the_legend_rows_tooltip(window, qtbot, tmp_path):
    """With other files' layers open too, the rows fit only cut: pointing at one shows its whole text, as QGIS's
    layer panel does; a whole row and the map beside the legend have no legend tooltip."""
    from PySide6.QtCore import QPointF

    files = []
    for name in ("ports", "bases", "islets"):
        places = tmp_path / f"{name}.csv"
        places.write_text("name,latitude,longitude\nBusan,35.18,129.08\n", encoding="utf-8")
        files.append(str(places))
    for name in ("lanes", "cables"):
        lines = tmp_path / f"{name}.geojson"
        lines.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": '
                         '{"type": "LineString", "coordinates": [[129, 35], [132, 33.5]]}}]}', encoding="utf-8")
        files.append(str(lines))
    window.open_files(files)
    window.resize(1284, 710)
    qtbot.wait(50)
    canvas = window.canvas
    canvas.grab()
    decorations = canvas.decorations
    box, layout = decorations.drawing.legend_drawn
    cut = [i for i, (_, text, _) in enumerate(layout.rows) if "…" in text]
    assert cut  # the case this is for: rows cut to fit
    top = box.top() + canvas.context.px(6)
    tips = []
    for _, text, _ in layout.rows:
        middle = top + layout.row_height(text) / 2
        decorations.pointer_moved(QPointF(box.center().x(), middle))
        tips.append(decorations.toolTip())
        top += layout.row_height(text)
    names = [row[1] for row in canvas.frame.legend_rows if row[0] in ("event", "layer")]
    for i, tip in enumerate(tips):
        assert tip == (names[i] if i in cut else ""), (i, tip)
    decorations.pointer_moved(QPointF(box.right() + 40, box.center().y()))
    assert decorations.toolTip() == ""
