"""Objects that outlive every gesture (the data, its layers' paths) kept out of the way of the cyclic garbage
collector, whose full collections scanned them all in the middle of a pan (43 ms a time with the sample)."""

from __future__ import annotations

import gc

from viewer.io.free_memory import give_back

# A full collection once settles have frozen this many objects since the last one, and a quarter as many as are frozen
# in all (CPython's own rule for its oldest generation): it bounds what a cycle dropped after being frozen can hold
# on to, while the loaded data (frozen by the loader, not counted) is walked only then. A fixed 250,000 alone had
# the settles after a few smaller files walk a million loaded features again (~2 million objects, 0.5-1 s).
FULL_AFTER = 250_000
_settled_since_full = 0  # objects frozen by settles since the last full collection
_frozen_seen = 0  # how many were frozen in all when last counted (counting walks them: ~40 ms at 2 million)


def settle() -> None:
    """Collect what is not frozen, then freeze what is alive, so later full collections scan only what was made
    since. For a moment a person expects to wait (the map's data has just changed).

    The loaded data is frozen by the loader (`viewer.io.load`) and is not walked here: a full collection walks
    every object (1-2 s after opening a million features), and finds no garbage among data just loaded (a refresh
    after opening a million points leaves ~800 objects to freeze). Once settles have frozen `FULL_AFTER` objects
    and a quarter of all that is frozen, everything is unfrozen and collected, so a cycle dropped since it was
    frozen is freed. Only what settles freeze is counted as they go; all that is frozen only when that count could
    call for the full collection.
    """
    global _settled_since_full, _frozen_seen
    if _settled_since_full > FULL_AFTER and _settled_since_full > _frozen_seen // 4:
        _frozen_seen = gc.get_freeze_count()
        if _settled_since_full > _frozen_seen // 4:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            _settled_since_full = 0
            give_back()
            return
    gc.collect()
    _settled_since_full += len(gc.get_objects())  # what is not frozen yet: what this settle freezes
    gc.freeze()
    give_back()  # what the refresh freed (its temporary arrays, the old drawing) back to the system
