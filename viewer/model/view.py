"""What the map shows — projection, frame, filters, time window, decorations — kept apart from the data (Workspace).

The canvas, bookmarks, image export, the deck and presentation mode all render a (Workspace, MapView) pair, so what
the screen shows is what an export shows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from psygnal import Signal

from viewer.geo.crs import DEFAULT_REGION, Extent, MapProjection, regional
from viewer.geo.room import LEGEND_PLACES
from viewer.model.filters import Filters
from viewer.symbology import Colours, event_colours

if TYPE_CHECKING:
    from viewer.model.bundle import Bundle
    from viewer.model.feature import Feature

MapRect = tuple[float, float, float, float]  # (xmin, ymin, xmax, ymax) in the projection's map units


@dataclass(frozen=True)
class ProjectionSpec:
    """A map projection as plain data: a saved view can rebuild exactly the CRS it was drawn in."""

    key: str
    name: str
    definition: str  # a proj string, WKT or authority code pyproj accepts
    seam_lon: float | None = None
    max_lat: float = 90.0

    @classmethod
    def of(cls, projection: MapProjection) -> ProjectionSpec:
        return cls(projection.key, projection.name, projection.srs, projection.seam_lon, projection.max_lat)

    def build(self) -> MapProjection:
        """The MapProjection; raises ValueError when pyproj cannot read the definition."""
        import pyproj
        from pyproj.exceptions import CRSError

        try:
            crs = pyproj.CRS.from_user_input(self.definition)
        except CRSError as error:
            raise ValueError(f"projection {self.name or self.key!r}: {error}") from None
        return MapProjection(self.key, self.name, crs.srs or crs.to_wkt(), self.seam_lon, self.max_lat)


@dataclass(frozen=True)
class DecorationOptions:
    """What is drawn over the map, whatever is selected."""

    title: str = ""
    legend: str = "auto"  # one of LEGEND_PLACES; True and False (older sessions and callers) mean auto and none
    scale_bar: bool = True
    north_arrow: bool = True
    graticule_labels: bool = True
    footnote: str = ""  # sources line, e.g. "Sources: 3 articles"
    extra_attribution: tuple[str, ...] = ()
    legend_collapsed: bool = False  # only the legend's heading is drawn (on screen, to see what is under it)
    labels: bool = True  # countries, islands, places and the features' own labels
    # Where "auto" drew the legend last on screen, so it stays there unless another place is clearly better (an
    # export of the view keeps it too); not saved: a session's view finds its own.
    legend_kept: str = ""

    SAVED = ("title", "legend", "scale_bar", "north_arrow", "graticule_labels", "legend_collapsed",
             "labels")  # what a session keeps

    def __post_init__(self) -> None:
        legend = self.legend
        if isinstance(legend, bool):
            legend = "auto" if legend else "none"
        if legend not in LEGEND_PLACES:
            raise ValueError(f"legend {legend!r}: must be one of {', '.join(LEGEND_PLACES)}")
        object.__setattr__(self, "legend", legend)

    def with_saved(self, saved: object) -> DecorationOptions:
        """These options with those a session saved (``{"title": …, "legend": …}``); values of the wrong type are
        ignored, and a legend saved as true or false (launchmap before placements) means auto or none."""
        if not isinstance(saved, dict):
            return self
        changes: dict[str, Any] = {}
        for name in self.SAVED:
            value, current = saved.get(name), getattr(self, name)
            legend_value = isinstance(value, bool) or value in LEGEND_PLACES
            if legend_value if name == "legend" else isinstance(value, type(current)):
                changes[name] = value
        return replace(self, **changes)

    @property
    def shows_legend(self) -> bool:
        return self.legend != "none"


@dataclass(frozen=True)
class ViewState:
    """A frozen snapshot of a MapView: what a bookmark keeps and an export renders.

    ``map_rect`` is exact in ``projection``; ``extent`` is the same area in lon/lat, for any other projection.
    ``decorations`` None leaves the viewer's own as they are.
    """

    projection: ProjectionSpec | None = None
    map_rect: MapRect | None = None
    extent: Extent | None = None
    filters: Filters = field(default_factory=Filters)
    decorations: DecorationOptions | None = None


def visible_extent(features: Iterable[Feature]) -> Extent | None:
    """(west, south, east, north) of the features' lon/lat geometry, or None when there is none."""
    from viewer.model.feature_table import columns_of

    picked = columns_of(features) if isinstance(features, list) else None
    if picked is not None:
        table, rows = picked
        return geometries_extent(table.geometries[rows])
    return geometries_extent(np.fromiter((f.geometry for f in features), dtype=object))


def geometries_extent(geometries: np.ndarray) -> Extent | None:
    """(west, south, east, north) of an array of lon/lat geometries (None and empty ones left out), or None."""
    if not len(geometries):
        return None
    bounds = shapely.total_bounds(geometries)  # NaN when no geometry has a point
    if not np.isfinite(bounds).all():
        return None
    west, south, east, north = bounds
    return (float(west), float(south), float(east), float(north))


def launch_features(features: Iterable[Feature]) -> list[Feature]:
    """What a launch's frame is about: the features of launches among ``features``. Layers from other files (features
    of no launch) are context: drawn where they fall, framed only when no launch is among them."""
    features = list(features)
    return [f for f in features if f.event] or features


def padded(extent: Extent, fraction: float = 0.08) -> Extent:
    """``extent`` with a margin of ``fraction`` of its size plus half a degree, kept on the globe (data framing)."""
    west, south, east, north = extent
    dx, dy = (east - west) * fraction + 0.5, (north - south) * fraction + 0.5
    return (max(-180.0, west - dx), max(-85.0, south - dy), min(180.0, east + dx), min(85.0, north + dy))


class MapView:
    """How the map shows a workspace. The canvas follows it and writes the user's pans and zooms back.

    Signals:
        projection_changed(object): the new MapProjection (the frame changes with it).
        frame_changed(): the frame (the map rect shown) changed.
        filters_changed(): hidden launches or kinds, or the time window, changed.
        decorations_changed(): title, legend, scale bar, north arrow or graticule options changed.
        colours_changed(): a layer was given a colour of its own.
    """

    projection_changed = Signal(object)
    frame_changed = Signal()
    filters_changed = Signal()
    decorations_changed = Signal()
    colours_changed = Signal()

    def __init__(self, projection: MapProjection | None = None, frame: MapRect | None = None,
                 filters: Filters | None = None, decorations: DecorationOptions | None = None):
        self.projection: MapProjection = projection or regional(DEFAULT_REGION)
        self.frame: MapRect | None = frame
        self.filters: Filters = filters or Filters()
        self.decorations: DecorationOptions = decorations or DecorationOptions()
        self.layer_colours: dict[str, str] = {}  # a source layer's colour chosen by the user, over the palette

    # -- projection and frame ----------------------------------------------------------------------
    def set_projection(self, projection: MapProjection, frame: MapRect | None = None) -> None:
        """Show ``projection``; the frame is ``frame`` or, when None, the same lon/lat area as before."""
        extent = self.frame_extent() if frame is None and self.frame is not None else None
        self.projection = projection
        self.frame = frame if frame is not None else (projection.project_extent(extent) if extent else None)
        self.projection_changed.emit(projection)
        self.frame_changed.emit()

    def set_frame(self, frame: MapRect) -> None:
        if not all(math.isfinite(v) for v in frame) or frame[2] <= frame[0] or frame[3] <= frame[1]:
            raise ValueError(f"frame {frame}: must be finite with xmin < xmax and ymin < ymax")
        if frame != self.frame:
            self.frame = tuple(float(v) for v in frame)  # type: ignore[assignment]
            self.frame_changed.emit()

    def fit(self, extent: Extent, margin: float = 0.0) -> None:
        """Frame a lon/lat extent (west, south, east, north), with ``margin`` of its size around it."""
        xmin, ymin, xmax, ymax = self.projection.project_extent(extent)
        dx, dy = (xmax - xmin) * margin, (ymax - ymin) * margin
        self.set_frame((xmin - dx, ymin - dy, xmax + dx, ymax + dy))

    def frame_extent(self) -> Extent:
        """The frame as lon/lat (west, south, east, north): its corners and centre, inverse-projected."""
        if self.frame is None:
            return DEFAULT_REGION
        import numpy as np

        xmin, ymin, xmax, ymax = self.frame
        # A grid over the frame, not only its corners: the corners of a world or globe map lie off the earth,
        # and only points that project back where they came from are on it.
        gx, gy = np.meshgrid(np.linspace(xmin, xmax, 9), np.linspace(ymin, ymax, 9))
        xs, ys = gx.ravel(), gy.ravel()
        lon, lat = (np.asarray(v, dtype=float) for v in self.projection.inverse(xs, ys))
        back_x, back_y = (np.asarray(v, dtype=float) for v in self.projection.forward(lon, lat))
        span = max(xmax - xmin, ymax - ymin)
        on_earth = (np.isfinite(lon) & np.isfinite(lat) & np.isfinite(back_x) & np.isfinite(back_y)
                    & (np.hypot(back_x - xs, back_y - ys) <= span * 1e-6 + 1e-6))
        if not on_earth.any():
            return DEFAULT_REGION
        lon, lat = lon[on_earth], lat[on_earth]
        return (float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max()))

    # -- filters -----------------------------------------------------------------------------------
    @property
    def hidden_events(self) -> frozenset[str]:
        return self.filters.hidden_events

    @property
    def hidden_kinds(self) -> frozenset[str]:
        return self.filters.hidden_kinds

    @property
    def hidden_layers(self) -> frozenset[str]:
        return self.filters.hidden_layers

    @property
    def hidden_folders(self) -> frozenset[tuple[str, str]]:
        return self.filters.hidden_folders

    @property
    def time_window(self) -> tuple[datetime, datetime] | None:
        return self.filters.time_window

    def set_filters(self, filters: Filters) -> None:
        if filters != self.filters:
            self.filters = filters
            self.filters_changed.emit()

    def set_hidden(self, *, events: Iterable[str] | None = None, kinds: Iterable[str] | None = None,
                   layers: Iterable[str] | None = None, folders: Iterable[tuple[str, str]] | None = None) -> None:
        changes: dict[str, Any] = {}
        if folders is not None:
            changes["hidden_folders"] = frozenset(folders)
        if layers is not None:
            changes["hidden_layers"] = frozenset(layers)
        if events is not None:
            changes["hidden_events"] = frozenset(events)
        if kinds is not None:
            changes["hidden_kinds"] = frozenset(kinds)
        self.set_filters(replace(self.filters, **changes))

    def set_time_window(self, window: tuple[datetime, datetime] | None) -> None:
        self.set_filters(replace(self.filters, time_window=window))

    def is_visible(self, feature: Feature, content: Bundle) -> bool:
        return self.filters.shows(feature, content)

    def visible_features(self, content: Bundle) -> list[Feature]:
        return self.filters.features(content)

    # -- colours -----------------------------------------------------------------------------------
    def colours(self, launches: list[str], layers: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
        """A colour for each launch id and layer name (Workspace.colour_keys): the palette's (`event_colours`), and
        the layers' own colours where the user chose one (`Colours.chosen`: drawn over the features' own)."""
        colours = event_colours(launches, layers)
        chosen = {k: v for k, v in self.layer_colours.items() if k in colours}
        colours.update(chosen)
        return Colours(colours, frozenset(chosen))

    def set_layer_colour(self, layer: str, colour: str | None) -> None:
        """Give a source layer its own colour (``#RRGGBB``), or None for the palette's again."""
        if colour is None:
            changed = self.layer_colours.pop(layer, None) is not None
        else:
            changed = self.layer_colours.get(layer) != colour
            self.layer_colours[layer] = colour
        if changed:
            self.colours_changed.emit()

    # -- decorations -------------------------------------------------------------------------------
    def set_decorations(self, **changes: Any) -> None:
        """Change decoration options by name (``title="…"``, ``legend=False``…)."""
        options = replace(self.decorations, **changes)
        if options != self.decorations:
            self.decorations = options
            self.decorations_changed.emit()

    # -- snapshots ---------------------------------------------------------------------------------
    def snapshot(self, decorations: bool = False) -> ViewState:
        return ViewState(ProjectionSpec.of(self.projection), self.frame,
                         self.frame_extent() if self.frame is not None else None, self.filters,
                         self.decorations if decorations else None)

    def restore(self, state: ViewState, content: Bundle | None = None,
                fallback: MapProjection | None = None) -> MapRect | None:
        """Show a snapshot: filters first, then projection and frame (an unreadable projection keeps the current
        one, or ``fallback``, framed by the snapshot's lon/lat extent). Launch ids ``content`` lacks are harmless.
        Returns the frame asked for (a canvas of another shape shows a little more around it)."""
        filters = state.filters
        if filters.only_events is not None and content is not None:  # as the tree shows it: unticked launches
            filters = replace(filters, only_events=None,
                              hidden_events=filters.hidden_events | (frozenset(content.events) - filters.only_events))
        self.set_filters(filters)
        if state.decorations is not None and state.decorations != self.decorations:
            self.decorations = state.decorations
            self.decorations_changed.emit()
        projection = None
        if state.projection is not None:
            try:
                projection = state.projection.build()
            except ValueError:
                projection = None
        exact = projection is not None and state.map_rect is not None
        if projection is None:
            projection = fallback or self.projection
        if ProjectionSpec.of(projection) != ProjectionSpec.of(self.projection):
            self.projection = projection
            self.projection_changed.emit(projection)
        if exact:
            frame: MapRect | None = state.map_rect
        elif state.extent is not None:
            frame = self.projection.project_extent(state.extent)
        elif content is not None:
            frame = self.projection.project_extent(padded(visible_extent(self.visible_features(content))
                                                          or DEFAULT_REGION))
        else:
            frame = None
        if frame is not None:
            self.set_frame(frame)
        return frame

    def show_as(self, other: MapView, frame: MapRect | None = None) -> None:
        """Show what ``other`` shows (its projection, frame or ``frame``, filters and decorations)."""
        self.set_filters(other.filters)
        if other.layer_colours != self.layer_colours:
            self.layer_colours = dict(other.layer_colours)
            self.colours_changed.emit()
        if other.decorations != self.decorations:
            self.decorations = other.decorations
            self.decorations_changed.emit()
        frame = frame or other.frame
        if ProjectionSpec.of(other.projection) != ProjectionSpec.of(self.projection):
            self.set_projection(other.projection, frame)
        elif frame is not None:
            self.set_frame(frame)

    def copy(self) -> MapView:
        """An independent view showing the same (for an export or a presentation)."""
        view = MapView(self.projection, self.frame, self.filters, self.decorations)
        view.layer_colours = dict(self.layer_colours)
        return view
