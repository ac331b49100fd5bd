"""The quick bound on what filling rings costs never says less than counting it exactly (so a fill the scanline path
must take is never handed to Qt's rasteriser), and it leaves out rings away from the rows drawn."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QTransform

from viewer.qt.draw.paths import RingRows
from viewer.qt.draw.scanline import rows_crossed


def random_rings(rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray]:
    """`count` rings of 3-40 vertices each (some self-intersecting), NaN-separated, in a 1000-unit square."""
    xs, ys = [], []
    for _ in range(count):
        n = int(rng.integers(3, 40))
        centre = rng.uniform(0, 1000, 2)
        xs += [*(centre[0] + rng.normal(0, 60, n)), np.nan]
        ys += [*(centre[1] + rng.normal(0, 60, n)), np.nan]
    return np.array(xs[:-1]), np.array(ys[:-1])


TRANSFORMS = [
    QTransform(),
    QTransform.fromScale(1.7, -1.7) * QTransform.fromTranslate(40, 1500),  # a map's: y up
    QTransform.fromScale(0.3, 0.3) * QTransform.fromTranslate(-20, 7),
    QTransform().rotate(30) * QTransform.fromScale(1.2, 1.2),  # rotated: every ring counts
]
VISIBLE = [QRect(0, 0, 1920, 1080), QRect(0, 0, 1920, 40), QRect(1880, 0, 40, 1080), QRect(0, 500, 300, 3),
           QRect(-500, -500, 3000, 3000)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_bound_is_never_below_the_exact_count(seed):
    x, y = random_rings(np.random.default_rng(seed), 200)
    rows = RingRows(x, y)
    for transform in TRANSFORMS:
        for visible in VISIBLE:
            exact = rows_crossed(x, y, transform, visible)
            assert rows.at_most(transform, visible) >= exact - 1e-6, (transform, visible)


def test_rings_away_from_the_rows_drawn_do_not_count():
    x = np.array([0.0, 10.0, 10.0, np.nan, 0.0, 10.0, 10.0])
    y = np.array([0.0, 0.0, 100.0, np.nan, 500.0, 500.0, 600.0])
    rows = RingRows(x, y)
    assert rows.at_most(QTransform(), QRect(0, 0, 50, 50)) == pytest.approx(200.0)  # the first ring's only
    assert rows.at_most(QTransform(), QRect(0, 200, 50, 50)) == 0.0
    assert rows.at_most(QTransform(), QRect(0, 0, 50, 1000)) == pytest.approx(400.0)
