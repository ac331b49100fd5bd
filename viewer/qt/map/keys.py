"""The map's own keys, as QGIS and Google Earth have them: the arrows pan, Page Up / Page Down and + / - zoom about
the centre of the view. Keys with Ctrl or Alt are left to the menus (Ctrl+= zooms too) and the timeline (Alt+←/→)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    import pyqtgraph as pg
    from PySide6.QtGui import QKeyEvent

PAN_SHARE = 0.2  # of the view's width or height per press: a fifth, so what was at the edge is still in view
ZOOM_FACTOR = 2.0  # per press, the same step as View ▸ Zoom in / out (and QGIS's default zoom factor)
PANS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1)}
ZOOMS = {Qt.Key.Key_PageUp: 1 / ZOOM_FACTOR, Qt.Key.Key_PageDown: ZOOM_FACTOR,
         Qt.Key.Key_Plus: 1 / ZOOM_FACTOR, Qt.Key.Key_Equal: 1 / ZOOM_FACTOR, Qt.Key.Key_Minus: ZOOM_FACTOR}
# Shift makes '+' on most keyboards; the keypad's keys carry the keypad modifier.
PLAIN = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def handle_map_key(view: pg.ViewBox, event: QKeyEvent) -> bool:
    """Pan or zoom ``view`` for a map key; whether the key was one (then it is accepted)."""
    if event.modifiers() & ~PLAIN:
        return False
    key = Qt.Key(event.key())
    if key in PANS:
        (xmin, xmax), (ymin, ymax) = view.viewRange()
        dx, dy = PANS[key]
        view.translateBy(x=dx * PAN_SHARE * (xmax - xmin), y=dy * PAN_SHARE * (ymax - ymin))
    elif key in ZOOMS:
        factor = ZOOMS[key]
        view.scaleBy((factor, factor))
    else:
        return False
    event.accept()
    return True
