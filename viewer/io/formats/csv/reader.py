"""Import CSV as a layer: lon/lat or WKT columns found by their header names, the delimiter sniffed."""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from viewer.geo.coordinates import parse_degrees
from viewer.io.files import FileRefused, open_regular
from viewer.io.formats.layer import LayerBuilder, checked_many, refuse_large_file
from viewer.io.progress import Progress, no_progress
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature
from viewer.model.problem import BundleError, Problem
from viewer.wording import counted

MAX_CSV_BYTES = 512 * 2**20
MAX_FIELD_CHARS = 16 * 2**20  # a detailed coastline as WKT is a few MB; csv's own default is 128 KB
DELIMITERS = (",", ";", "\t", "|")
LON_NAMES = {"lon", "long", "lng", "longitude", "x", "londeg", "longitudedeg", "decimallongitude", "londd"}
LAT_NAMES = {"lat", "latitude", "y", "latdeg", "latitudedeg", "decimallatitude", "latdd"}
WKT_NAMES = {"wkt", "geometry", "geom", "thegeom", "shape", "geometrywkt", "wktgeometry"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets run as a formula; see csv.writer
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by surrogateescape
_DECIMAL_COMMA = re.compile(r"^[-+]?\d+,\d+$")
_REPORT_EVERY = 5000


@dataclass(frozen=True)
class Columns:
    """Where the geometry is: lon/lat columns, a WKT column, or both (lon/lat first, WKT when they are empty)."""

    names: list[str]
    lon: int | None = None
    lat: int | None = None
    wkt: int | None = None

    @property
    def found(self) -> bool:
        return (self.lon is not None and self.lat is not None) or self.wkt is not None


def find_columns(header: list[str]) -> Columns:
    def first(names: set[str]) -> int | None:
        return next((i for i, name in enumerate(header) if _normal(name) in names), None)

    return Columns(header, first(LON_NAMES), first(LAT_NAMES), first(WKT_NAMES))


def read_csv(path: str | Path, progress: Progress = no_progress,
             shown_as: str | None = None) -> tuple[Bundle, list[Problem]]:
    """The rows as features of a layer bundle; raises BundleError with ``FILE:LINE: message`` lines."""
    path = Path(path)
    file = shown_as or str(path)
    size = refuse_large_file(path, file, MAX_CSV_BYTES, "CSV file")
    builder = LayerBuilder(path, file)
    rows: _Rows | None = None
    line, encoding = 1, "utf-8-sig"
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_FIELD_CHARS))  # process-wide; put back below
    try:
        with open_regular(path, MAX_CSV_BYTES, "CSV file") as raw:
            head = raw.read(64 * 1024)
            encoding = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
            delimiter, columns = _sniff(head, encoding, file)
            raw.seek(0)
            text = io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape", newline="")
            rows = _Rows(builder, columns, delimiter)
            reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
            next(reader)  # the header, already read by _sniff
            line = reader.line_num + 1
            for count, row in enumerate(reader, start=1):
                rows.add(line, row)
                line = reader.line_num + 1
                if count % _REPORT_EVERY == 0:
                    progress(min(raw.tell(), size), size)
                    if raw.tell() > MAX_CSV_BYTES:
                        raise FileRefused(f"CSV file grew past the {MAX_CSV_BYTES // 2**20} MiB launchmap reads "
                                          "while being read")
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            builder.error(str(line), "a quoted field starting on this line never ends (a stray quote, or the file "
                                     "was cut short)")
        elif "field larger than field limit" in str(error) or "line longer than" in str(error):
            builder.error(str(line), f"a line or field longer than {MAX_FIELD_CHARS // 2**20} MiB (a stray quote, "
                                     "or not a CSV file)")
        else:
            builder.error(str(line), f"malformed CSV: {error}")
    except UnicodeDecodeError as error:  # only UTF-16 decodes strictly
        builder.error("", f"not {encoding.upper()} text (byte {error.start} of a read block)")
    except FileRefused as error:
        raise BundleError([Problem(file, "", str(error))]) from None
    except OSError as error:
        raise BundleError([Problem(file, "", f"cannot read: {error.strerror or error}")]) from None
    finally:
        csv.field_size_limit(limit)
    if rows is not None:
        rows.finish()
    progress(size, size)
    return builder.finish()


def _lines(text: io.TextIOWrapper):
    """The file's lines, refusing one too long to be a row before it is all in memory."""
    while line := text.readline(MAX_FIELD_CHARS + 1):
        if len(line) > MAX_FIELD_CHARS:
            raise csv.Error(f"line longer than {MAX_FIELD_CHARS} characters")
        yield line


class _Rows:
    """Turns rows into a layer's columns (each `Feature` made when asked for); geometry is made for the whole file at
    once (fast for a million points). A header naming one property twice is read into a `Feature` per row, as a
    dict of the row keeps the last cell under the first name's place."""

    def __init__(self, builder: LayerBuilder, columns: Columns, delimiter: str):
        self.builder = builder
        self.columns = columns
        self.decimal_comma = delimiter != ","
        self.geometry_columns = {columns.lon, columns.lat, columns.wkt} - {None}
        kept = [(i, name) for i, name in enumerate(columns.names) if i not in self.geometry_columns and name]
        self.by_feature = len({name for _, name in kept}) != len(kept)
        self.features: list[Feature] = []  # when by_feature
        named = dict((name, i) for i, name in kept)
        self.others = [i for i, name in kept if name not in ("id", "event")]
        self.id_at, self.event_at = named.get("id"), named.get("event")
        self.event_name_at, self.event_time_at = named.get("event_name"), named.get("event_time")
        # the properties in the order a row's dict has them: the columns', then the event (put back last when given)
        self.names = [name for i, name in kept if name not in ("id", "event")] + (["event"] if "event" in named else [])
        self.cells: list[list[str]] = []  # each row's property cells, in `names` order but the event
        self.events: list[str | None] = []
        self.ids: list[str] = []
        self.places: list[str] = []
        self.points: list[tuple[float, float]] = []  # NaN, NaN where the row has WKT or nothing
        self.wkt: list[str | None] = []
        self.unplaced = 0
        self.empty_lines: list[int] = []  # rows whose every cell is empty: skipped, and said so

    def add(self, line: int, row: list[str]) -> None:
        builder, names, where = self.builder, self.columns.names, str(line)
        if not any(cell.strip() for cell in row):
            if len(row) > 1:  # cells, all empty: nothing to show, but a row all the same (said in `finish`)
                self.empty_lines.append(line)
            return  # a blank line: none of the file's rows
        if len(row) > len(names) and any(cell.strip() for cell in row[len(names):]):
            builder.error(where, f"{len(row)} fields, but the header has {len(names)} (a stray delimiter or quote?)")
            return
        joined = "\x1f".join(row)
        bad = _UNDECODABLE.search(joined)
        if bad:
            column = names[min(joined[: bad.start()].count("\x1f"), len(names) - 1)]
            builder.error(where, f"not UTF-8 text (byte 0x{ord(bad.group()) - 0xDC00:02x} in column {column!r}); "
                                 "save the file as UTF-8")
            return
        row = (row + [""] * (len(names) - len(row)))[: len(names)]  # a trailing delimiter's empty fields dropped
        point = self.point(where, row)
        if point is None:
            return
        wkt = row[self.columns.wkt].strip() if self.columns.wkt is not None else ""
        if point == (None, None):
            point = (np.nan, np.nan)
            if not wkt:
                self.unplaced += 1
        else:
            wkt = ""
        if self.by_feature:
            self.features.append(self.feature(line, row))
        else:
            event = _unguarded(row[self.event_at]).strip() if self.event_at is not None else ""
            if event:
                event = builder.add_event(event, *(None if at is None else _unguarded(row[at])
                                                   for at in (self.event_name_at, self.event_time_at)))
            wanted = _unguarded(row[self.id_at]).strip() if self.id_at is not None else ""
            self.ids.append(builder.unique_id(wanted or None, f"line{line}"))
            self.cells.append([_unguarded(row[i]) for i in self.others])
            self.events.append(event or None)
        self.places.append(where)
        self.points.append(point)  # type: ignore[arg-type]
        self.wkt.append(wkt or None)

    def feature(self, line: int, row: list[str]) -> Feature:
        """The row as a `Feature` with its properties dict (a header naming one property twice)."""
        builder, names = self.builder, self.columns.names
        properties = {name: _unguarded(cell) for i, (name, cell) in enumerate(zip(names, row, strict=True))
                      if i not in self.geometry_columns and name}
        event = properties.pop("event", "").strip()
        if event:
            properties["event"] = builder.add_event(event, properties.get("event_name"), properties.get("event_time"))
        feature_id = builder.unique_id(properties.pop("id", "").strip() or None, f"line{line}")
        return Feature(id=feature_id, geometry=None, properties=properties)

    def point(self, where: str, row: list[str]) -> tuple[float | None, float | None] | None:
        """(lon, lat) of the row, (None, None) when it gives none, None after an error."""
        if self.columns.lon is None or self.columns.lat is None:
            return (None, None)
        lon_text, lat_text = row[self.columns.lon].strip(), row[self.columns.lat].strip()
        if not lon_text and not lat_text:
            return (None, None)
        values = []
        for name, text, axis in (("longitude", lon_text, "EW"), ("latitude", lat_text, "NS")):
            value = _degrees(text, axis, self.decimal_comma)
            if value is None:
                self.builder.error(where, f"{name} {text!r} is not a number of degrees" if text else f"{name} is empty")
                return None
            values.append(value)
        return values[0], values[1]

    def finish(self) -> None:
        if self.empty_lines:
            lines, more = self.empty_lines[:5], len(self.empty_lines) > 5
            listed = ", ".join(map(str, lines)) + (", …" if more else "")
            self.builder.warn(str(lines[0]), f"{counted(len(self.empty_lines), 'row')} with every cell empty "
                                             f"({'lines' if len(self.empty_lines) > 1 else 'line'} {listed}) skipped")
        if not self.places:
            if not self.builder.errors:
                self.builder.warn("2", "no rows below the header")
            return
        coords = np.array(self.points, dtype=float)
        geometries = shapely.points(coords)
        geometries[np.isnan(coords[:, 0])] = None
        wkt = np.array(self.wkt, dtype=object)
        has_wkt = np.flatnonzero(wkt != None)  # noqa: E711 -- elementwise comparison
        parsed = shapely.from_wkt(wkt[has_wkt], on_invalid="ignore")
        for index, geometry in zip(has_wkt, parsed, strict=True):
            if geometry is None:
                self.builder.error(self.places[index], f"not WKT: {_why_not_wkt(wkt[index])}")
        geometries[has_wkt] = parsed
        geometries = checked_many(self.builder, geometries, self.places)
        if self.by_feature:
            for feature, geometry, where in zip(self.features, geometries, self.places, strict=True):
                feature.geometry = geometry
                self.builder.add(where, feature)
        else:
            columns = [list(cells) for cells in zip(*self.cells, strict=True)] if self.others else []
            if self.event_at is not None:
                columns.append(self.events)
            self.cells = []
            self.builder.add_run(self.places, self.ids, list(self.names), columns, geometries)
        if self.unplaced:
            self.builder.warn("", f"{counted(self.unplaced, 'row')} without coordinates: listed, but not on the map")


def _sniff(head: bytes, encoding: str, file: str) -> tuple[str, Columns]:
    """The delimiter under which the header names a geometry column, and those columns."""
    try:
        text = head.decode(encoding, errors="replace")
    except LookupError:  # pragma: no cover - both encodings exist
        text = head.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff")
    first_line = text.splitlines()[0] if text.strip() else ""
    if not first_line.strip():
        raise BundleError([Problem(file, "1", "no header line (expected column names such as lon,lat or wkt)")])
    best: tuple[str, Columns] | None = None
    for delimiter in DELIMITERS:
        header = [_unguarded(name) for name in _first_record(text, first_line, delimiter)]
        columns = find_columns(header)
        if columns.found:
            return delimiter, columns
        if best is None or len(header) > len(best[1].names):
            best = (delimiter, columns)
    assert best is not None
    names = ", ".join(repr(n) for n in best[1].names[:12]) + (", …" if len(best[1].names) > 12 else "")
    raise BundleError([Problem(file, "1", f"no lon/lat or WKT column in the header (found {names}); "
                                          "name them lon and lat, or wkt")])


def _first_record(text: str, first_line: str, delimiter: str) -> list[str]:
    """The header's cells as the reader reads them: a quoted name may hold a line break (a property key with one,
    written back), which cutting at the first line break would split."""
    try:
        return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration):  # the head read cut a long header short: its first line is what there is
        return next(csv.reader([first_line], delimiter=delimiter))


def _degrees(text: str, axis: str, decimal_comma: bool) -> float | None:
    """Decimal degrees from '124.705', '124.705°E', 'W 170.5', '39,66' (under a ';' delimiter) or degrees, minutes
    and seconds with the hemisphere (124°42'19"E)."""
    try:
        value = float(text)  # the usual cell, a plain decimal: read at once
    except ValueError:
        value = math.nan
    if value - value == 0.0:  # finite: what the rest would make of it too
        return value
    written, text = text, text.replace("°", "").strip()
    sign = 1.0
    for letter, negative in ((axis[0], False), (axis[1], True)):
        if text[-1:].upper() == letter or text[:1].upper() == letter:
            text = (text[:-1] if text[-1:].upper() == letter else text[1:]).strip()
            sign = -1.0 if negative else 1.0
    if decimal_comma and _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    try:
        return sign * float(text)
    except ValueError:
        return parse_degrees(written, "lat" if axis == "NS" else "lon")  # 39°39'36"N, 33-30S


def _why_not_wkt(text: str) -> str:
    try:
        shapely.from_wkt(text)
    except shapely.errors.ShapelyError as error:
        reason = str(error).split("\n")[0]
        return f"{text[:40]!r}{'…' if len(text) > 40 else ''} ({reason})"
    return repr(text[:40])


def _normal(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.strip().lower())


def _unguarded(cell: str) -> str:
    """A cell as written before csv.writer guarded it against being run as a spreadsheet formula
    (``'=…`` was ``=…``; ``''=…`` was ``'=…``)."""
    rest = cell[1:]
    if cell.startswith("'") and (rest[:1] in FORMULA_STARTS or (rest[:1] == "'" and rest[1:2] in FORMULA_STARTS)):
        return rest
    return cell
