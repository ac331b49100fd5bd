"""What each feature kind draws: areas and lines with direction arrows, built from the features as strokes and
symbols (the screen's visuals and the headless export draw them alike); point symbols in `point_symbols`."""

from __future__ import annotations

import copy
import functools
import operator
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.geo.area_detail import DRAWN_ONCE_FROM, drawn_xy
from viewer.geo.drawable import to_xy_arrays
from viewer.geo.key_rows import keys_of
from viewer.geo.projected import ProjectedFeatures, geometries_of
from viewer.model.edits import DRAFT_PROPERTY
from viewer.model.feature import Feature
from viewer.model.feature_paint import Paint, paint_of
from viewer.model.feature_table import Coded, FeatureTable, columns_of, combined, same_features
from viewer.model.kinds import kind_style
from viewer.model.table_parts import joined_codes, pieces
from viewer.qt.draw.paths import Stroke, xy_stroke
from viewer.qt.draw.symbols import Symbols
from viewer.qt.draw.tiles import REPAIR_UP_TO_VERTICES
from viewer.symbology import (
    APPROXIMATE_DASH,
    APPROXIMATE_WIDTH,
    CERTAINTY_ALPHA,
    DRAFT_COLOUR,
    DRAFT_DASH,
    NO_EVENT_COLOUR,
    chosen_layers,
)

CASING_MAX_LINES = 200
UNION_UP_TO_VERTICES = 20_000  # areas: bigger ones are filled as given, not repaired and merged (see _union)
ARROW_FRACTIONS = (0.3, 0.6, 0.9)
_AREAS = (3, 6)  # Polygon, MultiPolygon
TABLE_ABOVE = 2_000  # features: more are read as a FeatureTable (see looks_of)
ARROWS_UP_TO = 500  # lines of one look: more are a catalogue, drawn without arrows (see line_strokes)
CASING = 1.3  # how much wider a path is drawn for each later launch's path running along it
ALONG_FRACTION = 0.5  # two paths "run along" each other when half of one lies within NEAR of the other
NEAR = 15_000.0  # metres (map units of every preset); a few pixels at the regional scale
Look = tuple[str, str, bool, Paint | None]  # colour (or its key), certainty, draft, the feature's own paint


class Shown:
    """What a visual was last asked to show: `refresh()` asks again with the same features before every
    exported image and on every visibility change, and rebuilding paths for thousands costs seconds.

    Compact for a million features: the features as rows of their bundle's table (the table and row numbers, as the
    canvas passes them: no list of a million kept) or else as given, their geometries, and a small code per feature
    for its look (colour key, certainty, draft) in a table of the looks met (a tuple per feature took ~90 bytes).
    The drawing made from it reads its groups and its features' rows in the projected cache from it too."""

    def __init__(self, kind: str, features: list[Feature], cache: ProjectedFeatures, colours: dict[str, str]):
        self.kind, self.cache = kind, cache
        found = columns_of(features)
        self.in_table = found  # (table, row numbers), or None
        # a copy costs nothing kept: the caller's list is dropped after the call
        self._given = tuple(features) if found is None else None
        # features are mutable: a new geometry is a change
        self.geometries = geometries_of(features)
        self.codes, self.looks = looks_of(features)
        # the colours of its looks only: a file opened beside gives its own layer a colour, which changes no drawing
        # here (a 400,000-line layer was drawn again for it)
        keys = {look[0] for look in self.looks}
        self.colours = {key: colours[key] for key in keys if key in colours}
        self.chosen = chosen_layers(colours) & keys  # a colour the user chose for a layer wins over its own paint
        # the lines' and areas' drawing changes when the cache takes their densified geometry (drawn straight, or from
        # a stand-in, until then)
        self.version = cache.version if kind_style(kind).geometry in ("line", "area") else 0

    @property
    def features(self) -> Sequence[Feature]:
        """The features shown, in order (an object array of the table's when they are rows of one)."""
        if self._given is not None:
            return self._given
        assert self.in_table is not None
        table, rows = self.in_table
        return table.features[rows]

    def __len__(self) -> int:
        return len(self.geometries)

    def same_as(self, other: Shown | None) -> bool:
        if not (other is not None and other.kind == self.kind and other.cache is self.cache
                and other.version == self.version and other.colours == self.colours and other.chosen == self.chosen
                and len(other) == len(self)
                and other.looks == self.looks and np.array_equal(other.codes, self.codes)):
            return False
        if self.in_table is not None and other.in_table is not None and other.in_table[0] is self.in_table[0]:
            # The same current table (a change to its features makes the bundle a new one): the same features, and
            # their geometries are its column, so equal rows are the same drawing.
            return np.array_equal(other.in_table[1], self.in_table[1])
        same = same_features(other.features, self.features)  # a plain layer's rows: told without making them
        return (same if same is not None else all(map(operator.is_, other.features, self.features))) \
            and all(map(operator.is_, other.geometries, self.geometries))

    def at_current_version(self) -> Shown:
        """The same lines at the cache's version now (it took lines densified at rest since), made from this one: no
        pass over the visible features. Their rows stay theirs."""
        again = copy.copy(self)
        again.version = self.cache.version
        return again

    @functools.cached_property
    def rows(self) -> np.ndarray:
        """Each feature's row in the projected cache (-1: no geometry)."""
        return self.cache.rows_of_geometries(self.geometries)

    @functools.cached_property
    def keys(self) -> np.ndarray:
        """Its geometries' keys (`keys_of`): told once, a drawing of these features and others after them compares
        them with its own (a million read again at each file opened beside them)."""
        return keys_of(self.geometries)

    def group_codes(self) -> tuple[list[Look], np.ndarray]:
        """The looks drawn alike (same colour, certainty, draft state and own paint), in the order first met, and
        each feature's among them: made once (the drawing of the features shown after these reads them again)."""
        found = self.__dict__.get("_group_codes")
        if found is None:
            found = self.__dict__["_group_codes"] = self._group_codes()
        return found

    def _group_codes(self) -> tuple[list[Look], np.ndarray]:
        colour_of = [self.colours.get(look[0], NO_EVENT_COLOUR) for look in self.looks]
        group_of: dict[Look, int] = {}
        chosen = self.chosen
        remap = np.array([group_of.setdefault((colour, certainty, draft, None if key in chosen else paint),
                                              len(group_of))
                          for colour, (key, certainty, draft, paint) in zip(colour_of, self.looks, strict=True)],
                         dtype=np.int32)
        grouped = remap[self.codes] if len(remap) else np.zeros(0, dtype=np.int32)
        grouped.flags.writeable = False  # kept (`group_codes`)
        return list(group_of), grouped

    def groups(self) -> dict[Look, np.ndarray]:
        """The positions of the features that look alike (same colour, certainty, draft state and own paint: they
        share one path), by look, in the order first met: other files' looks first, then the launches' (drawn over
        them)."""
        keys, grouped = self.group_codes()
        if not keys:
            return {}
        group_of = {key: number for number, key in enumerate(keys)}
        if len(group_of) == 1:
            return {next(iter(group_of)): np.arange(len(grouped))}
        order = np.argsort(grouped, kind="stable")
        bounds = np.searchsorted(grouped[order], np.arange(len(group_of) + 1))
        groups = {look: order[bounds[g]:bounds[g + 1]] for look, g in group_of.items()}
        # a launch's features are drawn over other files' of the same kind (its looks' first features name a launch)
        return dict(sorted(groups.items(), key=lambda item: bool(self.features[item[1][0]].event)))


def looks_of(features: list[Feature]) -> tuple[np.ndarray, list[Look]]:
    """Each feature's look as a code into the looks met (colour key: its launch, else its layer, else ''; certainty;
    draft state; its own paint, `paint_of`: a KML's styles), in the order first met. Many features are read as a
    `FeatureTable` (a plain layer's cells coded whole, not feature by feature; their paints read once per table)."""
    if len(features) <= TABLE_ABOVE:
        table: dict[Look, int] = {}
        codes = np.fromiter((table.setdefault((f.event or f.layer or "", f.certainty, is_draft(f), paint_of(f.value)),
                                              len(table)) for f in features), dtype=np.int32, count=len(features))
        return codes, list(table)
    found = columns_of(features)  # the visible features' rows of their bundle's table, as the canvas passes them
    if found is None:
        whole = FeatureTable.of(features)
        return _looks_in(whole, np.arange(len(whole)))
    return _looks_in(*found)


def _looks_in(table: FeatureTable, rows: np.ndarray) -> tuple[np.ndarray, list[Look]]:
    """`looks_of` the table's ``rows``, from its columns: of each file's table, the looks of all its rows kept with it
    (`table_parts`), joined (coded over a million rows again at each file opened beside them, ~25-90 ms)."""
    return joined_codes(pieces(table, rows, "looks", _looks_of_rows))


def _looks_of_rows(table: FeatureTable, rows: np.ndarray) -> tuple[np.ndarray, list[Look]]:
    """`looks_of` the table's ``rows``, from its columns, worked out over them."""
    columns = [Coded(column.values, column.codes[rows])
               for column in (table.event, table.layer, table.certainty, table.paints())]
    coded = combined([*columns, Coded([False, True], table.draft[rows].astype(np.int32))])
    codes, values = coded.codes, coded.values
    looks: dict[Look, int] = {}
    remap = np.array([looks.setdefault((event or layer or "", certainty, bool(draft), paint), len(looks))
                      for event, layer, certainty, paint, draft in values], dtype=np.int32)
    codes = remap[codes] if len(values) else codes
    codes.flags.writeable = False  # kept with the table (`pieces`), shared by every drawing of its rows
    return codes, list(looks)


def changed(visual, kind: str, features: list[Feature], cache: ProjectedFeatures,
            colours: dict[str, str]) -> Shown | None:
    """None if the visual already shows exactly this; otherwise what it will show (remembered as
    ``visual.shown``), which its drawing is made from."""
    shown = Shown(kind, features, cache, colours)
    if shown.same_as(visual.shown):
        return None
    visual.shown = shown
    return shown


def is_draft(feature: Feature) -> bool:
    return bool(feature.value(DRAFT_PROPERTY))


def area_strokes(shown: Shown) -> list[Stroke]:
    """Danger zones and warning areas: translucent fill in the event's colour, dashed outline."""
    style = kind_style(shown.kind)
    cache = shown.cache
    strokes = []
    filled = None  # what earlier groups filled: overlapping areas are filled once, never darkened by stacking
    filled_as_given = False  # an earlier group was too large to merge: later ones are not cut by it either
    for (colour, certainty, draft, paint), members in shown.groups().items():
        dense = cache.dense_of(shown.rows[members])
        there = ~shapely.is_missing(dense) & ~shapely.is_empty(dense)
        shapes = dense[there]
        projected = cache.shapes_of(shown.rows[members])[there]
        x, y = _outline_xy(shapes, projected, cache.projection)
        approximate = certainty == "approximate"
        areal = np.isin(shapely.get_type_id(shapes), _AREAS)
        fill_alpha = style.fill_alpha // (2 if approximate else 1)
        fill_colour, outline, width = colour, colour, style.line_width * (APPROXIMATE_WIDTH if approximate else 1.0)
        outline_alpha = CERTAINTY_ALPHA.get(certainty, 255)
        if paint is not None:  # the file's own look (a KML's PolyStyle and LineStyle) over the layer's
            fill_colour, outline = paint.fill or colour, paint.stroke or colour
            fill_alpha = fill_alpha if paint.fill_alpha is None else paint.fill_alpha
            width = width if paint.width is None else paint.width
            outline_alpha = min(outline_alpha, paint.stroke_alpha)
        # A stand-in (`new_rows.stand_in`: an area too large to densify on opening) is filled as its densified area
        # will be: as given, whatever its own size, so the fill does not change when the densified one is taken.
        # Drawn by the size of the areas as given (Stroke.stands_for), whatever copy of them is drawn: a stand-in
        # (a million-spike star's, outlined with the kind's wide dotted pen, held a render job, and with it the GIL,
        # for seconds), the screen's densified whole or an export's at its pixel size (which kept the wide pen
        # where the screen's drew 1 px).
        stand_in = cache.pending_of(shown.rows[members])[there]
        stands_for = int(shapely.get_num_coordinates(shown.geometries[members][there]).sum())
        if areal.any() and (stand_in[areal].any() or not _mergeable(shapes[areal])):
            # areas too large to merge or to repair are filled as given (even-odd where they cross themselves):
            # from the outline's own arrays, made once (a million-spike star's took ~0.35 s on the GUI thread)
            fx, fy = (x, y) if areal.all() else _outline_xy(shapes[areal], projected[areal], cache.projection)
            strokes.append(xy_stroke(fx, fy, fill_colour, 0, fill=fill_colour, fill_alpha=fill_alpha,
                                     stands_for=stands_for))
            filled_as_given = True
        elif (fill := _union(list(shapes))) is not None and not fill.is_empty:
            if filled is not None and not filled_as_given and _small(fill, filled):
                fill = fill.difference(filled)
            if not fill.is_empty:
                fx, fy = to_xy_arrays([fill], cache.projection)
                strokes.append(xy_stroke(fx, fy, fill_colour, 0, fill=fill_colour, fill_alpha=fill_alpha))
                filled = fill if filled is None else filled.union(fill) if _small(fill, filled) else filled
        # The kind's own outline (dashed zone, dotted warning area) whatever the certainty, as the legend
        # shows it: approximate is a thinner outline and a lighter fill, not another dash.
        if width > 0:
            strokes.append(xy_stroke(x, y, outline, width, dash=style.dash, alpha=outline_alpha, stands_for=stands_for))
        if draft:
            strokes.append(xy_stroke(x, y, DRAFT_COLOUR, style.line_width + 0.8, dash=DRAFT_DASH,
                                     stands_for=stands_for))
    return strokes


def _outline_xy(shapes: np.ndarray, projected: np.ndarray, projection) -> tuple[np.ndarray, np.ndarray]:
    """`to_xy_arrays` of densified areas (``projected``: their projected shapes, one each), in order: a large one's
    arrays as `area_detail.drawn_xy` made them (on the worker that densified it), the others' made now."""
    large = np.flatnonzero(shapely.get_num_coordinates(projected) >= DRAWN_ONCE_FROM) if len(projected) else \
        np.empty(0, dtype=np.intp)
    if not len(large):
        return to_xy_arrays(list(shapes), projection, projected)
    if len(shapes) == 1:  # one large area: its arrays themselves, not a copy
        return drawn_xy(shapes[0], projected[0], projection)
    pieces, start = [], 0
    for i in [*large.tolist(), len(shapes)]:
        if i > start:
            pieces.append(to_xy_arrays(list(shapes[start:i]), projection, projected[start:i]))
        if i < len(shapes):
            pieces.append(drawn_xy(shapes[i], projected[i], projection))
        start = i + 1
    gap = np.array([np.nan])
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for px, py in pieces:
        if len(px):  # NaN between parts, as to_xy_arrays separates them
            xs += [gap, px]
            ys += [gap, py]
    return (np.concatenate(xs[1:]), np.concatenate(ys[1:])) if xs else (np.empty(0), np.empty(0))


def _union(shapes: list[BaseGeometry]) -> BaseGeometry | None:
    """The areas as one valid geometry, filled once where they overlap (for areas `_mergeable`: others are filled
    as given, even-odd where they cross themselves, as GEOS's repair of a self-intersecting ring of thousands of
    vertices runs for seconds to minutes)."""
    areas = [g for g in shapes if g.geom_type in ("Polygon", "MultiPolygon")]
    if not areas:
        return None
    try:
        return shapely.union_all(shapely.make_valid(np.asarray(areas, dtype=object)))
    except shapely.errors.GEOSException:
        return None


def _mergeable(areas: np.ndarray) -> bool:
    """Whether (multi)polygons are merged into one fill (`_union`): at most UNION_UP_TO_VERTICES in all, and any
    one that is not valid (crosses itself) of at most `tiles.REPAIR_UP_TO_VERTICES` (GEOS's repair of a
    20,000-spike star took ~90 s)."""
    if not _small(*areas):
        return False
    invalid = ~shapely.is_valid(areas)
    return not invalid.any() or int(shapely.get_num_coordinates(areas[invalid]).max()) <= REPAIR_UP_TO_VERTICES


def _small(*geometries: BaseGeometry) -> bool:
    return int(sum(shapely.get_num_coordinates(g) for g in geometries)) <= UNION_UP_TO_VERTICES


def line_strokes(shown: Shown) -> tuple[list[Stroke], list[Symbols]]:
    """Flight paths (with arrows showing the direction of flight) and overflight segments. A group of more than
    ARROWS_UP_TO lines (a catalogue) gets no arrows: 100,000 lines' 300,000 arrows cover a regional view, and show
    no direction in the mass (its lines are drawn 1 px wide too: `Stroke.pen_width`)."""
    style = kind_style(shown.kind)
    cache = shown.cache
    strokes, arrows = [], []
    groups = shown.groups()
    # (a bulk layer is never cased: its lines' shapes are not asked for, a LineString made for each)
    casing = [0] * len(groups) if len(shown) > CASING_MAX_LINES else \
        _casings([cache.shapes_of(shown.rows[members]) for members in groups.values()])
    for ((colour, certainty, draft, paint), members), under in zip(groups.items(), casing, strict=True):
        rows = shown.rows[members]
        x, y = cache.drawn_xy(rows)
        approximate = certainty == "approximate"
        alpha = style.fill_alpha or CERTAINTY_ALPHA.get(certainty, 255)
        thinner = approximate and not style.fill_alpha  # a band (overflight) keeps its width
        # A launch whose path runs where a later launch's runs is drawn wider beneath it, as a casing: both
        # colours show side by side instead of the later one hiding the earlier.
        width = style.line_width * (APPROXIMATE_WIDTH if thinner else 1.0) * (1 + CASING * under)
        if paint is not None:  # the file's own look (a KML's LineStyle) over the layer's
            colour, alpha = paint.stroke or colour, min(alpha, paint.stroke_alpha)
            width = width if paint.width is None else paint.width * (1 + CASING * under)
        if width > 0:
            strokes.append(xy_stroke(x, y, colour, width, dash=APPROXIMATE_DASH if thinner else (), alpha=alpha))
        if draft:
            strokes.append(xy_stroke(x, y, DRAFT_COLOUR, 1.6, dash=DRAFT_DASH))
        if style.arrows and len(members) <= ARROWS_UP_TO:
            ax, ay, angles = arrow_marks(cache.shapes_of(rows))
            arrows.append(Symbols(ax, ay, "arrow", style.line_width * 5, colour, angles=angles,
                                  alpha=CERTAINTY_ALPHA.get(certainty, 255)))
    return strokes, arrows


def _casings(lines: list[np.ndarray]) -> list[int]:
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


def arrow_marks(lines) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions and directions (degrees counter-clockwise from +x, map axes) along projected lines, at
    ARROW_FRACTIONS of each line part's length: all lines at once, in arrays (shapely's interpolation took ~1.2 s
    for 100,000 lines)."""
    geometries = np.asarray([g for g in lines if g is not None], dtype=object)
    parts = shapely.get_parts(geometries) if len(geometries) else np.empty(0, dtype=object)
    parts = parts[(shapely.get_type_id(parts) == 1) & (shapely.length(parts) > 0)] if len(parts) else parts
    if not len(parts):
        return np.empty(0), np.empty(0), np.empty(0)
    coords, part = shapely.get_coordinates(parts, return_index=True)
    step = np.hypot(np.diff(coords[:, 0]), np.diff(coords[:, 1]))
    step[part[1:] != part[:-1]] = 0.0  # no step from one part to the next
    along = np.concatenate([[0.0], np.cumsum(step)])  # distance from the first part's start to each vertex
    first = np.searchsorted(part, np.arange(len(parts)))
    last = np.r_[first[1:], len(part)] - 1
    start, length = along[first], along[last] - along[first]
    fractions = np.asarray(ARROW_FRACTIONS)

    def at(fraction: np.ndarray) -> np.ndarray:
        """Points at ``fraction`` (one per arrow) of each arrow's part, as shapely's line_interpolate_point."""
        which = np.repeat(np.arange(len(parts)), len(fractions))
        target = start[which] + np.clip(fraction, 0.0, 1.0) * length[which]
        # the segment holding the target: the last vertex of the part at or before it (the part's last excluded)
        i = np.clip(np.searchsorted(along, target, side="right") - 1, first[which], last[which] - 1)
        seg = along[i + 1] - along[i]
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.where(seg > 0, (target - along[i]) / seg, 0.0)
        return coords[i] + t[:, None] * (coords[i + 1] - coords[i])

    each = np.tile(fractions, len(parts))
    here, ahead, behind = at(each), at(each + 0.01), at(each - 0.01)
    angles = np.degrees(np.arctan2(ahead[:, 1] - behind[:, 1], ahead[:, 0] - behind[:, 0]))
    return here[:, 0].astype(float), here[:, 1].astype(float), angles.astype(float)
