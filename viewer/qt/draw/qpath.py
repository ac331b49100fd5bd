"""QPainterPaths from NaN-separated coordinate arrays, built through Qt's own serialised form in a few calls."""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, Qt
from PySide6.QtGui import QPainterPath

# QDataStream's layout of a QPainterPath: element count, then per element its type (0 move, 1 line) and x, y as
# doubles, then the index of the current subpath's start and the fill rule; big-endian. pyqtgraph's arrayToQPath
# builds paths the same way (a Python loop over subpaths costs ~50x more on a coastline).
_ELEMENT = np.dtype([("c", ">i4"), ("x", ">f8"), ("y", ">f8")])
# Reading a path from its serialised form holds the GIL (~0.4 us an element: a 2M-vertex path held it 0.7 s, and
# the GUI thread waited that long while a worker built a basemap level): larger paths are read in pieces of about
# this many elements, cut where a subpath starts, so another thread gets the GIL between them.
PIECE = 20_000


def xy_path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """A path through NaN-separated arrays: a vertex after a NaN starts a subpath. Polygon rings arrive closed
    (last vertex = first), and fills close every subpath anyway, so one path serves lines and areas alike; holes
    stay holes (odd-even fill)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    n = len(x)
    if n == 0:
        return path
    finite = np.isfinite(x) & np.isfinite(y)
    if not finite.any():
        return path
    # The vertex after a NaN moves. A NaN is no element, but after a part of one vertex, where it is a line to that
    # vertex (drawn as a dot): as an element after every part it drew nothing but cost Qt an element to read and to
    # stroke (100,000 three-vertex lines: 400,000 elements, now 300,000).
    moves = np.empty(n, dtype=bool)
    moves[0], moves[1:] = True, ~finite[:-1]
    if finite.all():
        at = None
    else:
        dot = np.zeros(n, dtype=bool)
        dot[1:] = ~finite[1:] & finite[:-1] & moves[:-1]
        at = np.flatnonzero(finite | dot)
        moves = moves[at]
        at[dot[at]] -= 1  # the dot's line goes to its vertex
        n = len(at)
    for start, stop in _pieces(moves):
        piece = _serialised(x, y, at, moves, start, stop)
        if start == 0 and stop == n:
            QDataStream(piece) >> path  # PySide6 reads into the path
        else:
            part = QPainterPath()
            QDataStream(piece) >> part
            path.addPath(part)  # appends its elements as they are (the piece begins with a move)
    return path


def _pieces(moves: np.ndarray) -> list[tuple[int, int]]:
    """[start, stop) ranges of about PIECE elements, each beginning with a move that does not follow one (a
    path's trailing move is dropped when another is added to it)."""
    n = len(moves)
    if n <= PIECE:
        return [(0, n)]
    starts = np.flatnonzero(moves[1:] & ~moves[:-1]) + 1  # a move after a line: where a piece may begin
    at = np.searchsorted(starts, np.arange(PIECE, n, PIECE))  # the first start at or after every PIECE elements
    cuts = starts[at[at < len(starts)]]  # sorted: its distinct values are those unlike the one before
    cuts = cuts[np.diff(cuts, prepend=-1) != 0]  # (np.unique would import numpy.ma, ~15 ms, before the first frame)
    edges = [0, *(int(c) for c in cuts), n]
    return list(itertools.pairwise(edges))


def _serialised(x: np.ndarray, y: np.ndarray, at: np.ndarray | None, moves: np.ndarray, start: int,
                stop: int) -> QByteArray:
    """Elements start..stop-1 in QDataStream's layout of a QPainterPath."""
    count = stop - start
    data = QByteArray()
    data.resize(4 + count * _ELEMENT.itemsize + 8)  # written in place below: no copy of a million vertices
    data.replace(0, 4, count.to_bytes(4, "big"))
    data.replace(4 + count * _ELEMENT.itemsize, 8, bytes(8))  # last subpath's start (Qt recomputes it); 0: odd-even
    elements = np.frombuffer(data, dtype=_ELEMENT, count=count, offset=4)  # type: ignore[call-overload]  # a buffer
    if at is None:
        elements["x"], elements["y"] = x[start:stop], y[start:stop]
    else:
        elements["x"], elements["y"] = x[at[start:stop]], y[at[start:stop]]
    elements["c"] = ~moves[start:stop]  # 0 move, 1 line
    return data
