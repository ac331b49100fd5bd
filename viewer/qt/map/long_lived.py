"""Objects that outlive every gesture (the data, its layers' paths) kept out of the way of the cyclic garbage
collector, whose full collections scanned them all in the middle of a pan (43 ms a time with the sample)."""

from __future__ import annotations

import gc

FULL_AFTER = 0.25  # a full collection once settles froze this fraction of every frozen object since the last one
_settled_since_full = 0  # objects frozen by settles since the last full collection


def settle() -> None:
    """Collect what is not frozen, then freeze what is alive, so later full collections scan only what was made
    since. For a moment a person expects to wait (the map's data has just changed).

    The loaded data is frozen by the loader (`viewer.io.load`) and is not walked here: a full collection walks
    every object (1-2 s after opening a million features), and finds no garbage among data just loaded. Now and
    then (once settles have frozen a quarter as many objects as are frozen in all, as CPython's own rule for its
    oldest generation) everything is unfrozen and collected, so a cycle dropped since it was frozen is freed.
    """
    global _settled_since_full
    before = gc.get_freeze_count()
    if _settled_since_full > FULL_AFTER * before:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        _settled_since_full = 0
        return
    gc.collect()
    gc.freeze()
    _settled_since_full += max(gc.get_freeze_count() - before, 0)
