"""Read a plain GeoPackage layer through GDAL's Arrow stream, each batch handed on as pyogrio's row-wise read gives it.

pyogrio's `read` sets up every feature through the OGR feature API and turns each geometry into an OGR object and
back into WKB: 100,000 three-vertex lines take ~0.23 s of CPU. GDAL's Arrow stream of a GeoPackage reads the
SQLite rows in C and hands the WKB out of each blob as it is stored: ~0.04 s. Its columns are made here into what
`read` gives (an object array of text or None, int64 or int32, float64 with NaN for a null number, an object array
of WKB), so the reader after it is the same whichever way a batch was read.

Only a layer whose columns are text, integers and reals (no dates, no binary, no subtypes) is read this way, and a
batch with anything else to look at (a NUL inside a text cell, a geometry shapely cannot read from the stored WKB) is
read again by `read`, which the reader's messages were written for. The nanoarrow package (3 MB, no pandas) wraps
the stream; its buffers are read with numpy.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import numpy as np

# OGR's plain types: the Arrow format GDAL gives each, and the array `read` makes of it
PLAIN_TYPES = {"OFTString": ("u", np.dtype(object)), "OFTInteger": ("i", np.dtype(np.int32)),
               "OFTInteger64": ("l", np.dtype(np.int64)), "OFTReal": ("g", np.dtype(np.float64))}
FID, WKB = "l", "z"


class NotPlain(Exception):
    """A batch or layer to read row by row instead (`read_batch`)."""


def arrow_batches(path: Path, layer: str, batch: int) -> Generator[tuple[Any, np.ndarray, np.ndarray | None,
                                                                         list[np.ndarray] | None], None, None]:
    """(meta, fids, wkb, fields) of each batch of ``batch`` features of ``layer``, in fid order, as `read_batch`
    gives them; raises NotPlain before the first when the layer's columns are not all plain. A batch whose cells
    are not comes with ``fields`` None: the caller reads its rows with `read_batch`."""
    import nanoarrow as na
    from pyogrio.raw import open_arrow

    # The filter keeps GDAL on its plain pass over the table's rows in fid order: without one, a GeoPackage's stream is
    # read by fid ranges worked out from the feature count the file stores, and a stale count (rows deleted by
    # another tool without GeoPackage's triggers) repeats rows and leaves others out.
    with open_arrow(path, layer=layer, return_fids=True, datetime_as_string=True, batch_size=batch,
                    where="FID IS NOT NULL") as (meta, stream):
        plain = [PLAIN_TYPES.get(str(kind)) for kind in meta.get("ogr_types") or ()]
        subtypes = set(map(str, meta.get("ogr_subtypes") or ())) - {"OFSTNone"}
        if any(kind is None for kind in plain) or subtypes or len(plain) != len(meta["fields"]):
            raise NotPlain(layer)
        names = [meta.get("fid_column"), *map(str, meta["fields"])]
        formats = [FID, *(kind[0] for kind in plain)]  # type: ignore[index]
        if meta.get("geometry_name"):
            names.append(meta["geometry_name"])
            formats.append(WKB)
        kinds = [kind[1] for kind in plain]  # type: ignore[index]
        for array in na.ArrayStream(stream):
            schema = na.c_schema(array.schema)
            if [schema.child(i).name for i in range(schema.n_children)] != names or \
                    [schema.child(i).format for i in range(schema.n_children)] != formats:
                raise NotPlain(layer)
            for view in array.iter_chunk_views():
                fids = _numbers(view.child(0), np.dtype(np.int64))
                try:
                    wkb, columns = _batch(view, kinds, len(names) > len(kinds) + 1)
                except NotPlain:
                    wkb, columns = None, None
                yield meta, fids, wkb, columns


def _batch(view: Any, kinds: list[np.dtype], has_geometry: bool) -> tuple[np.ndarray | None, list[np.ndarray] | None]:
    columns = [_text(view.child(at + 1)) if kind.kind == "O" else _numbers(view.child(at + 1), kind)
               for at, kind in enumerate(kinds)]
    return _blobs(view.child(len(kinds) + 1)) if has_geometry else None, columns


def _valid(child: Any) -> np.ndarray | None:
    """Which rows hold a value (None: all of them)."""
    if not child.null_count:
        return None
    bits = np.frombuffer(child.buffer(0), dtype=np.uint8)
    return np.unpackbits(bits, bitorder="little", count=child.offset + child.length)[child.offset:].astype(bool)


def _numbers(child: Any, kind: np.dtype) -> np.ndarray:
    """An integer column as `read` gives it: its own width, or float64 with NaN when it has a null; a real's nulls
    are NaN."""
    values = np.frombuffer(child.buffer(1), dtype=kind)[child.offset:child.offset + child.length]
    valid = _valid(child)
    if valid is None:
        return values.astype(kind, copy=True)
    numbers = values.astype(np.float64)
    numbers[~valid] = np.nan
    return numbers


def _offsets(child: Any) -> np.ndarray:
    return np.frombuffer(child.buffer(1), dtype=np.int32)[child.offset:child.offset + child.length + 1]


def _text(child: Any) -> np.ndarray:
    """A text column as `read` gives it: an object array of str, None for a null. UTF-8 is decoded strictly, cell by
    cell (a NUL between the cells keeps a character from running over into the next), so text that is not UTF-8
    raises UnicodeDecodeError as `read` does."""
    offsets = _offsets(child)
    size = len(offsets) - 1
    cells = np.empty(size, dtype=object)
    if not size:
        return cells
    data = np.frombuffer(child.buffer(2), dtype=np.uint8)[offsets[0]:offsets[-1]]
    if not data.all():
        raise NotPlain("a NUL inside a text cell")  # GDAL's row-wise read stops such a cell at the NUL
    joined = np.insert(data, offsets[1:-1] - offsets[0], 0)
    cells[:] = joined.tobytes().decode("utf-8").split("\x00")
    valid = _valid(child)
    if valid is not None:
        cells[~valid] = None
    return cells


def _blobs(child: Any) -> np.ndarray:
    """The WKB column: an object array of bytes, None where there is no geometry."""
    offsets = _offsets(child).tolist()
    data = bytes(child.buffer(2))
    blobs = np.empty(len(offsets) - 1, dtype=object)
    blobs[:] = list(map(data.__getitem__, map(slice, offsets[:-1], offsets[1:])))
    valid = _valid(child)
    if valid is not None:
        blobs[~valid] = None
    return blobs
