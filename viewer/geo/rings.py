"""Range rings as a map draws them, cached per projection: each ring's line, on a globe the part beyond its horizon
as seen through the earth, and the positions its label may take.

A ring of 13,000 km around Pyongyang lies wholly on the far side of a globe centred there (its visible hemisphere
reaches ~10,000 km), as in Google Earth, where it would be hidden. A briefing wants the reach shown, so the far
part is drawn as if the earth were glass — the same parallel view of the ellipsoid continued behind the horizon
(PROJ's ellipsoidal orthographic *is* the topocentric east/north of each point, finite on both sides) — and the
drawing side makes it faint and names it "far side". Every ring is a true circle only in an azimuthal equidistant
on its centre (``--crs aeqd:LON,LAT``), which the README recommends for ranges beyond the horizon.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from viewer.geo.crs import MapProjection
from viewer.geo.drawable import to_xy_arrays
from viewer.geo.geodesic import range_ring
from viewer.geo.horizon import globe_centre, has_horizon

VERTICES = 360  # one a degree of bearing: the globe's horizon cuts a ring within a degree of where it is
LABEL_ANCHORS = 72  # positions a ring's label may take, every 5° of bearing
CACHED = 64

if TYPE_CHECKING:
    import pyproj

Line = tuple[np.ndarray, np.ndarray]  # x, y in map units, NaN-separated parts


@dataclass(frozen=True)
class DrawnRing:
    """One ring in one projection: ``near`` is drawn as the map draws the earth's surface, ``far`` (on a globe) is
    the part beyond the horizon seen through the earth; ``anchors`` are label positions, northernmost first, on the
    near part when there is one (``far_side`` says the label names the far part)."""

    near: Line
    far: Line
    anchors: tuple[tuple[float, float], ...]
    far_side: bool


_cache: OrderedDict[tuple, DrawnRing] = OrderedDict()


def drawn_ring(projection: MapProjection, lon: float, lat: float, radius_km: float) -> DrawnRing:
    """The ring of ``radius_km`` around (lon, lat) in ``projection``; computed once per projection and ring (a pan
    or a redraw reuses it)."""
    key = (projection.key, projection.srs, projection.seam_lon, lon, lat,
           radius_km)
    found = _cache.get(key)
    if found is None:
        found = _draw(projection, lon, lat, radius_km)
        _cache[key] = found
        while len(_cache) > CACHED:
            _cache.popitem(last=False)
    else:
        _cache.move_to_end(key)
    return found


def _draw(projection: MapProjection, lon: float, lat: float, radius_km: float) -> DrawnRing:
    ring = range_ring(lon, lat, radius_km, VERTICES)
    coords = np.asarray(ring.exterior.coords, dtype=float)  # closed: the first vertex again at the end
    empty = (np.empty(0), np.empty(0))
    if not has_horizon(projection):
        near = to_xy_arrays([ring.exterior], projection)
        x, y = projection.forward(coords[:, 0], coords[:, 1])
        return DrawnRing(near, empty, _anchors(np.asarray(x, float), np.asarray(y, float)), False)
    x, y = (np.asarray(v, dtype=float) for v in projection.forward(coords[:, 0], coords[:, 1]))
    seen = np.isfinite(x) & np.isfinite(y)
    if seen.all():
        return DrawnRing((x, y), empty, _anchors(x, y), False)
    through_x, through_y = seen_through(projection, coords[:, 0], coords[:, 1])
    near = _runs(x, y, seen, reach=0)
    # the far part starts and ends at the last vertex seen, so the two parts meet at the horizon
    far = _runs(through_x, through_y, ~seen, reach=1)
    if seen.any():
        return DrawnRing(near, far, _anchors(np.where(seen, x, np.nan), np.where(seen, y, np.nan)), False)
    return DrawnRing(empty, far, _anchors(through_x, through_y), True)


def seen_through(projection: MapProjection, lon: np.ndarray, lat: np.ndarray) -> Line:
    """Where points appear on a globe (orthographic) map as seen through the earth: its own formula, continued
    beyond the horizon (equal to ``projection.forward`` on the visible side)."""
    east, north, _ = _topocentric(*globe_centre(projection)).transform(np.asarray(lat, dtype=float),
                                                                  np.asarray(lon, dtype=float),
                                                                  np.zeros(np.shape(lon)))
    return np.asarray(east, dtype=float), np.asarray(north, dtype=float)


@lru_cache(maxsize=8)
def _topocentric(lon: float, lat: float) -> pyproj.Transformer:
    import pyproj

    return pyproj.Transformer.from_pipeline(
        "+proj=pipeline +step +proj=axisswap +order=2,1 +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f"+step +proj=cart +ellps=WGS84 +step +proj=topocentric +lat_0={lat} +lon_0={lon} +ellps=WGS84")


def _runs(x: np.ndarray, y: np.ndarray, keep: np.ndarray, reach: int) -> Line:
    """The vertices ``keep`` marks (each run widened by ``reach`` vertices either side), as NaN-separated parts."""
    if not keep.any():
        return (np.empty(0), np.empty(0))
    wide = keep.copy()
    for shift in range(1, reach + 1):
        wide[:-shift] |= keep[shift:]
        wide[shift:] |= keep[:-shift]
    wide &= np.isfinite(x) & np.isfinite(y)
    out_x, out_y = np.where(wide, x, np.nan), np.where(wide, y, np.nan)
    return out_x, out_y


def _anchors(x: np.ndarray, y: np.ndarray) -> tuple[tuple[float, float], ...]:
    """Every 5° of bearing, the finite positions northernmost (largest map y) first."""
    step = max(1, (len(x) - 1) // LABEL_ANCHORS)
    px, py = x[:-1:step], y[:-1:step]
    ok = np.isfinite(px) & np.isfinite(py)
    order = np.argsort(-py[ok], kind="stable")
    return tuple((float(a), float(b)) for a, b in zip(px[ok][order], py[ok][order], strict=True))
