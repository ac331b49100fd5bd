"""Objects that outlive every gesture (the data, its layers' paths) kept out of the way of the cyclic garbage
collector, whose full collections scanned them all in the middle of a pan (43 ms a time with the sample)."""

from __future__ import annotations

import gc

from viewer.io.free_memory import give_back

# A full collection once settles have frozen this many objects since the last one: it bounds what a cycle dropped
# after being frozen can hold on to, while the loaded data (frozen by the loader, not counted) is walked only then.
FULL_AFTER = 250_000
_settled_since_full = 0  # objects frozen by settles since the last full collection


def settle() -> None:
    """Collect what is not frozen, then freeze what is alive, so later full collections scan only what was made
    since. For a moment a person expects to wait (the map's data has just changed).

    The loaded data is frozen by the loader (`viewer.io.load`) and is not walked here: a full collection walks
    every object (1-2 s after opening a million features), and finds no garbage among data just loaded (a refresh
    after opening a million points leaves ~800 objects to freeze). Once settles have frozen `FULL_AFTER` objects,
    everything is unfrozen and collected, so a cycle dropped since it was frozen is freed. Counting what is frozen
    in all would walk the frozen list (0.4 s at a million features), so only what settles freeze is counted.
    """
    global _settled_since_full
    if _settled_since_full > FULL_AFTER:
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
