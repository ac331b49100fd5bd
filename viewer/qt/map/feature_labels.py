"""What the label engine gets from the map: labels for the features shown (sites, impact points, zones, paths, and
other files' points, lines and areas by their name) and for the basemap (countries, key islands, places, seas), and
the marks no label may cover."""

from __future__ import annotations

import functools
import math

import numpy as np
import shapely

from viewer.geo.basemap import Basemap
from viewer.geo.crs import MapProjection
from viewer.geo.gazetteer import Place
from viewer.geo.labels import (
    CONTEXT,
    COUNTRY,
    IMPACT,
    ISLAND,
    MINOR_PLACE,
    PATH,
    PLACE,
    SEA,
    SITE,
    WARNING,
    ZONE,
    beside_area,
    country_points,
    short_label,
)
from viewer.geo.projected import ProjectedFeatures
from viewer.io.formats.display_names import NAME_WORDS
from viewer.model.bulk_groups import in_small_groups
from viewer.model.feature import Feature
from viewer.model.feature_paint import paint_of
from viewer.model.feature_table import FeatureTable, columns_of
from viewer.model.kinds import kind_style
from viewer.model.workspace import Workspace
from viewer.qt.draw.labels import Label, Marks
from viewer.symbology import NO_EVENT_COLOUR, chosen_layers

PRIORITY = {"launch_site": SITE, "impact_point": IMPACT, "danger_zone": ZONE, "flight_path": PATH,
            "warning_area": WARNING}
PATH_FRACTIONS = (0.4, 0.55, 0.25, 0.7, 0.85)  # where along a path its name is about (its extent)
PATH_VERTICES = 400  # at most this many of a path's vertices are offered to place its name along
PATH_GAP = 5.0  # pixels between a path and its name: clear of the boxes its line makes as an obstacle
# The islands a briefing names by their short name, whatever the gazetteer calls them (its ids).
KEY_ISLANDS = {"okinawa-island": "Okinawa", "miyako-island": "Miyako", "ishigaki": "Ishigaki", "jeju": "Jeju",
               "hokkaido": "Hokkaido"}
# Warning areas are wide and drawn faintly: text may cross their outline (with its halo) without hiding anything.
# Other files' lines and areas are context (routes, boundaries, a grid): names may cross them as QGIS labels cross
# other layers' lines; as obstacles, a dense layer of them left no room for any label. Their points stay obstacles.
SEE_THROUGH = {"warning_area", "line", "area"}
# Kinds not named as launch features nor drawn with words of their own: other files' points, lines and areas (and
# unknown kinds, drawn as reference places) are named by their name property, as QGIS or Google Earth names them.
UNNAMED_KINDS = {"overflight", "annotation"}
NAME_CHARS = 40  # a longer name is cut with an ellipsis: a map label, not a description
BULK_FEATURES = 2_000
# Beyond BULK_FEATURES shown, a launch's features of one kind, or a file's layer, are named up to this many
LAUNCH_GROUP_LABELLED = 200
SAME_PLACE_M = 50_000.0  # two features of one name nearer than this (map units, metres) are named once
SAME_PLACE_KM = SAME_PLACE_M / 1000  # a file's point this near a basemap place of its name names it alone
ISLAND_TOWN_KM = 30.0  # a town named after a key island, nearer than this to its label point, is that island
COUNTRY_COLOUR = "#6B5E55"
ISLAND_COLOUR = "#3D3833"
SEA_COLOUR = "#35607F"


def map_labels(workspace: Workspace, features: list[Feature], cache: ProjectedFeatures, colours: dict[str, str],
               places: list[Place], basemap: Basemap, projection: MapProjection,
               considered: list[Feature] | None = None) -> tuple[list[Label], Marks, list[Label]]:
    """What a map's label engine gets: the features' labels and marks (`feature_labels`), then the basemap's
    labels (`basemap_labels`), leaving out the places a launch site shown already names. ``considered``: given a
    list, the features whose geometry placed a label or a mark are added to it (`feature_labels`)."""
    columns = _columns(features) if len(features) > BULK_FEATURES else None
    labels, marks = feature_labels(workspace, features, cache, colours, columns, considered)
    if columns is None:
        sites = features
    else:
        table, rows = columns  # (each file's groups by kind kept with its table: `FeatureTable.groups`)
        sites = table.rows(table.groups(table.kind, rows).get("launch_site", np.zeros(0, dtype=np.intp)))
    named = {f.label.split(",")[0].split(" (")[0] for f in sites if f.kind == "launch_site"}
    return labels, marks, _basemap_labels_kept(places, basemap, projection, named, _named_points(workspace, labels))


# The basemap's labels last made, with what they were made of (held, so that their ids name them).
_kept_basemap_labels: tuple[tuple, list[Label]] | None = None


def _basemap_labels_kept(places: list[Place], basemap: Basemap, projection: MapProjection, skip: set[str],
                         named: dict[str, list[tuple[float, float]]]) -> list[Label]:
    """`basemap_labels`, the very labels last made when made of the same places, basemap, projection and names.
    Labels made anew (the same places, projected alike) were each another label to the label painter, whose stamps
    (text and halo drawn into an image) were all drawn again at the first paint after opening a file (~40 ms on the
    GUI thread)."""
    global _kept_basemap_labels
    key = (places, len(places), basemap, projection, frozenset(skip),
           tuple(sorted((name, tuple(at)) for name, at in named.items())))
    if _kept_basemap_labels is not None:
        kept, labels = _kept_basemap_labels
        if kept[0] is places and kept[2] is basemap and kept[1:2] == key[1:2] and kept[3:] == key[3:]:
            return list(labels)
    labels = basemap_labels(places, basemap, projection, skip, named)
    _kept_basemap_labels = (key, labels)
    return list(labels)


def _named_points(workspace: Workspace, labels: list[Label]) -> dict[str, list[tuple[float, float]]]:
    """(lon, lat) of the points of other files that are named, by their name folded: a basemap place of the same
    name there is not named again (a CSV's "Naha" dot sat on the basemap's "Naha", which gave way to it)."""
    found: dict[str, list[tuple[float, float]]] = {}
    features = workspace.content.features
    for label in labels:
        feature = features.get(label.feature) if label.priority == CONTEXT and not label.path else None
        geometry = feature.geometry if feature is not None else None
        if geometry is not None and geometry.geom_type == "Point":
            found.setdefault(label.text.casefold(), []).append((geometry.x, geometry.y))
    return found


def feature_labels(workspace: Workspace, features: list[Feature], cache: ProjectedFeatures,
                   colours: dict[str, str], columns: tuple[FeatureTable, np.ndarray] | None = None,
                   considered: list[Feature] | None = None) -> tuple[list[Label], Marks]:
    """One label per distinct thing shown (the same zone of three launches is named once) and the marks.

    Bulk data is not labelled feature by feature: beyond BULK_FEATURES shown, features are named and avoided only
    in groups (one launch's features of one kind, or one file's layer) of at most LAUNCH_GROUP_LABELLED (20,000
    labels and marks made every placement take seconds, as QGIS would not label them either). ``columns``: the
    features as rows of a `FeatureTable` (`_columns`), if found already. ``considered``: given a list, the features
    labelled or avoided are added to it (the labels and marks change only when one of their geometries does).
    """
    if len(features) > BULK_FEATURES:
        # ... nor a launch's catalogue-sized group (a synthetic launch of 12,500 impact points), nor a layer of a
        # million points: placing 100,000 labels took seconds a repaint on the GUI thread.
        table, rows = columns or _columns(features)
        features = table.rows(in_small_groups(table, rows, LAUNCH_GROUP_LABELLED))
    if considered is not None:
        considered.extend(features)
    labels: list[Label] = []
    placed: dict[tuple[str, int, int], list[tuple[float, float]]] = {}  # (text, grid cell) -> labels there
    points, lines = [], []
    for feature in features:
        geometry = cache.projected(feature)
        if geometry is None or geometry.is_empty:
            continue
        style = kind_style(feature.kind)
        if style.geometry == "point":
            point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
            points.append((point.x, point.y, style.symbol_size / 2 + 1.5))
        elif feature.kind not in SEE_THROUGH:
            x, y = _linework(geometry)
            lines.append((x, y, style.line_width / 2 + 1.0))
        label = _label_for(workspace, feature, geometry, colours)
        if label is None:
            continue
        # Compared only with labels of the same text in the 3 x 3 grid cells of SAME_PLACE_M around it: against
        # every label, 10,000 features took 37 s; against every label of the same text, 100,000 took minutes.
        cell_x, cell_y = math.floor(label.x / SAME_PLACE_M), math.floor(label.y / SAME_PLACE_M)
        near = (placed.get((label.text, cell_x + i, cell_y + j), ()) for i in (-1, 0, 1) for j in (-1, 0, 1))
        if not any(math.hypot(x - label.x, y - label.y) < SAME_PLACE_M for cell in near for x, y in cell):
            labels.append(label)
            placed.setdefault((label.text, cell_x, cell_y), []).append((label.x, label.y))
    marks = Marks(np.array(points, dtype=float).reshape(-1, 3), tuple(lines))
    return labels, marks


def _columns(features: list[Feature]) -> tuple[FeatureTable, np.ndarray]:
    """The features as rows of a table: their bundle's, as the canvas passes them (a million features' table made
    again took ~0.8 s), else one of their own."""
    found = columns_of(features)
    if found is not None:
        return found
    table = FeatureTable.of(features)
    return table, np.arange(len(table))


def _label_for(workspace: Workspace, feature: Feature, geometry, colours: dict[str, str]) -> Label | None:
    priority = PRIORITY.get(feature.kind)
    if priority is None:
        if feature.kind in UNNAMED_KINDS:
            return None
        # another file's feature, named by its name (or label, or title) property, as QGIS labels a layer by its
        # name field; nothing when it has none (its id is no name). Drawn as text, never interpreted.
        text, priority = name_of(feature), CONTEXT
    elif feature.kind == "flight_path":
        event = workspace.event(feature.event)
        if event is None:
            return None
        name = event.vehicle or event.name.split(" (")[0]
        text = f"{name} {event.date_label}"
    else:
        text = short_label(feature.kind, feature.label)
    return _placed(feature, geometry, text, priority, colours) if text else None


def _placed(feature: Feature, geometry, text: str, priority: int, colours: dict[str, str]) -> Label:
    """``text`` as the feature's geometry places it: beside a point, along a line, beside an area."""
    style = kind_style(feature.kind)
    bold = feature.kind in ("launch_site", "flight_path")
    if style.geometry == "point":
        point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
        return Label(point.x, point.y, text, dot=False, priority=priority, gap=style.symbol_size / 2 + 3,
                     points=7.5, bold=bold, feature=feature.id)
    if style.geometry == "line":
        line = max(shapely.get_parts(geometry), key=lambda g: g.length)
        anchors = tuple((p.x, p.y) for p in (line.interpolate(f, normalized=True) for f in PATH_FRACTIONS))
        coords = np.asarray(line.coords, dtype=float)[:, :2]
        coords = coords[:: max(1, len(coords) // PATH_VERTICES)]  # enough to find a straight stretch on
        # along the line, turned with it, beside it (never on it: the line is a mark), once
        paint = paint_of(feature.value)  # a line drawn in its own colour (a KML's) is named in it
        own = paint is not None and paint.stroke and feature.layer not in chosen_layers(colours)
        colour = paint.stroke if own and paint is not None and paint.stroke else \
            colours.get(feature.event or feature.layer or "", NO_EVENT_COLOUR)
        return Label(anchors[0][0], anchors[0][1], text, dot=False, priority=priority, gap=PATH_GAP, points=7.5,
                     bold=bold, colour=_darker(colour),
                     feature=feature.id, anchors=anchors, path=tuple(map(tuple, coords)))
    xmin, ymin, xmax, ymax = geometry.bounds
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    anchors = beside_area(geometry)  # against the outline, never over it
    return Label(cx, cy, text, dot=False, priority=priority, gap=4.0, points=7.0, feature=feature.id,
                 anchors=anchors)


def name_of(feature: Feature) -> str:
    """The feature's name: its ``label`` (the readers give other tools' features one, `display_names`), else a
    property named as a name is (an event bundle's ``name``, ``title``), on one line and at most NAME_CHARS long;
    empty when it has none."""
    values = (feature.value(key) for key in ("label", *NAME_WORDS))  # a layer's row's cells: no properties dict
    text = " ".join(next((v for v in values if isinstance(v, str) and v.strip()), "").split())
    return text if len(text) <= NAME_CHARS else text[:NAME_CHARS - 1].rstrip() + "…"


def basemap_labels(places: list[Place], basemap: Basemap, projection: MapProjection,
                   skip: set[str] = frozenset(),  # type: ignore[assignment]
                   named: dict[str, list[tuple[float, float]]] | None = None) -> list[Label]:
    """Countries (a size by area), key islands, places and seas, projected; names in ``skip`` are left out
    (a launch site the features already name), and a place ``named`` already names where it is (folded name ->
    lon/lat of other files' named points within SAME_PLACE_KM)."""
    labels = []
    chosen = [p for p in places if (p.label_rank <= 2 or p.id in KEY_ISLANDS) and p.name not in skip
              and not _named_near(p, named)]
    islands = [p for p in chosen if p.id in KEY_ISLANDS]
    chosen = [p for p in chosen if not _island_namesake(p, islands)]
    if chosen:
        x, y = projection.forward(np.array([p.lon for p in chosen]), np.array([p.lat for p in chosen]))
        for p, px, py in zip(chosen, x, y, strict=True):
            if p.kind == "sea":
                labels.append(Label(float(px), float(py), p.name, rank=2, dot=False, italic_sea=True,
                                    priority=SEA, centre=True, colour=SEA_COLOUR))
            elif p.id in KEY_ISLANDS:
                labels.append(Label(float(px), float(py), KEY_ISLANDS[p.id], rank=1, dot=False, priority=ISLAND,
                                    gap=3.0, points=8.5, bold=True, colour=ISLAND_COLOUR))
            else:  # an island group has no one point to mark: its name alone, as a sea's
                labels.append(Label(float(px), float(py), p.name, rank=p.label_rank, dot=p.kind != "island_group",
                                    centre=p.kind == "island_group",
                                    priority=PLACE if p.label_rank == 1 else MINOR_PLACE))
    countries = _countries(basemap)
    if countries:
        lon = np.array([c[1] for c in countries])
        lat = np.array([c[2] for c in countries])
        x, y = projection.forward(lon, lat)
        for (name, _, _, km2), px, py in zip(countries, x, y, strict=True):
            size = 11.0 if km2 > 2e6 else 9.5 if km2 > 2e5 else 8.0
            labels.append(Label(float(px), float(py), name.upper(), dot=False, priority=COUNTRY, centre=True,
                                points=size, capitals=True, colour=COUNTRY_COLOUR))
    return labels


@functools.lru_cache(maxsize=4)
def _countries_cached(basemap: Basemap) -> tuple[tuple[str, float, float, float], ...]:
    stored = basemap.country_points()  # the same points, found when the shipped basemap was built
    if stored is not None:
        return stored
    coarsest = basemap[max(basemap.levels)]
    return tuple(country_points(coarsest.country_names, list(coarsest.countries)))


def _countries(basemap: Basemap) -> tuple[tuple[str, float, float, float], ...]:
    try:
        return _countries_cached(basemap)
    except (KeyError, ValueError):
        return ()


def _island_namesake(place: Place, islands: list[Place]) -> bool:
    """Whether ``place`` is a town named after a key island it lies on ("Miyakojima" on Miyako, 4 km apart): one
    place, whose two names stood side by side."""
    return place.id not in KEY_ISLANDS and any(
        place.name.casefold().startswith(KEY_ISLANDS[island.id].casefold())
        and _km(place.lon, place.lat, island.lon, island.lat) < ISLAND_TOWN_KM for island in islands)


def _named_near(place: Place, named: dict[str, list[tuple[float, float]]] | None) -> bool:
    """Whether one of ``named``'s points of the place's name (or one of its other names) lies within SAME_PLACE_KM
    of it."""
    if not named:
        return False
    here = [at for name in place.names for at in named.get(name.casefold(), ())]
    return any(_km(place.lon, place.lat, lon, lat) < SAME_PLACE_KM for lon, lat in here)


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance (haversine, mean earth radius): near enough to tell one place from another."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _linework(geometry) -> tuple[np.ndarray, np.ndarray]:
    """NaN-separated x, y of a geometry's lines (polygon outlines for areas)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        geometry = geometry.boundary
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    gap = np.array([np.nan])
    for part in shapely.get_parts(geometry):
        coords = np.asarray(part.coords)
        xs += [coords[:, 0], gap]
        ys += [coords[:, 1], gap]
    return np.concatenate(xs) if xs else np.empty(0), np.concatenate(ys) if ys else np.empty(0)


def _darker(colour: str) -> str:
    """The launch's colour darkened a little, so its name reads on land and sea."""
    value = colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 0.72) for c in (r, g, b)))
