"""What each feature kind draws: areas, lines with direction arrows, point symbols and annotations, built from the
features as strokes and symbols (the screen's visuals and the headless export draw them alike)."""

from __future__ import annotations

import operator
from collections import defaultdict

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.geo.drawable import to_xy_arrays
from viewer.geo.projected import ProjectedFeatures
from viewer.model.edits import DRAFT_PROPERTY
from viewer.model.feature import Feature
from viewer.model.kinds import kind_style
from viewer.qt.draw.paths import Stroke, xy_stroke
from viewer.qt.draw.symbols import Symbols
from viewer.symbology import (
    APPROXIMATE_DASH,
    APPROXIMATE_WIDTH,
    CERTAINTY_ALPHA,
    DRAFT_COLOUR,
    DRAFT_DASH,
    NO_EVENT_COLOUR,
)

CASING_MAX_LINES = 200
UNION_UP_TO_VERTICES = 50_000  # areas: bigger ones are filled as given, not repaired and merged (see _union)
ARROW_FRACTIONS = (0.3, 0.6, 0.9)
CASING = 1.3  # how much wider a path is drawn for each later launch's path running along it
ALONG_FRACTION = 0.5  # two paths "run along" each other when half of one lies within NEAR of the other
NEAR = 15_000.0  # metres (map units of every preset); a few pixels at the regional scale


class Shown:
    """What a visual was last asked to show: `refresh()` asks again with the same features before every
    exported image and on every visibility change, and rebuilding paths for thousands costs seconds.

    Compact for a million features: the list of features as given, their geometries, and a small code per feature
    for its look (event, certainty, draft) in a table of the looks met (a tuple per feature took ~90 bytes)."""

    def __init__(self, kind: str, features: list[Feature], cache: ProjectedFeatures, colours: dict[str, str]):
        self.kind, self.cache, self.colours = kind, cache, dict(colours)
        self.features = tuple(features)  # a copy costs nothing kept: the caller's list is dropped after the call
        self.geometries = [f.geometry for f in features]  # features are mutable: a new geometry is a change
        table: dict[tuple[str | None, str, bool], int] = {}
        self.codes = np.fromiter((table.setdefault((f.event, f.certainty, is_draft(f)), len(table))
                                  for f in features), dtype=np.int32, count=len(features))
        self.looks = list(table)  # the look of each code, in the order first met

    def same_as(self, other: Shown | None) -> bool:
        return (other is not None and other.kind == self.kind and other.cache is self.cache
                and other.colours == self.colours and len(other.features) == len(self.features)
                and other.looks == self.looks and np.array_equal(other.codes, self.codes)
                and all(map(operator.is_, other.features, self.features))
                and all(map(operator.is_, other.geometries, self.geometries)))


def unchanged(visual, kind: str, features: list[Feature], cache: ProjectedFeatures, colours: dict[str, str]) -> bool:
    """True if the visual already shows exactly this; otherwise remembers it as what it will show."""
    shown = Shown(kind, features, cache, colours)
    if shown.same_as(visual.shown):
        return True
    visual.shown = shown
    return False


def is_draft(feature: Feature) -> bool:
    return bool(feature.value(DRAFT_PROPERTY))


def _group(features: list[Feature], colours: dict[str, str]) -> dict[tuple[str, str, bool], list[Feature]]:
    """Features that look alike (same event colour, certainty and draft state) share one path."""
    groups: dict[tuple[str, str, bool], list[Feature]] = defaultdict(list)
    for feature in features:
        colour = colours.get(feature.event or feature.layer or "", NO_EVENT_COLOUR)
        groups[(colour, feature.certainty, is_draft(feature))].append(feature)
    return groups


def area_strokes(kind: str, features: list[Feature], cache: ProjectedFeatures, colours: dict[str, str]) -> list[Stroke]:
    """Danger zones and warning areas: translucent fill in the event's colour, dashed outline."""
    style = kind_style(kind)
    strokes = []
    filled = None  # what earlier groups filled: overlapping areas are filled once, never darkened by stacking
    for (colour, certainty, draft), members in _group(features, colours).items():
        shapes = [g for f in members if (g := cache.densified(f)) is not None and not g.is_empty]
        x, y = to_xy_arrays(shapes, cache.projection)
        approximate = certainty == "approximate"
        fill = _union(shapes)
        if fill is not None and filled is not None and _small(fill, filled):
            fill = fill.difference(filled)
        if fill is not None and not fill.is_empty:
            fx, fy = to_xy_arrays([fill], cache.projection)
            strokes.append(xy_stroke(fx, fy, colour, 0, fill=colour,
                                     fill_alpha=style.fill_alpha // (2 if approximate else 1)))
            filled = fill if filled is None else filled.union(fill) if _small(fill, filled) else filled
        # The kind's own outline (dashed zone, dotted warning area) whatever the certainty, as the legend
        # shows it: approximate is a thinner outline and a lighter fill, not another dash.
        strokes.append(xy_stroke(x, y, colour, style.line_width * (APPROXIMATE_WIDTH if approximate else 1.0),
                                 dash=style.dash, alpha=CERTAINTY_ALPHA.get(certainty, 255)))
        if draft:
            strokes.append(xy_stroke(x, y, DRAFT_COLOUR, style.line_width + 0.8, dash=DRAFT_DASH))
    return strokes


def _union(shapes: list[BaseGeometry]) -> BaseGeometry | None:
    """The areas as one valid geometry, filled once where they overlap. Areas of more than UNION_UP_TO_VERTICES
    are filled as given (even-odd where they cross themselves): GEOS's repair of a self-intersecting million-vertex
    ring runs for minutes."""
    areas = [g for g in shapes if g.geom_type in ("Polygon", "MultiPolygon")]
    if not areas:
        return None
    if not _small(*areas):
        return shapely.GeometryCollection(areas)
    try:
        return shapely.union_all(shapely.make_valid(np.asarray(areas, dtype=object)))
    except shapely.errors.GEOSException:
        return None


def _small(*geometries: BaseGeometry) -> bool:
    return int(sum(shapely.get_num_coordinates(g) for g in geometries)) <= UNION_UP_TO_VERTICES


def line_strokes(kind: str, features: list[Feature], cache: ProjectedFeatures,
                 colours: dict[str, str]) -> tuple[list[Stroke], list[Symbols]]:
    """Flight paths (with arrows showing the direction of flight) and overflight segments."""
    style = kind_style(kind)
    strokes, arrows = [], []
    groups = _group(features, colours)
    casing = _casings([[cache.projected(f) for f in members] for members in groups.values()])
    for ((colour, certainty, draft), members), under in zip(groups.items(), casing, strict=True):
        x, y = to_xy_arrays([cache.densified(f) for f in members], cache.projection)
        approximate = certainty == "approximate"
        alpha = style.fill_alpha or CERTAINTY_ALPHA.get(certainty, 255)
        thinner = approximate and not style.fill_alpha  # a band (overflight) keeps its width
        # A launch whose path runs where a later launch's runs is drawn wider beneath it, as a casing: both
        # colours show side by side instead of the later one hiding the earlier.
        width = style.line_width * (APPROXIMATE_WIDTH if thinner else 1.0) * (1 + CASING * under)
        strokes.append(xy_stroke(x, y, colour, width, dash=APPROXIMATE_DASH if thinner else (), alpha=alpha))
        if draft:
            strokes.append(xy_stroke(x, y, DRAFT_COLOUR, 1.6, dash=DRAFT_DASH))
        if style.arrows:
            ax, ay, angles = arrow_marks([cache.projected(f) for f in members])
            arrows.append(Symbols(ax, ay, "arrow", style.line_width * 5, colour, angles=angles,
                                  alpha=CERTAINTY_ALPHA.get(certainty, 255)))
    return strokes, arrows


def point_symbols(kind: str, features: list[Feature], cache: ProjectedFeatures,
                  colours: dict[str, str]) -> list[Symbols]:
    """Launch sites, impact points and reference places as symbols of a fixed screen size."""
    style = kind_style(kind)
    groups = []
    for (colour, certainty, draft), members in _group(features, colours).items():
        xy = cache.positions(members)
        xy = xy[~np.isnan(xy).any(axis=1)]
        if len(xy):
            # Symbols stay opaque (a faded marker reads as another colour where sites overlap);
            # approximate positions get a dashed dark outline instead.
            approximate = certainty == "approximate"
            outline, dash, width = ("#333333", APPROXIMATE_DASH, 1.2) if approximate else ("#FFFFFF", (), 1.2)
            if draft:
                outline, dash, width = DRAFT_COLOUR, DRAFT_DASH, 2.2
            groups.append(Symbols(np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1]), style.symbol,
                                  style.symbol_size, colour, outline=outline, outline_width=width, outline_dash=dash))
    return groups


def _casings(lines: list[list[BaseGeometry | None]]) -> list[int]:
    """For each group of lines (in drawing order), how many later groups run along it. Launches' paths only: with
    more than CASING_MAX_LINES lines (a user's bulk layer) none is cased (buffering 20,000 lines took 16 s)."""
    if sum(len(group) for group in lines) > CASING_MAX_LINES:
        return [0] * len(lines)
    merged = [shapely.union_all([g for g in group if g is not None and not g.is_empty]) if any(
        g is not None for g in group) else None for group in lines]
    counts = [0] * len(merged)
    for i, lower in enumerate(merged):
        if lower is None or lower.is_empty or lower.length == 0:
            continue
        for upper in merged[i + 1:]:
            if upper is None or upper.is_empty:
                continue
            shared = lower.intersection(upper.buffer(NEAR, quad_segs=2)).length
            if shared >= ALONG_FRACTION * min(lower.length, upper.length) or shared > 20 * NEAR:
                counts[i] += 1
    return counts


def arrow_marks(lines: list[BaseGeometry | None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions and directions (degrees counter-clockwise from +x, map axes) along projected lines (all lines
    at once: one shapely call per step, not per line, for catalogues of tens of thousands)."""
    geometries = np.array([g for g in lines if g is not None], dtype=object)
    parts = shapely.get_parts(geometries) if len(geometries) else np.empty(0, dtype=object)
    parts = parts[(shapely.get_type_id(parts) == 1) & (shapely.length(parts) > 0)] if len(parts) else parts
    if not len(parts):
        return np.empty(0), np.empty(0), np.empty(0)
    fractions = np.array(ARROW_FRACTIONS)
    each = np.repeat(parts, len(fractions))
    at = np.tile(fractions, len(parts))
    here = shapely.get_coordinates(shapely.line_interpolate_point(each, at, normalized=True))
    ahead = shapely.get_coordinates(shapely.line_interpolate_point(each, np.minimum(1.0, at + 0.01), normalized=True))
    behind = shapely.get_coordinates(shapely.line_interpolate_point(each, np.maximum(0.0, at - 0.01),
                                                                    normalized=True))
    angles = np.degrees(np.arctan2(ahead[:, 1] - behind[:, 1], ahead[:, 0] - behind[:, 0]))
    return here[:, 0].astype(float), here[:, 1].astype(float), angles.astype(float)
