"""Decorations are placed, and data framed, so that nothing framed lies under a decoration."""

from __future__ import annotations

import pytest

from viewer.geo.room import (
    DecorationSizes,
    fit_in,
    frame_in_room,
    free_rects,
    legend_choices,
    nearest_corner,
    place_decorations,
)

SIZES = DecorationSizes(1366, 768, margin=10, title=(500, 40), north_arrow=(46, 58), scale_bar=(220, 40),
                        footer=14, legend=(380, 220), column=(380, 300))


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("place", ["nw", "ne", "sw", "se", "outside"])
def test_decorations_never_overlap_each_other(place):
    layout = place_decorations(SIZES, place)
    assert layout.legend_place == place
    boxes = {k: v for k, v in layout.boxes.items() if k != "column"}
    names = list(boxes)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not overlaps(boxes[a], boxes[b]), (place, a, b)
        assert 0 <= boxes[a][0] < boxes[a][2] <= SIZES.width
        assert 0 <= boxes[a][1] < boxes[a][3] <= SIZES.height


def test_auto_takes_the_corner_with_least_data_under_it():
    data = (900, 400, 1300, 700)  # data in the bottom right
    layout = place_decorations(SIZES, "auto", lambda box: float(overlaps(box, data)))
    assert layout.legend_place in ("nw", "ne", "sw")
    assert not overlaps(layout.legend_box, data)


def test_auto_goes_beside_the_map_when_the_legend_fits_no_corner():
    sizes = DecorationSizes(600, 400, footer=14, legend=None, column=(150, 200))
    assert place_decorations(sizes, "auto").legend_place == "outside"


def test_none_draws_no_legend():
    assert "legend" not in place_decorations(SIZES, "none").boxes


def test_free_rects_avoid_every_box():
    boxes = [(0, 0, 100, 50), (500, 300, 600, 400)]
    for rect in free_rects(600, 400, boxes):
        assert not any(overlaps(rect, b) for b in boxes)
    assert free_rects(600, 400, boxes)[0] == (0, 50, 500, 400)  # the largest


def test_framed_data_lies_clear_of_every_decoration_and_as_large_as_it_goes():
    data = (0.0, 0.0, 1000.0, 3000.0)  # a launch running north-south, in map units
    layouts = [place_decorations(SIZES, place) for place in legend_choices("auto")]
    layout, frame = frame_in_room(layouts, data, pad=12)
    scale = SIZES.width / (frame[2] - frame[0])
    assert frame[3] - frame[1] == pytest.approx(SIZES.height / scale)
    # the data's corners in pixels
    left, top = (data[0] - frame[0]) * scale, (frame[3] - data[3]) * scale
    right, bottom = (data[2] - frame[0]) * scale, (frame[3] - data[1]) * scale
    for name, box in layout.boxes.items():
        assert not overlaps((left, top, right, bottom), box), name
    # fits the height between the decorations: as large as the free room allows
    assert bottom - top == pytest.approx(SIZES.height - SIZES.footer - 24, rel=0.02)


def test_a_tiny_launch_is_not_blown_up():
    _scale, frame = fit_in((0, 0, 1000, 500), (0, 0, 1, 1), 1000, 500, min_span=400_000)
    assert frame[2] - frame[0] >= 400_000


@pytest.mark.parametrize(("x", "y", "corner"), [(10, 10, "nw"), (1300, 40, "ne"), (200, 700, "sw"),
                                                (1000, 500, "se"), (682, 383, "nw")])
def test_a_legend_dropped_anywhere_goes_to_the_nearest_corner(x, y, corner):
    assert nearest_corner(1366, 768, x, y) == corner
    layout = place_decorations(SIZES, corner)
    assert layout.legend_place == corner


# -- auto keeps its place (issue 15: the legend flipped to a column after a pan when every corner covered data) --
def _under(data):
    return lambda box: float(sum(overlaps(box, d) for d in data))


def test_auto_keeps_its_corner_unless_another_is_clearly_better():
    free = _under([])
    assert place_decorations(SIZES, "auto", free).legend_place == "se"  # no history: the first free corner
    assert place_decorations(SIZES, "auto", free, keep="sw").legend_place == "sw"  # every corner free: kept
    # the kept corner covers one thing and another none: moved
    under_sw = (100, 600, 120, 620)
    assert place_decorations(SIZES, "auto", _under([under_sw]), keep="sw").legend_place == "se"
    # every corner covers some data, the kept one a little more than another: kept
    corners = {c: place_decorations(SIZES, c).legend_box for c in ("nw", "ne", "sw", "se")}
    data = [corners["sw"]] * 3 + [corners["se"]] * 2 + [corners["ne"]] * 4 + [corners["nw"]] * 4
    assert place_decorations(SIZES, "auto", _under(data), keep="sw").legend_place == "sw"
    assert place_decorations(SIZES, "auto", _under(data)).legend_place == "se"


def test_auto_takes_the_column_only_when_it_hides_less_than_every_corner():
    """The column beside the map hides everything under it, not only what is under the legend in it."""
    sizes = DecorationSizes(800, 600, margin=10, footer=14, legend=(380, 200), column=(250, 400))
    corners = {c: place_decorations(sizes, c).legend_box for c in ("nw", "ne", "sw", "se")}
    column = place_decorations(sizes, "outside").boxes["column"]
    # a little data under the left edge of each corner's legend, clear of the column
    data = [(b[0] + 1, b[1] + 1, b[0] + 5, b[1] + 5) for b in corners.values()]
    assert all(d[2] < column[0] for d in data)
    assert place_decorations(sizes, "auto", _under(data)).legend_place == "outside"
    under_column_not_legend = (column[0] + 5, sizes.height - 60, column[0] + 10, sizes.height - 50)
    assert place_decorations(sizes, "auto", _under(data + [under_column_not_legend] * 3)).legend_place != "outside"


# -- a shorter legend before covering data (Okinawa zoomed at 1366x768: the whole legend covered a warning area in
# every corner, and the column hid the paths) --
SHORT = DecorationSizes(686, 552, margin=10, north_arrow=(46, 58), scale_bar=(233, 40), footer=14,
                        legend=(343, 221), column=(240, 400), compact=(343, 88))


def test_auto_shortens_the_legend_to_its_launches_when_that_clears_a_corner():
    whole = {c: place_decorations(SHORT, c).legend_box for c in ("nw", "ne", "sw", "se")}
    short_nw = place_decorations(SHORT, "nw short").legend_box
    assert short_nw[3] - short_nw[1] == 88
    # data under the lower part of the whole legend in the north-west (clear of its short form) and in every other
    # corner, and under the column
    data = [(100, short_nw[3] + 10, 120, whole["nw"][3] - 5)]
    data += [(b[0] + 50, b[1] + 10 if c == "ne" else b[3] - 20, b[0] + 60, (b[1] + 20) if c == "ne" else b[3] - 10)
             for c, b in whole.items() if c != "nw"]
    data.append((600, 300, 610, 310))
    layout = place_decorations(SHORT, "auto", _under(data))
    assert (layout.legend_place, layout.short, layout.held_place) == ("nw", True, "nw short")
    assert layout.legend_box == short_nw
    assert not any(overlaps(layout.legend_box, d) for d in data)
    # held as it is while the view moves (the screen asks for the place it kept)
    assert place_decorations(SHORT, layout.held_place).legend_box == short_nw


def test_auto_keeps_the_whole_legend_when_a_corner_is_free_for_it():
    whole_ne = place_decorations(SHORT, "ne").legend_box
    data = [(b[0] + 5, b[1] + 5, b[0] + 9, b[1] + 9) for b in
            (place_decorations(SHORT, c).legend_box for c in ("nw", "sw", "se"))]
    layout = place_decorations(SHORT, "auto", _under(data))
    assert (layout.legend_place, layout.short, layout.legend_box) == ("ne", False, whole_ne)


def test_auto_keeps_the_whole_legend_when_the_short_one_covers_as_much():
    boxes = {c: place_decorations(SHORT, c).legend_box for c in ("nw", "ne", "sw", "se")}
    # by each corner's edge: under the short legend as much as under the whole one
    data = [(b[0] + 5, b[1] + 5, b[0] + 9, b[1] + 9) if c[0] == "n" else (b[0] + 5, b[3] - 9, b[0] + 9, b[3] - 5)
            for c, b in boxes.items()]
    data += [(400, 5, 680, 540)] * 9  # the column would hide much more
    layout = place_decorations(SHORT, "auto", _under(data))
    assert not layout.short


def test_a_narrow_launch_goes_to_the_middle_where_the_room_lets_it():
    """Centred in the largest free rect, a north-south launch sat in the strip right of the title, right of the
    middle; it may slide to the middle as long as it stays clear of every decoration, at the same scale."""
    sizes = DecorationSizes(1600, 900, title=(500, 40), north_arrow=(46, 58), scale_bar=(200, 40), footer=16,
                            legend=(360, 160))
    data = (0.0, 0.0, 200.0, 3000.0)
    layouts = [place_decorations(sizes, place) for place in legend_choices("auto")]
    layout, frame = frame_in_room(layouts, data, pad=12)
    scale = sizes.width / (frame[2] - frame[0])
    left, top = (data[0] - frame[0]) * scale, (frame[3] - data[3]) * scale
    right, bottom = (data[2] - frame[0]) * scale, (frame[3] - data[1]) * scale
    for name, box in layout.boxes.items():
        assert not overlaps((left, top, right, bottom), box), name
    assert (left + right) / 2 == pytest.approx(800, abs=2)
    assert bottom - top == pytest.approx(900 - 16 - 24, rel=0.01)  # no smaller for it


def test_fit_in_towards_a_point_stops_at_the_rects_edge():
    scale, centred = fit_in((600, 0, 1000, 200), (0, 0, 100, 100), 1000, 500)
    assert scale == pytest.approx(2.0)  # 200 px for 100 units: the height decides
    _scale, slid = fit_in((600, 0, 1000, 200), (0, 0, 100, 100), 1000, 500, towards=(500, 100))
    assert (0 - centred[0]) * scale == pytest.approx(700)  # the data's left edge, centred in the rect
    assert (0 - slid[0]) * scale == pytest.approx(600)  # slid towards x=500 until it meets the rect's left edge
