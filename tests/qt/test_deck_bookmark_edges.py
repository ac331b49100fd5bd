"""A bookmark drawn on a slide keeps its data clear of the slide map's footer: framed on screen down to the last
impact point, the slide drew the '4th object fall' and '2nd stage fall' markers under the footer band (the screen's
footer is a smaller share of its map than a slide's)."""

from __future__ import annotations

import pytest

from viewer.export.slides import MAP_BOX, SLIDE_PIXELS, shot
from viewer.geo.crs import regional
from viewer.model.bookmark import Bookmark
from viewer.model.view import MapView, visible_extent

pytestmark = pytest.mark.gui


def test_a_bookmarks_data_stays_above_the_slide_maps_footer(sample_workspace):
    from viewer.qt.briefing import map_images
    from viewer.qt.render import MapRenderer

    content = sample_workspace.content
    extent = visible_extent(list(content.features.values()))
    projection = regional(extent)
    view = MapView(projection)
    xmin, ymin, xmax, ymax = projection.project_extent(extent)
    height = ymax - ymin
    view.set_frame((xmin, ymin - 0.01 * height, xmax, ymax + 0.01 * height))  # framed tight, as a user zooms to data
    bookmark = Bookmark.of("Tight", view)
    assert bookmark.view.map_rect is not None  # an exact frame: drawn as it was saved
    renderer = MapRenderer(sample_workspace)
    try:
        map_images(renderer, projection)(shot(bookmark, MAP_BOX, SLIDE_PIXELS // 2))
        frame = renderer.scene.frame
        footer_top = renderer.scene.decorations.last_layout.boxes["footer"][1]
        lowest = frame.map_to_pixel(xmin, ymin).y()
        shown = frame.view_rect
    finally:
        renderer.close()
    assert lowest < footer_top  # the southernmost data is drawn above the footer
    saved = bookmark.view.map_rect
    assert shown.left() <= saved[0]
    assert shown.right() >= saved[2]
    assert shown.top() <= saved[1]
    assert shown.bottom() >= saved[3]
