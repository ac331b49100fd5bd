"""The part of a layer's screen cache (viewer.qt.map.screen_cache) that has it drawn on worker threads: a slow
layer whenever it must be drawn, any layer afresh once the view rests, and a zoom's view while its image is
magnified too far."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap, QRegion, QTransform

from viewer.qt.map import render_jobs
from viewer.qt.map.render_jobs import JobSignals, RenderJob
from viewer.qt.map.view_shift import whole_pixel_shift


class WorkerDrawing:
    """Render jobs for a `ScreenCache`, which holds the state named here and the GUI thread's drawing."""

    _item: pg.GraphicsObject
    _image: QPixmap | None
    _area: QRect
    _valid: QRegion
    _transform: QTransform
    _cost_ms: float | None
    _stale: bool
    _refresh: bool
    _job: RenderJob | None
    _settle: QTimer
    _signals: JobSignals
    background: QColor | None

    @property
    def slow(self) -> bool:
        raise NotImplementedError

    def _preview(self, painter: QPainter, to_device: QTransform, area: QRect, anywhere: bool = False) -> bool:
        raise NotImplementedError

    def _blit(self, painter: QPainter, area: QRect, ratio: float) -> None:
        raise NotImplementedError

    def _pan(self, shift: QPoint, area: QRect, ratio: float, draw: Callable[[QPainter], None]) -> None:
        raise NotImplementedError

    # -- drawn on a worker thread --------------------------------------------------------------------
    def _paint_from_background(self, painter: QPainter, to_device: QTransform, area: QRect, wide: QRect,
                               ratio: float, draw: Callable[[QPainter], None], moved: bool) -> None:
        if area.isEmpty():
            self._cancel()
            return
        if (self._image is not None and not self._stale and whole_pixel_shift(self._transform, to_device) == QPoint()
                and self._area == wide):
            self._blit(painter, area, ratio)
            return
        job = self._job
        if job is not None and not (whole_pixel_shift(job.transform, to_device) == QPoint() and job.area == wide):
            job.cancel()  # a new gesture: what the job draws would be out of date before it is shown
        if self._image is not None:
            self._preview(painter, to_device, area, anywhere=True)
            if moved:
                self._settle.start()
                return  # drawn afresh once the view rests
        if self._settle.isActive() or self._job is not None:
            return  # at rest soon; or a job runs (a cancelled one ends quickly, then the layer is painted again)
        self._start_job(wide, area, to_device, ratio, draw, "slow")

    def _settle_soon(self, moved: bool) -> None:
        """Draw afresh once the view has rested SETTLE_MS: counted from the last change of view, not from the last
        paint (other layers' jobs ending repaint the screen, and each such paint put off the rest again)."""
        if moved or not self._settle.isActive():
            self._settle.start()

    def _refresh_at_rest(self, painter: QPainter, to_device: QTransform, area: QRect, wide: QRect, ratio: float,
                         draw: Callable[[QPainter], None]) -> bool:
        """A layer fast enough to be moved on the GUI thread, drawn afresh at rest by a job: the kept image is
        shown meanwhile. False: the view moved on, or nothing can be shown; the caller paints as while moving. A
        pan lets the job go on (what it draws is exact at that scale, and its margin serves the pan once it is
        done); a zoom cancels it."""
        job = self._job
        if job is not None and job.kind == "rest" and not (job.area == wide and
                                                           whole_pixel_shift(job.transform, to_device) == QPoint()):
            if whole_pixel_shift(job.transform, to_device) is None:
                job.cancel()  # a new zoom: the layer is previewed on the GUI thread again
            return False  # (a refresh asked for stays asked: it starts once this job is done)
        if self._image is None or area.isEmpty():
            self._refresh = False
            return False
        shift = whole_pixel_shift(self._transform, to_device)
        if shift is not None:
            self._pan(shift, area, ratio, draw)  # a job's image for the view before a pan: what it lacks is drawn
            self._blit(painter, area, ratio)
        elif not self._preview(painter, to_device, area, anywhere=True):
            self._refresh = False
            return False
        if job is None:  # (a job drawing a zoom's view ends first; then this one starts)
            self._refresh = False
            self._start_job(wide, area, to_device, ratio, draw, "rest")
        return True

    def _start_job(self, wide: QRect, area: QRect, to_device: QTransform, ratio: float,
                   draw: Callable[[QPainter], None], kind: str) -> None:
        """Draw `wide` (the view's `area` and the margin round it) on a worker thread."""
        self._job = RenderJob(wide, to_device, ratio, draw, self._signals, self.background, view=area)
        self._job.kind = kind
        render_jobs.start(self._job)

    def _job_finished(self, job: RenderJob) -> None:
        image = job.take_image()
        if job is not self._job:
            return
        self._job = None
        if job.error is not None:
            raise job.error
        if image is not None:
            self._image, self._stale = QPixmap.fromImage(image), False
            self._area, self._transform, self._valid = job.area, job.transform, QRegion(job.area)
            # What drawing the view took the worker. It makes a layer drawn on the GUI thread no slower: a layer
            # counted slow leaves pans' strips empty until the view rests.
            cost = job.cost_ms
            if job.kind != "slow" and self._cost_ms is not None:
                cost = min(self._cost_ms, cost)
            self._cost_ms = cost
        self._item.update()  # shows the image, or starts the job the view now needs

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
