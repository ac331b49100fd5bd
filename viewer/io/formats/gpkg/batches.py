"""Read a GeoPackage layer in batches with pyogrio, naming the fid of any feature GDAL cannot read.

pyogrio refuses a whole batch when one geometry blob is damaged ("Unable to read geometry"), saying
neither which nor where; the damaged ones are then found by halving the batch, a few reads more.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any


class DamagedFeatures(Exception):
    """Features GDAL cannot read: ``fids`` (at most `limit` of them) and GDAL's message."""

    def __init__(self, fids: list[int], message: str):
        super().__init__(message)
        self.fids, self.message = fids, message


def read_batch(path: Path, layer: str, start: int, count: int, limit: int = 50,
               after: int | None = None) -> tuple[Any, Any, Any, Any]:
    """(meta, fids, wkb, fields) of ``count`` features from the ``start``-th; raises DamagedFeatures.

    ``after``, the fid of the ``start - 1``-th feature when known, starts the read at the next fid through the
    primary key: skipping ``start`` rows (SQLite's OFFSET) steps over each of them, 40 ms at a million.
    """
    from pyogrio.errors import FeatureError

    try:
        if after is not None:
            return _read(path, layer, 0, count, where=f"FID > {int(after)}")
        return _read(path, layer, start, count)
    except FeatureError as error:
        message = " ".join(str(error).split())
        raise DamagedFeatures(_damaged(path, layer, start, count, limit), message) from None


def _read(path: Path, layer: str, start: int, count: int, **options: Any) -> tuple[Any, Any, Any, Any]:
    from pyogrio.raw import read

    # pyogrio leaves each read's column lists in a reference cycle (a closure of its Cython reader), so the
    # batch's every cell lives until the cyclic collector runs, and the loader pauses it: a 1M-point layer
    # held 200 MB of finished batches. Collected here, where the cycle is new; what was read lives on.
    # Everything older is frozen first, so the collection walks only what this read made, not the features
    # made from the batch before (0.5 s over a million points); unfrozen, it all goes to the oldest generation,
    # where the loader puts what it made anyway (load._bulk_load).
    gc.freeze()
    try:
        result = read(path, layer=layer, skip_features=start, max_features=count, return_fids=True,
                      datetime_as_string=True, **options)
        gc.collect(0)
    finally:
        gc.unfreeze()
    return result


def _damaged(path: Path, layer: str, start: int, count: int, limit: int) -> list[int]:
    """The fids among ``count`` features from ``start`` that cannot be read, by halving."""
    from pyogrio.errors import FeatureError

    try:
        _read(path, layer, start, count)
        return []
    except FeatureError:
        if count == 1:
            return [int(_read(path, layer, start, 1, read_geometry=False)[1][0])]
    first = _damaged(path, layer, start, count // 2, limit)
    if len(first) >= limit:
        return first
    return first + _damaged(path, layer, start + count // 2, count - count // 2, limit - len(first))
