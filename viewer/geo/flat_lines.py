"""Projected lines kept as one array of vertices and where each line begins, not a shapely LineString each: making
100,000 three-vertex LineStrings took ~45 ms and held ~28 MiB, and a drawing or a picking index reads them back as
arrays anyway. A LineString is made only for the few lines a question is about (`linestrings`)."""

from __future__ import annotations

import numpy as np
import shapely


class FlatLines:
    """Lines as ``xy`` ((n, 2) map coordinates of every vertex, line after line) and ``starts`` (len(lines) + 1
    offsets into it: line i is xy[starts[i]:starts[i + 1]]). Never changed in place: a change makes another."""

    __slots__ = ("_boxes", "_by_left", "starts", "xy")

    def __init__(self, xy: np.ndarray, starts: np.ndarray):
        self.xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        self.starts = np.asarray(starts, dtype=np.int64)
        self._boxes: np.ndarray | None = None
        self._by_left: _BoxesByLeft | None = None

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
        if len(which) == len(self) and (not len(which) or (which[0] == 0 and bool((np.diff(which) == 1).all()))):
            return self
        counts = self.counts[which]
        starts = np.zeros(len(which) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        source = np.repeat(self.starts[:-1][which] - starts[:-1], counts) + np.arange(int(starts[-1]))
        taken = FlatLines(self.xy[source], starts)
        if self._boxes is not None:
            taken._boxes = self._boxes[which]
        return taken

    def linestrings(self, which: np.ndarray | None = None) -> np.ndarray:
        """LineStrings of the lines ``which`` (all when None), as an object array."""
        lines = self if which is None else self.take(which)
        if not len(lines):
            return np.empty(0, dtype=object)
        return shapely.linestrings(lines.xy, indices=np.repeat(np.arange(len(lines)), lines.counts))

    def boxes(self) -> np.ndarray:
        """(n, 4) xmin, ymin, xmax, ymax of each line, as shapely.bounds gives them (NaN and inf vertices skipped; NaN
        for a line of none finite). Made once."""
        if self._boxes is None:
            finite = np.isfinite(self.xy).all(axis=1)
            x, y = (
                (self.xy[:, 0], self.xy[:, 1])
                if finite.all()
                else (np.where(finite, self.xy[:, 0], np.nan), np.where(finite, self.xy[:, 1], np.nan))
            )
            boxes = np.full((len(self), 4), np.nan)
            some = np.flatnonzero(self.counts > 0)
            if len(some):
                at = self.starts[some]
                boxes[some, 0], boxes[some, 2] = np.fmin.reduceat(x, at), np.fmax.reduceat(x, at)
                boxes[some, 1], boxes[some, 3] = np.fmin.reduceat(y, at), np.fmax.reduceat(y, at)
            self._boxes = boxes
        return self._boxes

    def meeting_boxes(self, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
        """Positions of the lines whose boxes meet the rectangle (edges included), ascending."""
        return self._sorted_boxes().meeting(xmin, ymin, xmax, ymax)

    def count_meeting_boxes(self, xmin: float, ymin: float, xmax: float, ymax: float) -> int:
        """How many lines' boxes meet the rectangle (edges included)."""
        return self._sorted_boxes().count(xmin, ymin, xmax, ymax)

    def _sorted_boxes(self) -> _BoxesByLeft:
        if self._by_left is None:
            self._by_left = _BoxesByLeft(self.boxes())
        return self._by_left

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
        out_x = np.full(len(x) + len(starts) - 1, np.nan)
        out_y = np.full_like(out_x, np.nan)
        # each line one slot further on than the one before: a NaN between them
        shift = np.zeros(len(x), dtype=np.int64)
        shift[starts[1:]] = 1
        slot = np.arange(len(x)) + np.cumsum(shift)
        finite = np.isfinite(x) & np.isfinite(y)
        if finite.all():
            out_x[slot], out_y[slot] = x, y
        else:
            out_x[slot[finite]], out_y[slot[finite]] = x[finite], y[finite]
        return out_x, out_y


class _BoxesByLeft:
    """Boxes sorted by their left edge, each edge a contiguous array: a rectangle's question compares only the boxes
    starting left of its right edge, four comparisons an element (100,000 lines: well under a millisecond)."""

    def __init__(self, boxes: np.ndarray):
        self.order = np.argsort(boxes[:, 0], kind="stable")  # NaN (a line of no finite vertex) last: never meets
        self.left, self.bottom, self.right, self.top = (np.ascontiguousarray(boxes[self.order, k]) for k in range(4))

    def _meets(self, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
        """Which of the boxes up to the last starting at or left of ``xmax`` meet the rectangle."""
        k = int(np.searchsorted(self.left, xmax, side="right"))
        return (self.right[:k] >= xmin) & (self.bottom[:k] <= ymax) & (self.top[:k] >= ymin)

    def meeting(self, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
        return np.sort(self.order[np.flatnonzero(self._meets(xmin, ymin, xmax, ymax))])

    def count(self, xmin: float, ymin: float, xmax: float, ymax: float) -> int:
        return int(np.count_nonzero(self._meets(xmin, ymin, xmax, ymax)))
