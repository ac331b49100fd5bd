"""The open workspace: the bundles loaded, what is visible, the time window and the shared selection."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import shapely
from psygnal import Signal

from viewer.model.bundle import Bundle, merged
from viewer.model.document import Document
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.selection import Selection


class Workspace:
    """Everything the views show. Views observe it and never talk to each other.

    Signals:
        bundles_changed(): a bundle was added or removed; contents must be redrawn.
        visibility_changed(): hidden events or kinds, or the time window, changed.
    """

    bundles_changed = Signal()
    visibility_changed = Signal()

    def __init__(self) -> None:
        self.bundles: list[Bundle] = []
        self.selection = Selection()
        self.hidden_events: set[str] = set()
        self.hidden_kinds: set[str] = set()
        self.time_window: tuple[datetime, datetime] | None = None
        self._content = Bundle()

    # -- contents --------------------------------------------------------------------------------
    def add(self, bundle: Bundle) -> None:
        """Add a loaded bundle; raises ValueError if it is already open or its ids clash with one that is."""
        if bundle.path is not None and any(_same_file(b.path, bundle.path) for b in self.bundles):
            raise ValueError(f"{bundle.path}: already open")
        for other in self.bundles:
            clash = other.features.keys() & bundle.features.keys()
            if clash:
                raise ValueError(f"{bundle.name}: feature id {sorted(clash)[0]!r} is already used by {other.name}")
        self.bundles.append(bundle)
        self._content = merged(self.bundles)
        self.bundles_changed.emit()

    def edited(self, bundle: Bundle) -> None:
        """Say that ``bundle`` was changed in place (a review edit): it is marked unsaved and redrawn."""
        bundle.modified = True
        self._content = merged(self.bundles)
        self.bundles_changed.emit()

    def remove(self, bundle: Bundle) -> None:
        self.bundles.remove(bundle)
        self._content = merged(self.bundles)
        self.selection.clear()
        self.bundles_changed.emit()

    @property
    def content(self) -> Bundle:
        """All open bundles as one (read-only view: edit the bundles themselves)."""
        return self._content

    def feature(self, feature_id: str) -> Feature | None:
        return self._content.features.get(feature_id)

    def document(self, document_id: str) -> Document | None:
        return self._content.documents.get(document_id)

    def event(self, event_id: str | None) -> LaunchEvent | None:
        return self._content.events.get(event_id) if event_id else None

    def bundle_of(self, feature_id: str) -> Bundle | None:
        return next((b for b in self.bundles if feature_id in b.features), None)

    # -- visibility ------------------------------------------------------------------------------
    def is_visible(self, feature: Feature) -> bool:
        if feature.kind in self.hidden_kinds or (feature.event and feature.event in self.hidden_events):
            return False
        if self.time_window is not None and feature.event:
            when = self._content.events[feature.event].when if feature.event in self._content.events else None
            if when is not None and not self.time_window[0] <= when <= self.time_window[1]:
                return False
        return True

    def visible_features(self) -> list[Feature]:
        return [f for f in self._content.features.values() if self.is_visible(f)]

    def extent(self, visible_only: bool = False) -> tuple[float, float, float, float] | None:
        """(west, south, east, north) of the features' lon/lat geometry, or None when there is none."""
        features = self.visible_features() if visible_only else self._content.features.values()
        geometries = [f.geometry for f in features if f.geometry is not None and not f.geometry.is_empty]
        if not geometries:
            return None
        west, south, east, north = shapely.total_bounds(geometries)
        return (float(west), float(south), float(east), float(north))

    def set_hidden(self, *, events: Iterable[str] | None = None, kinds: Iterable[str] | None = None) -> None:
        if events is not None:
            self.hidden_events = set(events)
        if kinds is not None:
            self.hidden_kinds = set(kinds)
        self.visibility_changed.emit()

    def set_time_window(self, window: tuple[datetime, datetime] | None) -> None:
        if window != self.time_window:
            self.time_window = window
            self.visibility_changed.emit()


def _same_file(a: Path | None, b: Path) -> bool:
    try:
        return a is not None and a.resolve() == b.resolve()
    except OSError:
        return False
