"""Bookmarks: named snapshots of a map view with their own selection, and the ordered list a briefing steps through."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from psygnal import Signal

from viewer.model.event import parse_time
from viewer.model.filters import Filters
from viewer.model.kinds import kind_names
from viewer.model.view import MapRect, ProjectionSpec, ViewState

if TYPE_CHECKING:
    from viewer.geo.crs import Extent
    from viewer.model.view import MapView

__all__ = ["Bookmark", "BookmarkError", "BookmarkList", "ProjectionSpec"]


class BookmarkError(ValueError):
    """A bookmark in a file that cannot be understood; the message says where."""


@dataclass(frozen=True)
class Bookmark:
    """A named, frozen snapshot of a MapView. ``selection`` is the bookmark's own: its caption (the quotes and facts
    of a slide) comes from it, never from what is selected now."""

    name: str
    view: ViewState = field(default_factory=ViewState)
    selection: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # members a newer launchmap wrote

    @classmethod
    def of(cls, name: str, view: MapView, selection: tuple[str, ...] = ()) -> Bookmark:
        return cls(name, view.snapshot(), tuple(selection))

    @classmethod
    def framing(cls, name: str, extent: Extent | None, events: tuple[str, ...] | None = None,
                selection: tuple[str, ...] = ()) -> Bookmark:
        """A bookmark framing a lon/lat extent in whatever projection shows it, showing only ``events`` if given."""
        filters = Filters(only_events=None if events is None else frozenset(events))
        return cls(name, ViewState(extent=extent, filters=filters), tuple(selection))

    def renamed(self, name: str) -> Bookmark:
        return replace(self, name=name)

    # -- plain data (the session file) -----------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        data["name"] = self.name
        view, filters = self.view, self.view.filters
        if view.extent is not None:
            data["extent"] = list(view.extent)
        if view.map_rect is not None:
            data["map_rect"] = list(view.map_rect)
        if view.projection is not None:
            spec = view.projection
            data["projection"] = {"key": spec.key, "name": spec.name, "definition": spec.definition,
                                  "seam_lon": spec.seam_lon, "max_lat": spec.max_lat}
        if filters.only_events is not None:
            data["events"] = sorted(filters.only_events)
        if filters.hidden_events:
            data["hidden_events"] = sorted(filters.hidden_events)
        if filters.hidden_kinds:
            data["hidden_kinds"] = sorted(filters.hidden_kinds)
        if filters.hidden_layers:
            data["hidden_layers"] = sorted(filters.hidden_layers)
        if filters.hidden_folders:
            data["hidden_folders"] = [list(pair) for pair in sorted(filters.hidden_folders)]
        if filters.time_window is not None:
            data["time_window"] = [filters.time_window[0].isoformat(), filters.time_window[1].isoformat()]
        if self.selection:
            data["selection"] = list(self.selection)
        return data

    @classmethod
    def from_dict(cls, data: Any, where: str = "bookmark") -> Bookmark:
        """Raises BookmarkError naming the member (``bookmarks[2].extent``) that is wrong.

        ``events`` lists the only launches shown; ``kinds`` (written by launchmap 0.1) the kinds shown."""
        if not isinstance(data, dict):
            raise BookmarkError(f"{where}: must be an object")
        name = data.get("name", "")
        if not isinstance(name, str):
            raise BookmarkError(f"{where}.name: must be a string")
        known = {"name", "extent", "map_rect", "projection", "events", "kinds", "hidden_events", "hidden_kinds",
                 "hidden_layers", "hidden_folders", "time_window", "selection"}
        only = _strings(data, "events", where)
        hidden_kinds = set(_strings(data, "hidden_kinds", where) or ())
        shown_kinds = _strings(data, "kinds", where)
        if shown_kinds is not None:
            hidden_kinds |= set(kind_names()) - set(shown_kinds)
        filters = Filters(frozenset(_strings(data, "hidden_events", where) or ()), frozenset(hidden_kinds),
                          _time_window(data.get("time_window"), f"{where}.time_window"),
                          None if only is None else frozenset(only),
                          frozenset(_strings(data, "hidden_layers", where) or ()),
                          _folders(data.get("hidden_folders", []), f"{where}.hidden_folders"))
        view = ViewState(projection=_projection(data.get("projection"), f"{where}.projection"),
                         map_rect=_rect(data, "map_rect", where), extent=_extent(data, where), filters=filters)
        return cls(name, view, _strings(data, "selection", where) or (),
                   extra={k: v for k, v in data.items() if k not in known})


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
    if not all(abs(v) <= 1e9 and math.isfinite(v) for v in value):  # compared first: float() of an int of 400
        raise BookmarkError(f"{where}.{key}: numbers must be finite and within ±1e9")  # digits overflows
    return tuple(float(v) for v in value)


def _rect(data: dict, key: str, where: str) -> MapRect | None:
    rect = _numbers(data, key, where, 4)
    if rect is not None and not (rect[0] < rect[2] and rect[1] < rect[3]):
        raise BookmarkError(f"{where}.{key}: must be (xmin, ymin, xmax, ymax) with xmin < xmax and ymin < ymax")
    return rect  # type: ignore[return-value]


def _extent(data: dict, where: str) -> Extent | None:
    extent = _rect(data, "extent", where)
    if extent is not None and not (extent[0] >= -360 and extent[2] <= 360 and extent[1] >= -90 and extent[3] <= 90):
        raise BookmarkError(f"{where}.extent: must be west, south, east, north in degrees")
    return extent


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


def _folders(value: Any, where: str) -> frozenset[tuple[str, str]]:
    """``hidden_folders``: [layer, folder path] pairs."""
    if not isinstance(value, list) or not all(isinstance(pair, list) and len(pair) == 2
                                              and all(isinstance(part, str) for part in pair) for pair in value):
        raise BookmarkError(f"{where}: must be a list of [layer, folder] pairs of strings")
    return frozenset((layer, folder) for layer, folder in value)
