"""A narrow map's title stays clear of the north arrow and whole, on two lines where one does not fit: at 400 px
wide the arrow was drawn over 'North Korean launches 2016-…'."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui

TITLE = "North Korean launches 2016-2023"


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("size", [(400, 800), (600, 400), (1920, 1080)])
def test_the_title_is_whole_and_clear_of_the_north_arrow(sample_workspace, monkeypatch, size):
    from viewer.model.view import MapView
    from viewer.qt.draw import decorations
    from viewer.qt.render import ImageRequest, MapRenderer

    titles = []
    draw = decorations.DecorationPainter._title
    monkeypatch.setattr(decorations.DecorationPainter, "_title",
                        lambda self, painter, box: titles.append(self.title_lines(box)) or draw(self, painter, box))
    view = MapView()
    view.set_decorations(title=TITLE)
    renderer = MapRenderer(sample_workspace)
    try:
        renderer.image(ImageRequest(view, *size))
        boxes = renderer.scene.decorations.last_layout.boxes
    finally:
        renderer.close()
    assert not overlaps(boxes["title"], boxes["north_arrow"])
    assert " ".join(titles[-1]) == TITLE
