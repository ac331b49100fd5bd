"""Lon/lat geometries densified along geodesics in a few vectorised calls, only where a map would show the curve:
a straight segment gets the vertices its geodesic needs to stay within a few metres of the drawn line."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry

from viewer.geo.crs import MapProjection
from viewer.geo.drawable import drawn_as_projected, unwrap_parts
from viewer.geo.flat_lines import FlatLines
from viewer.geo.geodesic import GEOD, densify

MAX_SEGMENT_KM = 25.0  # never longer pieces than this, whatever the projection
# How far (map metres) a drawn piece may stray from its geodesic: a quarter pixel at 40 m a pixel, a view of a town
# far finer than the data (positions from news reports, a few km) or the basemap (Natural Earth 1:10M, ~2.5 km a
# pixel) can use. At the regional LCC, a 200 km segment strays ~40 m: it gets 2 pieces where 25 km asked for 8.
TOLERANCE_M = 10.0
# Longer segments keep a vertex every MAX_SEGMENT_KM: over thousands of km a geodesic's bend in a map varies too much
# along it for its midpoint to tell (measured: up to 500 km, the pieces stray no further than 25 km pieces or
# TOLERANCE_M, in LCC, Mercator, Robinson and a globe; at 1,000-2,000 km up to 150 m further).
MODELLED_UP_TO_KM = 500.0
EARTH_RADIUS_M = 6_371_008.8
VECTORISED_ABOVE = 5_000  # areas with more vertices are densified alone, with a budget (see densified_area)
# Vertices densifying one area may add, about: a million spikes 800 km long would become 30 million vertices at
# 25 km; beyond the budget the geodesic steps get longer (such an outline is a speckle at any scale anyway).
DENSIFY_BUDGET = 500_000
LINES_AT_ONCE = 20_000  # see projected_lines
_LINESTRING, _LINEARRING, _POLYGON, _MULTILINESTRING, _MULTIPOLYGON = 1, 2, 3, 5, 6
_AS_IS = (0, 4)  # points and multipoints: nothing to densify


def densify_all(geometries: np.ndarray, projection: MapProjection | None = None) -> np.ndarray:
    """Each geometry of an object array densified (a new array; points, None and empties as they are): lines,
    polygons and their multi-parts in one `densify_lines` call, anything else one at a time. With a projection,
    only as much as it shows (see `densify_lines`); without, a vertex every MAX_SEGMENT_KM."""
    out = geometries.copy()
    types = shapely.get_type_id(geometries)
    small = np.ones(len(geometries), dtype=bool)
    areas = np.flatnonzero(np.isin(types, (_POLYGON, _MULTIPOLYGON)))
    if len(areas):
        small[areas] = shapely.get_num_coordinates(geometries[areas]) <= VECTORISED_ABOVE
    for kinds, build in (((_LINESTRING, _MULTILINESTRING), _lines_of), ((_POLYGON, _MULTIPOLYGON), _areas_of)):
        chosen = np.flatnonzero(np.isin(types, kinds) & small & ~shapely.is_empty(geometries))
        if len(chosen):
            out[chosen] = build(geometries[chosen], projection)
    for i in np.flatnonzero(~np.isin(types, (*_AS_IS, _LINESTRING, _MULTILINESTRING, _POLYGON, _MULTIPOLYGON))
                            & (types >= 0)).tolist():
        out[i] = densify(geometries[i], MAX_SEGMENT_KM)  # rings, collections: rare
    for i in np.flatnonzero(~small).tolist():
        out[i] = densified_area(geometries[i], projection)
    return out


def _lines_of(geometries: np.ndarray, projection: MapProjection | None) -> np.ndarray:
    """(Multi)LineStrings densified, each keeping its type."""
    single = shapely.get_type_id(geometries) == _LINESTRING
    if single.all():  # get_parts would copy every line (0.3 s for 100,000)
        return densify_lines(geometries, MAX_SEGMENT_KM, projection=projection)
    parts, owner = shapely.get_parts(geometries, return_index=True)
    dense = densify_lines(parts, MAX_SEGMENT_KM, projection=projection)
    return _regrouped(dense, owner, single, shapely.multilinestrings)


def _areas_of(geometries: np.ndarray, projection: MapProjection | None,
              max_added: int | None = None) -> np.ndarray:
    """(Multi)Polygons densified ring by ring (holes too), each keeping its type."""
    polygons, owner = shapely.get_parts(geometries, return_index=True)
    rings, ring_owner = shapely.get_rings(polygons, return_index=True)
    coords, index = shapely.get_coordinates(rings, return_index=True)
    dense = densify_lines(shapely.linestrings(coords, indices=index), MAX_SEGMENT_KM, max_added=max_added,
                          projection=projection)
    dense_coords, dense_index = shapely.get_coordinates(dense, return_index=True)
    made = shapely.polygons(shapely.linearrings(dense_coords, indices=dense_index), indices=ring_owner)
    return _regrouped(made, owner, shapely.get_type_id(geometries) == _POLYGON, shapely.multipolygons)


def _regrouped(parts: np.ndarray, owner: np.ndarray, single: np.ndarray, multi_of) -> np.ndarray:
    """The geometries the densified ``parts`` came from (``owner``: each part's geometry), made again: a single
    geometry is its one part, the others are ``multi_of`` their parts."""
    out = np.empty(len(single), dtype=object)
    first = np.searchsorted(owner, np.arange(len(single)))
    out[single] = parts[first[single]]
    multi = np.flatnonzero(~single)
    if len(multi):
        chosen = np.isin(owner, multi)
        out[multi] = multi_of(parts[chosen], indices=np.searchsorted(multi, owner[chosen]))
    return out


def densified_area(geometry: BaseGeometry, projection: MapProjection | None = None) -> BaseGeometry:
    """A (multi)polygon densified with all its rings in one `densify_lines` call (a million-vertex ring of long
    spikes took minutes leg by leg), adding at most about as many vertices as it has or DENSIFY_BUDGET."""
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return densify(geometry, MAX_SEGMENT_KM)
    budget = max(DENSIFY_BUDGET, int(shapely.get_num_coordinates(geometry)))
    made = _areas_of(np.array([geometry], dtype=object), projection, max_added=budget)[0]
    return made if geometry.geom_type == "MultiPolygon" or made.geom_type == "Polygon" else MultiPolygon([made])


def densify_lines(lines: np.ndarray, max_segment_km: float, max_added: int | None = None,
                  projection: MapProjection | None = None) -> np.ndarray:
    """`geodesic.densify` for an array of LineStrings in a few vectorised calls: every segment longer than
    `max_segment_km` gets evenly spaced geodesic vertices, and longitudes are kept continuous along each line.

    With a ``projection``, a segment gets only as many pieces as keep its geodesic within TOLERANCE_M of the drawn
    line in that projection (the geodesic's midpoint measured from the projected chord; a piece 1/n as long strays
    about 1/n² as far, and n is taken √2 larger for the bend's changes along it), never more than `max_segment_km`
    asks; segments over MODELLED_UP_TO_KM keep that.
    ``max_added``: at most about this many vertices are added (the segments allowed get longer to stay within it)."""
    if not len(lines):
        return np.empty(0, dtype=object)
    dense = _DenseCoords(lines, max_segment_km, max_added, projection)
    return shapely.linestrings(dense.coords, indices=dense.owner)


def projected_lines(lines: np.ndarray, projection: MapProjection) -> tuple[np.ndarray, np.ndarray]:
    """LineStrings densified for ``projection`` (`densify_lines`) and projected, as `project_geometry` of the
    densified lines gives them, from one pass and without making the lon/lat lines (100,000 lines: ~30 MB and
    ~0.1 s): the positions projected to measure the bends are the drawn vertices' own, so ~40% fewer vertices go
    through PROJ. Also, per line, whether its projected vertices are drawn as they are (`drawable.drawn_as_projected`:
    no seam crossed, no horizon, within the map's latitudes)."""
    flat, plain = projected_flat_lines(lines, projection)
    return flat.linestrings(), plain


def projected_flat_lines(lines: np.ndarray, projection: MapProjection) -> tuple[FlatLines, np.ndarray]:
    """`projected_lines` as flat arrays (no LineString made)."""
    plain, parts = np.empty(len(lines), dtype=bool), []
    # A batch of lines at a time: the arrays densifying makes are several times the lines' own coordinates (100,000
    # lines at once raised the peak memory by ~140 MB), and each line is done alike whatever its batch.
    for start in range(0, len(lines), LINES_AT_ONCE):
        chosen = slice(start, start + LINES_AT_ONCE)
        dense = _DenseCoords(lines[chosen], MAX_SEGMENT_KM, None, projection)
        xy = dense.projected(projection)
        plain[chosen] = drawn_as_projected(dense.coords[:, 0], dense.coords[:, 1], dense.owner,
                                           len(lines[chosen]), projection)
        parts.append(FlatLines.of_vertices(xy, dense.owner, len(lines[chosen])))
    return FlatLines.joined(parts), plain


def straight_lines(lines: np.ndarray, projection: MapProjection) -> tuple[FlatLines, np.ndarray, np.ndarray]:
    """LineStrings projected vertex for vertex, not densified (one PROJ call; no geodesic measured), as flat arrays
    (no LineString made), with per line whether it is drawn as projected (as `projected_lines` says) and whether
    densifying may cut it (``pending``: a segment long enough to be measured). A line not pending is exactly what
    `projected_lines` makes of it; a pending one is its straight drawing until `projected_lines` has made it (off
    the GUI thread: 100,000 lines take ~0.8 s of geodesic measures and PROJ, where this takes ~0.1 s)."""
    coords, owner = shapely.get_coordinates(lines, return_index=True)
    same = owner[:-1] == owner[1:]
    steps = np.abs(np.diff(coords[:, 0])) + np.abs(np.diff(coords[:, 1]))  # (a sum over axis 1 took ~14 ms)
    pending = np.zeros(len(lines), dtype=bool)
    pending[owner[:-1][same & ~(steps * 111.7 < MAX_SEGMENT_KM)]] = True  # as _DenseCoords picks what it measures
    lon = unwrap_parts(coords[:, 0], np.flatnonzero(np.diff(owner, prepend=-1)))
    x, y = projection.forward(lon, coords[:, 1])
    plain = drawn_as_projected(lon, coords[:, 1], owner, len(lines), projection)
    return FlatLines.of_vertices(np.column_stack([x, y]), owner, len(lines)), plain, pending


class _DenseCoords:
    """The vertices of densified lines (``coords``, each of line ``owner``), and those of them already projected
    on the way (``xy`` where ``known``)."""

    def __init__(self, lines: np.ndarray, max_segment_km: float, max_added: int | None,
                 projection: MapProjection | None):
        coords, owner = shapely.get_coordinates(lines, return_index=True)
        same = owner[:-1] == owner[1:]
        # Only segments that may be longer than max_segment_km are measured on the ellipsoid: a segment is no longer
        # than a path along its meridian then its parallel, at most 111.7 km a degree of either (a user's lines are
        # mostly short segments: measuring 5 million of them took ~10 s).
        az, metres = np.zeros(len(coords) - 1), np.zeros(len(coords) - 1)
        steps = np.abs(np.diff(coords[:, 0])) + np.abs(np.diff(coords[:, 1]))
        measured = np.flatnonzero(same & ~(steps * 111.7 < max_segment_km))  # NaN steps are measured (give NaN)
        a, b = coords[measured], coords[measured + 1]
        az[measured], _, metres[measured] = GEOD.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
        pieces = np.maximum(1, np.ceil(metres / (max_segment_km * 1000.0))).astype(np.int64)
        given_xy = middle = None
        if projection is not None and len(measured):
            long = (pieces[measured] > 1) & (metres[measured] <= MODELLED_UP_TO_KM * 1000.0)
            chosen = measured[long]
            given_xy = np.column_stack(projection.forward(coords[:, 0], coords[:, 1]))
            middle = _Midpoints(a[long], b[long], az[chosen], metres[chosen], given_xy[chosen], given_xy[chosen + 1],
                                projection)
            pieces[chosen] = np.minimum(pieces[chosen], middle.needed)
            middle.segment = chosen
        if max_added is not None and int(pieces.sum() - len(pieces)) > max_added:
            longer = (pieces.sum() - len(pieces)) / max(1, max_added)
            pieces = np.minimum(pieces, np.maximum(1, np.ceil(metres / (max_segment_km * 1000.0 * longer))).astype(
                np.int64))
        inner = np.append(pieces - 1, 0)  # vertices added after each vertex (none after a line's last)
        slot = np.arange(len(coords)) + np.concatenate([[0], np.cumsum(inner)[:-1]])
        out = np.empty((len(coords) + int(inner.sum()), 2))
        out_owner = np.empty(len(out), dtype=np.int64)
        out[slot], out_owner[slot] = coords[:, :2], owner
        self.xy, self.known = np.empty_like(out), np.zeros(len(out), dtype=bool)
        if given_xy is not None:
            self.xy[slot], self.known[slot] = given_xy, True
        if inner.any():
            start = np.repeat(np.flatnonzero(inner), inner[inner > 0])  # the segment each new vertex lies on
            k = np.arange(len(start)) - np.repeat(np.cumsum(inner[inner > 0]) - inner[inner > 0],
                                                  inner[inner > 0]) + 1
            at = slot[start] + k
            halves = np.zeros(0, dtype=np.int64)
            if middle is not None:  # a segment cut in two: its one new vertex is the midpoint measured
                two = middle.segment[pieces[middle.segment] == 2]
                halves = np.flatnonzero(np.isin(middle.segment, two))
                made = np.flatnonzero(~np.isin(start, two))
                halfway = slot[middle.segment[halves]] + 1
                out[halfway, 0], out[halfway, 1] = middle.lon[halves], middle.lat[halves]
                out_owner[halfway] = owner[middle.segment[halves]]
                same_sheet = middle.shift[halves] == 0  # projected where the line's longitudes lie
                self.xy[halfway[same_sheet]], self.known[halfway[same_sheet]] = middle.xy[halves[same_sheet]], True
                start, k, at = start[made], k[made], at[made]
            lon, lat, _ = GEOD.fwd(coords[start, 0], coords[start, 1], np.asarray(az)[start],
                                   metres[start] * k / pieces[start])
            out[at, 0], out[at, 1], out_owner[at] = lon, lat, owner[start]
        starts = np.flatnonzero(np.diff(out_owner, prepend=-1))
        unwrapped = unwrap_parts(out[:, 0], starts)
        self.known &= unwrapped == out[:, 0]  # a longitude moved a turn is projected as moved
        out[:, 0] = unwrapped
        self.coords, self.owner = out, out_owner

    def projected(self, projection: MapProjection) -> np.ndarray:
        """The vertices in map coordinates, as `project_geometry` gives them: only those not known yet projected."""
        todo = np.flatnonzero(~self.known)
        if len(todo):
            x, y = projection.forward(self.coords[todo, 0], self.coords[todo, 1])
            self.xy[todo, 0], self.xy[todo, 1] = x, y
        return self.xy


class _Midpoints:
    """`pieces_needed`, keeping the geodesic midpoints it measured (lon/lat as reached, the longitude ``shift``
    it was moved by to the ends' side, map x/y) for the segments then cut in two."""

    segment: np.ndarray

    def __init__(self, a: np.ndarray, b: np.ndarray, az: np.ndarray, metres: np.ndarray, a_xy: np.ndarray,
                 b_xy: np.ndarray, projection: MapProjection):
        self.lon, self.lat, _ = GEOD.fwd(a[:, 0], a[:, 1], az, metres / 2)
        self.lon, self.lat = np.asarray(self.lon, dtype=float), np.asarray(self.lat, dtype=float)
        # the midpoint on the side of the ends' (possibly unwrapped) longitudes, so a seam is crossed as the line does
        self.shift = 360.0 * np.round((a[:, 0] + (b[:, 0] - a[:, 0]) / 2 - self.lon) / 360.0)
        self.xy = np.column_stack(projection.forward(self.lon + self.shift, self.lat))
        self.needed = _needed(a_xy, b_xy, self.xy, projection)


def pieces_needed(a: np.ndarray, b: np.ndarray, az: np.ndarray, metres: np.ndarray,
                  projection: MapProjection) -> np.ndarray:
    """For geodesics from lon/lat ``a`` to ``b`` (rows; ``az`` and ``metres`` from ``a``), the pieces each needs so
    that it strays at most TOLERANCE_M from its drawn chords in ``projection``; a huge number where the projection
    cannot say (an end beyond a globe's horizon, a segment across the seam: those keep every vertex MAX_SEGMENT_KM
    gives)."""
    a_xy = np.column_stack(projection.forward(a[:, 0], a[:, 1]))
    b_xy = np.column_stack(projection.forward(b[:, 0], b[:, 1]))
    return _Midpoints(a, b, az, metres, a_xy, b_xy, projection).needed


def _needed(a_xy: np.ndarray, b_xy: np.ndarray, mid_xy: np.ndarray, projection: MapProjection) -> np.ndarray:
    """`pieces_needed` from the projected ends and geodesic midpoint of each segment."""
    x = np.stack([a_xy[:, 0], b_xy[:, 0], mid_xy[:, 0]]).astype(float)
    y = np.stack([a_xy[:, 1], b_xy[:, 1], mid_xy[:, 1]]).astype(float)
    dx, dy = x[1] - x[0], y[1] - y[0]
    chord = np.hypot(dx, dy)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        stray = np.abs((x[2] - x[0]) * dy - (y[2] - y[0]) * dx) / chord
        along = np.abs(np.hypot(x[2] - x[0], y[2] - y[0]) / chord - 0.5)  # the midpoint far from mid-chord: a seam
        needed = np.ceil(np.sqrt(2 * stray / (TOLERANCE_M * _units_per_metre(projection))))
    # Beyond the map (inf), across a seam (the chord spans the map) or a degenerate chord: densify fully.
    unknown = ~np.isfinite(needed) | ~(along < 0.25) | ~(chord > 0)
    needed[unknown] = np.iinfo(np.int32).max
    return np.maximum(needed, 1).astype(np.int64)


def _units_per_metre(projection: MapProjection) -> float:
    """Map units a metre spans: 1 for every preset; a custom geographic CRS counts in degrees."""
    if projection.lambert is not None:
        return 1.0  # a conic in metres (told without pyproj)
    crs = projection.crs
    if crs.is_geographic:
        return 180.0 / (np.pi * EARTH_RADIUS_M)
    try:
        factor = crs.axis_info[0].unit_conversion_factor
    except (IndexError, AttributeError):
        return 1.0
    return 1.0 / factor if factor > 0 else 1.0
