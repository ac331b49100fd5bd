"""Map projections as small frozen objects with cached lon/lat ⇄ map transformers.

Presets: a regional Lambert conformal conic, Web Mercator, plate carrée in metres, an azimuthal equidistant
centred on a launch site, the globe (orthographic) and the world (Robinson, Equal Earth); any CRS pyproj
understands works as well.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from viewer.geo.lcc import LambertConic

if TYPE_CHECKING:
    import pyproj

Extent = tuple[float, float, float, float]
"""(west, south, east, north) in degrees; west > east means the extent crosses 180°."""

WORLD: Extent = (-180.0, -90.0, 180.0, 90.0)
DEFAULT_REGION: Extent = (116.0, 10.0, 142.0, 43.0)  # the Korean Peninsula to Luzon: shown when there is no data


# The PROJ-string parameters of a projection on the WGS84 ellipsoid that need no datum shift from EPSG:4326: the
# presets' CRSs, and a user's proj string made of these alone.
_PLAIN_PARAMETERS = frozenset({"proj", "lat_0", "lon_0", "lat_1", "lat_2", "lat_ts", "x_0", "y_0", "k", "k_0", "zone",
                               "south", "units", "no_defs", "type", "datum", "ellps"})
_DEGREES_TO_RADIANS = "+proj=unitconvert +xy_in=deg +xy_out=rad"


@cache
def wgs84() -> pyproj.CRS:
    """EPSG:4326, lon/lat on WGS84 (pyproj is imported when first asked for)."""
    import pyproj

    return pyproj.CRS.from_epsg(4326)


def __getattr__(name: str) -> Any:
    if name == "WGS84":  # kept as a module constant for its users; made when first read
        return wgs84()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=64)
def _crs(srs: str) -> pyproj.CRS:
    import pyproj

    return pyproj.CRS.from_user_input(srs)


@lru_cache(maxsize=64)
def _transformers(srs: str) -> tuple[pyproj.Transformer, pyproj.Transformer]:
    # Building a Transformer costs milliseconds; a redraw may project many layers, so
    # every projection with the same CRS shares one pair (pyproj ≥ 3.1 makes them thread-safe).
    # Keyed by the CRS text because hashing a pyproj.CRS renders its whole WKT each time.
    import pyproj

    crs = _crs(srs)
    pipelines = _plain_pipelines(srs, crs)
    if pipelines is not None:
        return pyproj.Transformer.from_pipeline(pipelines[0]), pyproj.Transformer.from_pipeline(pipelines[1])
    forward = pyproj.Transformer.from_crs(wgs84(), crs, always_xy=True)
    inverse = pyproj.Transformer.from_crs(crs, wgs84(), always_xy=True)
    return forward, inverse


def _plain_pipelines(srs: str, crs: pyproj.CRS) -> tuple[str, str] | None:
    """The forward and inverse pipelines `Transformer.from_crs` finds between EPSG:4326 (lon, lat) and a projection
    given as a PROJ string on the WGS84 ellipsoid, or None for any other CRS.

    For such a CRS, from_crs searches PROJ's database for operations (10-40 ms a transformer, two for every
    projection shown, the first of them before the window's first frame) and finds only the CRS's own conversion
    after degrees to radians: the same pipeline, built here from the conversion (tests/geo/test_crs.py compares
    both pipelines and their results with from_crs's for every preset).
    """
    words = srs.split()
    if not words or not all(w.startswith("+") for w in words):
        return None
    parameters = dict(w[1:].partition("=")[::2] for w in words)
    if not parameters.keys() <= _PLAIN_PARAMETERS or "WGS84" not in (parameters.get("datum"), parameters.get("ellps")):
        return None
    if parameters.get("datum", "WGS84") != "WGS84" or parameters.get("units", "m") != "m":
        return None
    conversion = crs.coordinate_operation
    pipeline = conversion.to_proj4() if conversion is not None else None
    steps = pipeline.split(" +step ") if pipeline else []
    if len(steps) != 3 or steps[0] != "+proj=pipeline" or steps[1] != _DEGREES_TO_RADIANS or "+inv" in steps[2]:
        return None
    return (f"+proj=pipeline +step {_DEGREES_TO_RADIANS} +step {steps[2]}",
            f"+proj=pipeline +step +inv {steps[2]} +step +proj=unitconvert +xy_in=rad +xy_out=deg")


@dataclass(frozen=True)
class MapProjection:
    """A map projection: `key` for lookup, `name` for display, `srs` the CRS as pyproj's `CRS.srs` gives it (a PROJ
    string, an authority code or WKT), `crs` the pyproj CRS (for `.prj` files; pyproj is imported when first asked).

    `seam_lon` is the meridian where the map is cut (lon_0 + 180° for cylinders and cones,
    None for azimuthal maps and geographic CRSs); drawing breaks paths there. `max_lat`
    is the latitude beyond which the map is useless (Mercator's poles lie at infinity).

    A Lambert conic on WGS84 (the regional preset) is projected by `viewer.geo.lcc` in numpy, within a micrometre of
    PROJ and in half its time (300,000 vertices: ~17 ms, PROJ ~37 ms), before pyproj is loaded (the window's first
    frame) and after, on the screen and in an export alike; every other CRS by PROJ.
    """

    key: str
    name: str
    srs: str
    seam_lon: float | None = None
    max_lat: float = 90.0

    def forward(self, lon: Any, lat: Any) -> tuple[Any, Any]:
        """Lon/lat degrees → map x/y; scalars or numpy arrays. Unprojectable points give inf."""
        if self.lambert is not None:
            return self.lambert.forward(lon, lat)
        return self._transformers[0].transform(lon, lat, errcheck=False)

    def inverse(self, x: Any, y: Any) -> tuple[Any, Any]:
        """Map x/y → lon/lat degrees; scalars or numpy arrays."""
        if self.lambert is not None:
            return self.lambert.inverse(x, y)
        return self._transformers[1].transform(x, y, errcheck=False)

    @property
    def crs(self) -> pyproj.CRS:
        return _crs(self.srs)

    @cached_property
    def proj_name(self) -> str | None:
        """The method of a CRS given as a PROJ string (its +proj=, e.g. "lcc", "ortho"), told without pyproj; None
        for a CRS given otherwise (an EPSG code, WKT)."""
        words = self.srs.split()
        if not words or not all(word.startswith("+") for word in words):
            return None
        return dict(word[1:].partition("=")[::2] for word in words).get("proj")

    @cached_property
    def lambert(self) -> LambertConic | None:
        """The numpy Lambert conic this CRS is, if it is one on WGS84 in metres (see `viewer.geo.lcc`)."""
        return LambertConic.from_proj_string(self.srs) if self.proj_name == "lcc" else None

    @cached_property
    def _transformers(self) -> tuple[pyproj.Transformer, pyproj.Transformer]:
        # cached_property writes the instance __dict__ directly, so it works on a frozen class
        return _transformers(self.srs)

    def project_extent(self, extent: Extent, samples: int = 64) -> tuple[float, float, float, float]:
        """Map-unit bounds (xmin, ymin, xmax, ymax) of a lon/lat extent, edges sampled densely
        because a straight lon/lat edge becomes a curve in most projections."""
        west, south, east, north = extent
        if east < west:
            east += 360.0
        south, north = max(south, -self.max_lat), min(north, self.max_lat)
        t = np.linspace(0.0, 1.0, samples)
        lon = np.concatenate([west + (east - west) * t, np.full(samples, east),
                              east - (east - west) * t, np.full(samples, west)])
        lat = np.concatenate([np.full(samples, south), south + (north - south) * t,
                              np.full(samples, north), north - (north - south) * t])
        # and the inside: on a globe the edges of a large extent may lie wholly beyond the horizon
        grid_lon, grid_lat = np.meshgrid(west + (east - west) * t[::4], south + (north - south) * t[::4])
        lon, lat = np.concatenate([lon, grid_lon.ravel()]), np.concatenate([lat, grid_lat.ravel()])
        x, y = self.forward(lon, lat)
        ok = np.isfinite(x) & np.isfinite(y)
        if not ok.any():
            raise ValueError(f"extent {extent} cannot be shown in {self.name}")
        return float(x[ok].min()), float(y[ok].min()), float(x[ok].max()), float(y[ok].max())


def wrap_lon(lon: float) -> float:
    """A longitude in [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def format_lon(lon: float) -> str:
    """127.5 → '127.5°E'; the meridians 0° and 180° carry no hemisphere."""
    lon = wrap_lon(lon)
    if math.isclose(abs(lon), 180.0) or abs(lon) < 1e-9:
        return f"{abs(lon):g}°"
    return f"{abs(lon):g}°{'E' if lon > 0 else 'W'}"


def format_lat(lat: float) -> str:
    """39.66 → '39.66°N'; the equator is '0°'."""
    if abs(lat) < 1e-9:
        return "0°"
    return f"{abs(lat):g}°{'N' if lat > 0 else 'S'}"


def extent_centre(extent: Extent) -> tuple[float, float]:
    """Centre (lon, lat) of an extent, across 180° when west > east."""
    west, south, east, north = extent
    if east < west:
        east += 360.0
    return wrap_lon((west + east) / 2.0), (south + north) / 2.0


def regional(extent: Extent) -> MapProjection:
    """Lambert conformal conic fitted to an extent: standard parallels at 1/6 and 5/6 of its
    latitude span (the classic rule that spreads scale error evenly), centred on its middle.

    A tiny extent gets a tangent cone (one standard parallel through the centre); an extent
    straddling the equator, where the cone flattens into a cylinder, gets a Mercator centred
    on it, which is the conformal limit of the same cone.
    """
    _, south, _, north = extent
    lon0, lat0 = extent_centre(extent)
    lon0 = round(lon0, 1)  # round so that small pans reuse the cached transformers
    south, north = max(south, -89.0), min(north, 89.0)
    span = north - south
    lat1, lat2 = round(south + span / 6.0, 1), round(south + span * 5.0 / 6.0, 1)
    if span < 1.0:
        lat1 = lat2 = round(lat0, 1)
    if abs(lat1 + lat2) < 2.0:
        srs = _proj_string(f"+proj=merc +lon_0={lon0} +lat_ts={round(lat0, 1)} +datum=WGS84 +units=m +no_defs")
        return MapProjection("regional", f"Mercator centred {format_lon(lon0)}", srs,
                             seam_lon=wrap_lon(lon0 + 180.0), max_lat=85.0511)
    lat0 = (lat1 + lat2) / 2.0
    srs = _proj_string(f"+proj=lcc +lat_1={lat1} +lat_2={lat2} +lat_0={lat0} +lon_0={lon0} "
                       "+datum=WGS84 +units=m +no_defs")
    parallels = format_lat(lat1) if lat1 == lat2 else f"{format_lat(lat1)}, {format_lat(lat2)}"
    return MapProjection("regional", f"Lambert Conformal Conic ({parallels}) centred {format_lon(lon0)}",
                         srs, seam_lon=wrap_lon(lon0 + 180.0))


def _proj_string(text: str) -> str:
    """A preset's PROJ string as pyproj's `CRS.srs` gives it back (the projections' `srs`)."""
    return f"{text} +type=crs"


def web_mercator() -> MapProjection:
    """EPSG:3857, the web-tile Mercator; conformal, areas grow fast towards the poles."""
    return MapProjection("mercator", "Web Mercator (EPSG:3857)", "EPSG:3857",
                         seam_lon=-180.0, max_lat=85.0511)


def plate_carree(lon0: float = 0.0) -> MapProjection:
    """Equirectangular in metres (+proj=eqc) so map units are metres like every other preset."""
    srs = _proj_string(f"+proj=eqc +lon_0={lon0} +datum=WGS84 +units=m +no_defs")
    return MapProjection("platecarree", "Plate Carrée (equirectangular)", srs,
                         seam_lon=wrap_lon(lon0 + 180.0))


def azimuthal_equidistant(lon: float, lat: float, label: str = "") -> MapProjection:
    """Azimuthal equidistant centred on a site: distances and bearings from it are true."""
    srs = _proj_string(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs")
    where = label or f"{format_lat(round(lat, 3))} {format_lon(round(lon, 3))}"
    return MapProjection("aeqd", f"Azimuthal Equidistant centred on {where}", srs)


def orthographic(lon: float, lat: float, label: str = "") -> MapProjection:
    """The globe seen from far away above (lon, lat): one hemisphere, shapes true near its centre."""
    srs = _proj_string(f"+proj=ortho +lat_0={lat} +lon_0={lon} +ellps=WGS84 +units=m +no_defs")
    where = label or f"{format_lat(round(lat, 3))} {format_lon(round(lon, 3))}"
    return MapProjection("globe", f"Orthographic (globe) centred on {where}", srs)


def robinson(lon0: float = 0.0) -> MapProjection:
    """Robinson: the whole world with little distortion of shape or area, for range rings across oceans."""
    srs = _proj_string(f"+proj=robin +lon_0={lon0} +datum=WGS84 +units=m +no_defs")
    return MapProjection("robinson", f"Robinson centred {format_lon(lon0)}", srs, seam_lon=wrap_lon(lon0 + 180.0))


def equal_earth(lon0: float = 0.0) -> MapProjection:
    """Equal Earth (EPSG:8857's method): the whole world with true areas."""
    srs = _proj_string(f"+proj=eqearth +lon_0={lon0} +datum=WGS84 +units=m +no_defs")
    return MapProjection("equalearth", f"Equal Earth centred {format_lon(lon0)}", srs,
                         seam_lon=wrap_lon(lon0 + 180.0))


LONG_EXTENT_KM = 3500.0  # a launch longer than this is framed in an azimuthal equidistant on its site


def suited(extent: Extent, site: tuple[float, float] | None = None) -> MapProjection:
    """The projection that suits one launch's extent: the regional conic fitted to it, or, when the extent is
    long (a path far into the Pacific), an azimuthal equidistant on the site so distances from it stay true."""
    from viewer.geo import geodesic

    west, south, east, north = extent
    if east < west:
        east += 360.0
    span_km = float(geodesic.inverse(wrap_lon(west), south, wrap_lon(east), north)[0])
    if site is not None and span_km > LONG_EXTENT_KM:
        return azimuthal_equidistant(site[0], site[1], "the launch site")
    if east - west > 150.0 or north - south > 100.0:
        return robinson(round(extent_centre(extent)[0]))
    return regional(extent)


def _data_centre(extent: Extent) -> tuple[float, float]:
    """The centre of the data to a tenth of a degree, which the map's name then gives as a place ('centred on
    30°N 127.5°E'; it said 'centred on extent centre', which told a reader of the image nothing)."""
    lon, lat = extent_centre(extent)
    return round(lon, 1), round(lat, 1)


class Preset(NamedTuple):
    """A projection the UI lists: menu title and a builder taking the data's extent."""

    title: str
    build: Callable[[Extent], MapProjection]


PROJECTIONS: dict[str, Preset] = {
    "regional": Preset("Regional (Lambert conformal conic)", regional),
    "mercator": Preset("Web Mercator", lambda extent: web_mercator()),
    "platecarree": Preset("Plate Carrée", lambda extent: plate_carree()),
    "aeqd": Preset("Azimuthal equidistant (centred on the data)",
                   lambda extent: azimuthal_equidistant(*_data_centre(extent))),
    "globe": Preset("Globe (orthographic, centred on the data)",
                    lambda extent: orthographic(*_data_centre(extent))),
    "robinson": Preset("World: Robinson", lambda extent: robinson(round(extent_centre(extent)[0]))),
    "equalearth": Preset("World: Equal Earth", lambda extent: equal_earth(round(extent_centre(extent)[0]))),
}

_CENTRED_AT = re.compile(r"^(aeqd|globe|ortho):\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)$", re.IGNORECASE)


def _seam_of(crs: pyproj.CRS) -> float | None:
    # Cylinders and cones are cut at lon_0 + 180°; azimuthal maps are whole, and a
    # geographic CRS leaves longitudes as given.
    operation = crs.coordinate_operation
    if not crs.is_projected or operation is None:
        return None
    if any(word in operation.method_name.lower() for word in ("azimuthal", "stereographic", "orthographic")):
        return None
    for param in operation.params:
        if param.name.lower().startswith(("longitude of natural origin", "longitude of false origin",
                                          "longitude of projection centre", "longitude of origin")):
            return wrap_lon(float(param.value) + 180.0)
    return -180.0


def projection_from_name(text: str, extent: Extent = WORLD) -> MapProjection:
    """A preset key (`regional`, `mercator`, `platecarree`, `aeqd`, `globe`, `robinson`, `equalearth`,
    `aeqd:LON,LAT`, `globe:LON,LAT`) or any CRS
    pyproj accepts (EPSG:32652, a proj string, WKT). Raises ValueError with a one-line message."""
    key = text.strip()
    if key.lower() in PROJECTIONS:
        return PROJECTIONS[key.lower()].build(extent)
    if match := _CENTRED_AT.match(key):
        lon, lat = float(match[2]), float(match[3])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValueError(f"projection {text!r}: centre must be LON,LAT within ±180, ±90")
        build = azimuthal_equidistant if match[1].lower() == "aeqd" else orthographic
        return build(lon, lat)
    import pyproj
    from pyproj.exceptions import CRSError

    try:
        crs = pyproj.CRS.from_user_input(key)
    except CRSError:
        known = ", ".join(PROJECTIONS)
        raise ValueError(f"unknown projection {text!r}: not one of {known}, aeqd:LON,LAT "
                         "or a CRS such as EPSG:32652") from None
    name = crs.name if crs.name and crs.name != "unknown" else key
    return MapProjection(key, name, crs.srs or crs.to_wkt(), seam_lon=_seam_of(crs))
