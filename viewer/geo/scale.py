"""The maths behind map decorations: true scale, scale-bar length, true north and graticule."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from shapely.geometry import LineString

from viewer.geo import geodesic
from viewer.geo.crs import Extent, MapProjection, format_lat, format_lon

_GRATICULE_STEPS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0)
_GRATICULE_VERTEX_DEG = 0.5  # parallels are not geodesics, so they are densified in degrees


def ground_distance_per_map_unit(projection: MapProjection, x: float, y: float) -> float:
    """Metres on the ground per map unit along the map's x axis at (x, y); NaN off the map.

    Measured with a geodesic across a ~1 km horizontal span centred on the point, so it
    holds for any projection, including a custom one whose units are not metres.
    """
    def metres_across(span: float) -> float:
        xs, ys = np.array([x - span / 2, x + span / 2]), np.array([y, y])
        lon, lat = projection.inverse(xs, ys)
        # Off the map, an inverse may still answer (a cone's far side folds onto the pole);
        # only points that project back where they came from are on the map.
        x_back, y_back = projection.forward(lon, lat)
        if not np.all(np.hypot(x_back - xs, y_back - ys) <= span * 1e-3):
            return math.nan
        return float(geodesic.inverse(lon[0], lat[0], lon[1], lat[1])[0]) * 1000.0

    rough = metres_across(1.0)  # one map unit: a metre in most CRSs, a degree in a geographic one
    if not rough > 0:
        return math.nan
    span = 1000.0 / rough
    return metres_across(span) / span


def nice_scale_bar(projection: MapProjection, x: float, y: float, map_units_per_pixel: float,
                   max_pixels: float) -> tuple[float, float]:
    """(length_km, length_pixels) of the longest 1, 2 or 5 times 10^n km bar that fits in max_pixels,
    true at the view centre (x, y). (NaN, 0) where the scale is undefined."""
    km_per_pixel = ground_distance_per_map_unit(projection, x, y) * map_units_per_pixel / 1000.0
    if not (km_per_pixel > 0 and max_pixels > 0):
        return math.nan, 0.0
    longest = km_per_pixel * max_pixels
    decade = 10.0 ** math.floor(math.log10(longest))
    length = max(m * decade for m in (1.0, 2.0, 5.0) if m * decade <= longest * (1 + 1e-12))
    return length, length / km_per_pixel


# The closest the map zooms: this many metres across a view. Google Earth stops at ground level and QGIS at a
# scale; the data are places from news reports (a few km) and the user's own marks. 10 m across ~1,000 pixels is
# about a centimetre a pixel, and keeps projected coordinates (~10^6-10^7 m) well within a double's precision.
MIN_VIEW_METRES = 10.0


def min_view_span(projection: MapProjection, x: float, y: float) -> float:
    """The narrowest view, in map units, around (x, y): MIN_VIEW_METRES of ground (NaN off the map)."""
    return MIN_VIEW_METRES / ground_distance_per_map_unit(projection, x, y)


def distance_label(km: float) -> str:
    """'5,000 km', '200 m', '50 cm', '5 mm': a scale bar's length in the unit that reads as a whole number (it
    read '0 m' under a metre)."""
    for unit, per_km in (("km", 1.0), ("m", 1e3), ("cm", 1e5)):
        if km * per_km >= 1 - 1e-9:
            return f"{km * per_km:,.0f} {unit}"
    return f"{km * 1e6:,.0f} mm"


def true_north_angle(projection: MapProjection, x: float, y: float) -> float:
    """Degrees clockwise from map up (+y) to true north at (x, y); a north arrow drawn there
    is rotated by this much. 0 in Mercator; in a northern Lambert conic, negative east of the
    central meridian (meridians converge towards the pole) and positive west of it."""
    lon, lat = projection.inverse(x, y)
    step = 1e-4  # degrees; short enough to be local, long enough for float precision
    south, north = max(lat - step, -90.0), min(lat + step, 90.0)
    (x0, x1), (y0, y1) = projection.forward(np.array([lon, lon]), np.array([south, north]))
    return math.degrees(math.atan2(x1 - x0, y1 - y0))


def nice_graticule_step(span_deg: float) -> float:
    """A round step in degrees giving at most about six lines across span_deg."""
    for step in _GRATICULE_STEPS:
        if span_deg / step <= 6.0:
            return step
    return _GRATICULE_STEPS[-1]


class GraticuleLine(NamedTuple):
    """One labelled meridian or parallel in lon/lat, densified for projecting."""

    label: str
    line: LineString

    @property
    def is_meridian(self) -> bool:
        return bool(self.line.coords[0][0] == self.line.coords[-1][0])


def _multiples(low: float, high: float, step: float) -> np.ndarray:
    # Integers times step, so 0.1-steps land on 39.1, not 39.100000000000001 after labelling.
    return np.arange(math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9) + 1) * step


def graticule_lines(extent_lonlat: Extent, step_deg: float) -> list[GraticuleLine]:
    """Meridians then parallels at multiples of step_deg inside (west, south, east, north),
    each spanning the extent; west > east means the extent crosses 180°."""
    west, south, east, north = extent_lonlat
    if east < west:
        east += 360.0
    south, north = max(south, -90.0), min(north, 90.0)
    lines = []
    lat_count = max(2, math.ceil((north - south) / _GRATICULE_VERTEX_DEG) + 1)
    lats = np.linspace(south, north, lat_count)
    for lon in _multiples(west, east, step_deg):
        lon = round(float(lon), 9)
        lines.append(GraticuleLine(format_lon(lon), LineString(np.column_stack([np.full(lat_count, lon), lats]))))
    lon_count = max(2, math.ceil((east - west) / _GRATICULE_VERTEX_DEG) + 1)
    lons = np.linspace(west, east, lon_count)
    for lat in _multiples(south, north, step_deg):
        lat = round(float(lat), 9)
        lines.append(GraticuleLine(format_lat(lat), LineString(np.column_stack([lons, np.full(lon_count, lat)]))))
    return lines
