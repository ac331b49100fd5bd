"""What a layer last drew on screen, kept as an image of the view and a margin round it: moved and scaled while the
view moves, and drawn afresh on a worker thread at rest, so the GUI thread seldom draws and never waits for it."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap, QRegion, QTransform
from PySide6.QtWidgets import QWidget

from viewer.qt.draw.tiles import cut_later
from viewer.qt.map.drawings import drawing_changed, register
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.render_jobs import JobSignals, RenderJob
from viewer.qt.map.screen_jobs import WorkerDrawing
from viewer.qt.map.view_shift import whole_pixel_shift

SETTLE_MS = 150  # zoomed, a cached layer is shown scaled until the view rests this long, then drawn afresh
# Layers slower to draw than this plus PREVIEW_MS_PER_MEGAPIXEL per megapixel they cover keep an image of the
# screen: showing the image costs too (moved, ~0.4 ms a megapixel; scaled while zooming, ~1 ms), and a layer
# that draws faster than its image shows is drawn exactly, every frame.
CACHE_ABOVE_MS = 0.5
PREVIEW_MS_PER_MEGAPIXEL = 0.8
SLOW_MS = 25.0  # layers slower than this (half a 50 ms frame) are drawn on a worker thread
# Drawn on a worker, an image covers the view and this share of the view's larger side round it: a pan within it
# only moves the image (a 40 px strip of land cost 2-5 ms a frame to draw on the GUI thread), and a zoom out shows
# the land round the view instead of a ring of sea. A quarter of 1920 px is 480 px: the image holds 2.8x the view's
# pixels (24 MB for a layer over the whole view; the layers of the sample keep ~70 MB more than without a margin).
MARGIN_SHARE = 0.25


class ScreenCache(WorkerDrawing):
    """What a layer last drew on screen, kept as an image of the part of the viewport it covers.

    While the view moves, panning by whole pixels moves the image and draws only what comes into view that the
    image does not hold, and zooming shows the image scaled. Once the view has rested `SETTLE_MS` the layer is
    drawn afresh, exactly, by a `RenderJob` on a worker thread, for the view and a margin round it (`MARGIN_SHARE`),
    while the image stays on screen: a scaled image is blurred, and Qt starts dash patterns from the clip's edge, so
    dashes can step where a newly drawn strip meets the rest. Exports and other devices always draw; so does a
    layer that draws faster than its image would show (`_worth_an_image_above`).

    A layer that takes over `SLOW_MS` to draw (or is expected to: `expect_slow`) is never drawn on the GUI
    thread: while the view moves its last image is moved and scaled; once the view rests (or when there is no
    image yet) a `RenderJob` draws it on a worker thread, and the image replaces the preview when it is done.
    A job that the view has moved on from is cancelled; each layer runs one job at a time.

    A zoom that magnifies the image past 4x (or leaves most of the view outside it) shows the image still, while a
    job draws the view of that moment, whose image then serves the next steps. While panning, what comes into
    view beyond the image's margin is still drawn on the GUI thread, a strip at a time (`_valid` says which of
    the image's pixels hold a drawing).
    """

    def __init__(self, item: pg.GraphicsObject, context: RenderContext):
        self._item = item
        self._context = context
        self._image: QPixmap | None = None
        self._area = QRect()  # the viewport pixels the image covers (beyond the viewport: its margin)
        self._valid = QRegion()  # the part of `_area` drawn (a pan beyond the margin leaves the rest of it blank)
        self._transform = QTransform()  # item to viewport pixels, for what the image holds
        # What drawing the whole layer took last time, in the drawing thread's CPU time (wall time on a busy machine
        # swung the basemap's land across SLOW_MS, and then pans left it out of what they bring into view); None: not
        # drawn yet.
        self._cost_ms: float | None = None
        self._expect_slow = False
        self._stale = False
        self._refresh = False  # at rest: draw afresh on a worker thread, showing the image meanwhile
        self._shown: tuple[QTransform, QRect] | None = None  # the view of the last paint
        self._job: RenderJob | None = None  # the job drawing this layer, if one runs
        # The colour under the layer, if it is the bottom one and covers what it draws on (the basemap on the sea):
        # its image is then opaque, which Qt copies rather than blends (moved ~0.4 ms a screenful, not ~0.8;
        # scaled while zooming ~1 ms, not ~2).
        self.background: QColor | None = None
        self._signals = JobSignals(item)
        self._signals.finished.connect(self._job_finished)
        self._settle = QTimer(item)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._rested)
        self._draw: Callable[[QPainter], None] | None = None  # what the last paint on screen drew with
        # counts changes of what the layer draws, not of its detail (the map's snapshot tells an old image by it)
        self.version = 0
        register(item, self)

    def clear(self) -> None:
        self._image, self._stale, self._refresh, self._valid = None, False, False, QRegion()
        self.version += 1
        self._cancel()
        drawing_changed(self._item)

    def stale(self) -> None:
        """What the image holds is out of date but close (the same layer at another detail): it is moved and shown
        scaled while the view moves, what a pan brings into view drawn afresh, and is drawn afresh once the view
        rests."""
        self._stale = self._image is not None
        self._refresh = False
        self._cancel()

    def expect_slow(self, slow: bool, same_look: bool = False) -> None:
        """Whether the layer, not drawn yet, will be slow (many features): its first drawing is then done on a
        worker thread too. Once drawn, what it took decides. `same_look`: what the layer draws is what it drew,
        at another detail (a basemap level): what that took still counts until it is drawn again (with no cost
        known, a zoom past what its preview can show would draw it on the GUI thread, 10-16 ms for the land)."""
        self._expect_slow = slow
        if not same_look:
            self._cost_ms = None

    @property
    def drawing_in_background(self) -> bool:
        """Whether a job is drawing this layer now."""
        return self._job is not None

    @property
    def slow(self) -> bool:
        return self._expect_slow if self._cost_ms is None else self._cost_ms > SLOW_MS

    # -- for the map's snapshot (viewer.qt.map.snapshot) ----------------------------------------------
    def shown(self, to_device: QTransform) -> tuple[QPixmap, QTransform, QRegion] | None:
        """What a paint of this view (item to viewport pixels) shows of the image, as the layer shows it while the
        view moves: the image, its pixels' transform to viewport pixels and the viewport pixels it holds drawn
        (None: no image, or none that this view shows)."""
        if self._image is None:
            return None
        shift = whole_pixel_shift(self._transform, to_device)
        if shift is not None:
            area = self._area.translated(shift)
            return self._image, QTransform.fromTranslate(area.left(), area.top()), self._valid.translated(shift)
        moved = QTransform.fromTranslate(self._area.left(), self._area.top()) * self._transform.inverted()[0] \
            * to_device
        if moved.type().value > QTransform.TransformationType.TxScale.value:
            return None
        covered = moved.mapRect(QRectF(0, 0, self._area.width(), self._area.height()))
        inner = QRect(math.ceil(covered.left()), math.ceil(covered.top()), math.floor(covered.width()) - 1,
                      math.floor(covered.height()) - 1)
        return self._image, moved, QRegion(inner)

    def catch_up(self, to_device: QTransform, widget: QWidget) -> None:
        """Draw this view (item to viewport pixels) on a worker thread, as a zoom that magnified the image too far
        has the layer do (the snapshot shows the zoom, and the layer is not painted meanwhile)."""
        if self._draw is None or self._image is None or self.slow or self._job is not None:
            return
        area, wide = self._areas(to_device, widget)
        if not area.isEmpty():
            self._start_job(wide, area, to_device, widget.devicePixelRatioF(), self._draw, "catch_up")

    def _areas(self, to_device: QTransform, widget: QWidget) -> tuple[QRect, QRect]:
        """The viewport pixels the layer covers in this view, and those with the margin round the view."""
        bounds = to_device.mapRect(self._item.boundingRect()).toAlignedRect()
        margin = round(MARGIN_SHARE * max(widget.width(), widget.height()))
        return (bounds.intersected(widget.rect()),
                bounds.intersected(widget.rect().adjusted(-margin, -margin, margin, margin)))

    def gesture_started(self) -> None:
        """The map's snapshot shows a gesture (the layer is not painted meanwhile): a job drawing the view at rest
        is out of date."""
        self._cancel()

    def rest_now(self) -> None:
        """The view has rested after a gesture the map's snapshot showed (the layer was not painted meanwhile):
        draw afresh now."""
        self._shown = None
        self._rested()

    def paint(self, painter: QPainter, widget, draw: Callable[[QPainter], None]) -> None:
        if unseen(painter, widget):
            return
        if not (self._context.screen_cache and _on_screen(painter, widget)):
            draw(painter)
            return
        ratio = widget.devicePixelRatioF()
        to_device = painter.transform()
        self._draw = draw
        area, wide = self._areas(to_device, widget)
        view = (QTransform(to_device), QRect(area))
        moved = self._shown is not None and not _same_view(self._shown, view)
        self._shown = view
        if self.slow:
            self._paint_from_background(painter, to_device, area, wide, ratio, draw, moved)
            return
        at_rest = self._job is not None and self._job.kind == "rest"
        if (self._refresh or at_rest) and self._refresh_at_rest(painter, to_device, area, wide, ratio, draw):
            return
        if self._image is None and (self._cost_ms or 0.0) <= _worth_an_image_above(area, ratio):
            start = time.thread_time()
            draw(painter)
            if _covers(painter, area):
                self._cost_ms = (time.thread_time() - start) * 1e3
            return
        if area.isEmpty():
            self._image, self._valid = None, QRegion()
            return
        # A stale image (the layer's detail changed: another basemap level) is moved by a pan like any other, what
        # comes into view drawn at the new detail, until the view rests; left unmoved, the land went missing from
        # every strip a pan brought into view after a level change.
        shift = whole_pixel_shift(self._transform, to_device) if self._image is not None else None
        if shift is None:
            if self._image is not None and self._preview(painter, to_device, area):
                self._settle_soon(moved)
                return
            if self._image is not None and self._preview(painter, to_device, area, True):
                # Magnified past 4x, or mostly out of view: a worker draws this view meanwhile (the next zoom steps
                # do not cancel it: its image is a closer preview for them), and the preview stays until it is done.
                # Drawn here instead, a zoom step took 5-10 ms more.
                self._settle_soon(moved)
                if self._job is None:
                    self._start_job(wide, area, to_device, ratio, draw, "catch_up")
                return
            self._draw_afresh(area, to_device, ratio, draw)
            self._settle.start()  # drawn with its margin once the view rests
        else:
            self._pan(shift, area, ratio, draw)
            if moved or not shift.isNull():
                self._settle.start()
            elif self._stale:
                self._settle_soon(moved)
        self._blit(painter, area, ratio)

    # -- drawn on the GUI thread ---------------------------------------------------------------------
    def _blit(self, painter: QPainter, area: QRect, ratio: float) -> None:
        """Show the image's part in `area` (viewport pixels): a source rect, so a margin costs nothing."""
        painter.save()
        painter.resetTransform()
        area = area.intersected(self._area)
        source = area.translated(-self._area.topLeft())
        painter.drawPixmap(area.topLeft(), self._kept(), QRect(source.topLeft() * ratio, source.size() * ratio))
        painter.restore()

    def _draw_afresh(self, area: QRect, to_device: QTransform, ratio: float,
                     draw: Callable[[QPainter], None]) -> None:
        image = self._image
        if image is not None and image.size() == area.size() * ratio and image.devicePixelRatio() == ratio:
            image.fill(self.background or Qt.GlobalColor.transparent)  # reused: a new screenful is 8 MB to clear
        else:
            image = _blank(area.size(), ratio, self.background)
        self._image, self._stale = image, False
        self._area, self._transform, self._valid = QRect(area), QTransform(to_device), QRegion(area)
        start = time.thread_time()
        self._draw_into_image(QRegion(area), draw)
        self._cost_ms = (time.thread_time() - start) * 1e3

    def _pan(self, shift: QPoint, area: QRect, ratio: float, draw: Callable[[QPainter], None]) -> None:
        """Follow a pan by whole pixels: the image moves with the map (only its place is noted), and what `area` (the
        view) shows that the image holds no drawing of is drawn, as it would be drawn there."""
        if not shift.isNull():
            self._area.translate(shift)
            self._valid.translate(shift)
            self._transform = self._transform * QTransform.fromTranslate(shift.x(), shift.y())
        if not self._area.contains(area):
            self._recentre(area, ratio)
        missing = QRegion(area) - self._valid
        if missing.isEmpty():
            return
        painter = QPainter(self._kept())
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        for rect in missing.translated(-self._area.topLeft()):  # type: ignore[attr-defined]  # iterable in PySide6
            painter.fillRect(rect, self.background or Qt.GlobalColor.transparent)
        painter.end()
        start = time.thread_time()
        self._draw_into_image(missing, draw)
        self._valid += missing
        strip_ms = (time.thread_time() - start) * 1e3
        # A strip dearer than the last whole drawing (the basemap's full detail, whose squares can hold a 38,000-vertex
        # ring that no cut splits: 25-50 ms a strip) says what panning the layer costs; over SLOW_MS it is then left
        # to render jobs like any slow layer.
        self._cost_ms = max(self._cost_ms or 0.0, strip_ms)

    def _recentre(self, area: QRect, ratio: float) -> None:
        """The view has left the image: move its pixels so that the view sits in its middle (an image with a margin
        is then moved once a margin's travel, not every frame: a screenful and its margin take ~4 ms to move), or
        make it the view's size if it is smaller."""
        old = QRect(self._area)
        if old.width() < area.width() or old.height() < area.height():
            image = _blank(area.size(), ratio, self.background)
            painter = QPainter(image)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.drawPixmap(old.topLeft() - area.topLeft(), self._kept())
            painter.end()
            self._image, self._area = image, QRect(area)
        else:
            new = QRect(old)
            new.moveCenter(area.center())
            step = old.topLeft() - new.topLeft()
            kept = self._kept()
            kept.scroll(round(step.x() * ratio), round(step.y() * ratio), kept.rect())
            self._area = new
            # Pixels the scroll left behind would show in a zoom's preview: blank them, as a pan draws them.
            painter = QPainter(kept)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            for rect in (QRegion(new) - QRegion(old)).translated(-new.topLeft()):  # type: ignore[attr-defined]
                painter.fillRect(rect, self.background or Qt.GlobalColor.transparent)
            painter.end()
        self._valid &= QRegion(self._area)

    def _draw_into_image(self, region: QRegion, draw: Callable[[QPainter], None]) -> None:
        """Draw the layer as on screen into the image, within `region` (viewport pixels)."""
        if region.isEmpty():
            return
        painter = QPainter(self._kept())
        painter.setClipRegion(region.translated(-self._area.topLeft()))
        painter.setTransform(self._transform * QTransform.fromTranslate(-self._area.left(), -self._area.top()))
        with cut_later():  # squares of large paths a pan reaches are cut on a worker thread, not here
            draw(painter)
        painter.end()

    def _preview(self, painter: QPainter, to_device: QTransform, area: QRect, anywhere: bool = False) -> bool:
        """Show the kept image moved and scaled to the new view, if it still covers a quarter of where the
        layer now draws and is magnified no more than 4 times: a preview for a moment, so blur will do, and
        nearest-pixel scaling too (smooth scaling of a screenful costs ~5 ms a layer, which a wheel spin feels).
        A layer drawn in the background (`anywhere`) keeps its preview however far the view zooms, until it
        rests: part of the layer missing for a moment beats a frame that stalls."""
        moved = QTransform.fromTranslate(self._area.left(), self._area.top()) * self._transform.inverted()[0] \
            * to_device
        if moved.type().value > QTransform.TransformationType.TxScale.value:
            return False
        if not anywhere:
            if not 0.5 <= abs(moved.m11()) <= 4:
                return False
            covered = moved.mapRect(QRectF(0, 0, self._area.width(), self._area.height())).intersected(QRectF(area))
            if covered.width() * covered.height() < 0.25 * area.width() * area.height():
                return False
        painter.save()
        painter.setTransform(moved)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawPixmap(0, 0, self._kept())
        painter.restore()
        return True

    def _kept(self) -> QPixmap:
        """The image kept of the screen (callers run only once there is one)."""
        assert self._image is not None
        return self._image

    def _rested(self) -> None:
        if not self.slow and self._image is not None:  # a background layer keeps its image as the preview anyway
            self._refresh = True  # drawn afresh with its margin by a job; the image stays until it is done
        self._item.update()


def unseen(painter: QPainter, widget) -> bool:
    """Painting the widget of a window never shown on screen: the export renderer's canvas, which Qt's
    event loop paints for nobody (exports draw it through render() into their own device)."""
    return (isinstance(widget, QWidget) and painter.device() is widget
            and widget.window().testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen))


def _on_screen(painter: QPainter, widget) -> bool:
    return widget is not None and painter.device() is widget and widget.devicePixelRatioF().is_integer()


def _worth_an_image_above(area: QRect, ratio: float) -> float:
    """The drawing time (ms) above which a layer covering `area` (viewport pixels) keeps an image of it."""
    return CACHE_ABOVE_MS + PREVIEW_MS_PER_MEGAPIXEL * area.width() * area.height() * ratio * ratio / 1e6


def _blank(size, ratio: float, background: QColor | None) -> QPixmap:
    """A pixmap of `size` (viewport pixels) filled with `background`, or transparent."""
    image = QPixmap(size * ratio)
    image.setDevicePixelRatio(ratio)
    image.fill(background or Qt.GlobalColor.transparent)  # an opaque fill keeps Qt's opaque format
    return image


def _same_view(a: tuple[QTransform, QRect], b: tuple[QTransform, QRect]) -> bool:
    """Whether two (item-to-viewport transform, viewport area) pairs draw the same pixels."""
    return a[1] == b[1] and whole_pixel_shift(a[0], b[0]) == QPoint(0, 0)


def _covers(painter: QPainter, area: QRect) -> bool:
    """Whether this paint drew all of `area` (only such paints tell what a layer costs)."""
    if not painter.hasClipping():
        return True
    return painter.transform().mapRect(painter.clipBoundingRect()).toAlignedRect().contains(area)


