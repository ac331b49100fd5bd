"""What is made of one geometry object, made once while it lives: a geometry object is one version of a feature's
drawing (densifying or an edit makes a new one), so what is made of it stays right for as long as it lives. Workers
make it ahead (a densified million-spike star's outline runs and drawn arrays) and the GUI thread finds it made."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

import shapely

T = TypeVar("T")


class PerGeometry(Generic[T]):
    """A table of what was made of each geometry, by its id while it lives (forgotten when it is collected)."""

    def __init__(self) -> None:
        self.made: dict[int, tuple[weakref.ref[shapely.Geometry], T]] = {}
        self._lock = threading.RLock()  # made on worker threads too (and a callback may come inside)

    def found(self, geometry: shapely.Geometry) -> T | None:
        """What was made of ``geometry``, or None."""
        with self._lock:
            made = self.made.get(id(geometry))
        return made[1] if made is not None and made[0]() is geometry else None

    def of(self, geometry: shapely.Geometry, make: Callable[[shapely.Geometry], T]) -> T:
        """What was made of ``geometry``, made now by ``make(geometry)`` if it was not."""
        found = self.found(geometry)
        if found is not None:
            return found
        value = make(geometry)
        key = id(geometry)

        def forget(ref: weakref.ref[shapely.Geometry], key: int = key) -> None:
            with self._lock:
                if key in self.made and self.made[key][0] is ref:
                    del self.made[key]

        with self._lock:
            self.made[key] = (weakref.ref(geometry, forget), value)
        return value
