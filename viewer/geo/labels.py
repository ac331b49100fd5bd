"""Label placement without Qt: each label offers candidate boxes (pixels, y down) in its order of preference —
upright, or turned along a path; labels are taken in priority order and each gets its first candidate clear of the
marks, the decorations and the labels already placed; a label with no free candidate is dropped, never stacked.

No maintained library does this outside a plotting stack (adjustText moves matplotlib texts by repulsion, dymo is
unmaintained since 2012, QGIS's PAL needs QGIS), so it is the classic greedy rule of map labelling (Imhof's
positions around a point, priority order), made fast with one bulk STRtree query of every candidate against the
obstacles and a numpy test against the labels placed so far (exact polygon tests only where a turned box's
bounds meet another's).
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from viewer.geo.per_geometry import PerGeometry

Box = tuple[float, float, float, float]  # (left, top, right, bottom) in pixels, y down

# Priorities: lower is placed first. The user's own measurements and range rings come before everything.
# CONTEXT names the features of other files (a CSV of places, a KML's placemarks): after the launches, which the map
# is about, and before the basemap's countries and places, because a file the user opened is their own data and
# more particular than the basemap (a country's name can move about its interior; a point's name has one spot).
MEASUREMENT, RING = -2, -1
SELECTED, SITE, IMPACT, ZONE, PATH, WARNING, CONTEXT, COUNTRY, ISLAND, PLACE, MINOR_PLACE, SEA = range(12)
OBSTACLE_VERTICES = 20_000  # a line with more vertices stands in the labels' way as boxes of runs of them
BESIDE_ONCE_FROM = 20_000  # vertices: an area this large keeps where its label goes beside it (`beside_area`)
_BESIDE: PerGeometry[tuple[tuple[float, float], ...]] = PerGeometry()

# Imhof's order of preference around a point: right, upper right, lower right, left, upper left, lower left,
# above, below (dx, dy are the sides of the box relative to the point).
POINT_POSITIONS = ((1, 0), (1, -1), (1, 1), (-1, 0), (-1, -1), (-1, 1), (0, -1), (0, 1))


@dataclass(frozen=True)
class Turned:
    """A width x height text box turned ``angle`` degrees about its centre (clockwise on screen, y down), as a
    name along a path is; the text reads left to right along (cos angle, sin angle)."""

    cx: float
    cy: float
    width: float
    height: float
    angle: float

    def corners(self) -> np.ndarray:
        """(4, 2): top left, top right, bottom right, bottom left of the text."""
        a = math.radians(self.angle)
        along, up = np.array([math.cos(a), math.sin(a)]), np.array([math.sin(a), -math.cos(a)])
        w, h, c = self.width / 2, self.height / 2, np.array([self.cx, self.cy])
        return np.array([c - along * w + up * h, c + along * w + up * h, c + along * w - up * h,
                         c - along * w - up * h])

    @property
    def bounds(self) -> Box:
        corners = self.corners()
        (left, top), (right, bottom) = corners.min(axis=0), corners.max(axis=0)
        return (float(left), float(top), float(right), float(bottom))

    def moved(self, dx: float, dy: float) -> Turned:
        return Turned(self.cx + dx, self.cy + dy, self.width, self.height, self.angle)


Candidate = Box | Turned


@dataclass(frozen=True)
class LabelSpec:
    """A label to place: what it is (``key``, for the drawing side), its priority and its candidate boxes.
    ``marks``: for each candidate, the box of the dot drawn with it (a place's), or none for every candidate: a
    dot is never drawn under a label placed before it, nor covered by one placed after it."""

    key: Hashable
    priority: int
    candidates: tuple[Candidate, ...]
    marks: tuple[Box, ...] = ()


def bounds_of(candidate: Candidate) -> Box:
    return candidate.bounds if isinstance(candidate, Turned) else candidate


def shape_of(candidate: Candidate) -> shapely.Polygon:
    """The candidate as a polygon: the exact area its text covers."""
    if isinstance(candidate, Turned):
        return shapely.Polygon(candidate.corners())
    return shapely.box(*candidate)


def reference_point(candidate: Candidate) -> tuple[float, float]:
    """The point a placed box keeps beside its map position while the view moves: an upright box's top left, a
    turned box's centre."""
    if isinstance(candidate, Turned):
        return candidate.cx, candidate.cy
    return candidate[0], candidate[1]


def moved_to(candidate: Candidate, x: float, y: float) -> Candidate:
    """The box with its reference point moved to (x, y)."""
    if isinstance(candidate, Turned):
        return candidate.moved(x - candidate.cx, y - candidate.cy)
    left, top, right, bottom = candidate
    return (x, y, x + right - left, y + bottom - top)


def within_outline(candidates: Sequence[Candidate], outline: shapely.Polygon) -> np.ndarray:
    """Which candidates lie wholly inside ``outline`` (a polygon in the same pixels): a label on a globe is drawn
    on the earth's disc, never half off its edge into the page."""
    corners = np.array([c.corners() if isinstance(c, Turned) else
                        ((c[0], c[1]), (c[2], c[1]), (c[2], c[3]), (c[0], c[3])) for c in candidates],
                       dtype=float).reshape(-1, 4, 2)
    return shapely.contains_xy(outline, corners[..., 0], corners[..., 1]).all(axis=1)


def around_point(x: float, y: float, width: float, height: float, gap: float) -> tuple[Box, ...]:
    """Boxes of a width x height text beside a point mark of radius ``gap``, in Imhof's order."""
    boxes = []
    for dx, dy in POINT_POSITIONS:
        left = x + gap if dx > 0 else x - gap - width if dx < 0 else x - width / 2
        top = y - height / 2 if dy == 0 else (y - gap * 0.7 - height if dy < 0 else y + gap * 0.7)
        if dx == 0:
            top = y - gap - height if dy < 0 else y + gap
        boxes.append((left, top, left + width, top + height))
    return tuple(boxes)


def beside_area(geometry: shapely.Geometry) -> tuple[tuple[float, float], ...]:
    """`_beside_area`, made once for as long as a geometry of BESIDE_ONCE_FROM vertices or more lives (and ahead, on
    the worker that densifies it: a densified million-spike star's took ~0.1 s, which held the event loop)."""
    if shapely.get_num_coordinates(geometry) >= BESIDE_ONCE_FROM:
        return _BESIDE.of(geometry, _beside_area)
    return _beside_area(geometry)


def _beside_area(geometry: shapely.Geometry) -> tuple[tuple[float, float], ...]:
    """Where an area's label goes beside it (map units, y up): the points east, west, north and south where a row
    and a column through a point inside its largest part cross that part's outline — so the label beside one
    touches the area. A diagonal area's bounding box stands far from its outline: the J-Alert envelope's label,
    put beside the box's east side, sat off the area among other places' names."""
    largest = geometry
    if geometry.geom_type != "Polygon":
        largest = max(shapely.get_parts(geometry), key=lambda p: p.area)
    inside = largest.representative_point()  # inside even a crescent, where the centre of its box is not
    px, py = inside.x, inside.y
    # The outermost crossings lie on the exterior ring; found with numpy (shapely's intersection of a line with
    # the area cost ~60 µs an area: 10,000 named areas took over a second).
    ring = shapely.get_coordinates(largest.exterior)
    x0, y0, dx, dy = ring[:-1, 0], ring[:-1, 1], np.diff(ring[:, 0]), np.diff(ring[:, 1])
    with np.errstate(divide="ignore", invalid="ignore"):
        along_row, along_column = (py - y0) / dy, (px - x0) / dx
    row = x0 + along_row * dx
    column = y0 + along_column * dy
    row = row[(along_row >= 0) & (along_row <= 1)]
    column = column[(along_column >= 0) & (along_column <= 1)]
    west, east = (row.min(), row.max()) if len(row) else (ring[:, 0].min(), ring[:, 0].max())
    south, north = (column.min(), column.max()) if len(column) else (ring[:, 1].min(), ring[:, 1].max())
    return ((float(east), py), (float(west), py), (px, float(north)), (px, float(south)))


def centred(x: float, y: float, width: float, height: float) -> Box:
    return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def place(labels: Sequence[LabelSpec], obstacles: Sequence[Box] | np.ndarray, bounds: Box) -> list[tuple[int, int]]:
    """(label index, candidate index) of each placed label, in placing order. A candidate must lie inside
    ``bounds`` and touch no obstacle and no label placed before it."""
    order = sorted(range(len(labels)), key=lambda i: labels[i].priority)
    owner, which, boxes, turned, dots = [], [], [], [], []
    for i in order:
        for j, candidate in enumerate(labels[i].candidates):
            owner.append(i)
            which.append(j)
            boxes.append(bounds_of(candidate))
            turned.append(isinstance(candidate, Turned))
            dots.append(labels[i].marks[j] if labels[i].marks else None)
    if not boxes:
        return []
    candidates = np.asarray(boxes, dtype=float)
    inside = ((candidates[:, 0] >= bounds[0]) & (candidates[:, 1] >= bounds[1])
              & (candidates[:, 2] <= bounds[2]) & (candidates[:, 3] <= bounds[3]))
    free = inside & np.isfinite(candidates).all(axis=1)
    shapes = shapely.box(*candidates.T)
    is_turned = np.asarray(turned, dtype=bool)
    for k in np.flatnonzero(is_turned & free):  # a turned box is tested as what it covers, not its bounds
        shapes[k] = shape_of(labels[owner[k]].candidates[which[k]])
    if len(obstacles):
        tree = shapely.STRtree(shapely.box(*np.asarray(obstacles, dtype=float).T))
        hit, _ = tree.query(shapes[free], predicate="intersects")
        free[np.flatnonzero(free)[hit]] = False
    placed: list[tuple[int, int]] = []
    taken = np.empty((0, 4))
    taken_turned: list[bool] = []
    taken_shapes: list[shapely.Polygon] = []
    dot_boxes = np.empty((0, 4))
    done: set[int] = set()
    for k in np.flatnonzero(free):
        label = owner[k]
        if label in done:
            continue
        if _meets_taken(candidates[k], turned[k], shapes[k], taken, taken_turned, taken_shapes):
            continue
        # A dot is kept clear of every text, before or after it; two dots may meet (two names of one spot: a
        # measurement ending at a place).
        dot = dots[k]
        if dot is not None and _meets_taken(dot, False, None, taken, taken_turned, taken_shapes):
            continue
        if len(dot_boxes) and _meets_taken(candidates[k], turned[k], shapes[k], dot_boxes, [False] * len(dot_boxes),
                                           []):
            continue
        taken = np.vstack([taken, candidates[k]])
        taken_turned.append(turned[k])
        taken_shapes.append(shapes[k])
        if dot is not None:
            dot_boxes = np.vstack([dot_boxes, dot])
        placed.append((label, which[k]))
        done.add(label)
    return placed


def _meets_taken(box: Sequence[float], is_turned: bool, shape: shapely.Polygon | None, taken: np.ndarray,
                 taken_turned: list[bool], taken_shapes: list[shapely.Polygon]) -> bool:
    """Whether a box (a turned one tested as the ``shape`` it covers) meets any box taken so far."""
    if not len(taken):
        return False
    left, top, right, bottom = box
    near = np.flatnonzero((taken[:, 0] < right) & (taken[:, 2] > left) & (taken[:, 1] < bottom) & (taken[:, 3] > top))
    if not len(near):
        return False
    if not is_turned and not any(taken_turned[n] for n in near):
        return True
    shape = shape if shape is not None else shapely.box(*box)
    return any(shapely.intersects(shape, taken_shapes[n] if taken_turned[n] else shapely.box(*taken[n]))
               for n in near)


def overlapping(a: Candidate, b: Candidate) -> bool:
    """Whether two placed labels cover any common area (touching edges do not count)."""
    return bool(shapely.intersection(shape_of(a), shape_of(b)).area > 1e-6)


def along_line(x: np.ndarray, y: np.ndarray, width: float, height: float, gap: float,
               limit: int = 24, within: Box | None = None) -> tuple[Turned, ...]:
    """Boxes for a name along a drawn line (pixels, NaN-separated parts): turned to follow a stretch of it that is
    straight enough for the text, ``gap`` beside it (above, then below), upright (never upside down). The stretch
    nearest 45 % of the way along comes first, then at most ``limit`` others from all along it; a line too short or
    too bent for the text offers none. ``within``
    (the image's box): only boxes wholly inside it count towards ``limit`` — zoomed in, the stretches nearest 45 %
    of a long path lie outside the image."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    found: list[tuple[float, Turned]] = []
    finite = np.isfinite(x) & np.isfinite(y)
    breaks = np.flatnonzero(np.diff(np.concatenate([[0], finite.astype(int), [0]])))
    for start, end in zip(breaks[::2], breaks[1::2], strict=True):
        px, py = x[start:end], y[start:end]
        if len(px) < 2:
            continue
        along = np.concatenate([[0.0], np.cumsum(np.hypot(np.diff(px), np.diff(py)))])
        total = float(along[-1])
        if total < width + 2 * height:
            continue
        step = max(width / 4, 4.0)
        centres = np.arange(width / 2 + height, total - width / 2 - height + 1e-9, step)
        if within is not None:  # zoomed far in, a long path has thousands of stretches off the image
            cx, cy, near = np.interp(centres, along, px), np.interp(centres, along, py), width + gap + height
            centres = centres[(cx > within[0] - near) & (cx < within[2] + near)
                              & (cy > within[1] - near) & (cy < within[3] + near)]
        for centre in centres:
            samples = np.linspace(centre - width / 2, centre + width / 2, 9)
            sx, sy = np.interp(samples, along, px), np.interp(samples, along, py)
            dx, dy = sx[-1] - sx[0], sy[-1] - sy[0]
            chord = math.hypot(dx, dy)
            if chord < width * 0.9:
                continue
            # how far the line strays from the straight text: at most a third of the text's height
            strays = np.abs((sx - sx[0]) * dy - (sy - sy[0]) * dx) / chord
            bend = float(strays.max())
            if bend > height / 3:
                continue
            angle = math.degrees(math.atan2(dy, dx))
            if angle > 90:
                angle -= 180
            elif angle <= -90:
                angle += 180
            a = math.radians(angle)
            ux, uy = math.sin(a), -math.cos(a)  # the text's up, on screen
            mx, my = (sx[0] + sx[-1]) / 2, (sy[0] + sy[-1]) / 2
            reach = gap + bend + height / 2
            preference = abs(centre / total - 0.45)
            found.append((preference, Turned(mx + ux * reach, my + uy * reach, width, height, angle)))
            found.append((preference + 1e-6, Turned(mx - ux * reach, my - uy * reach, width, height, angle)))
    if within is not None:
        found = [(p, t) for p, t in found if _inside(t.bounds, within)]
    found.sort(key=lambda item: item[0])
    if len(found) > limit:
        # the best and then others spread over the whole line, not the next best: those all lie in one stretch,
        # which another launch's path running alongside could block everywhere (the Okinawa zoom lost two names)
        # (positions rising, each once; not np.unique, whose first call imports numpy.ma: 30-40 ms of a start)
        spread = dict.fromkeys(np.round(np.linspace(0, len(found) - 1, limit)).astype(int).tolist())
        found = [found[i] for i in spread]
    return tuple(t for _, t in found)


def _inside(box: Box, bounds: Box) -> bool:
    return bounds[0] <= box[0] and bounds[1] <= box[1] and box[2] <= bounds[2] and box[3] <= bounds[3]


def segment_boxes(x: np.ndarray, y: np.ndarray, half_width: float) -> np.ndarray:
    """Bounding boxes (n x 4) of the segments of NaN-separated polylines, each widened by ``half_width``: the
    obstacles a drawn line makes. Long segments are split so their boxes hug the line."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(x) < 2:
        return np.empty((0, 4))
    x0, y0, x1, y1 = x[:-1], y[:-1], x[1:], y[1:]
    ok = np.isfinite(x0) & np.isfinite(y0) & np.isfinite(x1) & np.isfinite(y1)
    x0, y0, x1, y1 = x0[ok], y0[ok], x1[ok], y1[ok]
    length = np.hypot(x1 - x0, y1 - y0)
    pieces = np.clip(np.ceil(length / max(4 * half_width, 6.0)), 1, 200).astype(int)
    count = np.repeat(pieces, pieces).astype(float)
    within = np.arange(int(pieces.sum())) - np.repeat(np.cumsum(pieces) - pieces, pieces)  # 0..n-1 per segment
    t0, t1 = within / count, (within + 1) / count
    rx0, ry0 = np.repeat(x0, pieces), np.repeat(y0, pieces)
    dx, dy = np.repeat(x1 - x0, pieces), np.repeat(y1 - y0, pieces)
    ax, ay, bx, by = rx0 + dx * t0, ry0 + dy * t0, rx0 + dx * t1, ry0 + dy * t1
    return np.column_stack([np.minimum(ax, bx) - half_width, np.minimum(ay, by) - half_width,
                            np.maximum(ax, bx) + half_width, np.maximum(ay, by) + half_width])


def run_boxes(x: np.ndarray, y: np.ndarray, half_width: float, runs: int = OBSTACLE_VERTICES // 10) -> np.ndarray:
    """Bounding boxes (n x 4) of about ``runs`` runs of consecutive vertices of a huge polyline (each run shares its
    last vertex with the next, so every segment is covered), widened by ``half_width``: coarser obstacles than one
    box per segment, never smaller, and a bounded number of them (a million-vertex outline)."""
    finite = np.isfinite(x) & np.isfinite(y)
    x, y = x[finite], y[finite]
    if len(x) < 2:
        return np.empty((0, 4))
    size = max(2, -(-len(x) // runs))
    starts = np.arange(0, len(x) - 1, size - 1)
    with np.errstate(invalid="ignore"):
        boxes = [np.minimum.reduceat(x, starts), np.minimum.reduceat(y, starts),
                 np.maximum.reduceat(x, starts), np.maximum.reduceat(y, starts)]
    # reduceat ends each run where the next starts; the shared vertex joins them
    shared = np.minimum(starts[1:], len(x) - 1)
    boxes[0][:-1] = np.minimum(boxes[0][:-1], x[shared])
    boxes[1][:-1] = np.minimum(boxes[1][:-1], y[shared])
    boxes[2][:-1] = np.maximum(boxes[2][:-1], x[shared])
    boxes[3][:-1] = np.maximum(boxes[3][:-1], y[shared])
    return np.column_stack(boxes) + np.array([-half_width, -half_width, half_width, half_width])


# -- what a feature's label says ---------------------------------------------------------------------
_ZONE = re.compile(r"^danger zone\s+(\w+)\s*\(([^,)]+)", re.IGNORECASE)


def short_label(kind: str, label: str) -> str:
    """The few words a map label needs: 'Danger zone 2 (fairing, W of Jeju)' → 'Zone 2 (fairing)',
    '4th object fall (~2,000 km S of Japan)' → '4th object fall', 'Sohae, original gantry pad' → 'Sohae'."""
    label = " ".join(label.split())
    if kind == "danger_zone" and (match := _ZONE.match(label)):
        return f"Zone {match[1]} ({match[2].strip()})"
    if kind == "launch_site":
        return label.split(",")[0].split(" (")[0].strip()
    return label.split(" (")[0].strip()


def country_points(names: Sequence[str], geometries: Sequence[object]) -> list[tuple[str, float, float, float]]:
    """(name, lon, lat, area in km²) per country: the point deepest inside its largest part (the pole of
    inaccessibility, where a name sits best), for the name drawn in the country's interior."""
    from shapely.ops import polylabel

    found = []
    for name, geometry in zip(names, geometries, strict=True):
        if geometry is None or geometry.is_empty:  # type: ignore[attr-defined]
            continue
        parts = shapely.get_parts(geometry)
        largest = max(parts, key=lambda p: p.area)
        point = polylabel(largest, tolerance=0.05)
        km2 = float(sum(p.area for p in parts)) * 111.32 ** 2 * math.cos(math.radians(point.y))
        found.append((name, float(point.x), float(point.y), km2))
    return found
