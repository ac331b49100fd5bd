"""The earth's edge on a map: the globe's horizon disc, or the band between the poles of a geographic or
equirectangular map; what lies outside is no place and is painted as the page, not as sea."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.geo.crs import MapProjection
from viewer.geo.horizon import HORIZON_SHARE, QUARTER_MERIDIAN_M, globe_azimuthal, has_horizon


def earth_outline(projection: MapProjection, x_range: tuple[float, float]) -> shapely.Polygon | None:
    """The part of the map plane that is the earth, in map units, over ``x_range`` (the view's x, for a band that
    goes on sideways); None where the whole plane is (conic and other regional maps) or it cannot be told."""
    if has_horizon(projection):
        _, to_lonlat = globe_azimuthal(projection)
        angle = np.linspace(0, 2 * np.pi, 361)
        ring = np.full((len(angle), 2), np.nan)
        # On the ellipsoid the horizon is not the same distance every way: each direction takes the farthest of
        # a few distances that still projects.
        for share in (HORIZON_SHARE, 0.995, 0.99, 0.98, 0.97, 0.95):
            radius = QUARTER_MERIDIAN_M * share
            lon, lat = to_lonlat.transform(radius * np.cos(angle), radius * np.sin(angle))
            x, y = projection.forward(np.asarray(lon), np.asarray(lat))
            found = np.isfinite(x) & np.isfinite(y) & np.isnan(ring[:, 0])
            ring[found] = np.column_stack([x, y])[found]
        ring = ring[np.isfinite(ring).all(axis=1)]
        return shapely.Polygon(ring) if len(ring) > 300 else None
    if projection.lambert is not None:
        return None  # a cone: the whole plane is (told without pyproj)
    crs = projection.crs
    operation = crs.coordinate_operation
    if crs.is_geographic or (operation is not None and "equidistant cylindrical" in operation.method_name.lower()):
        lon0 = 0.0 if crs.is_geographic else projection.inverse(0.0, 0.0)[0]
        _, south = projection.forward(lon0, -90.0)
        _, north = projection.forward(lon0, 90.0)
        if not (np.isfinite(south) and np.isfinite(north)):
            return None
        left, right = x_range
        pad = abs(right - left) + 1.0
        return shapely.box(left - pad, min(south, north), right + pad, max(south, north))
    return None


def globe_disc(projection: MapProjection) -> shapely.Polygon | None:
    """A globe's disc in map units (the one outline that no view changes), None for any other map: the labels keep
    to it."""
    return earth_outline(projection, (0.0, 0.0)) if has_horizon(projection) else None
