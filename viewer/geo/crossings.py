"""Find where a ring of a very large polygon crosses itself, with bounded work.

GEOS's validity check nodes every crossing before it answers: on a million-vertex ring that crosses itself
everywhere (a spiky star) that takes minutes. Here each ring is cut into pieces of `PIECE` segments; a
piece that is not simple, or two pieces that meet other than at their shared end, is a crossing, and the
first one found ends the search. The first `FIRST_PIECES` pieces are looked at alone first; then pieces are
paired by an R-tree on their boxes, at most `MAX_PAIRS` pairs; then the other pieces alone and neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

PIECE = 32  # segments per piece: checking one costs up to PIECE² segment pairs where all its segments overlap
MAX_PAIRS = 50_000  # pairs of pieces whose boxes overlap that are tested before giving up
_BATCH = 1024  # pairs tested at once
_BLOCK = 64  # pieces whose pairs are made at once
FIRST_PIECES = 1024  # pieces looked at alone before pairs of pieces are (~30 ms)


@dataclass(frozen=True)
class Search:
    """What the search found: a crossing near ``where`` (lon, lat); none (``where`` is None, ``complete``);
    or nothing within the work allowed (``complete`` False)."""

    where: tuple[float, float] | None
    complete: bool = True


def first_crossing(geometry: BaseGeometry) -> Search:
    """A place where one of the polygon's large rings crosses or touches itself, if any is found (rings of
    fewer than 3 `PIECE`s are left to GEOS)."""
    rings = shapely.get_rings(shapely.get_parts(geometry))
    complete = True
    for ring in rings.tolist():
        found = _in_ring(shapely.get_coordinates(ring))
        if found.where is not None:
            return found
        complete = complete and found.complete
    return Search(None, complete)


def _in_ring(coords: np.ndarray) -> Search:
    segments = len(coords) - 1
    if segments < 3 * PIECE:
        return Search(None)  # small enough for GEOS's own check, whatever it holds
    starts = np.arange(0, segments, PIECE)
    ends = np.minimum(starts + PIECE, segments)
    pieces = _lines(coords, starts, ends)
    # A ring that crosses itself everywhere mostly does so within its first pieces (a jagged star) or between them
    # (a star winding round several times): the first pieces are looked at alone, a few then more at a time, before
    # pairs of pieces are (pairs of a million-vertex jagged star's pieces ran ~2 s to find none, MAX_PAIRS of them).
    found = _within_pieces(pieces, 0, FIRST_PIECES)
    if found is not None:
        return found
    shapely.prepare(pieces)  # a prepared line's `intersects` stops at the first crossing it finds
    tree, last, tested = shapely.STRtree(pieces), len(pieces) - 1, 0
    for block in range(0, len(pieces), _BLOCK):  # pairs made a block at a time: there may be millions
        left, right = tree.query(pieces[block:block + _BLOCK])
        left += block
        apart = (right > left) & (right - left != 1) & ~((left == 0) & (right == last))
        left, right = left[apart], right[apart]
        start, batch = 0, 16
        while start < len(left):
            if tested >= MAX_PAIRS:
                return _within_pieces(pieces, FIRST_PIECES) or _between_neighbours(coords, starts, ends, pieces,
                                                                                   complete=False)
            a, b = pieces[left[start:start + batch]], pieces[right[start:start + batch]]
            hit = np.flatnonzero(shapely.intersects(a, b))
            if len(hit):
                return Search(_near(shapely.intersection(a[hit[0]], b[hit[0]])))
            tested += len(a)
            start, batch = start + batch, min(batch * 4, _BATCH)
    return _within_pieces(pieces, FIRST_PIECES) or _between_neighbours(coords, starts, ends, pieces)


def _within_pieces(pieces: np.ndarray, first: int, stop: int | None = None) -> Search | None:
    """A crossing within one of pieces[first:stop], looked for a few pieces then more at a time, or None."""
    stop = len(pieces) if stop is None else min(stop, len(pieces))
    start, batch = first, 16
    while start < stop:
        not_simple = np.flatnonzero(~shapely.is_simple(pieces[start:min(start + batch, stop)]))
        if len(not_simple):
            return Search(_near(pieces[start + not_simple[0]]))
        start, batch = start + batch, batch * 4
    return None


def _between_neighbours(coords: np.ndarray, starts: np.ndarray, ends: np.ndarray, pieces: np.ndarray,
                        complete: bool = True) -> Search:
    """A crossing between neighbouring pieces (none was found within pieces, nor between pieces apart)."""
    # Neighbours share a vertex, so they always meet: each is tested against the other without the segment
    # at that vertex (two segments sharing a vertex can only overlap, which GEOS's own check then finds).
    neighbour = np.roll(np.arange(len(pieces)), -1)
    heads = _lines(coords, starts, ends - 1)  # each piece without its last segment
    tails = _lines(coords, starts + 1, ends)  # and without its first
    for a, b in ((pieces, tails[neighbour]), (heads, pieces[neighbour])):
        hit = np.flatnonzero(shapely.intersects(a, b))
        if len(hit):
            return Search(_near(shapely.intersection(a[hit[0]], b[hit[0]])))
    return Search(None, complete)


def _lines(coords: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """A line from vertex ``starts[i]`` to vertex ``ends[i]`` (inclusive) of ``coords``, for each i."""
    counts = ends - starts + 1
    offsets = np.concatenate([[0], np.cumsum(counts)])
    vertex = np.repeat(starts - offsets[:-1], counts) + np.arange(offsets[-1])
    return shapely.from_ragged_array(shapely.GeometryType.LINESTRING, coords[vertex], (offsets,))


def _near(geometry: BaseGeometry) -> tuple[float, float]:
    x, y = shapely.get_coordinates(geometry)[0]
    return float(x), float(y)


def crossings_over(geometry: BaseGeometry, limit: int) -> bool:
    """Whether more than ``limit`` pairs of the polygon's edges meet other than at a shared vertex: the work
    of GEOS's repair (`make_valid`) grows with them, to minutes for a few thousand."""
    segments, ring, first, last = [], [], [], []
    for number, coords in enumerate(shapely.get_coordinates(r) for r in
                                    shapely.get_rings(shapely.get_parts(geometry)).tolist()):
        count = len(coords) - 1
        if count < 1:
            continue
        segments.append(_lines(coords, np.arange(count), np.arange(1, count + 1)))
        ring.append(np.full(count, number))
        first.append(np.arange(count) == 0)
        last.append(np.arange(count) == count - 1)
    if not segments:
        return False
    edges, owner = np.concatenate(segments), np.concatenate(ring)
    is_first, is_last = np.concatenate(first), np.concatenate(last)
    tree, found = shapely.STRtree(edges), 0
    for block in range(0, len(edges), _BLOCK):
        left, right = tree.query(edges[block:block + _BLOCK], predicate="intersects")
        left += block
        same = owner[left] == owner[right]
        neighbours = same & ((right - left == 1) | (is_first[left] & is_last[right]))
        found += int(((right > left) & ~neighbours).sum())
        if found > limit:
            return True
    return False
