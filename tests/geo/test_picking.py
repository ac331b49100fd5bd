"""Picking features by map position through the STRtree index."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box

from viewer.geo.picking import FeatureIndex


def index() -> FeatureIndex:
    return FeatureIndex(
        ["zone", "inner-zone", "site", "other-site", "path"],
        [box(0, 0, 100, 100), box(40, 40, 60, 60), Point(50, 50), Point(53, 50), LineString([(0, 70), (100, 70)])],
    )


def test_point_beats_the_polygons_it_lies_in() -> None:
    assert index().pick(50.5, 50, tolerance=2) == ["site", "inner-zone", "zone"]


def test_nearest_of_two_points_comes_first() -> None:
    assert index().pick(52, 50, tolerance=5)[:2] == ["other-site", "site"]
    assert index().pick(51, 50, tolerance=5)[:2] == ["site", "other-site"]


def test_tolerance_is_respected() -> None:
    assert "site" not in index().pick(50, 47.5, tolerance=2)
    assert "site" in index().pick(50, 48.5, tolerance=2)
    assert "path" in index().pick(10, 71, tolerance=1.5)
    assert "path" not in index().pick(10, 72, tolerance=1.5)


def test_polygon_containment_smaller_first() -> None:
    assert index().pick(45, 45, tolerance=1) == ["inner-zone", "zone"]
    assert index().pick(10, 10, tolerance=1) == ["zone"]
    assert index().pick(150, 150, tolerance=1) == []


def test_polygon_outline_near_the_cursor_is_picked_after_containing_ones() -> None:
    assert index().pick(39.5, 45, tolerance=1) == ["zone", "inner-zone"]


def test_in_rect_returns_features_touching_the_rectangle() -> None:
    assert index().in_rect(45, 45, 51, 51) == ["zone", "inner-zone", "site"]
    assert index().in_rect(200, 200, 300, 300) == []


def test_count_in_rect_counts_what_in_rect_lists_for_boxes_and_points() -> None:
    assert index().count_in_rect(45, 45, 51, 51) == 3
    assert index().count_in_rect(200, 200, 300, 300) == 0
    assert index().count_in_rect(52, 49, 54, 51) == len(index().in_rect(52, 49, 54, 51)) == 3


def test_ids_and_geometries_must_match() -> None:
    with pytest.raises(ValueError, match="2 ids but 1 geometries"):
        FeatureIndex(["a", "b"], [Point(0, 0)])


def test_large_index_finds_the_right_feature() -> None:
    n = 100_000
    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 1_000_000, (n, 2))
    tree = FeatureIndex(list(range(n)), shapely.points(xy))
    assert len(tree) == n
    target = 4242
    assert tree.pick(*(xy[target] + 0.5), tolerance=2.0)[0] == target
    inside = tree.in_rect(0, 0, 100_000, 100_000)
    expected = np.flatnonzero((xy[:, 0] <= 100_000) & (xy[:, 1] <= 100_000))
    assert inside == expected.tolist()


def test_empty_and_missing_geometries_are_never_picked() -> None:
    tree = FeatureIndex(["none", "empty", "poly"], [None, Polygon(), box(0, 0, 1, 1)])
    assert tree.pick(0.5, 0.5, tolerance=10) == ["poly"]
    assert tree.bounds() == (0.0, 0.0, 1.0, 1.0)


def test_points_and_shapes_mixed_keep_the_order_given() -> None:
    ids = ["zone", "p1", "path", "p2"]
    tree = FeatureIndex(ids, [box(0, 0, 10, 10), Point(5, 5), LineString([(0, 5), (10, 5)]), Point(5.5, 5)])
    assert tree.pick(5.2, 5, tolerance=1) == ["p1", "p2", "path", "zone"]
    assert tree.in_rect(4, 4, 6, 6) == ids
    assert tree.count_in_rect(4, 4, 6, 6) == 4
    assert tree.bounds() == (0.0, 0.0, 10.0, 10.0)


def test_index_of_coordinates_answers_as_the_index_of_shapely_points() -> None:
    n = 20_000
    rng = np.random.default_rng(11)
    xy = rng.uniform(-3e6, 3e6, (n, 2))
    xy[:50] = np.round(xy[:50], -5)  # some on the same grid lines as the rectangles below
    zone = box(-1e6, -1e6, 1e6, 1e6)
    ids = ["zone", *range(n)]
    of_points = FeatureIndex(ids, [zone, *shapely.points(xy)])
    of_parts = FeatureIndex.of_parts(ids, np.array([0]), [zone], np.arange(1, n + 1), xy)
    for _ in range(30):
        x0, y0 = np.round(rng.uniform(-3.5e6, 3e6, 2), -5)
        x1, y1 = x0 + np.round(rng.uniform(0, 2e6), -5), y0 + np.round(rng.uniform(0, 2e6), -5)
        inside = np.flatnonzero((xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1))
        meets_zone = int(zone.intersects(box(x0, y0, x1, y1)))
        assert of_parts.count_in_rect(x0, y0, x1, y1) == len(inside) + meets_zone
        assert of_parts.in_rect(x0, y0, x1, y1) == of_points.in_rect(x0, y0, x1, y1)
        x, y = rng.uniform(-3e6, 3e6, 2)
        assert of_parts.pick(x, y, 40_000) == of_points.pick(x, y, 40_000)


@pytest.mark.slow
def test_the_nearest_of_a_million_points_is_picked() -> None:
    n = 1_000_000
    rng = np.random.default_rng(5)
    xy = rng.uniform(0, 2e6, (n, 2))
    tree = FeatureIndex.of_parts([f"p{i}" for i in range(n)], np.empty(0, dtype=np.int64), [], np.arange(n), xy)
    for target in (0, 123_456, n - 1):
        x, y = xy[target] + 1.0
        distance = np.hypot(xy[:, 0] - x, xy[:, 1] - y)
        picked = tree.pick(x, y, tolerance=3_000.0)
        assert picked[0] == f"p{target}"
        assert picked == [f"p{i}" for i in np.lexsort((np.arange(n), distance))[:len(picked)]]
        assert len(picked) == np.count_nonzero(distance <= 3_000.0)


def test_unprojectable_points_are_never_picked_nor_counted() -> None:
    tree = FeatureIndex(["far side", "here"], [Point(np.inf, np.inf), Point(1, 1)])
    assert tree.pick(1, 1, tolerance=1) == ["here"]
    assert tree.count_in_rect(-1e308, -1e308, 1e308, 1e308) == 1
    assert tree.bounds() == (1.0, 1.0, 1.0, 1.0)


def test_count_in_rect_counts_geometries_that_meet_it_not_their_bounding_boxes() -> None:
    """A long diagonal path's bounding box covers every corner of the map; only the corners it crosses hold it (the
    legend's auto corner chose a corner over a warning area because every corner 'held' the paths' boxes)."""
    tree = FeatureIndex(["path", "zone"], [LineString([(0, 0), (100, 100)]),
                                           Polygon([(0, 100), (40, 100), (0, 60)])])
    assert tree.count_in_rect(80, 0, 100, 20) == 0  # the south-east corner: both boxes meet it, neither shape does
    assert tree.count_in_rect(0, 80, 20, 100) == 1  # the north-west corner: only the zone
    assert tree.count_in_rect(85, 85, 100, 100) == 1  # the path's end


def test_count_in_rect_falls_back_to_bounding_boxes_when_many_shapes_meet_it() -> None:
    """Exact tests cost per shape: with many candidates (a dense layer in view) the count is of boxes, so every
    repaint stays cheap; still a count that grows with the data."""
    from viewer.geo.picking import EXACT_COUNT_UP_TO

    n = EXACT_COUNT_UP_TO + 50
    lines = [LineString([(0, 0), (50, i / n), (100, 100)]) for i in range(n)]  # one bounding box, (0, 0, 100, 100)
    tree = FeatureIndex(list(range(n)), lines)
    assert tree.count_in_rect(80, 0, 100, 20) == n  # every box meets it, though no line does
    assert FeatureIndex(list(range(50)), lines[:50]).count_in_rect(80, 0, 100, 20) == 0


def test_a_count_asked_again_is_the_one_kept_and_another_rectangle_is_counted(monkeypatch) -> None:
    from viewer.geo.flat_lines import FlatLines

    lines = FlatLines.of_shapes(np.array([LineString([(0, 0), (10, 10)]), LineString([(20, 0), (30, 5)])]))
    kept = FeatureIndex.of_parts(["a", "b", "zone"], np.array([2]), [box(0, 0, 5, 5)], np.empty(0, dtype=np.int64),
                                 np.empty((0, 2)), np.array([0, 1]), lines)
    assert kept.count_in_rect(0, 0, 12, 12) == 2  # the first line and the zone
    asked = []
    monkeypatch.setattr(FlatLines, "count_meeting_boxes", lambda self, *rect: asked.append(rect) or 0)
    assert kept.count_in_rect(0, 0, 12, 12) == 2  # (the lines were not asked again)
    assert asked == []
    kept.count_in_rect(19, 0, 31, 6)
    assert asked == [(19, 0, 31, 6)]
