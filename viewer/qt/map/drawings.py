"""Which map items draw through a screen cache, and who is told when what a map item draws changes (the map's
snapshot tells an out-of-date image by it)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.qt.map.screen_cache import ScreenCache

_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # item: a weak reference to its screen cache
_WATCHERS: list[weakref.WeakMethod] = []  # told when what an item draws changes (the maps' snapshots)


def register(item, cache: ScreenCache) -> None:
    """``item`` paints through ``cache`` (the item keeps its cache: neither is kept alive here)."""
    _CACHES[item] = weakref.ref(cache)


def cache_of(item) -> ScreenCache | None:
    """The screen cache a graphics item paints through, if it has one."""
    cache = _CACHES.get(item)
    return cache() if cache is not None else None


def watch_drawings(watcher: Callable[[object], None]) -> None:
    """Have `watcher(item)` called whenever what a map item draws changes (a layer cleared, new labels)."""
    _WATCHERS.append(weakref.WeakMethod(watcher))


def drawing_changed(item) -> None:
    for ref in list(_WATCHERS):
        watcher = ref()
        if watcher is None:
            _WATCHERS.remove(ref)
        else:
            watcher(item)
