"""Write a bundle as a GeoPackage QGIS opens: a ``features`` layer and documents, events, claims, citations tables.

Each table has plain columns for people and GIS tools, and an ``extra`` JSON column for whatever else
the bundle holds, so `gpkg.reader` reads the file back into the same bundle.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from viewer import __version__
from viewer.io.atomic import make_temp, remove_leftovers
from viewer.io.formats.gpkg.arrow_stream import GEOMETRY, arrow_stream
from viewer.io.formats.gpkg.columns import FEATURE_COLUMNS, KEPT_AS
from viewer.io.formats.gpkg.feature_layer import JSON_BATCH, NAMES, feature_cells
from viewer.io.formats.gpkg.json_cells import as_json, fits, json_each
from viewer.io.progress import Progress, no_progress
from viewer.model.bundle import Bundle
from viewer.model.bundle_features import RowFeatures, geometries_of
from viewer.model.citation import Citation
from viewer.model.claim import Claim

INTEGER_COLUMNS = {"text_inline", "position", "claim", "start", "end"}
_JSON_BATCH = JSON_BATCH


def write_gpkg(bundle: Bundle, path: str | Path, progress: Progress = no_progress) -> None:
    """Write atomically: GDAL writes a temporary GeoPackage beside ``path``, which then replaces it."""
    path = Path(path)
    started = time.time()
    fd, temp_name = make_temp(path, ".part.gpkg")
    os.close(fd)
    os.unlink(temp_name)  # GDAL creates the file itself
    temps = (temp_name, f"{temp_name}-journal", f"{temp_name}-wal", f"{temp_name}-shm")
    try:
        try:
            _write_all(bundle, temp_name, progress)
        except RuntimeError as error:  # pyogrio's FeatureError, DataSourceError…: a full disk, a read-only folder
            raise OSError(write_failure(path, temps, error)) from None
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp_name, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, path)
    finally:
        for leftover in temps:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)
    remove_leftovers(path, started)


def write_failure(path: Path, temps: tuple[str, ...], error: Exception) -> str:
    """One line for a GeoPackage GDAL could not finish. GDAL's own words name the SQL statement that failed, which
    says little (a full disk shows as "no such table: gpkg_contents" or "disk I/O error" depending on where it
    stopped): a full disk or a reached file size limit is said as such, and GDAL's words only otherwise."""
    after = "the previous file is left as it was" if path.exists() else "nothing was written"
    with contextlib.suppress(OSError):
        free = shutil.disk_usage(path.parent).free
        if free < _NEARLY_FULL:
            return f"{path}: cannot write the GeoPackage: the disk is full ({free // 1024:,} KiB free); {after}"
    limit = _file_size_limit()
    if limit is not None:
        sizes = [os.stat(name).st_size for name in temps if os.path.exists(name)]
        if sizes and max(sizes) + _SQLITE_PAGE >= limit:
            return (f"{path}: cannot write the GeoPackage: the file size limit (ulimit -f, {limit:,} bytes) was "
                    f"reached; {after}")
    return f"{path}: cannot write the GeoPackage (GDAL: {' '.join(str(error).split())}); {after}"


_NEARLY_FULL = 1 << 20  # free bytes below which a failed write is taken for a full disk
_SQLITE_PAGE = 65_536  # the largest SQLite page: a write that failed was at most this far past the file's size


def _file_size_limit() -> int | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else soft


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_all(bundle: Bundle, path: str, progress: Progress) -> None:
    from pyogrio.raw import write_arrow

    geometry = shapely.to_wkb(geometries_of(bundle.features))  # all at once; None stays None
    cells = feature_cells(bundle.features)  # a plain layer's rows read from its columns: no Feature made
    rows = Table.of_columns(NAMES, cells.columns, cells.extras)
    if cells.fitting:  # the shown columns' cells were all seen to fit; the ids and the JSON are still checked
        rows.fitting.update(FEATURE_COLUMNS)
    del cells
    progress(1, 3)
    data, names, masks = rows.arrays()
    del rows
    write_arrow(arrow_stream(names, data, masks, geometry), path, layer="features", driver="GPKG",
                geometry_name=GEOMETRY, geometry_type="Unknown", crs="EPSG:4326",
                layer_options={"DESCRIPTION": "launchmap features (WGS84 lon/lat)"})
    del geometry, data, masks
    progress(2, 3)
    for name, table in _tables(bundle).items():
        data, names, masks = table.arrays()
        write_arrow(arrow_stream(names, data, masks), path, layer=name, driver="GPKG", geometry_type=None,
                    append=True)
    progress(3, 3)


def _tables(bundle: Bundle) -> dict[str, Table]:
    documents = Table("document_id", "title", "published", "publisher", "path", "sha256", "text", "text_inline",
                      "extra")
    for document in bundle.documents.values():
        documents.add([document.id, document.title, document.published, document.publisher, document.path,
                       document.sha256, document.text, int(document.text_inline), None], dict(document.extra))
    events = Table("event_id", "name", "time", "vehicle", "outcome", "site", "extra")
    claims = Table("owner", "owner_id", "position", "property", "value", "by", "reference", "extra")
    citations = Table("owner", "owner_id", "claim", "position", "document", "start", "end", "exact", "prefix",
                      "suffix", "status", "extra")
    for event in bundle.events.values():
        events.add([event.id, event.name, event.time, event.vehicle, event.outcome, event.site, None],
                   dict(event.extra))
        _add_claims(claims, citations, "event", event.id, event.claims)
    features = bundle.features
    for feature in features.held() if isinstance(features, RowFeatures) else features.values():
        if feature.has_citations_or_claims:
            _add_citations(citations, "feature", feature.id, None, feature.citations)
            _add_claims(claims, citations, "feature", feature.id, feature.claims)
    header = dict(bundle.extra.get("launchmap") or {})
    header["version"] = bundle.version
    meta = Table("key", "value", "extra")
    rest = {k: v for k, v in bundle.extra.items() if k != "launchmap"}
    for key, value in (("version", str(bundle.version)), ("header", as_json(header)), ("extra", as_json(rest)),
                       ("generator", f"launchmap {__version__}")):
        meta.add([key, value, None], {})
    return {"documents": documents, "events": events, "claims": claims, "citations": citations, "launchmap": meta}


def _add_claims(claims: Table, citations: Table, owner: str, owner_id: str, items: Iterable[Claim]) -> None:
    for position, claim in enumerate(items):
        claims.add([owner, owner_id, position, claim.property, as_json(claim.value), claim.by, claim.reference, None],
                   dict(claim.extra))
        _add_citations(citations, owner, owner_id, position, claim.citations)


def _add_citations(table: Table, owner: str, owner_id: str, claim: int | None,
                   items: Iterable[Citation]) -> None:
    for position, c in enumerate(items):
        table.add([owner, owner_id, claim, position, c.document, c.start, c.end, c.exact, c.prefix, c.suffix,
                   c.status.value, None], dict(c.extra))


class Table:
    """Rows for one GeoPackage table, as the column arrays pyogrio writes.

    The last column is ``extra`` (JSON). A text cell GeoPackage cannot hold exactly (a NUL ends a
    string in GDAL) moves into ``extra`` under ``launchmap:COLUMN`` and is read back from there.
    Cells are checked and ``extra`` encoded a column at a time, when the arrays are made.
    """

    def __init__(self, *columns: str):
        self.columns = columns
        self.cells: list[list[Any]] = [[] for _ in columns[:-1]]
        self.extras: list[dict[str, Any] | None] = []
        self.fitting: set[str] = set()  # columns whose text cells are known to fit: not checked again

    @classmethod
    def of_columns(cls, names: tuple[str, ...], cells: list[list[Any]],
                   extras: list[dict[str, Any] | None]) -> Table:
        """A table of the given columns (all but ``extra``) and ``extra`` cells."""
        table = cls(*names)
        table.cells, table.extras = cells, extras
        return table

    def add(self, cells: list[Any], extra: dict[str, Any]) -> None:
        for column, cell in zip(self.cells, cells, strict=False):
            column.append(cell)
        self.extras.append(extra or None)

    def arrays(self) -> tuple[list[list[Any] | np.ndarray], list[str], list[np.ndarray | None]]:
        """(columns, names, null masks) for `arrow_stream`: a text column as its list of cells (str or None), an
        integer one as an int64 array with its null mask. Called once: the cell lists are handed on as they are."""
        data: list[list[Any] | np.ndarray] = []
        masks: list[np.ndarray | None] = []
        extras = self.extras
        columns = self.cells
        for name, values in zip(self.columns, columns, strict=False):
            if name in self.fitting:
                continue
            try:  # the usual column, text or null: the join checks that as it goes
                texts = "".join(filter(None, values))
            except TypeError:
                texts = "".join([v for v in values if isinstance(v, str)])
            if texts.isascii() and "\x00" not in texts:  # the usual column: all fit, seen in one pass
                continue
            unfit = [i for i, v in enumerate(values) if isinstance(v, str) and not fits(v)]
            for row in unfit:
                extras[row] = {**(extras[row] or {}), f"{KEPT_AS}{name}": values[row]}
                values[row] = None
        columns.append(json_each(extras))
        while columns:  # each list let go once handed on
            name, values = self.columns[len(data)], columns.pop(0)
            if name in INTEGER_COLUMNS:  # null where None
                mask = np.array([v is None for v in values], dtype=bool)
                data.append(np.array([0 if v is None else v for v in values], dtype=np.int64))
                masks.append(mask if mask.any() else None)
            else:
                data.append(values)
                masks.append(None)
        return data, list(self.columns), masks


