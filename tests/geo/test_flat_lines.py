"""Lines kept as flat arrays (`FlatLines`): the same boxes, drawing arrays and answers to picking as the LineStrings
they stand for, without a LineString each."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from viewer.geo.drawable import projected_xy
from viewer.geo.flat_lines import SHORT, FlatLines
from viewer.geo.picking import FeatureIndex


def _lines(count: int = 400, seed: int = 2, gaps: bool = False) -> FlatLines:
    """Random lines of 2 to 3 * SHORT vertices (short and long ones alike), a few coordinates NaN if ``gaps``."""
    rng = np.random.default_rng(seed)
    counts = rng.integers(2, 3 * SHORT, count)
    starts = rng.uniform(0, 1000, (count, 2))
    xy = np.repeat(starts, counts, axis=0) + rng.normal(0, 20, (int(counts.sum()), 2))
    if gaps:
        xy[rng.random(xy.shape) < 0.02] = np.nan
    return FlatLines(xy, np.concatenate([[0], np.cumsum(counts)]))


@pytest.mark.parametrize("gaps", [False, True])
def test_boxes_are_shapelys_bounds_of_the_linestrings(gaps: bool) -> None:
    lines = _lines(gaps=gaps)
    np.testing.assert_array_equal(lines.boxes(), shapely.bounds(lines.linestrings()))


@pytest.mark.parametrize("empty", [False, True])
@pytest.mark.parametrize("count", [1, 3, SHORT])
def test_boxes_of_lines_all_one_length_are_shapelys_bounds(count: int, empty: bool) -> None:
    """A bulk layer's lines of one length are read as rows of their vertices (some empty lines among them, too),
    with the gaps of NaN and infinity a projection may give."""
    rng = np.random.default_rng(count)
    counts = np.full(300, count)
    if empty:
        counts[rng.random(300) < 0.1] = 0
    xy = rng.uniform(0, 1000, (int(counts.sum()), 2))
    xy[rng.random(xy.shape) < 0.05] = np.nan
    xy[rng.random(len(xy)) < 0.02, 0] = np.inf
    lines = FlatLines(xy, np.concatenate([[0], np.cumsum(counts)]))
    expected = np.full((300, 4), np.nan)  # as shapely.bounds gives them (a line of one vertex is no LineString)
    for line, (start, stop) in enumerate(zip(lines.starts[:-1], lines.starts[1:], strict=True)):
        for axis in (0, 1):
            finite = xy[start:stop, axis][np.isfinite(xy[start:stop, axis])]
            if len(finite):
                expected[line, axis], expected[line, axis + 2] = finite.min(), finite.max()
    np.testing.assert_array_equal(lines.boxes(), expected)
    which = np.array([7, 2, 299, 2])
    np.testing.assert_array_equal(lines.take(which).boxes(), expected[which])
    known = expected[np.isfinite(expected).all(axis=1)]
    for rect in [(200, 200, 600, 600), (0, 0, 100, 900), (200, 200, 600, 600), (0, 0, 100, 900)]:  # (asked again)
        assert lines.count_meeting_boxes(*rect) == int(shapely.intersects(shapely.box(*known.T),
                                                                          shapely.box(*rect)).sum())


def test_taken_and_joined_lines_are_the_same_lines() -> None:
    lines = _lines()
    which = np.array([5, 0, 399, 17, 17])
    taken = lines.take(which)
    assert shapely.equals_exact(taken.linestrings(), lines.linestrings()[which], tolerance=0).all()
    assert lines.take(np.arange(len(lines))) is lines
    joined = FlatLines.joined([lines.take(np.arange(10)), FlatLines.empty(), lines.take(np.arange(10, 400))])
    np.testing.assert_array_equal(joined.xy, lines.xy)
    np.testing.assert_array_equal(joined.starts, lines.starts)
    again = FlatLines.of_shapes(lines.linestrings())
    np.testing.assert_array_equal(again.xy, lines.xy)
    np.testing.assert_array_equal(again.starts, lines.starts)


def test_drawn_arrays_are_those_of_the_linestrings() -> None:
    lines = _lines(gaps=True)
    x, y = lines.nan_separated()
    want_x, want_y = projected_xy(lines.linestrings())
    np.testing.assert_array_equal(x, want_x)
    np.testing.assert_array_equal(y, want_y)


def test_an_index_of_flat_lines_answers_as_one_of_their_linestrings() -> None:
    """Picking, counting and listing through flat lines (found by their boxes, then tested as LineStrings) give what
    the STRtree over their LineStrings gives, beside points and an area."""
    lines = _lines(300, seed=4)
    shapes = lines.linestrings()
    zone = shapely.box(200, 200, 600, 500)
    rng = np.random.default_rng(9)
    points = rng.uniform(0, 1000, (200, 2))
    ids = [f"f{i}" for i in range(1 + len(points) + len(lines))]
    geometries = [zone, *shapely.points(points), *shapes]
    whole = FeatureIndex(ids, geometries)
    flat = FeatureIndex.of_parts(ids, np.array([0]), [zone], np.arange(1, 201), points, np.arange(201, 501), lines)
    assert flat.bounds() == whole.bounds()
    for x, y in rng.uniform(-50, 1050, (60, 2)):
        assert flat.pick(x, y, 15.0) == whole.pick(x, y, 15.0)
        for half in (5.0, 40.0, 300.0):
            rect = (x - half, y - half, x + half, y + half)
            assert flat.in_rect(*rect) == whole.in_rect(*rect)
            assert flat.count_in_rect(*rect) == whole.count_in_rect(*rect)
