"""The label engine: priority first, candidates in order, nothing over a mark, a decoration or another label."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import shapely

from viewer.geo.labels import (
    LabelSpec,
    Turned,
    along_line,
    around_point,
    beside_area,
    overlapping,
    place,
    segment_boxes,
    shape_of,
    short_label,
)


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_higher_priority_wins_the_contested_spot_and_the_other_moves_or_goes():
    first = LabelSpec("site", 1, around_point(100, 100, 60, 12, 8))
    second = LabelSpec("place", 5, around_point(104, 100, 60, 12, 4))
    placed = place([second, first], [], (0, 0, 400, 400))
    assert placed[0] == (1, 0)  # the site, in its first (right-hand) position
    boxes = [[second, first][i].candidates[j] for i, j in placed]
    assert not any(overlaps(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:])


def test_obstacles_and_bounds_push_a_label_to_another_candidate_or_drop_it():
    label = LabelSpec("x", 1, around_point(100, 100, 60, 12, 8))
    right = label.candidates[0]
    placed = place([label], [right], (0, 0, 400, 400))
    assert placed
    assert placed[0][1] != 0
    assert place([label], [(0, 0, 400, 400)], (0, 0, 400, 400)) == []  # no room at all: dropped
    assert place([label], [], (95, 95, 105, 105)) == []  # off the map: dropped


def test_many_labels_never_overlap():
    import random

    rng = random.Random(4)
    specs = [LabelSpec(i, rng.randint(0, 5), around_point(rng.uniform(0, 500), rng.uniform(0, 500), 50, 12, 5))
             for i in range(300)]
    placed = place(specs, [(200, 200, 300, 300)], (0, 0, 500, 500))
    boxes = [specs[i].candidates[j] for i, j in placed]
    assert 20 < len(boxes) < 300
    assert not any(overlaps(b, (200, 200, 300, 300)) for b in boxes)
    assert not any(overlaps(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:])


def test_a_line_is_an_obstacle_along_its_length():
    boxes = segment_boxes([0, 100, float("nan"), 0], [0, 100, float("nan"), 50], 2)
    assert len(boxes) > 10
    assert any(b[0] <= 50 <= b[2] and b[1] <= 50 <= b[3] for b in boxes)
    assert not any(b[0] <= 80 <= b[2] and b[1] <= 20 <= b[3] for b in boxes)  # off the line


def test_short_labels():
    assert short_label("danger_zone", "Danger zone 2 (fairing, W of Jeju)") == "Zone 2 (fairing)"
    assert short_label("impact_point", "4th object fall (~2,000 km S of Japan)") == "4th object fall"
    assert short_label("launch_site", "Sohae, original gantry pad") == "Sohae"


# -- names along paths -------------------------------------------------------------------------------------------
def _polyline(points, step=2.0):
    """A polyline through ``points`` with a vertex every ``step`` pixels (as a projected path is densified)."""
    import numpy as np

    xs, ys = [], []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        n = max(2, int(math.hypot(x1 - x0, y1 - y0) / step))
        xs.append(np.linspace(x0, x1, n, endpoint=False))
        ys.append(np.linspace(y0, y1, n, endpoint=False))
    xs.append(np.array([points[-1][0]]))
    ys.append(np.array([points[-1][1]]))
    return np.concatenate(xs), np.concatenate(ys)


@pytest.mark.parametrize("heading", [0.0, 30.0, 80.0, 100.0, 150.0, 200.0, 260.0, -60.0])
def test_a_name_along_a_straight_path_follows_it_upright_and_beside_it(heading):
    a = math.radians(heading)
    x, y = _polyline([(250 - 200 * math.cos(a), 250 - 200 * math.sin(a)),
                      (250 + 200 * math.cos(a), 250 + 200 * math.sin(a))])
    candidates = along_line(x, y, 90, 12, gap=4)
    assert candidates
    for turned in candidates:
        # the same direction as the path (modulo 180°), and never upside down
        assert abs(((turned.angle - heading) + 90) % 180 - 90) < 1.0
        assert -90 < turned.angle <= 90
        # beside the line, not on it: the box's centre is gap + half its height from it
        distance = abs((turned.cx - 250) * math.sin(a) - (turned.cy - 250) * math.cos(a))
        assert distance == pytest.approx(4 + 6, abs=0.5)
    line = shapely.LineString(np.column_stack([x, y]))
    assert not any(shape_of(t).intersects(line) for t in candidates)


def test_a_name_goes_on_the_straight_stretch_of_a_bent_path_and_a_zigzag_gets_none():
    x, y = _polyline([(0, 300), (150, 300), (160, 260), (170, 300), (480, 20)])  # a spike, then a long diagonal
    candidates = along_line(x, y, 100, 12, gap=4)
    assert candidates
    diagonal = math.degrees(math.atan2(20 - 300, 480 - 170))
    best = candidates[0]
    assert abs(best.angle - diagonal) < 1.0
    assert best.cx > 170
    zigzag = _polyline([(i * 12, 100 + (15 if i % 2 else -15)) for i in range(40)])
    assert along_line(*zigzag, 100, 12, gap=4) == ()
    assert along_line(*_polyline([(0, 0), (60, 0)]), 100, 12, gap=4) == ()  # shorter than the name


def test_turned_names_and_upright_labels_never_overlap_and_are_tested_as_turned():
    import random

    rng = random.Random(7)
    specs = []
    for i in range(60):  # paths in every direction
        x0, y0 = rng.uniform(0, 600), rng.uniform(0, 600)
        a = rng.uniform(0, 2 * math.pi)
        x, y = _polyline([(x0, y0), (x0 + 250 * math.cos(a), y0 + 250 * math.sin(a))])
        specs.append(LabelSpec(("path", i), rng.randint(0, 5), along_line(x, y, rng.uniform(50, 110), 12, 4)))
    specs += [LabelSpec(("place", i), rng.randint(0, 8), around_point(rng.uniform(0, 600), rng.uniform(0, 600),
                                                                        50, 12, 5)) for i in range(200)]
    placed = place(specs, [(250, 250, 330, 330)], (0, 0, 600, 600))
    chosen = [specs[i].candidates[j] for i, j in placed]
    turned = [c for c in chosen if isinstance(c, Turned)]
    assert len(turned) > 10
    assert any(abs(t.angle) > 20 for t in turned)
    for k, a in enumerate(chosen):
        assert not overlapping(a, (250, 250, 330, 330))
        for b in chosen[k + 1:]:
            assert not overlapping(a, b), (a, b)
    # the test is exact: two diagonal names whose bounds overlap but whose boxes do not are both placed
    one = Turned(100, 100, 120, 10, 45)
    two = Turned(100 + 14, 100 - 14, 120, 10, 45)  # parallel, 20 px apart across the text
    assert not overlapping(one, two)
    both = place([LabelSpec("a", 1, (one,)), LabelSpec("b", 2, (two,))], [], (0, 0, 400, 400))
    assert len(both) == 2


def test_an_area_is_labelled_beside_its_outline_not_beside_its_bounding_box():
    """A diagonal warning area (the J-Alert envelope over Okinawa runs south-west to north-east): its label beside
    the bounding box's east side sat ~30 px from the outline, over other places' names."""
    area = shapely.Polygon([(0, 0), (60, 0), (100, 80), (40, 80)])  # a parallelogram leaning east, y up
    anchors = beside_area(area)
    assert len(anchors) == 4
    boundary = area.boundary
    for x, y in anchors:
        assert boundary.distance(shapely.Point(x, y)) < 1e-6, (x, y)
    (ex, ey), (wx, wy), (nx, ny), (sx, sy) = anchors
    assert (ex > wx, ey) == (True, wy)  # east and west on one row through the area
    assert (ny > sy, nx) == (True, sx)  # north and south on one column
    assert ex < 100  # the bounding box's east side is at 100: the outline at that row is well inside it
    assert area.contains(shapely.Point((ex + wx) / 2, ey))


def test_an_area_in_parts_is_labelled_beside_its_largest_part():
    small, large = shapely.box(0, 0, 1, 1), shapely.box(10, 10, 30, 20)
    for x, y in beside_area(shapely.MultiPolygon([small, large])):
        assert large.boundary.distance(shapely.Point(x, y)) < 1e-6


def test_a_long_lines_name_is_offered_where_the_line_is_in_view():
    """Zoomed in on Okinawa, a launch's 2,500 km path crossed the view far from 45 % of its length: the 24
    candidates nearest 45 % all lay outside the image, so an export of the zoomed view named no 2023 path while
    the smaller screen (fewer, wider-spaced candidates) did."""
    x = np.linspace(0, 20_000, 401)  # a straight path 20,000 px long at this zoom
    y = np.full_like(x, 500.0)
    view = (16_000.0, 0.0, 17_920.0, 1_000.0)  # only 80-90 % of the way along is in view
    shown = along_line(x, y, 120, 12, 3, within=view)
    assert shown
    for candidate in shown:
        left, top, right, bottom = candidate.bounds
        assert (view[0] <= left, right <= view[2], view[1] <= top, bottom <= view[3]) == (True,) * 4


def test_a_lines_name_is_offered_from_all_along_it_not_from_one_stretch():
    """Another launch's path running alongside blocked every candidate of one stretch (the 24 nearest 45 % of the
    way along): the first is still the stretch nearest 45 %, the others spread over the line."""
    x = np.linspace(0, 20_000, 401)
    y = np.full_like(x, 500.0)
    offered = along_line(x, y, 120, 12, 3)
    assert len(offered) <= 24
    centres = [t.cx / 20_000 for t in offered]
    assert abs(centres[0] - 0.45) < 0.01
    assert (min(centres) < 0.1, max(centres) > 0.9) == (True, True)


def _dot(x: float, y: float, r: float = 3.0) -> tuple[float, float, float, float]:
    return (x - r, y - r, x + r, y + r)


def test_a_places_dot_is_never_under_a_label_placed_after_it():
    """'San Policarpo' was drawn across Mercedes' dot on the deck's May 2023 slide: a place's dot stood in no later
    label's way."""
    mercedes = LabelSpec("Mercedes", 1, around_point(100, 100, 60, 12, 4), marks=(_dot(100, 100),) * 8)
    # a later label whose first choice runs across Mercedes' dot, not its text
    across = (30.0, 95.0, 102.0, 107.0)
    assert overlaps(across, _dot(100, 100))
    policarpo = LabelSpec("San Policarpo", 2, (across, (200.0, 200.0, 270.0, 212.0)))
    placed = dict(place([mercedes, policarpo], [], (0, 0, 400, 400)))
    first_choice_of_mercedes = around_point(100, 100, 60, 12, 4)[0]
    assert not overlaps(first_choice_of_mercedes, across)  # its text is clear of it: only the dot is in the way
    assert placed == {0: 0, 1: 1}


def test_a_place_whose_dot_would_lie_under_an_earlier_label_is_left_out():
    earlier = LabelSpec("Zone 3 (2nd stage)", 0, ((60.0, 90.0, 160.0, 104.0),))
    place_here = LabelSpec("Samar", 1, around_point(100, 97, 40, 12, 4), marks=(_dot(100, 97),) * 8)
    assert place([earlier, place_here], [], (0, 0, 400, 400)) == [(0, 0)]


def test_two_names_of_one_spot_share_its_dot():
    """A measurement ending at Naha and Naha itself: both dots lie on the spot, and both names are placed."""
    distance = LabelSpec("1,517 km", -2, around_point(100, 100, 50, 12, 4), marks=(_dot(100, 100),) * 8)
    naha = LabelSpec("Naha", 5, around_point(100, 100, 30, 12, 4), marks=(_dot(100, 100),) * 8)
    assert [label for label, _ in place([distance, naha], [], (0, 0, 400, 400))] == [0, 1]
