"""While the view pans or zooms, the whole map under the decorations is shown from one image of it made at rest:
one copy (or one scaled copy) a frame instead of one per layer and one per label; the layers take over at rest."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap, QRegion, QTransform
from PySide6.QtWidgets import QGraphicsItem

from viewer.qt.map.drawings import cache_of, watch_drawings
from viewer.qt.map.map_items import compose, stacking
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.screen_cache import MARGIN_SHARE, SETTLE_MS
from viewer.qt.map.view_shift import whole_pixel_shift

MOST_SHRUNK, MOST_MAGNIFIED = 0.5, 4.0  # a zoom past these scales of the image hands the gesture to the layers
LEAST_COVER = 0.9  # ... as does a jump (a bookmark, a framing) after which the image covers less of the view
BUILD_AFTER_MS = 50  # at rest, the image is made again once the map has not been repainted for this long
MAKE_SLICE_MS = 8.0  # it is made an item at a time, for about this long (CPU) before events run again


class MapSnapshot(pg.GraphicsObject):
    """An image of the map items of a view box (every layer, the labels, the annotations; not the decorations,
    which are no map item) as the screen shows them at rest, with the layers' margin round the view.

    Made at the first paint at rest, and again once the map has not been repainted for `BUILD_AFTER_MS` (the
    layers' jobs done, the labels placed afresh), an item at a time: each layer from its image of the screen
    (moved or scaled as it shows it; a layer without one drawn), the labels as last drawn. It stays through a
    rest until made afresh. A change of view while it is up to date (no layer cleared, no labels changed since:
    `ready`) starts a gesture: the map items are hidden (Qt neither paints them nor asks their bounds) and this
    item shows the image, moved by a pan and scaled by a zoom; a pan past its margin draws all the image lacks,
    as the layers' own pans do. A zoom far past it has the layers draw the view on worker threads and hands them
    the gesture once done; a jump hands it to them at once. Once the view has rested `SETTLE_MS`, the items are
    shown again and draw afresh.
    """

    def __init__(self, box: pg.ViewBox, context: RenderContext):
        super().__init__(box)
        self.setZValue(1)  # over the view box's child group, which holds the map
        self._box = box
        self._context = context
        self._image: QPixmap | None = None
        self._area = QRect()  # the viewport pixels the image covers
        self._valid = QRegion()  # what of `_area` holds the map (a pan past the margin draws the rest)
        self._transform = QTransform()  # map units to viewport pixels, for what the image holds
        self._size = QSize()  # the viewport's size when it was made
        self._versions: tuple = ()  # what the map items showed when it was made (`_versions_now`)
        self.enabled = True  # off: the map items paint every frame (tests of their own gestures)
        self.moving = False  # a gesture is shown from the image
        self._catching_up = False  # the layers draw a far zoom's view on worker threads
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._rested)
        self._build = QTimer(self)
        self._build.setSingleShot(True)
        self._build.timeout.connect(self._make)
        self._making: _Making | None = None  # an image being made, a slice at a time
        self._again = False  # the map was repainted while it was being made
        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.setInterval(0)
        self._step.timeout.connect(self._make_some)
        watch_drawings(self._drawing_changed)

    @property
    def ready(self) -> bool:
        """Whether a gesture starting now would be shown from the image (tests wait for it)."""
        return self._image is not None and self._versions == self._versions_now()

    def boundingRect(self) -> QRectF:
        return QRectF(self._box.rect())

    def view_changed(self) -> None:
        """The view box's range changed (a pan, a zoom, a resize): start or go on showing a gesture from the image."""
        view = self._view()
        if (view is None or view.viewport().size() != self._size or not self._context.screen_cache
                or not self.enabled):
            if self.moving:
                self._rested()
            self._image = None
            return
        if not self.moving:
            if not self.ready:
                return
            self.moving = True
            self._box.childGroup.setVisible(False)
            for item in stacking(self._box.childGroup):
                # what the items were drawing for the view at rest is out of date (their own paints of a moved view
                # cancel it; hidden, they are not painted): it would only take the cores from this gesture's frames
                started = getattr(cache_of(item) or item, "gesture_started", None)
                if started is not None:
                    started()
            self.update()
        fit = self._fit(view.viewport().rect())
        if fit == "far" and not self._catching_up:
            # Zoomed far: the layers draw this view on worker threads (as their own zooms have them do), and show
            # the rest of the gesture once they are done; meanwhile the image stays, magnified or with sea round it.
            self._catching_up = True
            screen = view.viewportTransform()
            for item in stacking(self._box.childGroup):
                cache = cache_of(item)
                if cache is not None:
                    cache.catch_up(item.deviceTransform(screen), view.viewport())
        elif fit == "off" or (self._catching_up and not self._layers_drawing()):
            # a jump (a bookmark, a framing), after which the image covers little of the view; or the layers have
            # drawn a far zoom: they show the rest of the gesture
            self._hand_over()
            return
        self._settle.start()

    def _fit(self, viewport: QRect) -> str:
        """How the image, moved and scaled to the view, shows it: "near" (magnified no more than `MOST_MAGNIFIED`
        times, shrunk no more than `MOST_SHRUNK` times, covering at least `LEAST_COVER` of the viewport: a pan
        past it draws what comes into view), "far" (zoomed past those) or "off" (covering less)."""
        to_device = self._to_device()
        moved = QTransform.fromTranslate(self._area.left(), self._area.top()) * self._transform.inverted()[0] \
            * to_device
        if not MOST_SHRUNK <= abs(moved.m11()) <= MOST_MAGNIFIED:
            return "far"
        if whole_pixel_shift(self._transform, to_device) is not None:
            return "near"
        covered = moved.mapRect(QRectF(0, 0, self._area.width(), self._area.height())).intersected(QRectF(viewport))
        return "near" if covered.width() * covered.height() >= LEAST_COVER * viewport.width() * viewport.height() \
            else "off"

    def _drawing_changed(self, item) -> None:
        """What a map item draws changed (new rings, new data): while a gesture is shown from the image, the items
        show the rest of it, the change included (drawn with the next paint). (The graticule's lines at another
        step are the same look at another detail: no such change.)"""
        if not self.moving:
            return
        try:
            ours = self._box.childGroup.isAncestorOf(item)
        except RuntimeError:  # the canvas is gone (its watcher outlives it until Python lets go of it)
            return
        if ours:
            self._hand_over()

    def _layers_drawing(self) -> bool:
        return any(cache is not None and cache.drawing_in_background
                   for cache in map(cache_of, stacking(self._box.childGroup)))

    def paint(self, painter: QPainter, option=None, widget=None) -> None:
        if not self.moving:
            if widget is not None and painter.device() is widget:
                # the map was painted at rest: what it shows may have changed; an image is made at once if there
                # is none (the next gesture may start soon), else once the layers' jobs are done
                self._build.start(0 if self._image is None else BUILD_AFTER_MS)
            return
        if self._image is None or widget is None:
            return
        to_device = self._to_device()
        painter.save()
        painter.resetTransform()
        shift = whole_pixel_shift(self._transform, to_device)
        if shift is not None:
            self._pan(shift, QRect(widget.rect()))
            view = QRect(widget.rect()).intersected(self._area)
            source = view.translated(-self._area.topLeft())
            ratio = self._image.devicePixelRatio()
            painter.drawPixmap(view.topLeft(), self._image, QRect(source.topLeft() * ratio, source.size() * ratio))
        else:
            # Scaled: a preview for a moment, so nearest pixels will do (smooth scaling costs ~5 ms a screenful).
            painter.setTransform(QTransform.fromTranslate(self._area.left(), self._area.top())
                                 * self._transform.inverted()[0] * to_device)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawPixmap(0, 0, self._image)
        painter.restore()

    # -- the gesture ---------------------------------------------------------------------------------
    def _pan(self, shift: QPoint, view: QRect) -> None:
        """Follow a pan by whole pixels; what comes into view that the image does not hold is drawn into it."""
        if not shift.isNull():
            self._area.translate(shift)
            self._valid.translate(shift)
            self._transform = self._transform * QTransform.fromTranslate(shift.x(), shift.y())
        if not self._area.contains(view):
            self._recentre(view)
        if (QRegion(view) - self._valid).isEmpty():
            return
        # All the image lacks, not only the strip in view: drawing a layer costs about the same for a strip as for
        # a margin (its paths are gone through either way), and the next steps of the pan then draw nothing.
        missing = QRegion(self._area) - self._valid
        painter = QPainter(self._kept())
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        for rect in missing.translated(-self._area.topLeft()):  # type: ignore[attr-defined]  # iterable in PySide6
            painter.fillRect(rect, self._background())
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        compose(self._view(), painter, missing, self._area.topLeft(), list(stacking(self._box.childGroup)),
                labels=False)
        painter.end()
        self._valid += missing

    def _recentre(self, view: QRect) -> None:
        """Move the image's pixels so that the view sits in its middle (once a margin's travel)."""
        old, new = QRect(self._area), QRect(self._area)
        new.moveCenter(view.center())
        step = old.topLeft() - new.topLeft()
        image = self._kept()
        ratio = image.devicePixelRatio()
        image.scroll(round(step.x() * ratio), round(step.y() * ratio), image.rect())
        self._area = new
        self._valid &= QRegion(new)

    def _hand_over(self, keep: bool = False) -> None:
        """The map items show the view from now on; the image, of another view, goes unless `keep`."""
        self._settle.stop()
        self.moving = self._catching_up = False
        if not keep:
            self._image = None
        self._box.childGroup.setVisible(True)

    def _rested(self) -> None:
        """The view has rested: the map items draw it afresh. The image stays for a gesture starting before they
        are done (it shows what they show meanwhile: their images moved or scaled), and is made afresh once
        they are (making it takes 20-35 ms, and the first paints at rest are slow: under load a pan 0.3 s after
        a zoom found no image)."""
        self._hand_over(keep=True)
        # (what the layers changed meanwhile is what the view's change asked of them, the graticule's lines at
        # another step; the image showed the gesture without it, and shows the next one so until made afresh)
        self._versions = self._versions_now()
        for item in stacking(self._box.childGroup):
            rest_now = getattr(cache_of(item) or item, "rest_now", None)  # (the labels have their own)
            if rest_now is not None:
                rest_now()
        self.update()

    # -- making the image ----------------------------------------------------------------------------
    def _make(self) -> None:
        """Make the image of the view at rest as the map items show it, once the labels have been painted for it
        (else the paint that draws them asks again)."""
        view = self._view()
        if self.moving or view is None or not self._context.screen_cache or not view.isVisible():
            return
        if view.window().testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
            return  # an export's canvas: drawn once, never moved
        if self._making is not None:
            self._again = True  # made again once this one is done
            return
        to_device = self._to_device()
        screen = view.viewportTransform()
        for item in stacking(self._box.childGroup):
            placement = getattr(item, "shown_placement", None)
            if placement is not None and placement(item.deviceTransform(screen)) is None:
                return  # not painted for this view yet
        viewport = view.viewport()
        ratio = viewport.devicePixelRatioF()
        # the layers' own margin: a wider one drew them beyond their images, on this thread (a margin of 0.375 took
        # ~100 ms a rest on the sample, at load 7), where it is what their jobs have drawn
        margin = round(MARGIN_SHARE * max(viewport.width(), viewport.height()))
        area = QRect(viewport.rect()).adjusted(-margin, -margin, margin, margin)
        image = QPixmap(area.size() * ratio)
        image.setDevicePixelRatio(ratio)
        image.fill(self._background())
        items = list(stacking(self._box.childGroup))
        self._making = _Making(image, area, QTransform(to_device), viewport.size(), items, self._versions_now())
        self._make_some()

    def _make_some(self) -> None:
        """Go on making the image, an item at a time for `MAKE_SLICE_MS` at most, then let events run (made at
        once, it held the event loop 20-45 ms at load 10); a gesture or a change of what the map shows meanwhile
        drops it."""
        making = self._making
        if making is None:
            return
        if self.moving or making.versions != self._versions_now() or making.transform != self._to_device():
            self._making, self._again = None, False
            return
        start = time.thread_time()
        painter = QPainter(making.image)
        while making.items and (time.thread_time() - start) * 1e3 < MAKE_SLICE_MS:
            compose(self._view(), painter, QRegion(making.area), making.area.topLeft(), [making.items.pop(0)],
                    labels=True)
        painter.end()
        if making.items:
            self._step.start()
            return
        self._making = None
        self._image, self._area, self._valid = making.image, making.area, QRegion(making.area)
        self._transform, self._size, self._versions = making.transform, making.size, making.versions
        if self._again:
            self._again = False
            self._build.start(BUILD_AFTER_MS)

    # -- helpers -------------------------------------------------------------------------------------
    def _view(self):
        return self._box.getViewWidget()

    def _to_device(self) -> QTransform:
        view = self._view()
        return self._box.childGroup.deviceTransform(view.viewportTransform())

    def _background(self):
        view = self._view()
        return view.backgroundBrush().color() if view is not None else Qt.GlobalColor.white

    def _kept(self) -> QPixmap:
        assert self._image is not None
        return self._image

    def _versions_now(self) -> tuple:
        """What each map item shows, as far as it says (a layer's screen cache and the labels count changes)."""
        versions = []
        for item in stacking(self._box.childGroup):
            cache = cache_of(item)
            version = cache.version if cache is not None else getattr(item, "version", None)
            versions.append((id(item), item.isVisibleTo(self._box.childGroup), version))
        return tuple(versions)


@dataclass
class _Making:
    """An image being made: what it will hold (`MapSnapshot`'s fields) and the items still to draw into it."""

    image: QPixmap
    area: QRect
    transform: QTransform
    size: QSize
    items: list[QGraphicsItem]
    versions: tuple
