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
