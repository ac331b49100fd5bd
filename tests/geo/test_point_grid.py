"""The grid of points picking and counting use: its answers against a plain scan of every point."""

from __future__ import annotations

import numpy as np

from viewer.geo.point_grid import PointGrid


def _inside(xy: np.ndarray, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
    return np.flatnonzero((xy[:, 0] >= xmin) & (xy[:, 0] <= xmax) & (xy[:, 1] >= ymin) & (xy[:, 1] <= ymax))


def _answers_as_a_scan(xy: np.ndarray, rng: np.random.Generator, questions: int = 40) -> None:
    positions = np.arange(len(xy)) * 3 + 7  # positions need not be row numbers
    grid = PointGrid(xy, positions)
    (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
    for _ in range(questions):
        ax, bx = np.sort(rng.uniform(x0 - (x1 - x0) * 0.1, x1 + (x1 - x0) * 0.1, 2))
        ay, by = np.sort(rng.uniform(y0 - (y1 - y0) * 0.1, y1 + (y1 - y0) * 0.1, 2))
        inside = _inside(xy, ax, ay, bx, by)
        assert grid.count_in_rect(ax, ay, bx, by) == len(inside)
        assert sorted(grid.in_rect(ax, ay, bx, by).tolist()) == positions[inside].tolist()
        x, y = xy[rng.integers(len(xy))]
        tolerance = (y1 - y0) * 1e-3 + 1e-12
        near, distance = grid.near(x, y, tolerance)
        scanned = np.hypot(xy[:, 0] - x, xy[:, 1] - y)
        assert sorted(near.tolist()) == positions[np.flatnonzero(scanned <= tolerance)].tolist()
        assert np.allclose(np.sort(distance), np.sort(scanned[scanned <= tolerance]))


def test_scattered_points_answer_as_a_scan() -> None:
    rng = np.random.default_rng(3)
    _answers_as_a_scan(rng.uniform(-2e6, 2e6, (50_000, 2)), rng)


def test_points_crowded_within_one_height_step_answer_as_a_scan() -> None:
    """One point far away puts the others within a sliver of the extent's height: the grid sorts by column, then by
    height in steps, and the points sharing a step must still end up in height order for its binary searches."""
    rng = np.random.default_rng(4)
    crowd = np.column_stack([rng.uniform(0, 1_000, 20_000), rng.uniform(0, 1e-3, 20_000)])
    xy = np.vstack([crowd, [[500.0, 1e6]]])  # (a step: ~7.6 units high)
    grid = PointGrid(xy, np.arange(len(xy)))
    assert grid.count_in_rect(0, 0, 1_000, 5e-4) == len(_inside(xy, 0, 0, 1_000, 5e-4))
    assert sorted(grid.in_rect(100, 2e-4, 900, 7e-4).tolist()) == _inside(xy, 100, 2e-4, 900, 7e-4).tolist()
    _answers_as_a_scan(crowd, rng)


def test_repeated_and_unprojectable_points() -> None:
    rng = np.random.default_rng(5)
    xy = np.repeat(rng.uniform(0, 10, (500, 2)), 4, axis=0)
    rng.shuffle(xy)
    xy[::97] = np.nan
    finite = np.isfinite(xy).all(axis=1)
    grid = PointGrid(xy, np.arange(len(xy)))
    assert len(grid) == int(finite.sum())
    assert grid.count_in_rect(-1, -1, 11, 11) == int(finite.sum())
    assert grid.count_in_rect(2, 3, 6, 7) == len(_inside(xy[finite], 2, 3, 6, 7))
    assert grid.bounds() == tuple(float(v) for v in (*xy[finite].min(axis=0), *xy[finite].max(axis=0)))
