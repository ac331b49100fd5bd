"""The open workspace: the bundles loaded and the shared selection (how they are shown is a MapView)."""

from __future__ import annotations

from functools import partial
from operator import eq
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from psygnal import Signal

from viewer.model.bundle import Bundle, merged
from viewer.model.bundle_features import shared_ids
from viewer.model.document import Document
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.overlays import Overlays
from viewer.model.selection import Selection
from viewer.model.view import geometries_extent

if TYPE_CHECKING:
    from viewer.geo.crs import Extent


class Workspace:
    """The data every view shows, and the one shared selection. Views observe it and never talk to each other.

    Signals:
        bundles_changed(): a bundle was added or removed; contents must be redrawn.
    """

    bundles_changed = Signal()

    def __init__(self) -> None:
        self.bundles: list[Bundle] = []
        self.selection = Selection()
        self.overlays = Overlays()  # the user's range rings and measurements: session items drawn by every canvas
        self._content = Bundle()
        self._layers: list[str] = []

    # -- contents --------------------------------------------------------------------------------
    def add(self, bundle: Bundle) -> None:
        """Add a loaded bundle; raises ValueError if it is already open or its ids clash with one that is."""
        if bundle.path is not None and any(_same_file(b.path, bundle.path) for b in self.bundles):
            raise ValueError(f"{bundle.path}: already open")
        for other in self.bundles:
            clash = shared_ids(other.features, bundle.features)
            if clash:
                raise ValueError(f"{bundle.name}: feature id {sorted(clash)[0]!r} is already used by {other.name}")
        self.bundles.append(bundle)
        self._rebuild()

    def edited(self, bundle: Bundle) -> None:
        """Say that ``bundle`` was changed in place (a review edit): it is marked unsaved and redrawn."""
        bundle.modified = True
        bundle.features_changed()
        self._rebuild()

    def remove(self, bundle: Bundle) -> None:
        self.bundles.remove(bundle)
        self.selection.clear()
        self._rebuild()

    def _rebuild(self) -> None:
        self._layers = []
        for bundle in self.bundles:
            table = bundle.table
            loose = ~table.event.where(bool)  # features that belong to no launch: their file's layer
            if not loose.any():
                table.with_layer(None, loose)
                continue
            name, number = bundle.layer_name, 2
            while name in self._layers:
                name, number = f"{bundle.layer_name} ({number})", number + 1
            self._layers.append(name)
            # (named so by the last add, told without a pass over its rows)
            if table.named != name and not np.array_equal(table.layer.where(partial(eq, name)), loose):
                # named already (an earlier add): a million features were named again on every file opened
                table.features[loose].name_layer(name)  # a plain layer's rows get it when made
                table.with_layer(name, loose)  # the table stays current: only what it was told changed
        self._content = merged(self.bundles)
        self.bundles_changed.emit()

    def layers(self) -> list[str]:
        """The source layers of features that belong to no launch, one per file, in the order opened."""
        return list(self._layers)

    def colour_keys(self) -> tuple[list[str], list[str]]:
        """What gets a colour of its own: the launches in time order, and the layers in the order opened."""
        return [e.id for e in self._content.events_in_time_order()], list(self._layers)

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

    def extent(self) -> Extent | None:
        """(west, south, east, north) of every feature's lon/lat geometry, or None when there is none."""
        return geometries_extent(self._content.table.geometries)


def _same_file(a: Path | None, b: Path) -> bool:
    try:
        return a is not None and a.resolve() == b.resolve()
    except OSError:
        return False
