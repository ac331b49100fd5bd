"""Read a GeoPackage layer in batches with pyogrio, naming the fid of any feature GDAL cannot read.

pyogrio refuses a whole batch when one geometry blob is damaged ("Unable to read geometry"), saying
neither which nor where; the damaged ones are then found by halving the batch, a few reads more.
"""

from __future__ import annotations

import gc
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import shapely


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


def layer_batches(path: Path, layer: str, count: int, size: int) -> Iterator[tuple[int, Any]]:
    """(start, batch) for each ``size`` features of a plain layer, in fid order: batch is (meta, fids, geometries,
    fields), geometries None for a layer without, or the DamagedFeatures of a batch that cannot be read.

    Read through GDAL's Arrow stream (`arrow_batches`) when the layer's columns are plain; a batch with anything
    else to look at (a geometry shapely cannot read from the stored WKB, a NUL in a text cell) is read again by
    `read_batch`, as is the rest of the layer after anything unexpected, so that what the reader says of a file is
    what `read_batch` leads it to say."""
    from viewer.io.formats.gpkg.arrow_batches import arrow_batches

    arrow: Generator[tuple[Any, Any, Any, Any], None, None] | None = arrow_batches(path, layer, size)
    after: int | None = None  # the last fid read, where the next batch starts
    try:
        for start in range(0, max(count, 1), size):
            wanted = max(min(size, count - start), 1)
            batch = None
            if arrow is not None:
                try:
                    batch = next(arrow)
                except Exception:  # anything unexpected: this batch and the rest are read row by row
                    arrow.close()
                    arrow, batch = None, None
                else:
                    if len(batch[1]) != min(size, count - start) or not _ascending(batch[1], after):
                        arrow.close()
                        arrow, batch = None, None
                    elif batch[3] is None:
                        batch = None
            if batch is None:
                try:
                    meta, fids, wkb, fields = read_batch(path, layer, start, wanted, after=after)
                except DamagedFeatures as error:
                    after = None
                    yield start, error
                    continue
                batch = meta, fids, None if wkb is None else shapely.from_wkb(wkb), fields
            after = int(batch[1][-1]) if len(batch[1]) else None
            yield start, batch
    finally:
        if arrow is not None:
            arrow.close()


def _ascending(fids: np.ndarray, after: int | None) -> bool:
    """Whether ``fids`` go up, from past ``after``: the next rows, none repeated."""
    return bool((fids[1:] > fids[:-1]).all()) and (after is None or not len(fids) or int(fids[0]) > after)
