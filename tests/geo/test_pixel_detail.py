"""Lines cut down to pixel detail: every vertex dropped lies within the tolerance of the line drawn, ends and gaps
stay, spikes stay, and the work is bounded on a million crossing spikes."""

from __future__ import annotations

import time

import numpy as np
import shapely

from viewer.geo.pixel_detail import edges_sampled, simplified


def parts(x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
    finite = np.isfinite(x) & np.isfinite(y)
    cut = np.flatnonzero(~finite)
    pieces = [p[np.isfinite(p).all(axis=1)] for p in np.split(np.column_stack([x, y]), cut)]
    return [p for p in pieces if len(p)]


def test_every_vertex_dropped_lies_within_the_tolerance_of_the_line_drawn():
    rng = np.random.default_rng(4)
    walks = [np.cumsum(rng.normal(0, 0.01, (n, 2)), axis=0) for n in (5000, 2, 1, 300, 40_000)]
    x = np.concatenate([np.r_[w[:, 0], np.nan] for w in walks])
    y = np.concatenate([np.r_[w[:, 1], np.nan] for w in walks])
    sx, sy = simplified(x, y, 0.1)
    assert len(sx) < 0.5 * len(x)
    assert np.isnan(sx).sum() == np.isnan(x).sum()  # the gaps between parts stay
    for before, after in zip(parts(x, y), parts(sx, sy), strict=True):
        assert (after[0] == before[0]).all()
        assert (after[-1] == before[-1]).all()  # rings stay closed
        drawn = shapely.LineString(after) if len(after) > 1 else shapely.Point(after[0])
        assert shapely.distance(shapely.points(before), drawn).max() <= 0.1


def test_a_spike_tip_is_kept_and_a_straight_run_is_one_segment():
    x = np.r_[np.linspace(0, 10, 1001), 10.0, 5.0]
    y = np.r_[np.zeros(1001), 0.0, 0.0]
    x[500], y[500] = 5.0, 3.0  # a spike up
    sx, sy = simplified(np.r_[x, 20.0], np.r_[y, 0.0], 0.01)  # then back along the line, beyond its end
    assert (5.0, 3.0) in set(zip(sx.tolist(), sy.tolist(), strict=True))
    assert (sx[-1], sy[-1]) == (20.0, 0.0)
    assert len(sx) < 12


def test_a_million_crossing_spikes_take_bounded_work():
    rng = np.random.default_rng(13)
    n = 1_000_000
    theta = 2 * np.pi * np.arange(n) / n + rng.uniform(-5, 5, n) * (2 * np.pi / n)
    radius = rng.uniform(0.2, 1.0, n) * 450
    x, y = np.r_[radius * np.cos(theta), radius[0] * np.cos(theta[0])], np.r_[radius * np.sin(theta),
                                                                              radius[0] * np.sin(theta[0])]
    started = time.process_time()
    sx, sy = simplified(x, y, 0.25)
    sampled = edges_sampled(sx, sy, ink=16, pixel=1.0)
    assert time.process_time() - started < 5  # ~0.5 s
    assert sampled is not None
    # a sample of the segments inking the 900 x 900 px box about 16 times
    length = np.nansum(np.hypot(np.diff(sampled[0]), np.diff(sampled[1])))
    assert 8 * 900 * 900 < length < 24 * 900 * 900


def test_lines_that_do_not_fill_their_box_are_not_sampled():
    t = np.linspace(0, 2 * np.pi, 200_000)
    assert edges_sampled(450 * np.cos(t), 450 * np.sin(t), ink=16, pixel=1.0) is None


def test_only_vertices_inside_parts_of_four_or_more_could_be_dropped():
    """A bulk layer of three-vertex lines has nothing worth looking for (a stroke of them is drawn as it is); longer
    parts offer their inner vertices."""
    from viewer.geo.pixel_detail import droppable

    nan = np.nan
    x = np.array([0.0, 1.0, 2.0, nan, 5.0, 6.0, 7.0, nan, 0.0, 1.0, 2.0, 3.0, 4.0, nan, 8.0, 9.0])
    assert droppable(x, np.zeros(len(x))) == 3  # the five-vertex part's three inner vertices
    assert droppable(x[:7], np.zeros(7)) == 0
    assert droppable(np.empty(0), np.empty(0)) == 0
