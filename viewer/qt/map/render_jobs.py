"""Layers drawn into images on worker threads, so the GUI thread never waits for a slow layer to draw.

A job draws a layer from plain data (QPainterPaths, arrays, images: never a QGraphicsItem's scene state) with
a QPainter on a QImage in a QThreadPool, and hands the image back to the GUI thread through a queued signal.
PySide6 holds the GIL for the whole of each painter call (one drawPath of a long dashed outline held it for
seconds), so the event loop runs between a job's calls, not during one: drawing code keeps each call short.
Drawing code asks `cancelled()` between paths, so a job a new gesture made stale stops early.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QRect, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

_current = threading.local()  # the job the calling thread is drawing for, if any


def not_drawing(seconds: float) -> None:
    """Leave `seconds` of this thread's CPU time out of what a job's drawing costs: one-off work (cutting the
    basemap's squares a margin reaches) says nothing of how slow the layer is to draw."""
    _current.aside = _set_aside_seconds() + seconds


def _set_aside_seconds() -> float:
    return getattr(_current, "aside", 0.0)


def cancelled() -> bool:
    """Whether the job this thread draws for is no longer wanted (always False on the GUI thread)."""
    job = getattr(_current, "job", None)
    return job is not None and job.is_cancelled


class JobSignals(QObject):
    """Lives on the GUI thread; a worker's emit reaches it queued.

    Signals:
        finished(object): the RenderJob, drawn, cancelled or failed.
    """

    finished = Signal(object)


class RenderJob(QRunnable):
    """Draws `draw(painter)` into an image of `area` (viewport pixels) with the map-to-viewport `transform`: first
    the `view` within it, into an image of its own as an export of the view draws it (Qt's dashes start where the
    device's edge cuts a line: drawn into the larger image, dashes stepped elsewhere along lines crossing the edge
    of the view), then the margin round it, a side at a time."""

    def __init__(self, area: QRect, transform: QTransform, ratio: float, draw: Callable[[QPainter], None],
                 signals: JobSignals, background: QColor | None = None, view: QRect | None = None):
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it until `finished` has been handled
        self.area, self.transform, self.ratio = QRect(area), QTransform(transform), ratio
        self.view = QRect(area) if view is None else view.intersected(area)
        self.background = background  # drawn on this opaque colour; None: on transparency
        self.image: QImage | None = None
        # the worker thread's CPU time drawing the view (waiting for the GIL or a core is not drawing; nor is cutting
        # the basemap's squares, done once)
        self.cost_ms = 0.0
        # "slow": a layer never drawn on the GUI thread; for a layer otherwise drawn there, "rest": drawn afresh
        # once the view rests, "catch_up": drawn while a zoom has magnified its image too far
        self.kind = "slow"
        self.error: BaseException | None = None
        self._draw = draw
        self._signals = signals
        self._cancelled = threading.Event()

    def take_image(self) -> QImage | None:
        """What the job drew (None: cancelled or failed), once: the job then lets go of it and of the drawing.
        PySide keeps every runnable given to the pool alive for good, so a job kept its image (24 MB for a screenful
        and its margin) and its layer: RSS grew by 100-200 MB a round of part (a)'s gestures, ~50 MB on main."""
        image, self.image, self._draw = self.image, None, _drawn
        return None if self.is_cancelled else image

    @property
    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def run(self) -> None:
        _current.job = self
        try:
            if not self.is_cancelled:
                self.image = self._render()
        except BaseException as error:  # handed to the GUI thread, which raises it
            self.error = error
        finally:
            _current.job = None
        with contextlib.suppress(RuntimeError):  # the layer was deleted meanwhile: nobody wants the image
            self._signals.finished.emit(self)

    def _render(self) -> QImage:
        start, aside = time.thread_time(), _set_aside_seconds()
        view = self._image_of(self.view, [QRect(QPoint(0, 0), self.view.size())])
        self.cost_ms = (time.thread_time() - start - (_set_aside_seconds() - aside)) * 1e3
        if self.view == self.area:
            return view
        image = self._image_of(self.area, [piece.translated(-self.area.topLeft()) for piece in _margin(self.area,
                                                                                                       self.view)])
        painter = QPainter(image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawImage(self.view.topLeft() - self.area.topLeft(), view)
        painter.end()
        return image

    def _image_of(self, area: QRect, clips: list[QRect]) -> QImage:
        """An image of `area` (viewport pixels) of the layer drawn within each of `clips` (the image's pixels)."""
        opaque = self.background is not None
        image = QImage(area.size() * self.ratio,
                       QImage.Format.Format_RGB32 if opaque else QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(self.ratio)
        image.fill(self.background if self.background is not None else 0)
        painter = QPainter(image)
        try:
            for clip in clips:
                if self.is_cancelled:
                    break
                painter.resetTransform()
                painter.setClipRect(clip)
                painter.setTransform(self.transform * QTransform.fromTranslate(-area.left(), -area.top()))
                self._draw(painter)
        finally:
            painter.end()
        return image


def _margin(area: QRect, view: QRect) -> list[QRect]:
    """The parts of `area` round `view`: above and below it the whole width, beside it its height."""
    pieces = [QRect(area.left(), area.top(), area.width(), view.top() - area.top()),
              QRect(area.left(), view.bottom() + 1, area.width(), area.bottom() - view.bottom()),
              QRect(area.left(), view.top(), view.left() - area.left(), view.height()),
              QRect(view.right() + 1, view.top(), area.right() - view.right(), view.height())]
    return [piece for piece in pieces if not piece.isEmpty()]


def _drawn(painter: QPainter) -> None:
    """What a job draws once its image is taken: nothing."""


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def start(job: RenderJob) -> None:
    pool().start(job)


def wait_for_all(timeout_ms: int = 5000) -> bool:
    """Wait until no job runs (before the application quits, and in tests)."""
    return pool().waitForDone(timeout_ms)
