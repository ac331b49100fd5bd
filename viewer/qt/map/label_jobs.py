"""Labels placed afresh on a worker thread once the view rests, so the GUI thread never waits for a placement: one
job at a time, a newer view's request replaces a waiting one, and a result for a view no longer shown is dropped."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QTransform

from viewer.geo.labels import Box
from viewer.io.progress import Progress
from viewer.qt.draw.labels import LabelPainter, Placed
from viewer.qt.workers import Worker


@dataclass(frozen=True, eq=False)
class Request:
    """The view a placement is made for: what the placement depends on besides it (``key``), its map-to-device
    ``transform``, the decorations' boxes and the map's bounds (device pixels), and the device's pixel ratio (the
    stamps are made for it)."""

    key: tuple
    transform: QTransform
    fixed: np.ndarray
    bounds: Box
    ratio: float

    def shows(self, key: tuple, transform: QTransform, fixed: np.ndarray) -> bool:
        """Whether a paint with these is of the view this request was made for."""
        return (key == self.key and transform == self.transform and self.fixed.shape == fixed.shape
                and bool(np.allclose(self.fixed, fixed, atol=0.01)))

    def same(self, other: Request) -> bool:
        return other.ratio == self.ratio and other.bounds == self.bounds and self.shows(
            other.key, other.transform, other.fixed)


class LabelJobs(QObject):
    """Runs a LabelPainter's placements on a thread of their own (viewer.qt.workers.Worker: never a pool thread
    that may run PROJ afterwards), with the stamps the placed labels need made there too.

    Signals:
        placed(): a placement is ready for the next paint of its view (`take` it then).
    """

    placed = Signal()

    def __init__(self, drawing: LabelPainter):
        super().__init__()
        self.drawing = drawing
        self._running: tuple[Request, Worker] | None = None
        self._next: Request | None = None  # asked for while a job ran: started when it ends
        self._ready: tuple[Request, list[Placed]] | None = None
        application = QCoreApplication.instance()
        if application is not None:  # a thread still running when Python ends takes the process down with it
            application.aboutToQuit.connect(self.wait)

    @property
    def busy(self) -> bool:
        """A placement is being made, or waits for its paint."""
        return self._running is not None or self._next is not None or self._ready is not None

    def ask(self, request: Request) -> None:
        """Place the labels for ``request``'s view; a job for another view is cancelled (its result is stale)."""
        self._ready = None
        if self._running is not None:
            asked, worker = self._running
            if asked.same(request):
                self._next = None
                return
            worker.cancel()  # stops between its steps; the newest request starts once it has
            self._next = request
            return
        self._start(request)

    def cancel(self) -> None:
        """The view moved on: whatever runs or waits is for a view no longer shown."""
        self._next = None
        self._ready = None
        if self._running is not None:
            self._running[1].cancel()

    def take(self, key: tuple, transform: QTransform, fixed: np.ndarray) -> list[Placed] | None:
        """The placement made for the view being painted, once; a placement made for another view is dropped."""
        if self._ready is None:
            return None
        request, placement = self._ready
        self._ready = None
        return placement if request.shows(key, transform, fixed) else None

    def wait(self) -> None:
        """Block until the running job's thread has ended (before the label item goes)."""
        if self._running is not None:
            self._running[1].wait()

    def _start(self, request: Request) -> None:
        drawing = self.drawing
        placing = drawing.placing(request.transform, request.fixed, request.bounds)  # reads the labels here

        def job(progress: Progress) -> list[Placed]:
            placement = placing()
            progress(1, 2)  # raises Cancelled when a newer view asked meanwhile: its stamps are not wanted
            drawing.warm(placement, request.ratio)
            return placement

        worker = Worker(job)
        worker.finished.connect(self._finished)
        worker.cancelled.connect(self._ended)
        worker.failed.connect(self._failed)
        self._running = (request, worker)
        worker.start()

    def _finished(self, placement: list[Placed]) -> None:
        if self._running is not None and self._next is None:
            self._ready = (self._running[0], placement)
        self._ended()
        if self._ready is not None:
            self.placed.emit()

    def _failed(self, message: str) -> None:
        error = self._running[1].error if self._running is not None else None
        self._ended()
        if error is not None:
            raise error  # a placement that fails on the GUI thread would raise in the paint: not hidden here

    def _ended(self) -> None:
        self._running = None
        if self._next is not None:
            request, self._next = self._next, None
            self._start(request)
