"""The lines a projected cache (`viewer.geo.projected`) keeps flat, by row: lines drawn as projected (straight when
opened, or densified at rest) of fewer than OUTLINE_FROM vertices (a larger one is picked by its `Outline`, made
from its LineString). Their rows hold no shape; a LineString is made for the few a question is about."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.geo.crs import MapProjection
from viewer.geo.densify import projected_flat_lines, projected_lines, straight_lines
from viewer.geo.flat_lines import FlatLines
from viewer.geo.picking import OUTLINE_FROM

_LINESTRING = 1


class FlatRows:
    """Per row of the cache, its line's position in `lines`, or -1 (`at`)."""

    def __init__(self) -> None:
        self.lines = FlatLines.empty()
        self.at = np.empty(0, dtype=np.int64)

    def append(self, at: np.ndarray, lines: FlatLines) -> None:
        """Rows added to the cache, each drawn from its line ``at`` in ``lines`` (-1: not flat)."""
        self.at = np.concatenate([self.at, np.where(at >= 0, at + len(self.lines), -1)])
        self.lines = FlatLines.joined([self.lines, lines])

    def replace(self, rows: np.ndarray, flat_rows: np.ndarray, lines: FlatLines) -> None:
        """``flat_rows`` (some of ``rows``) are drawn from ``lines`` from now on, the other rows not flat: the lines are
        made again without the rows' earlier ones."""
        at = self.at
        at[rows] = -1
        held = np.flatnonzero(at >= 0)
        kept = self.lines.take(at[held])
        at[held] = np.arange(len(held))
        at[flat_rows] = len(held) + np.arange(len(flat_rows))
        self.lines = FlatLines.joined([kept, lines])

    def held(self, rows: np.ndarray) -> np.ndarray:
        """Which of ``rows`` (-1 allowed) are flat."""
        return (rows >= 0) & (self.at[rows] >= 0) if len(self.at) else np.zeros(len(rows), dtype=bool)

    def of(self, rows: np.ndarray) -> FlatLines:
        """The lines of flat ``rows``, in their order."""
        return self.lines.take(self.at[rows])

    def drawn_xy(self, rows: np.ndarray, shapes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """NaN-separated arrays of lines drawn as projected, ``rows``, some flat and the others LineStrings
        (``shapes``, by row), each where its row is."""
        flat = self.held(rows)
        lines = self.of(rows[flat])
        if not flat.all():
            shaped = FlatLines.of_shapes(shapes[~flat])
            order = np.empty(len(rows), dtype=np.int64)
            order[flat], order[~flat] = np.arange(len(lines)), len(lines) + np.arange(len(shaped))
            lines = FlatLines.joined([lines, shaped]).take(order)
        return lines.nan_separated()


def add_lines(lines: np.ndarray, projection: MapProjection, straight_first: int | None, shapes: np.ndarray,
              plain: np.ndarray, pending: np.ndarray) -> tuple[np.ndarray, FlatLines]:
    """LineStrings new to a cache densified and projected in one pass (a user's bulk layer of lines), or, past
    ``straight_first`` vertices, projected straight for now where that is drawn as projected (the rest densified
    now: few lines cross a seam or a horizon). Fills ``shapes``, ``plain`` and ``pending`` (per line); returns the
    position of each line in the lines kept flat (-1 for none) and those lines."""
    none = np.full(len(lines), -1, dtype=np.int64)
    if straight_first is None or int(shapely.get_num_coordinates(lines).sum()) <= straight_first:
        shapes[:], plain[:] = projected_lines(lines, projection)
        return none, FlatLines.empty()
    straight, plain[:], pending[:] = straight_lines(lines, projection)
    pending &= plain
    kept = plain & (straight.counts < OUTLINE_FROM)
    none[kept] = np.arange(int(kept.sum()))
    large = np.flatnonzero(plain & ~kept)
    shapes[large] = straight.linestrings(large)
    now = np.flatnonzero(~plain)
    if len(now):
        shapes[now], plain[now] = projected_lines(lines[now], projection)
    return none, straight.take(np.flatnonzero(kept))


def densified_lines(lines: np.ndarray, projection: MapProjection) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                            FlatLines]:
    """`densify.projected_lines` of LineStrings as a cache keeps them: their shapes (None where flat), whether each
    is drawn as projected, and the positions and lines of those kept flat."""
    flat, plain = projected_flat_lines(lines, projection)
    kept = plain & (flat.counts < OUTLINE_FROM)
    shapes = np.full(len(lines), None, dtype=object)
    shapes[~kept] = flat.linestrings(np.flatnonzero(~kept))
    return shapes, plain, np.flatnonzero(kept), flat.take(np.flatnonzero(kept))


def flat_parts(shapes: np.ndarray, plain: np.ndarray) -> tuple[np.ndarray, FlatLines]:
    """Which of projected ``shapes`` a cache keeps flat (LineStrings drawn as projected, of fewer than OUTLINE_FROM
    vertices) and their lines."""
    which = np.flatnonzero(plain & (shapely.get_type_id(shapes) == _LINESTRING)
                           & (shapely.get_num_coordinates(shapes) < OUTLINE_FROM))
    return which, FlatLines.of_shapes(shapes[which])
