"""Which features lie under the cursor or inside a rubber band: a grid over points, an STRtree over other geometries."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from shapely.geometry import Point, box

from viewer.geo.flat_lines import FlatLines
from viewer.geo.outline_index import detailed, outline_of
from viewer.geo.point_grid import PointGrid, PointGrids

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from viewer.geo.crs import MapProjection

_POINT = 0
_AREAL = (3, 6)  # Polygon, MultiPolygon
# Shapes whose bounding boxes meet a rectangle that count_in_rect tests exactly: 256 paths of 300 vertices took
# ~0.9 ms, and a repaint at rest asks for each of the legend's places (up to nine).
EXACT_COUNT_UP_TO = 128
# Lines and polygons of this many vertices or more are answered about by their outline's stretches near the
# question (viewer.geo.outline_index), not by GEOS over the whole geometry: a projected million-spike star took
# 0.1-0.25 s a question on the GUI thread, hovering and at every repaint's legend placing.
OUTLINE_FROM = 20_000
# Segments of such an outline count_in_rect tests at most (~5 ms); beyond, its runs' boxes crowding the rectangle
# count it as there (see Outline.meets).
COUNT_SEGMENTS_UP_TO = 20_000
# Answers of count_in_rect an index keeps: every paint asks for the legend's places again (the window's first paints
# after opening 100,000 lines asked 24 times for 4 rectangles, ~0.4 ms each: their lines' boxes, then GEOS's test of
# the few lines whose boxes meet a corner)
COUNTS_KEPT = 64


class IdsOf(Sequence[Hashable]):
    """The ids of an object array of features (anything with an ``id``), each read when asked: a pick names a few
    features, and reading a million ids up front took ~0.1 s and a list of 8 MB."""

    __slots__ = ("_items",)

    def __init__(self, items: Sequence[Any] | np.ndarray):  # an object array, or a table's `FeatureColumn`
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):  # an int only: the index reads one at a time
        return self._items[index].id


class FeatureIndex:
    """Spatial index of feature ids by their geometry in map coordinates (project first).

    Single points go to a `PointGrid` (a million of them as arrays, not shapely objects), lines given flat
    (`FlatLines`) are found by their boxes (a few array comparisons; an STRtree of 100,000 lines took ~25 ms to
    build), every other geometry goes to an STRtree; queries test only candidates exactly (a flat line's LineString
    made for it), so they stay fast for a million features. A line or polygon of OUTLINE_FROM vertices or more is
    tested through its `Outline`, with the same answers as GEOS's.
    """

    def __init__(self, ids: Sequence[Hashable], geometries: Any) -> None:
        geoms = np.asarray(geometries, dtype=object).reshape(-1)
        if len(ids) != len(geoms):
            raise ValueError(f"{len(ids)} ids but {len(geoms)} geometries")
        single = (shapely.get_type_id(geoms) == _POINT) & ~shapely.is_empty(geoms)
        points = np.flatnonzero(single)
        shapes = np.flatnonzero(~single)
        self._build(ids, shapes, geoms[shapes], points, shapely.get_coordinates(geoms[points]))

    @classmethod
    def of_parts(cls, ids: Sequence[Hashable], shape_positions: np.ndarray, shapes: Any,
                 point_positions: np.ndarray, point_xy: np.ndarray, line_positions: np.ndarray | None = None,
                 lines: FlatLines | None = None, points: PointGrid | PointGrids | None = None) -> FeatureIndex:
        """The index of ``ids`` whose geometries are ``shapes`` (at ``shape_positions`` in ids), single points at
        ``point_xy`` (at ``point_positions``) and ``lines`` (at ``line_positions``): no shapely object is made for
        the points or the lines. ``points``: the points' grid made already (then ``point_xy`` is not read)."""
        index = cls.__new__(cls)
        index._build(ids, shape_positions, shapes, point_positions, point_xy, points)
        if lines is not None and line_positions is not None:
            index._index_lines(line_positions, lines)
        return index

    # the shapes' and the flat lines' rows in the projected cache that made the index, if one did
    source_rows: np.ndarray | None = None
    line_rows: np.ndarray | None = None

    def _build(self, ids: Sequence[Hashable], shape_positions: np.ndarray, shapes: Any,
               point_positions: np.ndarray, point_xy: np.ndarray,
               points: PointGrid | PointGrids | None = None) -> None:
        self._ids = ids if isinstance(ids, IdsOf) else list(ids)
        self._points = points if points is not None else \
            PointGrid(point_xy, np.asarray(point_positions, dtype=np.int64))
        self._index_shapes(shape_positions, shapes)
        self._index_lines(np.empty(0, dtype=np.int64), FlatLines.empty())

    def _index_lines(self, positions: np.ndarray, lines: FlatLines) -> None:
        self._line_positions = np.asarray(positions, dtype=np.int64)
        self._lines = lines
        self._counted: dict[tuple[float, float, float, float], int] = {}  # (an index is never changed in place)

    def _index_shapes(self, positions: np.ndarray, shapes: Any) -> None:
        self._shape_positions = np.asarray(positions, dtype=np.int64)
        self._geoms = np.asarray(shapes, dtype=object).reshape(-1)
        self._built: shapely.STRtree | None = None
        self._areal = np.isin(shapely.get_type_id(self._geoms), _AREAL)
        large = np.flatnonzero(shapely.get_num_coordinates(self._geoms) >= OUTLINE_FROM)
        self._outlines = {int(i): outline_of(self._geoms[i]) for i in large if detailed(self._geoms[i])}
        self._outlined = np.array(sorted(self._outlines), dtype=np.int64)

    @property
    def _tree(self) -> shapely.STRtree:
        """The shapes' STRtree, built when first asked (the window's first paint asks once it has started drawing
        the layers on worker threads: 100,000 lines' tree took ~25 ms before it). None and empty geometries are
        never returned."""
        if self._built is None:
            self._built = shapely.STRtree(self._geoms)
        return self._built

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def shape_positions(self) -> np.ndarray:
        """The positions (in the ids) of the features indexed by their geometry, not as single points or flat
        lines."""
        return self._shape_positions

    @property
    def line_positions(self) -> np.ndarray:
        """The positions (in the ids) of the features indexed as flat lines."""
        return self._line_positions

    def with_parts(self, shape_positions: np.ndarray, shapes: Any, line_positions: np.ndarray,
                   lines: FlatLines) -> FeatureIndex:
        """This index with its shapes and flat lines replaced (lines densified at rest), its points' grid kept
        (rebuilding a million points' took seconds)."""
        index = FeatureIndex.__new__(FeatureIndex)
        index._ids, index._points = self._ids, self._points
        index._index_shapes(shape_positions, shapes)
        index._index_lines(line_positions, lines)
        return index

    def _line_candidates(self, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
        return self._lines.meeting_boxes(xmin, ymin, xmax, ymax) if len(self._lines) else np.zeros(0, np.int64)

    def pick(self, x: float, y: float, tolerance: float) -> list[Hashable]:
        """Ids under (x, y), best first: points within `tolerance` (nearest first), then lines
        within it (nearest first) — a marker is drawn over the path that starts at it, so it
        wins —, then polygons containing the point (smallest first, so a zone inside a larger
        zone can be reached), then polygons whose outline is within tolerance (nearest first)."""
        found = self._tree.query(box(x - tolerance, y - tolerance, x + tolerance, y + tolerance))
        point_positions, point_distance = self._points.near(x, y, tolerance)
        lines = self._line_candidates(x - tolerance, y - tolerance, x + tolerance, y + tolerance)
        line_distance = shapely.distance(self._lines.linestrings(lines), Point(x, y)) if len(lines) else np.zeros(0)
        near_line = line_distance <= tolerance
        lines, line_distance = self._line_positions[lines[near_line]], line_distance[near_line]
        if not len(found) and not len(point_positions) and not len(lines):
            return []
        geoms = self._geoms[found]
        areal = self._areal[found]
        distance, inside = self._distance_inside(found, geoms, areal, x, y, tolerance)
        near = distance <= tolerance
        found, geoms, areal, distance, inside = found[near], geoms[near], areal[near], distance[near], inside[near]
        size = np.zeros(len(found))
        size[inside] = [self._outlines[i].area if i in self._outlines else shapely.area(self._geoms[i])
                        for i in found[inside]]
        # Sort keys: group (0 point, 1 line, 2 polygon containing, 3 polygon outline nearby),
        # then distance or area within the group, then the order given; lexsort takes its last key as primary.
        is_point = shapely.get_dimensions(geoms) == 0
        group = np.concatenate([np.where(is_point, 0, np.where(~areal, 1, np.where(inside, 2, 3))),
                                np.zeros(len(point_positions), dtype=np.int64), np.ones(len(lines), dtype=np.int64)])
        within = np.concatenate([np.where(inside, size, distance), point_distance, line_distance])
        positions = np.concatenate([self._shape_positions[found], point_positions, lines])
        order = np.lexsort((positions, within, group))
        return [self._ids[i] for i in positions[order]]

    def _distance_inside(self, found: np.ndarray, geoms: np.ndarray, areal: np.ndarray, x: float, y: float,
                         tolerance: float) -> tuple[np.ndarray, np.ndarray]:
        """For the shapes ``found`` (their geometries and whether each is a polygon): the distance from (x, y),
        exact while it is within ``tolerance`` (beyond, any larger number), and whether a polygon contains it."""
        large = np.isin(found, self._outlined)
        distance, inside = np.full(len(found), np.inf), np.zeros(len(found), dtype=bool)
        plain = ~large
        distance[plain] = shapely.distance(geoms[plain], Point(x, y))
        inside[plain] = areal[plain] & shapely.contains_xy(geoms[plain], x, y)
        for k in np.flatnonzero(large):
            outline = self._outlines[int(found[k])]
            inside[k] = outline.contains(x, y)
            distance[k] = 0.0 if inside[k] else outline.distance(x, y, tolerance)
        return distance, inside

    def _meeting(self, candidates: np.ndarray, xmin: float, ymin: float, xmax: float, ymax: float,
                 budget: int | None = None) -> np.ndarray:
        """Which of the shapes ``candidates`` meet the rectangle (boundary included), as GEOS's intersects (within
        ``budget``, see Outline.meets)."""
        meets = np.zeros(len(candidates), dtype=bool)
        large = np.isin(candidates, self._outlined)
        meets[~large] = shapely.intersects(self._geoms[candidates[~large]], box(xmin, ymin, xmax, ymax))
        for k in np.flatnonzero(large):
            meets[k] = self._outlines[int(candidates[k])].meets(xmin, ymin, xmax, ymax, budget)
        return meets

    def count_in_rect(self, xmin: float, ymin: float, xmax: float, ymax: float) -> int:
        """How many features meet the rectangle, cheap enough for every frame, with no list of ids (100,000
        features in view took ~40 ms a frame through `in_rect`). Shapes are tested exactly while at most
        EXACT_COUNT_UP_TO bounding boxes meet it — a launch's path or a warning area has a box over most of the
        map, so counting boxes put the legend over a warning area whose box every corner met —; beyond that,
        their boxes are counted. So is a very detailed outline's when its runs crowd the rectangle (see
        COUNT_SEGMENTS_UP_TO). The answers for the last COUNTS_KEPT rectangles are kept."""
        key = (xmin, ymin, xmax, ymax)
        count = self._counted.get(key)
        if count is None:
            if len(self._counted) >= COUNTS_KEPT:
                self._counted.clear()
            count = self._counted[key] = self._count_in_rect(xmin, ymin, xmax, ymax)
        return count

    def _count_in_rect(self, xmin: float, ymin: float, xmax: float, ymax: float) -> int:
        candidates = self._tree.query(box(xmin, ymin, xmax, ymax))
        lines = self._lines.count_meeting_boxes(xmin, ymin, xmax, ymax) if len(self._lines) else 0
        shapes = len(candidates) + lines
        if shapes <= EXACT_COUNT_UP_TO:
            shapes = int(np.count_nonzero(self._meeting(candidates, xmin, ymin, xmax, ymax, COUNT_SEGMENTS_UP_TO))) \
                + len(self._lines_meeting(self._line_candidates(xmin, ymin, xmax, ymax), xmin, ymin, xmax, ymax))
        return shapes + self._points.count_in_rect(xmin, ymin, xmax, ymax)

    def _lines_meeting(self, candidates: np.ndarray, xmin: float, ymin: float, xmax: float,
                       ymax: float) -> np.ndarray:
        """The positions (in the ids) of the flat lines ``candidates`` that meet the rectangle, as GEOS says."""
        if not len(candidates):
            return np.zeros(0, dtype=np.int64)
        meets = shapely.intersects(self._lines.linestrings(candidates), box(xmin, ymin, xmax, ymax))
        return self._line_positions[candidates[meets]]

    def in_rect(self, xmin: float, ymin: float, xmax: float, ymax: float) -> list[Hashable]:
        """Ids of features intersecting the rectangle, in the order they were given."""
        candidates = self._tree.query(box(xmin, ymin, xmax, ymax))
        shapes = self._shape_positions[candidates[self._meeting(candidates, xmin, ymin, xmax, ymax)]]
        lines = self._lines_meeting(self._line_candidates(xmin, ymin, xmax, ymax), xmin, ymin, xmax, ymax)
        found = np.sort(np.concatenate([shapes, lines, self._points.in_rect(xmin, ymin, xmax, ymax)]))
        return [self._ids[i] for i in found]

    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) of all features, e.g. to zoom to them; NaN when empty."""
        shapes = shapely.total_bounds(self._geoms) if len(self._geoms) else np.full(4, np.nan)
        points, lines = self._points.bounds(), self._lines.total_bounds()
        xmin, ymin = np.fmin(np.fmin(shapes[:2], points[:2]), lines[:2])  # fmin/fmax: NaN (empty) loses to a number
        xmax, ymax = np.fmax(np.fmax(shapes[2:], points[2:]), lines[2:])
        return float(xmin), float(ymin), float(xmax), float(ymax)


def nearest_vertex(geometry: BaseGeometry, projection: MapProjection, lon: float, lat: float,
                   tolerance: float) -> int | None:
    """Index of the vertex of a point, line or polygon (its outer ring) nearest lon/lat on the map, if within
    ``tolerance`` map units; None otherwise."""
    ring = geometry.exterior if geometry.geom_type == "Polygon" else geometry
    if ring.geom_type not in ("Point", "LineString", "LinearRing"):
        return None
    coords = np.asarray(ring.coords)[:, :2]
    x, y = projection.forward(coords[:, 0], coords[:, 1])
    px, py = projection.forward(lon, lat)
    distance = np.hypot(np.asarray(x) - px, np.asarray(y) - py)
    best = int(np.argmin(distance))
    return best if distance[best] <= tolerance else None
