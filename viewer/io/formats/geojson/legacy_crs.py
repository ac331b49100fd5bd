"""The 2008 GeoJSON ``crs`` member, which GDAL still writes for data in other projections: its coordinates are
reprojected to WGS84 lon/lat as each feature is read, as QGIS and ogr2ogr read such files."""

from __future__ import annotations

from collections.abc import Callable
from numbers import Real
from typing import TYPE_CHECKING, Any

import numpy as np

from viewer.io.formats.layer import reprojected
from viewer.model.problem import BundleError, Problem, Severity

if TYPE_CHECKING:
    import pyproj

Reproject = Callable[[Any], None]
_WGS84 = ("urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326")


def crs_of(root: dict, file: str) -> tuple[Reproject | None, list[Problem]]:
    """How to bring the features of ``root`` to lon/lat (None: they are already), with a warning saying so.
    Raises BundleError with one line when the member names a CRS that PROJ does not know."""
    crs = root.get("crs")
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if not isinstance(name, str) or name in _WGS84 or name.endswith(("CRS84", ":4326")):
        return None, []
    import pyproj  # only for such a file (~60 ms to import)
    from pyproj.exceptions import CRSError

    try:
        source = pyproj.CRS.from_user_input(name)
    except CRSError:
        raise BundleError([Problem(file, "crs", f"unknown coordinate reference system {name!r}; reproject the "
                                                "file to WGS84 lon/lat (e.g. ogr2ogr -t_srs EPSG:4326)")]) from None
    if source.is_geographic and source.equals(pyproj.CRS.from_epsg(4326), ignore_axis_order=True):
        return None, []
    transformer = pyproj.Transformer.from_crs(source, "EPSG:4326", always_xy=True)
    note = Problem(file, "crs", reprojected(source.name, name), Severity.WARNING)
    return (lambda raw: _reproject_feature(raw, transformer)), [note]


def _reproject_feature(raw: Any, transformer: pyproj.Transformer) -> None:
    """Reproject a raw feature's geometry in place; anything malformed is left for the reader to report."""
    if isinstance(raw, dict):
        _reproject_geometry(raw.get("geometry"), transformer)


def _reproject_geometry(geometry: Any, transformer: pyproj.Transformer) -> None:
    if not isinstance(geometry, dict):
        return
    if geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries") or []:
            _reproject_geometry(part, transformer)
        return
    positions: list[list] = []
    _collect(geometry.get("coordinates"), positions)
    if not positions:
        return
    xy = np.array([(p[0], p[1]) for p in positions], dtype=float)
    lon, lat = transformer.transform(xy[:, 0], xy[:, 1])
    for position, x, y in zip(positions, lon.tolist(), lat.tolist(), strict=True):
        position[0], position[1] = x, y  # a third (or fourth) number is kept as given


def _collect(coordinates: Any, into: list[list]) -> None:
    """The positions (lists of at least two real numbers) nested in ``coordinates``."""
    if not isinstance(coordinates, list):
        return
    if len(coordinates) >= 2 and all(_is_number(v) for v in coordinates[:2]):
        into.append(coordinates)
        return
    for item in coordinates:
        _collect(item, into)


def _is_number(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)
