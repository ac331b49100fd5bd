"""Objects that outlive every gesture (the data, its layers' paths) kept out of the way of the cyclic garbage
collector, whose full collections scanned them all in the middle of a pan (43 ms a time with the sample)."""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect once, then freeze what is alive, so later full collections scan only what was made since. For a
    moment a person expects to wait (the map's data has just changed); the next call unfreezes first, so cycles
    among objects dropped meanwhile are collected then."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
