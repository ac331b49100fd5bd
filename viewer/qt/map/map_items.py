"""The map items of a view box drawn into an image as the screen shows them, in the order Qt paints them: each
layer from its image of the screen where that holds a drawing, drawn exactly elsewhere, and the labels as last
placed (the map's snapshot is made so, and a pan past its margin draws what it lacks so)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage, QPainter, QPixmap, QRegion, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QStyleOptionGraphicsItem

from viewer.qt.draw.tiles import cut_later
from viewer.qt.map.drawings import cache_of


def compose(view: QGraphicsView, painter: QPainter, region: QRegion, origin: QPoint, items: list[QGraphicsItem],
            labels: bool) -> None:
    """Draw the map items within `region` (viewport pixels of ``view``) into the image, in their stacking order, as
    the screen shows them: a layer with an image of the screen from it (moved or scaled as its own paint shows it)
    where that holds a drawing, drawn exactly elsewhere (unless it is drawn only on worker threads: left out there
    until the view rests, as its own pans leave it); `labels`: the labels as the last paint drew them (a pan leaves
    them out of what it brings into view, as the labels' own pans do). `origin`: the viewport pixel at the image's
    top left; `items`: those drawn, in stacking order."""
    screen = view.viewportTransform()
    option = QStyleOptionGraphicsItem()
    for item in items:
        to_device = item.deviceTransform(screen)
        if getattr(item, "shown_placement", None) is not None:
            if labels:
                _draw_labels(view, painter, item, to_device, origin)
            continue
        if item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents:
            continue
        todo = QRegion(region)
        cache = cache_of(item)
        if cache is not None:
            shown = cache.shown(to_device)
            if shown is not None:
                todo -= _copy(painter, todo, origin, *shown)
            if todo.isEmpty() or cache.slow or labels:
                # made at rest, the image takes what the layer's image holds and no more: drawing the rest
                # (the basemap where a zoom's image of it ends) held this thread up to 150 ms; its job's image
                # is to come, and the image is made again from it
                continue
        painter.save()
        painter.setClipRegion(todo.translated(-origin))
        painter.setTransform(to_device * QTransform.fromTranslate(-origin.x(), -origin.y()))
        with cut_later():  # squares of large paths it reaches are cut on a worker thread, not here
            item.paint(painter, option, None)
        painter.restore()


def _copy(painter: QPainter, region: QRegion, origin: QPoint, image: QPixmap, to_device: QTransform,
          held: QRegion) -> QRegion:
    """Draw a layer's image (its pixels to viewport pixels: `to_device`) within `region` where it holds a
    drawing (`held`, viewport pixels); returns where it drew."""
    part = region & held
    if to_device.type().value <= QTransform.TransformationType.TxTranslate.value \
            and float(to_device.dx()).is_integer() and float(to_device.dy()).is_integer():
        ratio = image.devicePixelRatio()
        at = QPoint(round(to_device.dx()), round(to_device.dy()))
        for rect in part:  # type: ignore[attr-defined]  # iterable in PySide6
            source = rect.translated(-at)
            painter.drawPixmap(rect.topLeft() - origin, image, QRect(source.topLeft() * ratio,
                                                                     source.size() * ratio))
        return part
    painter.save()
    painter.setClipRegion(part.translated(-origin))
    painter.setTransform(to_device * QTransform.fromTranslate(-origin.x(), -origin.y()))
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawPixmap(0, 0, image)
    painter.restore()
    return part


def _draw_labels(view: QGraphicsView, painter: QPainter, item, to_device: QTransform, origin: QPoint) -> None:
    """The labels placed at rest: drawn in viewport pixels (their drawing resets the painter's transform),
    into an image of the viewport copied into place."""
    viewport = view.viewport()
    ratio = viewport.devicePixelRatioF()
    layer = QImage(viewport.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    layer.setDevicePixelRatio(ratio)
    layer.fill(0)
    labels = QPainter(layer)
    item.draw_shown(labels, to_device)
    labels.end()
    painter.drawImage(-origin, layer)


def stacking(parent: QGraphicsItem) -> Iterator[QGraphicsItem]:
    """The items under `parent` that it shows, in the order Qt paints them."""
    for child in parent.childItems():  # sorted by stacking order
        if child.isVisibleTo(parent):
            yield from _subtree(child)


def _subtree(item: QGraphicsItem) -> Iterator[QGraphicsItem]:
    """`item` and what it shows under it, in the order Qt paints them (children over their parent, unless
    they stack behind it)."""
    children = [child for child in item.childItems() if child.isVisibleTo(item)]
    behind = QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent
    for child in children:
        if child.flags() & behind:
            yield from _subtree(child)
    yield item
    for child in children:
        if not child.flags() & behind:
            yield from _subtree(child)
