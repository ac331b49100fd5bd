"""Tables of launches written as text: a Markdown or wiki table ('| Date (2019) | Time (KST) | Launch area | …'), a
spreadsheet sheet saved as CSV ('date,time_kst,launch_area,type,…') or as tab-separated text, or a PDF's columns
under a rule ('Date  Time  Launch area …' over '----  ----  ----'). A table counts when its heading names a date
column and what a launch table tells (where from, what flew); each row under it with a date in that column is one
launch."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# A heading's cells: the date column, and the columns a launch table has besides it
_DATE_COLUMN = re.compile(r"(?i)^\W*(?:launch[\s_]+)?(?:date|day|when)(?![a-z])")  # ("When (KST)")
# (a first column that numbers the rows: "| # | Date (KST) | …", "No.\tdate\t…")
_ANY_DATE_HEADING = re.compile(r"(?im)^[ \t|]*(?:(?:[^\W\d_]+\.?|#)[ \t]*[|,\t][ \t]*)?(?:launch[\s_]+)?"
                               r"(?:date|day|when)(?![a-z])")
_WHERE_OR_WHAT = re.compile(r"(?i)\b(?:launch[\s_]+(?:area|site|location|point|pad)|site|location|area|"
                            r"type|system|missiles?|projectiles?|vehicle|rocket|weapon|what|from)\b")
_OTHER_COLUMN = re.compile(r"(?i)\b(?:time|count|number|toward|direction|range|apogee|distance|outcome|result|"
                           r"notes?|comments?|source|ref)\b")
_RULE = re.compile(r"[ \t]*[-=]{3,}(?:[ \t]+[-=]{3,}){2,}[ \t]*$")  # a PDF's rule under the heading
_PIPE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|){2,}")  # "|---|---|"
_GAP = re.compile(r"\S+(?:[ \t]\S+)*")  # a fixed-width cell: words one space apart
_DIGIT = re.compile(r"\d")
MIN_COLUMNS = 3


_TIME_COLUMN = re.compile(r"(?i)^\W*(?:launch[\s_]+)?time(?![a-z])")
_ZONE = re.compile(r"(?<![A-Za-z])(?P<zone>KST|JST|UTC|GMT|Z)(?![A-Za-z])", re.IGNORECASE)
# "(times KST, UTC+9; …)", "Times are Korea Standard Time (KST, UTC+9)": the zone a caption gives the times
_CAPTION_ZONE = re.compile(r"(?i)\btimes?\b[^.\n]{0,40}?(?<![A-Za-z])(?P<zone>KST|JST|UTC|GMT)(?![A-Za-z])")
_ALERT_COLUMN = re.compile(r"(?i)^\W*(?:j[\s_-]?alert|alerts?|warnings?|alerted)(?![a-z])")
_SITE_COLUMN = re.compile(r"(?i)^\W*(?:launch[\s_]+)?(?:area|site|location|point|pad|place|from)(?![a-z])")
_TOWARD_COLUMN = re.compile(r"(?i)^\W*(?:towards?|direction|heading)(?![a-z])")  # (not "Fell into": see directions)
_YEAR = re.compile(r"\((?P<year>(?:19|20)\d\d)\)")  # "Date (2019)"
_ZONES = {"KST": "KST", "JST": "JST", "UTC": "UTC", "GMT": "UTC", "Z": "UTC"}
CAPTION_LINES = 12  # how far above a heading its caption may say what zone the times are in


@dataclass(frozen=True)
class TableRow:
    start: int
    end: int
    date_cell: tuple[int, int]  # where the row's date is written
    time_cell: tuple[int, int] | None = None  # the time column's cell
    zone: str | None = None  # the time column's zone, from its heading or the table's caption
    year: int | None = None  # the year the date column's heading gives ("Date (2019)")
    alert_cell: tuple[int, int] | None = None  # an alert column's cell ("jalert": "Miyagi, Yamagata")
    site_cell: tuple[int, int] | None = None  # the launch area's cell ("Kalma Peninsula, Wonsan")
    toward_cell: tuple[int, int] | None = None  # where the flight went ("Toward": "East Sea", "south-east")


@dataclass(frozen=True)
class _Heading:
    date: int
    time: int | None
    zone: str | None
    year: int | None
    alert: int | None = None
    site: int | None = None
    toward: int | None = None


def _heading_of(cells: list[str], caption: str) -> _Heading:
    date_column = next(k for k, c in enumerate(cells) if _DATE_COLUMN.match(c))
    time_column = next((k for k, c in enumerate(cells) if _TIME_COLUMN.match(c)), None)
    if time_column is None and re.match(r"(?i)\W*when\b", cells[date_column]):
        time_column = date_column  # "When (KST)": "17 Dec, 22:38", the day and its clock in one cell
    zone = None
    if time_column is not None:
        found = _ZONE.search(cells[time_column].replace("_", " ")) or _CAPTION_ZONE.search(caption)
        zone = _ZONES[found.group("zone").upper()] if found else None
    year = _YEAR.search(cells[date_column])
    alert = next((k for k, c in enumerate(cells) if _ALERT_COLUMN.match(c)), None)
    site = next((k for k, c in enumerate(cells) if _SITE_COLUMN.match(c)), None)
    toward = next((k for k, c in enumerate(cells) if _TOWARD_COLUMN.match(c)), None)
    return _Heading(date_column, time_column, zone, int(year.group("year")) if year else None, alert, site, toward)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.splitlines(keepends=True):
        end = start + len(line.rstrip("\r\n"))
        spans.append((start, end))
        start += len(line)
    return spans


def _is_heading(cells: list[str]) -> bool:
    return (len(cells) >= MIN_COLUMNS and bool(_DATE_COLUMN.match(cells[0]) or any(
        _DATE_COLUMN.match(c) for c in cells[:2])) and any(_WHERE_OR_WHAT.search(c) for c in cells)
            and all(len(c) <= 40 for c in cells))


def _pipe_cells(line: str) -> list[tuple[int, int]]:
    """Offsets of a pipe row's cells (stripped), within the line."""
    cells, at = [], 0
    parts = line.split("|")
    for i, part in enumerate(parts):
        if (i == 0 and not part.strip()) or (i == len(parts) - 1 and not part.strip()):
            at += len(part) + 1
            continue
        lead = len(part) - len(part.lstrip())
        cells.append((at + lead, at + lead + len(part.strip())))
        at += len(part) + 1
    return cells


def _tab_cells(line: str, columns: int) -> list[tuple[int, int]] | None:
    """Offsets of a tab-separated line's cells (stripped), or None when it is not a row of ``columns`` cells (a
    sheet's trailing empty cells may be left off)."""
    if "\t" not in line:
        return None
    cells, at = [], 0
    for part in line.split("\t"):
        lead = len(part) - len(part.lstrip())
        cells.append((at + lead, at + lead + len(part.strip())))
        at += len(part) + 1
    return cells if len(cells) <= columns else None


def _csv_cells(line: str) -> list[tuple[int, int]] | None:
    """Offsets of a CSV line's cells (a quoted cell without its quotes), or None when the quotes do not close."""
    cells, at, n = [], 0, len(line)
    while at <= n:
        if at < n and line[at] == '"':
            close = line.find('"', at + 1)
            while close != -1 and close + 1 < n and line[close + 1] == '"':
                close = line.find('"', close + 2)
            if close == -1:
                return None
            cells.append((at + 1, close))
            at = close + 1
            if at < n and line[at] != ",":
                return None
            at += 1
        else:
            comma = line.find(",", at)
            stop = n if comma == -1 else comma
            cells.append((at, stop))
            at = stop + 1
    return cells


def _fixed_columns(rule: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[-=]{3,}", rule)]


@functools.lru_cache(maxsize=64)
def launch_table_rows(text: str) -> tuple[TableRow, ...]:
    """The rows of every launch table in ``text`` whose date cell has a figure in it."""
    if not _ANY_DATE_HEADING.search(text):
        return ()  # (most documents: no line opens with a date column's heading)
    lines = _line_spans(text)
    rows: list[TableRow] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        found = _table_at(text, lines, i, line)
        if found is None:
            i += 1
            continue
        table_rows, i = found
        rows.extend(table_rows)
    return tuple(rows)


def _table_at(text: str, lines: list[tuple[int, int]], i: int, line: str) -> tuple[list[TableRow], int] | None:
    """The rows of the table whose heading is line ``i`` and the index of the line after it, or None."""
    caption = text[lines[max(0, i - CAPTION_LINES)][0] : lines[i][0]]
    if line.count("|") >= MIN_COLUMNS - 1:
        heading = [line[a:b] for a, b in _pipe_cells(line)]
        if not _is_heading(heading) or i + 1 >= len(lines):
            return None
        j = i + 1 + bool(_PIPE_RULE.match(text, *lines[i + 1]))
        return _rows(text, lines, j, _heading_of(heading, caption),
                     lambda row: _pipe_cells(row) if "|" in row else None)
    if line.count("\t") >= MIN_COLUMNS - 1:  # a sheet saved as tab-separated text
        heading = [c.strip() for c in line.split("\t")]
        if not _is_heading(heading):
            return None
        return _rows(text, lines, i + 1, _heading_of(heading, caption), lambda row: _tab_cells(row, len(heading)))
    if line.count(",") >= MIN_COLUMNS - 1 and '"' not in line:
        heading = [c.strip() for c in line.split(",")]
        if not _is_heading(heading) or not all(heading):
            return None

        def cells(row: str) -> list[tuple[int, int]] | None:
            found = _csv_cells(row)
            return found if found is not None and len(found) == len(heading) else None
        return _rows(text, lines, i + 1, _heading_of(heading, caption), cells)
    if i + 1 < len(lines) and _RULE.match(text[lines[i + 1][0] : lines[i + 1][1]]):
        rule = text[lines[i + 1][0] : lines[i + 1][1]]
        columns = _fixed_columns(rule)
        heading = [line[a:b].strip() for a, b in _widened(columns, len(line))]
        if not _is_heading(heading):
            return None

        def fixed(row: str) -> list[tuple[int, int]] | None:
            if not row.strip():
                return None
            return [_stripped(row, a, b) for a, b in _widened(columns, len(row))]
        return _rows(text, lines, i + 2, _heading_of(heading, caption), fixed)
    return None


def _widened(columns: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """Fixed-width columns from a rule's dashes, each running to the next one's start (the last to the line's end)."""
    spans = []
    for k, (a, _) in enumerate(columns):
        b = columns[k + 1][0] if k + 1 < len(columns) else width
        spans.append((min(a, width), min(b, width)))
    return spans


def _stripped(row: str, a: int, b: int) -> tuple[int, int]:
    cell = row[a:b]
    lead = len(cell) - len(cell.lstrip())
    return a + lead, a + lead + len(cell.strip())


def _cell(cells: list[tuple[int, int]], column: int | None, start: int) -> tuple[int, int] | None:
    """The text offsets of a row's cell in ``column``, None when the table has no such column or it is blank."""
    if column is None or column >= len(cells) or cells[column][1] <= cells[column][0]:
        return None
    return start + cells[column][0], start + cells[column][1]


def _rows(text: str, lines: list[tuple[int, int]], j: int, heading: _Heading, cells_of
          ) -> tuple[list[TableRow], int]:
    rows: list[TableRow] = []
    while j < len(lines):
        start, end = lines[j]
        cells = cells_of(text[start:end])
        if cells is None or len(cells) <= heading.date:
            break
        a, b = cells[heading.date]
        if _DIGIT.search(text, start + a, start + b):
            time_cell = _cell(cells, heading.time, start)
            rows.append(TableRow(start, end, (start + a, start + b), time_cell, heading.zone, heading.year,
                                 _cell(cells, heading.alert, start), _cell(cells, heading.site, start),
                                 _cell(cells, heading.toward, start)))
        j += 1
    return rows, j


def in_launch_table(text: str, start: int) -> TableRow | None:
    """The launch table's row that begins at ``start`` (a sentence's start), if any."""
    rows = launch_table_rows(text)
    if not rows:
        return None
    return next((row for row in rows if row.start <= start < row.end and not text[
        row.start : start].strip(" \t|\"")), None)
