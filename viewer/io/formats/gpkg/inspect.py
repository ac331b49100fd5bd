"""Look inside a GeoPackage with SQLite before GDAL reads it, every query capped in time: which of its layers
are views, stored queries that may run for hours (a recursive one never ends) and are not read."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path

QUERY_SECONDS = 5.0  # what one look inside may take; a GeoPackage's own tables answer in milliseconds


class TooSlow(Exception):
    """A query ran past `QUERY_SECONDS` and was interrupted."""


def views(path: Path) -> set[str]:
    """Names of the views in the file (GDAL lists them as layers); empty when SQLite cannot read it at all,
    so that GDAL's own message says why."""
    try:
        with _connected(path) as connection:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall()
    except sqlite3.OperationalError as error:
        if "interrupted" in str(error):
            raise TooSlow(f"listing its tables took more than {QUERY_SECONDS:g} s") from None
        return set()
    except sqlite3.DatabaseError:
        return set()
    return {str(name) for (name,) in rows}


@contextlib.contextmanager
def _connected(path: Path):
    """A read-only connection whose queries stop after `QUERY_SECONDS` (SQLite's progress handler)."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
    deadline = time.monotonic() + QUERY_SECONDS
    connection.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    try:
        yield connection
    finally:
        connection.close()


def unreadable(path: Path, table: str, fids: list[int]) -> list[int]:
    """Those of ``fids`` whose geometry blob is there in ``table`` although GDAL read no geometry: damaged
    blobs, which GDAL turns into "no geometry" without a word. Empty when SQLite cannot tell."""
    if not fids:
        return []
    found: list[int] = []
    try:
        with _connected(path) as connection:
            column = connection.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
                                        (table,)).fetchone()
            key = next((row[1] for row in connection.execute(f'PRAGMA table_info("{_quoted(table)}")')
                        if row[5] == 1), None)
            if column is None or key is None:
                return []
            for start in range(0, len(fids), 500):
                chunk = fids[start:start + 500]
                found += [int(fid) for (fid,) in connection.execute(
                    f'SELECT "{_quoted(key)}" FROM "{_quoted(table)}" WHERE "{_quoted(key)}" IN '
                    f'({",".join("?" * len(chunk))}) AND "{_quoted(column[0])}" IS NOT NULL', chunk)]
    except sqlite3.DatabaseError:  # interrupted, or not the tables a GeoPackage has
        return found
    return sorted(found)


def not_utf8(path: Path, table: str) -> tuple[str, int, str] | None:
    """(table, key, column) of the first text cell of ``table`` that is not UTF-8; None when there is none or SQLite
    cannot tell (too slow, or no such table)."""
    try:
        with _connected(path) as connection:
            connection.text_factory = bytes
            columns = [(str(row[1], "utf-8", "replace"), row[5]) for row in
                       connection.execute(f'PRAGMA table_info("{_quoted(table)}")')]
            key = next((name for name, primary in columns if primary == 1), "rowid")
            names = [name for name, _ in columns]
            selected = ", ".join(f"""CASE WHEN typeof("{_quoted(name)}") = 'text' THEN "{_quoted(name)}" END"""
                                 for name in names)  # text cells only: a blob (a geometry) is bytes too
            for row in connection.execute(f'SELECT "{_quoted(key)}", {selected} FROM "{_quoted(table)}"'):
                for name, value in zip(names, row[1:], strict=True):
                    if isinstance(value, bytes) and not _is_utf8(value):
                        return table, int(row[0]), name
    except (sqlite3.DatabaseError, ValueError, TypeError):
        return None
    return None


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _quoted(name: str) -> str:
    return str(name).replace('"', '""')
