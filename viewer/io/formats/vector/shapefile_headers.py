"""What a Shapefile's parts say of their own sizes, checked before GDAL reads them: GDAL read a .shp cut short as
features without geometry, and a .dbf listing fewer records than the .shx indexes shapes as fewer features (none
for a count of 0), without a word. Headers: ESRI Shapefile Technical Description (1998), "Main file header" (the
file code 9994 and the file length in 16-bit words, big-endian, both in the .shp and the .shx; the .shx holds 8
bytes per shape after its 100-byte header); dBASE III table header (the record count, little-endian uint32 at byte 4;
the header's and each record's length, uint16 at bytes 8 and 10)."""

from __future__ import annotations

import struct
from pathlib import Path

from viewer.io.files import open_regular

SHAPE_HEADER = 100
SHAPE_FILE_CODE = 9994
TABLE_HEADER = 32


def disagreement(parts: dict[str, Path], names: dict[str, str]) -> tuple[str, str] | None:
    """(the suffix of the part at fault, what is wrong with it) for Shapefile ``parts`` (by lower-case suffix:
    .shp, .shx, .dbf) whose headers disagree with their sizes or with each other; None when they agree, or when a
    part is not a Shapefile's at all (GDAL says so). ``names``: each part's name for messages."""
    index, shape_file = _shape_file_length(parts[".shx"]), _shape_file_length(parts[".shp"])
    if index is None or shape_file is None:
        return None
    length, size = index
    if size < length:  # GDAL takes the count of shapes from the .shx's header, and fails on it
        return ".shx", f"cut short: its header says {length:,} bytes, the file has {size:,} (copied in part?)"
    shapes = (length - SHAPE_HEADER) // 8
    end = _last_shape_end(parts[".shx"], shapes)
    if end is not None and end > shape_file[1]:  # not the .shp's own header length: some writers get it wrong
        return ".shp", (f"cut short: its last shape ends at byte {end:,}, the file has {shape_file[1]:,} (copied "
                        "in part?)")
    table = _table_counts(parts[".dbf"])
    if table is None:
        return None
    records, record_length, holds = table
    if records > holds == shapes:  # a count written wrong over a whole table: GDAL (so QGIS) reads every record
        return None
    if records > holds:
        return ".dbf", (f"lists {_records(records)} of {record_length:,} bytes, the file holds {holds:,} (damaged "
                        "or cut short)")
    if shapes is not None and records != shapes:
        return ".dbf", (f"lists {_records(records)}, but {names['.shx']} indexes {shapes:,} shapes: the attribute "
                        "table is not this Shapefile's (a part of another version of it?)")
    return None


def _shape_file_length(path: Path) -> tuple[int, int] | None:
    """(the length the header says, the file's size) of a .shp or .shx; None if it is no Shapefile part."""
    with open_regular(path) as file:  # checked regular before, and opened without waiting all the same
        head = file.read(SHAPE_HEADER)
        size = file.seek(0, 2)
    if len(head) < 28 or struct.unpack(">i", head[:4])[0] != SHAPE_FILE_CODE:
        return None
    return struct.unpack(">i", head[24:28])[0] * 2, size


def _last_shape_end(shx: Path, shapes: int) -> int | None:
    """Where the last shape the .shx indexes ends in the .shp (its offset and content length, in 16-bit words,
    after an 8-byte record header); None for no shapes."""
    if shapes <= 0:
        return None
    with open_regular(shx) as file:
        file.seek(SHAPE_HEADER + 8 * (shapes - 1))
        entry = file.read(8)
    if len(entry) < 8:
        return None
    offset, length = struct.unpack(">ii", entry)
    return (offset + length) * 2 + 8


def _table_counts(path: Path) -> tuple[int, int, int] | None:
    """(records the header lists, the length of one, whole records the file holds) of a .dbf; None if its header
    is too short or says no record length."""
    with open_regular(path) as file:
        head = file.read(TABLE_HEADER)
        size = file.seek(0, 2)
    if len(head) < 12:
        return None
    (records,) = struct.unpack("<I", head[4:8])
    header_length, record_length = struct.unpack("<HH", head[8:12])
    if record_length == 0 or header_length < TABLE_HEADER:
        return None
    return records, record_length, max(0, size - header_length) // record_length


def _records(count: int) -> str:
    return f"{count:,} record" + ("" if count == 1 else "s")


def damaged_records(shp: Path, fids: list[int]) -> list[int]:
    """Those of records ``fids`` (0-based, in order; GDAL's fids) of a .shp that are not null shapes (shape type
    0), or that its .shx places outside the .shp: GDAL read them as no geometry."""
    damaged = []
    with open_regular(shp.with_suffix(".shx")) as index, open_regular(shp) as shapes:
        size = shapes.seek(0, 2)
        for fid in fids:
            index.seek(SHAPE_HEADER + 8 * fid)
            entry = index.read(8)
            if len(entry) < 8:
                damaged.append(fid)
                continue
            offset = struct.unpack(">i", entry[:4])[0] * 2
            shapes.seek(offset + 8)  # after the record's own header (number, length)
            kind = shapes.read(4)
            if offset + 12 > size or len(kind) < 4 or struct.unpack("<i", kind)[0] != 0:
                damaged.append(fid)
    return damaged
