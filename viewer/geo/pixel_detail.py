"""Lines and rings cut down to the detail a pixel shows, with bounded work: a few passes over numpy arrays, whatever
the shape (GEOS's Douglas-Peucker took ~12 s on a million-spike star; a million-vertex circle drawn 1,400 px wide
needs a few hundred vertices)."""

from __future__ import annotations

import numpy as np

PASSES = 8  # passes dropping every other vertex that lies on its neighbours' chord: 2^8 vertices can become one
_SNAPPED = 0.25  # of the tolerance: the cell whose vertices are one (its diagonal, ~0.35, is the error it adds)
_ALONG = 0.6  # of the tolerance: what all the passes together may add (each PASSES-th of it)


def simplified(x: np.ndarray, y: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """NaN-separated arrays (x, y) without the vertices a drawing could not tell from the line through the others:
    every vertex dropped lies within ``tolerance`` (map units) of the line drawn. Every part keeps its first and
    last vertex (rings stay closed) and the gaps between parts stay where they were.

    First, a vertex in the same grid cell as the vertex before it is dropped (a cell a quarter of the tolerance
    wide); then, PASSES times, every other vertex that lies within a share of the tolerance of the segment joining
    its neighbours (a segment, not the line: a spike's tip is kept). A vertex dropped in a pass lies within that
    share of the new segment, and so do those dropped before it (distance to a segment is convex along a segment),
    so the shares add up to at most the tolerance."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    kept = kept_vertices(x, y, tolerance)
    return x[kept], y[kept]


def droppable(x: np.ndarray, y: np.ndarray) -> int:
    """How many vertices `simplified` could drop at most: those inside parts of four vertices or more (a part's
    first and last stay; a bulk layer of three-vertex lines would be searched for a middle vertex or two to drop)."""
    finite = np.isfinite(x) & np.isfinite(y)
    edges = np.concatenate([[-1], np.flatnonzero(~finite), [len(x)]])
    lengths = np.diff(edges) - 1
    return int(np.maximum(lengths[lengths >= 4] - 2, 0).sum())


def kept_vertices(x: np.ndarray, y: np.ndarray, tolerance: float) -> np.ndarray:
    """Which vertices `simplified` keeps (a mask over ``x`` and ``y``)."""
    if len(x) < 3 or not tolerance > 0:
        return np.ones(len(x), dtype=bool)
    finite = np.isfinite(x) & np.isfinite(y)
    kept = ~finite  # the gaps between parts
    kept[0] = kept[-1] = True
    kept[1:] |= finite[1:] & ~finite[:-1]  # each part's first vertex
    kept[:-1] |= finite[:-1] & ~finite[1:]  # and its last
    fixed = kept.copy()
    cell = tolerance * _SNAPPED
    with np.errstate(invalid="ignore"):
        column, row = np.floor(x / cell), np.floor(y / cell)
    kept[1:] |= (column[1:] != column[:-1]) | (row[1:] != row[:-1])
    where = np.flatnonzero(kept)  # the rows of the vertices still kept
    x, y, fixed = x[kept], y[kept], fixed[kept]
    share = tolerance * _ALONG / PASSES
    dropped = [len(x), len(x)]  # by the last two passes (one for each half of the vertices)
    for turn in range(PASSES):
        if max(dropped[-2:]) < len(x) // 100:  # passes that drop next to nothing are not worth their time
            break
        middle = np.arange(1 + turn % 2, len(x) - 1, 2)  # every other vertex: no two dropped side by side
        middle = middle[~fixed[middle]]
        near = _near_chord(x, y, middle, share)
        dropped.append(int(near.sum()))
        if dropped[-1]:
            keep = np.ones(len(x), dtype=bool)
            keep[middle[near]] = False
            x, y, fixed, where = x[keep], y[keep], fixed[keep], where[keep]
    mask = np.zeros(len(kept), dtype=bool)
    mask[where] = True
    return mask


def _near_chord(x: np.ndarray, y: np.ndarray, middle: np.ndarray, reach: float) -> np.ndarray:
    """Whether each vertex ``middle`` lies within ``reach`` of the segment from the vertex before it to the one
    after."""
    ax, ay, bx, by = x[middle - 1], y[middle - 1], x[middle + 1], y[middle + 1]
    dx, dy = bx - ax, by - ay
    vx, vy = x[middle] - ax, y[middle] - ay
    length2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.clip(np.where(length2 > 0, (vx * dx + vy * dy) / length2, 0.0), 0.0, 1.0)
    ox, oy = vx - t * dx, vy - t * dy
    return ox * ox + oy * oy <= reach * reach


def edges_sampled(x: np.ndarray, y: np.ndarray, ink: float, pixel: float) -> tuple[np.ndarray, np.ndarray] | None:
    """For lines whose segments would ink every pixel of their bounding box many times over (a ring of a million
    crossing spikes: ~10^8 pixels of line in 10^6 pixels, minutes of Qt's rasteriser), every n-th segment alone
    (NaN-separated pairs of vertices), n chosen so their length is about ``ink`` times the box's area: the box
    inked as densely as ``ink`` lines a pixel, the shape of the mass kept. None when the lines are not so dense.
    ``pixel``: the map units a pixel spans."""
    # (no copy of the finite vertices: a segment with an end not finite has a length not finite, and fmin and fmax
    # skip NaNs; an infinity alone needs the finite ones picked)
    span = [np.fmin.reduce(x), np.fmax.reduce(x), np.fmin.reduce(y), np.fmax.reduce(y)] if len(x) else [np.nan]
    if not all(map(np.isfinite, span)):
        finite = np.isfinite(x) & np.isfinite(y)
        if not finite.any():
            return None
        xs, ys = x[finite], y[finite]
        span = [xs.min(), xs.max(), ys.min(), ys.max()]
    area = max(1.0, float(span[1] - span[0])) * max(1.0, float(span[3] - span[2]))
    with np.errstate(invalid="ignore", over="ignore"):  # (inf - inf)
        # in place, and not np.hypot (~3x slower: 400,000 vertices ~7 -> ~2 ms, every first drawing of a large
        # stroke); map units stay far from where a square overflows
        lengths, dy = np.diff(x), np.diff(y)
        np.multiply(lengths, lengths, out=lengths)
        lengths += np.multiply(dy, dy, out=dy)
        np.sqrt(lengths, out=lengths)
    segment = np.isfinite(lengths)
    length = float(np.sum(lengths, where=segment))
    every = int(length * pixel // (ink * area))  # (length / pixel) / (ink * area / pixel²)
    if every < 2:
        return None
    start = np.flatnonzero(segment)[::every]
    pairs_x = np.column_stack([x[start], x[start + 1], np.full(len(start), np.nan)]).ravel()
    pairs_y = np.column_stack([y[start], y[start + 1], np.full(len(start), np.nan)]).ravel()
    return pairs_x, pairs_y
