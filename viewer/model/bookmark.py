"""Bookmarks: named views (area, projection, what is shown, selection) and the ordered list a briefing steps through."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from psygnal import Signal

from viewer.model.event import parse_time

if TYPE_CHECKING:
    from viewer.geo.crs import MapProjection
    from viewer.model.workspace import Workspace

Extent = tuple[float, float, float, float]  # (west, south, east, north) in degrees
MapRect = tuple[float, float, float, float]  # (xmin, ymin, xmax, ymax) in the projection's map units


class BookmarkError(ValueError):
    """A bookmark in a file that cannot be understood; the message says where."""


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
        crs = projection.crs
        return cls(projection.key, projection.name, crs.srs or crs.to_wkt(), projection.seam_lon, projection.max_lat)

    def build(self) -> MapProjection:
        """The MapProjection; raises ValueError when pyproj cannot read the definition."""
        import pyproj
        from pyproj.exceptions import CRSError

        from viewer.geo.crs import MapProjection

        try:
            crs = pyproj.CRS.from_user_input(self.definition)
        except CRSError as error:
            raise ValueError(f"projection {self.name or self.key!r}: {error}") from None
        return MapProjection(self.key, self.name, crs, self.seam_lon, self.max_lat)


@dataclass(frozen=True)
class Bookmark:
    """A named view. ``events``/``kinds`` are what is shown (None: everything, including what is added later);
    ``map_rect`` is exact in ``projection``, ``extent`` is the same area in lon/lat for any other projection."""

    name: str
    extent: Extent | None = None
    map_rect: MapRect | None = None
    projection: ProjectionSpec | None = None
    events: tuple[str, ...] | None = None
    kinds: tuple[str, ...] | None = None
    time_window: tuple[datetime, datetime] | None = None
    selection: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # members a newer launchmap wrote

    @classmethod
    def of_workspace(cls, name: str, workspace: Workspace, **view: Any) -> Bookmark:
        """What the workspace shows now; ``view`` gives extent, map_rect and projection (the canvas knows them)."""
        content = workspace.content
        events = None
        if workspace.hidden_events & content.events.keys():
            events = tuple(e.id for e in content.events_in_time_order() if e.id not in workspace.hidden_events)
        kinds = None
        if workspace.hidden_kinds:
            from viewer.model.kinds import KINDS

            kinds = tuple(k for k in KINDS if k not in workspace.hidden_kinds)
        return cls(name, events=events, kinds=kinds, time_window=workspace.time_window,
                   selection=workspace.selection.features, **view)

    def apply_to(self, workspace: Workspace) -> None:
        """Show what the bookmark shows (ids the workspace no longer has are ignored) and select its selection."""
        from viewer.model.kinds import KINDS

        content = workspace.content
        hidden_events = set() if self.events is None else set(content.events) - set(self.events)
        hidden_kinds = set() if self.kinds is None else set(KINDS) - set(self.kinds)
        if (hidden_events, hidden_kinds) != (workspace.hidden_events, workspace.hidden_kinds):
            workspace.set_hidden(events=hidden_events, kinds=hidden_kinds)
        workspace.set_time_window(self.time_window)
        workspace.selection.select([f for f in self.selection if f in content.features])

    def renamed(self, name: str) -> Bookmark:
        return replace(self, name=name)

    # -- plain data (the session file) -----------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data["name"] = self.name
        if self.extent is not None:
            data["extent"] = list(self.extent)
        if self.map_rect is not None:
            data["map_rect"] = list(self.map_rect)
        if self.projection is not None:
            spec = self.projection
            data["projection"] = {"key": spec.key, "name": spec.name, "definition": spec.definition,
                                  "seam_lon": spec.seam_lon, "max_lat": spec.max_lat}
        if self.events is not None:
            data["events"] = list(self.events)
        if self.kinds is not None:
            data["kinds"] = list(self.kinds)
        if self.time_window is not None:
            data["time_window"] = [self.time_window[0].isoformat(), self.time_window[1].isoformat()]
        if self.selection:
            data["selection"] = list(self.selection)
        return data

    @classmethod
    def from_dict(cls, data: Any, where: str = "bookmark") -> Bookmark:
        """Raises BookmarkError naming the member (``bookmarks[2].extent``) that is wrong."""
        if not isinstance(data, dict):
            raise BookmarkError(f"{where}: must be an object")
        name = data.get("name", "")
        if not isinstance(name, str):
            raise BookmarkError(f"{where}.name: must be a string")
        known = {"name", "extent", "map_rect", "projection", "events", "kinds", "time_window", "selection"}
        return cls(
            name=name,
            extent=_numbers(data, "extent", where, 4),  # type: ignore[arg-type]
            map_rect=_numbers(data, "map_rect", where, 4),  # type: ignore[arg-type]
            projection=_projection(data.get("projection"), f"{where}.projection"),
            events=_strings(data, "events", where),
            kinds=_strings(data, "kinds", where),
            time_window=_time_window(data.get("time_window"), f"{where}.time_window"),
            selection=_strings(data, "selection", where) or (),
            extra={k: v for k, v in data.items() if k not in known},
        )


class BookmarkList:
    """The bookmarks of a session, in briefing order.

    Signals:
        changed(): a bookmark was added, renamed, moved, replaced or removed.
    """

    changed = Signal()

    def __init__(self, bookmarks: list[Bookmark] | None = None) -> None:
        self._items: list[Bookmark] = list(bookmarks or [])

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Bookmark:
        return self._items[index]

    def __iter__(self):
        return iter(list(self._items))

    def names(self) -> list[str]:
        return [b.name for b in self._items]

    def unique_name(self, wanted: str) -> str:
        """``wanted``, or ``wanted (2)``, ``(3)``… when a bookmark already has that name."""
        names, candidate, number = set(self.names()), wanted, 2
        while candidate in names:
            candidate, number = f"{wanted} ({number})", number + 1
        return candidate

    def add(self, bookmark: Bookmark, index: int | None = None) -> int:
        index = len(self._items) if index is None else max(0, min(index, len(self._items)))
        self._items.insert(index, bookmark)
        self.changed.emit()
        return index

    def replace(self, index: int, bookmark: Bookmark) -> None:
        self._items[index] = bookmark
        self.changed.emit()

    def rename(self, index: int, name: str) -> None:
        if name != self._items[index].name:
            self._items[index] = self._items[index].renamed(name)
            self.changed.emit()

    def move(self, index: int, to: int) -> None:
        to = max(0, min(to, len(self._items) - 1))
        if to != index:
            self._items.insert(to, self._items.pop(index))
            self.changed.emit()

    def remove(self, index: int) -> Bookmark:
        bookmark = self._items.pop(index)
        self.changed.emit()
        return bookmark

    def set_all(self, bookmarks: list[Bookmark]) -> None:
        self._items = list(bookmarks)
        self.changed.emit()


# -- validation helpers for from_dict ------------------------------------------------------------
def _numbers(data: dict, key: str, where: str, count: int) -> tuple[float, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if (not isinstance(value, list) or len(value) != count
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
        raise BookmarkError(f"{where}.{key}: must be a list of {count} numbers")
    return tuple(float(v) for v in value)


def _strings(data: dict, key: str, where: str) -> tuple[str, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BookmarkError(f"{where}.{key}: must be a list of strings")
    return tuple(value)


def _projection(value: Any, where: str) -> ProjectionSpec | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("definition"), str):
        raise BookmarkError(f"{where}: must be an object with a 'definition' string")
    seam, max_lat = value.get("seam_lon"), value.get("max_lat", 90.0)
    if seam is not None and not isinstance(seam, int | float):
        raise BookmarkError(f"{where}.seam_lon: must be a number or null")
    if not isinstance(max_lat, int | float):
        raise BookmarkError(f"{where}.max_lat: must be a number")
    return ProjectionSpec(str(value.get("key", "custom")), str(value.get("name", "")), value["definition"],
                          None if seam is None else float(seam), float(max_lat))


def _time_window(value: Any, where: str) -> tuple[datetime, datetime] | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, str) for v in value):
        raise BookmarkError(f"{where}: must be two ISO 8601 times")
    try:
        start, end = parse_time(value[0]), parse_time(value[1])
    except ValueError as error:
        raise BookmarkError(f"{where}: {error}") from None
    return (start, end)
