"""Read a plain GeoPackage layer through GDAL's Arrow stream, each batch handed on as pyogrio's row-wise read gives it.

pyogrio's `read` sets up every feature through the OGR feature API and turns each geometry into an OGR object and
back into WKB: 100,000 three-vertex lines take ~0.23 s of CPU. GDAL's Arrow stream of a GeoPackage reads the
SQLite rows in C and hands the WKB out of each blob as it is stored: ~0.04 s. Its columns are made here into what
`read` gives (an object array of text or None, int64 or int32, float64 with NaN for a null number) and its WKB into
the geometries `shapely.from_wkb` makes of it (`wkb_column`), so the reader after it is the same whichever way a
batch was read.

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

from viewer.io.formats.gpkg import wkb_column

# OGR's plain types: the Arrow format GDAL gives each, and the array `read` makes of it
PLAIN_TYPES = {"OFTString": ("u", np.dtype(object)), "OFTInteger": ("i", np.dtype(np.int32)),
               "OFTInteger64": ("l", np.dtype(np.int64)), "OFTReal": ("g", np.dtype(np.float64))}
FID, WKB = "l", "z"
# Rows GDAL hands over at a time, a reader's batch made of several: buffers of a few hundred kB each, which glibc
# keeps handing back to the system when freed; freeing the megabytes of a 50,000-row piece raised its threshold for
# that, and the window opening the layer after it peaked ~10 MB higher.
PIECE = 10_000


class NotPlain(Exception):
    """A batch or layer to read row by row instead (`read_batch`)."""


def arrow_batches(path: Path, layer: str, batch: int) -> Generator[tuple[Any, np.ndarray, np.ndarray | None,
                                                                         list[np.ndarray] | None], None, None]:
    """(meta, fids, geometries, fields) of each batch of ``batch`` features of ``layer``, in fid order, the fields as
    `read_batch` gives them and geometries as `shapely.from_wkb` makes of its WKB (None for a layer without);
    raises NotPlain before the first when the layer's columns are not all plain. A batch whose cells are not, or
    whose WKB shapely cannot read, comes with ``fields`` None: the caller reads its rows with `read_batch`."""
    import nanoarrow as na
    from pyogrio.raw import open_arrow

    # The filter keeps GDAL on its plain pass over the table's rows in fid order: without one, a GeoPackage's stream is
    # read by fid ranges worked out from the feature count the file stores, and a stale count (rows deleted by
    # another tool without GeoPackage's triggers) repeats rows and leaves others out.
    pieces = -(-batch // PIECE)
    piece = batch // pieces if batch % pieces == 0 else batch
    with open_arrow(path, layer=layer, return_fids=True, datetime_as_string=True, batch_size=piece,
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
        made: list[tuple[np.ndarray, np.ndarray | None, list[np.ndarray] | None]] = []
        for array in na.ArrayStream(stream):
            schema = na.c_schema(array.schema)
            if [schema.child(i).name for i in range(schema.n_children)] != names or \
                    [schema.child(i).format for i in range(schema.n_children)] != formats:
                raise NotPlain(layer)
            made.extend(_batch(view, kinds, len(names) > len(kinds) + 1) for view in array.iter_chunk_views())
            del array, schema  # the stream's buffers go before the reader works on the batch
            if sum(len(fids) for fids, _, _ in made) >= batch:
                yield meta, *_joined(made)
                made = []
        if made:
            yield meta, *_joined(made)


def _joined(pieces: list[tuple[np.ndarray, np.ndarray | None, list[np.ndarray] | None]]) -> tuple[
        np.ndarray, np.ndarray | None, list[np.ndarray] | None]:
    """The pieces of a batch as one, an integer column with a null in any piece as floats in all, as `read` gives
    a batch whose column has a null."""
    if len(pieces) == 1:
        return pieces[0]
    fids = np.concatenate([fids for fids, _, _ in pieces])
    if any(columns is None for _, _, columns in pieces):
        return fids, None, None
    geometries = [shapes for _, shapes, _ in pieces]
    columns = [np.concatenate(column) for column in zip(*(columns for _, _, columns in pieces), strict=True)]
    return fids, None if geometries[0] is None else np.concatenate(geometries), columns  # type: ignore[arg-type]


def _batch(view: Any, kinds: list[np.dtype], has_geometry: bool) -> tuple[np.ndarray, np.ndarray | None,
                                                                         list[np.ndarray] | None]:
    """(fids, geometries, fields) of one chunk of the stream: geometries None when the layer has none; geometries
    and fields None when the rows are to be read row by row."""
    fids = _numbers(view.child(0), np.dtype(np.int64))
    try:
        columns = [_text(view.child(at + 1)) if kind.kind == "O" else _numbers(view.child(at + 1), kind)
                   for at, kind in enumerate(kinds)]
        if not has_geometry:
            return fids, None, columns
        child = view.child(len(kinds) + 1)
        return fids, wkb_column.geometries(child, _valid(child)), columns
    except (NotPlain, wkb_column.Unreadable):
        return fids, None, None


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
