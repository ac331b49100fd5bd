"""Projected lines kept as one array of vertices and where each line begins, not a shapely LineString each: making
100,000 three-vertex LineStrings took ~45 ms and held ~28 MiB, and a drawing or a picking index reads them back as
arrays anyway. A LineString is made only for the few lines a question is about (`linestrings`)."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.model.table_rows import every_row

SHORT = 8  # vertices: lines up to this long have their boxes found vertex by vertex (see `boxes`)


class FlatLines:
    """Lines as ``xy`` ((n, 2) map coordinates of every vertex, line after line) and ``starts`` (len(lines) + 1
    offsets into it: line i is xy[starts[i]:starts[i + 1]]). Never changed in place: a change makes another."""

    __slots__ = ("_boxes", "_by_edge", "starts", "xy")

    def __init__(self, xy: np.ndarray, starts: np.ndarray):
        self.xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        self.starts = np.asarray(starts, dtype=np.int64)
        self._boxes: np.ndarray | None = None
        self._by_edge: _BoxEdges | None = None

    @classmethod
    def empty(cls) -> FlatLines:
        return cls(np.empty((0, 2)), np.zeros(1, dtype=np.int64))

    @classmethod
    def of_vertices(cls, xy: np.ndarray, owner: np.ndarray, count: int) -> FlatLines:
        """``count`` lines from vertices numbered by their line (``owner``, ascending, as shapely's
        get_coordinates(..., return_index=True) gives it)."""
        starts = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner, minlength=count), out=starts[1:])
        return cls(xy, starts)

    @classmethod
    def of_shapes(cls, lines: np.ndarray) -> FlatLines:
        """The vertices of an object array of LineStrings."""
        xy, owner = shapely.get_coordinates(lines, return_index=True)
        return cls.of_vertices(xy, owner, len(lines))

    @classmethod
    def joined(cls, parts: list[FlatLines]) -> FlatLines:
        """The lines of ``parts``, one after the other."""
        parts = [part for part in parts if len(part)]
        if not parts:
            return cls.empty()
        if len(parts) == 1:
            return parts[0]
        offsets = np.cumsum([0, *(len(part.xy) for part in parts[:-1])])
        starts = np.concatenate([part.starts[:-1] + offset for part, offset in zip(parts, offsets, strict=True)]
                                + [[offsets[-1] + len(parts[-1].xy)]])
        return cls(np.concatenate([part.xy for part in parts]), starts)

    def __len__(self) -> int:
        return len(self.starts) - 1

    @property
    def counts(self) -> np.ndarray:
        """Vertices of each line."""
        return np.diff(self.starts)

    def take(self, which: np.ndarray) -> FlatLines:
        """The lines ``which`` (positions), in that order; this one itself when that is every line in order."""
        which = np.asarray(which, dtype=np.int64)
        if every_row(which, len(self)):
            return self
        counts = self.counts[which]
        starts = np.zeros(len(which) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        source = np.repeat(self.starts[:-1][which] - starts[:-1], counts) + np.arange(int(starts[-1]))
        taken = FlatLines(self.xy[source], starts)
        if self._boxes is not None:
            taken._boxes = self._boxes.T[:, which].T
        return taken

    def linestrings(self, which: np.ndarray | None = None) -> np.ndarray:
        """LineStrings of the lines ``which`` (all when None), as an object array."""
        lines = self if which is None else self.take(which)
        if not len(lines):
            return np.empty(0, dtype=object)
        return shapely.linestrings(lines.xy, indices=np.repeat(np.arange(len(lines)), lines.counts))

    def boxes(self) -> np.ndarray:
        """(n, 4) xmin, ymin, xmax, ymax of each line, as shapely.bounds gives them (NaN and inf coordinates skipped;
        NaN for a line with none finite, which meets nothing). Made once; each edge a contiguous array (the array
        given is a view of four rows)."""
        if self._boxes is None:
            x, y = np.ascontiguousarray(self.xy[:, 0]), np.ascontiguousarray(self.xy[:, 1])
            x, y = (column if np.isfinite(column).all() else np.where(np.isfinite(column), column, np.nan)
                    for column in (x, y))
            edges = np.full((4, len(self)), np.nan)
            counts = self.counts
            # Short lines vertex by vertex, lines of a length together (a reduceat over 100,000 three-vertex lines
            # took ~6 ms an edge; gathering their vertices, ~10 ms in all), the rest by reduceat; fmin and fmax skip
            # NaNs.
            short = np.flatnonzero((counts > 0) & (counts <= SHORT))
            for count in np.flatnonzero(np.bincount(counts[short], minlength=1)).tolist():
                alike = short[counts[short] == count]
                if len(alike) * count == len(self.xy):  # every vertex is of these lines: row i of a reshape, line i
                    by_line = (x.reshape(-1, count), y.reshape(-1, count))
                else:
                    at = self.starts[alike][:, None] + np.arange(count)
                    by_line = (x[at], y[at])
                for column, (low, high) in zip(by_line, ((0, 2), (1, 3)), strict=True):
                    lowest, highest = column[:, 0].copy(), column[:, 0].copy()
                    for k in range(1, count):
                        np.fmin(lowest, column[:, k], out=lowest)
                        np.fmax(highest, column[:, k], out=highest)
                    edges[low, alike], edges[high, alike] = lowest, highest
            long = np.flatnonzero(counts > SHORT)
            if len(long):
                at = self.starts[long]  # (reduceat over a line and whatever short lines follow it, up to the next)
                ends = self.starts[long + 1]
                spans = np.column_stack([at, ends]).ravel()
                for column, (low, high) in ((x, (0, 2)), (y, (1, 3))):
                    padded = np.append(column, np.nan)  # (a span may end at the last vertex)
                    edges[low, long] = np.fmin.reduceat(padded, spans)[::2]
                    edges[high, long] = np.fmax.reduceat(padded, spans)[::2]
            self._boxes = edges.T
        return self._boxes

    def meeting_boxes(self, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
        """Positions of the lines whose boxes meet the rectangle (edges included), ascending."""
        return np.flatnonzero(self._edges().meet(xmin, ymin, xmax, ymax))

    def count_meeting_boxes(self, xmin: float, ymin: float, xmax: float, ymax: float) -> int:
        """How many lines' boxes meet the rectangle (edges included)."""
        return int(np.count_nonzero(self._edges().meet(xmin, ymin, xmax, ymax)))

    def _edges(self) -> _BoxEdges:
        if self._by_edge is None:
            self._by_edge = _BoxEdges(self.boxes())
        return self._by_edge

    def total_bounds(self) -> np.ndarray:
        """xmin, ymin, xmax, ymax of every line (NaN when none has a finite vertex)."""
        boxes = self.boxes()
        known = np.isfinite(boxes).all(axis=1)
        if not known.any():
            return np.full(4, np.nan)
        boxes = boxes[known]
        return np.concatenate([boxes[:, :2].min(axis=0), boxes[:, 2:].max(axis=0)])

    def nan_separated(self) -> tuple[np.ndarray, np.ndarray]:
        """x and y of every line, NaN between lines and in place of a vertex not finite (a path to draw)."""
        if not len(self) or not len(self.xy):
            return np.empty(0), np.empty(0)
        counts = self.counts
        present = counts > 0
        lines = self if present.all() else self.take(np.flatnonzero(present))
        starts = lines.starts[:-1][present] if lines is self else lines.starts[:-1]
        x, y = lines.xy[:, 0], lines.xy[:, 1]
        finite = np.isfinite(x) & np.isfinite(y)
        count = len(x) // len(starts)
        if count * len(starts) == len(x) and finite.all() and bool((lines.counts == count).all()):
            # lines of one length (a bulk layer's): rows of their vertices and a NaN, at once
            rows = []
            for column in (x, y):
                out = np.empty((len(starts), count + 1))
                out[:, :count], out[:, count] = column.reshape(len(starts), count), np.nan
                rows.append(out.reshape(-1)[:-1])
            return rows[0], rows[1]
        out_x = np.full(len(x) + len(starts) - 1, np.nan)
        out_y = np.full_like(out_x, np.nan)
        # each line one slot further on than the one before: a NaN between them
        shift = np.zeros(len(x), dtype=np.int64)
        shift[starts[1:]] = 1
        slot = np.arange(len(x)) + np.cumsum(shift)
        if finite.all():
            out_x[slot], out_y[slot] = x, y
        else:
            out_x[slot[finite]], out_y[slot[finite]] = x[finite], y[finite]
        return out_x, out_y


class _BoxEdges:
    """Boxes as one contiguous array per edge: whether each meets a rectangle is four comparisons an element, ~0.1 ms
    for 100,000 lines (an STRtree of them took ~25 ms to build; sorting their left edges, ~8 ms)."""

    def __init__(self, boxes: np.ndarray):
        self.left, self.bottom, self.right, self.top = (np.ascontiguousarray(boxes[:, k]) for k in range(4))

    def meet(self, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
        """Which boxes meet the rectangle, edges included (a box of NaN, a line without a finite vertex, none)."""
        return (self.left <= xmax) & (self.right >= xmin) & (self.bottom <= ymax) & (self.top >= ymin)
