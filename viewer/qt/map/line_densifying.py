"""A large layer's lines are drawn straight at first (`ProjectedFeatures.straight_first`); once the map has been
drawn and the view rests, they are densified along their geodesics on a worker thread and handed back to the cache,
and the canvas draws them afresh: what it shows at rest is then what an export of the view draws."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely
from PySide6.QtCore import QObject, QTimer

from viewer.geo.area_detail import make_drawn
from viewer.geo.flat_lines import FlatLines
from viewer.geo.outline_index import outline_of
from viewer.geo.picking import OUTLINE_FROM
from viewer.geo.projected import ProjectedFeatures
from viewer.io.free_memory import give_back
from viewer.qt.map.render_jobs import JobSignals

STRAIGHT_FIRST_ABOVE = 20_000  # vertices of lines new to the screen's cache (the sample's paths have a few hundred)
START_AFTER_MS = 250  # the view rests this long, and no layer is being drawn, before densifying starts
LINES_AT_ONCE = 5_000  # lines densified between checks that they are still wanted (~40 ms at a time)
# One long-lived Python thread, as the basemap's levels are built on: PROJ crashed on Qt pool threads that had run
# Python code for an earlier job (see viewer.qt.map.basemap_layer).
_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="line-densifying")


class Densify:
    """On the worker thread: `ProjectedFeatures.densify_pending` of the lines a cache drew straight (and the areas
    it drew from a stand-in), a batch at a time, the lines the cache keeps flat handed back as such; a large shape's
    outline runs made too (`outline_of`: the picking index rebuilt on the GUI thread finds them made), and a large
    area's drawn arrays (`area_detail.drawn_xy`: the drawing made again on the GUI thread finds them made)."""

    def __init__(self, cache: ProjectedFeatures, rows: np.ndarray, lines: np.ndarray):
        self.cache, self.rows, self.lines = cache, rows, lines
        self.shapes: np.ndarray | None = None
        self.plain: np.ndarray | None = None
        self.dense: np.ndarray | None = None
        self.flat: tuple[np.ndarray, FlatLines] | None = None
        self.error: BaseException | None = None
        self.cancelled = threading.Event()

    def run(self, signals: JobSignals) -> None:
        try:
            shapes, plain = np.empty(len(self.lines), dtype=object), np.empty(len(self.lines), dtype=bool)
            dense = np.empty(len(self.lines), dtype=object)
            flat_at: list[np.ndarray] = []
            flat: list[FlatLines] = []
            for start in range(0, len(self.lines), LINES_AT_ONCE):
                if self.cancelled.is_set():
                    break
                chosen = slice(start, start + LINES_AT_ONCE)
                shapes[chosen], plain[chosen], dense[chosen], (at, lines) = self.cache.densify_pending(
                    self.lines[chosen])
                flat_at.append(at + start)
                flat.append(lines)
            else:
                for shape in shapes[shapely.get_num_coordinates(shapes) >= OUTLINE_FROM]:
                    outline_of(shape)
                make_drawn(dense, shapes, self.cache.projection)  # a large area's drawn arrays: taking is a swap
                self.flat = (np.concatenate([np.zeros(0, dtype=np.int64), *flat_at]), FlatLines.joined(flat))
                self.shapes, self.plain, self.dense = shapes, plain, dense
                give_back()  # this thread's heap kept a million-spike star's temporaries resident: ~1 GB
        except BaseException as error:  # handed to the GUI thread, which raises it
            self.error = error
        with contextlib.suppress(RuntimeError):  # the canvas was deleted meanwhile
            signals.finished.emit(self)


class LineDensifying(QObject):
    """Densifies the lines the canvas's cache drew straight, one job at a time, once `busy()` (the view moving, a
    layer drawn on a worker) is over, and hands them to the cache when it is over again (`done()` then: the canvas
    draws them afresh, which holds the event loop a moment: not during a gesture; it is given the rows taken)."""

    def __init__(self, parent: QObject, cache: Callable[[], ProjectedFeatures], busy: Callable[[], bool],
                 done: Callable[[np.ndarray], None]):
        super().__init__(parent)
        self._cache, self._busy, self._done = cache, busy, done
        self._job: Densify | None = None
        self._made: Densify | None = None  # a job done, whose lines are taken at the next rest
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(START_AFTER_MS)
        self._timer.timeout.connect(self._start)
        self._signals = JobSignals()
        self._signals.finished.connect(self._finished)

    @property
    def running(self) -> bool:
        """Whether lines are being densified, or are to be once the view rests (tests wait for it)."""
        return self._job is not None or self._made is not None or self._timer.isActive()

    def soon(self) -> None:
        """The cache may hold lines drawn straight (after a refresh): densify them once the view rests. A job for
        another cache (the projection changed) is cancelled."""
        cache = self._cache()
        if self._job is not None and self._job.cache is not cache:
            self._job.cancelled.set()
        if cache.has_pending():
            self._timer.start()

    def _start(self) -> None:
        if self._busy():
            self._timer.start()
            return
        if self._made is not None:
            made, self._made = self._made, None
            self._take(made)
            return
        if self._job is not None:
            return  # started again once it is done
        cache = self._cache()
        rows, lines = cache.pending_lines()
        if len(rows):
            self._job = Densify(cache, rows, lines)
            _WORKER.submit(self._job.run, self._signals)

    def _finished(self, job: Densify) -> None:
        self._job = None
        if job.error is not None:
            raise job.error
        self._made = job
        self._start()

    def _take(self, job: Densify) -> None:
        if job.shapes is not None and job.plain is not None and job.cache is self._cache() \
                and job.cache.take_densified(job.rows, job.lines, job.shapes, job.plain, job.dense, job.flat):
            self._done(job.rows)
        self.soon()  # lines added meanwhile
