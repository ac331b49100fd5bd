"""How one view of the map differs from another in viewport pixels: a pan by whole pixels, or more."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTransform


def whole_pixel_shift(old: QTransform, new: QTransform) -> QPoint | None:
    """The shift in viewport pixels from one transform to another, if that is all that changed."""
    same = all(math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12) for a, b in (
        (old.m11(), new.m11()), (old.m12(), new.m12()), (old.m21(), new.m21()), (old.m22(), new.m22())))
    if not same or not (old.isAffine() and new.isAffine()):
        return None
    dx, dy = new.dx() - old.dx(), new.dy() - old.dy()
    if abs(dx - round(dx)) > 0.01 or abs(dy - round(dy)) > 0.01:
        return None
    return QPoint(round(dx), round(dy))
