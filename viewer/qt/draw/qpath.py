"""QPainterPaths from NaN-separated coordinate arrays, built in one call through Qt's own serialised form."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, Qt
from PySide6.QtGui import QPainterPath

# QDataStream's layout of a QPainterPath: element count, then per element its type (0 move, 1 line) and x, y as
# doubles, then the index of the current subpath's start and the fill rule; big-endian. pyqtgraph's arrayToQPath
# builds paths the same way (a Python loop over subpaths costs ~50x more on a coastline).
_ELEMENT = np.dtype([("c", ">i4"), ("x", ">f8"), ("y", ">f8")])


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
    data = QByteArray()
    data.resize(4 + n * _ELEMENT.itemsize + 8)  # written in place below: no copy of a million vertices
    data.replace(0, 4, n.to_bytes(4, "big"))
    data.replace(4 + n * _ELEMENT.itemsize, 8, bytes(8))  # last subpath's start (Qt recomputes it); 0: odd-even
    elements = np.frombuffer(data, dtype=_ELEMENT, count=n, offset=4)  # type: ignore[call-overload]  # a buffer
    # A NaN takes the position of the vertex before it (so it draws nothing), and the vertex after a NaN moves.
    if finite.all():
        elements["x"], elements["y"] = x, y
    else:
        last = np.maximum.accumulate(np.where(finite, np.arange(n), -1))
        last[last < 0] = np.argmax(finite)  # leading NaNs sit on the first vertex
        elements["x"], elements["y"] = x[last], y[last]
    elements["c"][0] = 0
    elements["c"][1:] = finite[:-1]
    stream = QDataStream(data)
    stream >> path  # PySide6 reads into the path
    return path
