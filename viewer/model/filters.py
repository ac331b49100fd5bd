"""Which features a view shows: the launches and kinds the user unticked, the time window, a slide's own launches
and the other files' layers hidden (a MapView holds one; a bookmark keeps a copy)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from viewer.model.folders import FOLDER, hidden_rows, in_hidden_folder

if TYPE_CHECKING:
    from viewer.model.bundle import Bundle
    from viewer.model.feature import Feature


@dataclass(frozen=True)
class Filters:
    """Which features a view shows. ``only_events`` (None: all) limits it to some launches whatever is added later
    (a launch's own slide); hidden launches and kinds are what the user unticked."""

    hidden_events: frozenset[str] = frozenset()
    hidden_kinds: frozenset[str] = frozenset()
    time_window: tuple[datetime, datetime] | None = None
    only_events: frozenset[str] | None = None
    hidden_layers: frozenset[str] = frozenset()  # source layers of features that belong to no launch
    # (layer, folder path) of a file's folders unticked (a KML's, ``Document / Sites``): their features and their
    # sub-folders' are hidden
    hidden_folders: frozenset[tuple[str, str]] = frozenset()

    def shows(self, feature: Feature, content: Bundle) -> bool:
        if self.hidden_kinds and feature.kind in self.hidden_kinds:
            return False
        event = feature.event
        if not event:
            if self.hidden_folders and feature.layer is not None and \
                    in_hidden_folder(feature.layer, feature.properties.get(FOLDER), self.hidden_folders):
                return False
            return feature.layer is None or feature.layer not in self.hidden_layers
        return self._event_shown(event, content)

    def mask(self, content: Bundle) -> np.ndarray:
        """`shows` for every feature of ``content`` at once, as a boolean array in the order of its features
        (read from its `FeatureTable`: each test is made once per distinct kind, launch or layer)."""
        table = content.table
        shown = np.ones(len(table), dtype=bool)
        if self.hidden_kinds:
            shown &= ~table.kind.isin(self.hidden_kinds)
        has_event = table.event.where(bool)
        if self.hidden_layers:
            hidden = self.hidden_layers
            shown &= has_event | ~table.layer.where(lambda layer: layer is not None and layer in hidden)
        if self.hidden_folders:
            shown &= ~hidden_rows(content.table, ~has_event, self.hidden_folders)
        if self.hidden_events or self.only_events is not None or self.time_window is not None:
            shown &= table.event.where(lambda event: not event or self._event_shown(event, content))
        return shown

    def _event_shown(self, event: str, content: Bundle) -> bool:
        if event in self.hidden_events:
            return False
        if self.only_events is not None and event not in self.only_events:
            return False
        if self.time_window is not None and event in content.events:
            when = content.events[event].moment  # a launch known by its day only: by that day
            if when is not None and not self.time_window[0] <= when <= self.time_window[1]:
                return False
        return True

    def features(self, content: Bundle) -> list[Feature]:
        """The features shown, in order (a `FeatureRows`: later passes read the table's columns)."""
        return content.table.rows(self.mask(content))

    def event_hidden(self, event_id: str) -> bool:
        return event_id in self.hidden_events or (self.only_events is not None and event_id not in self.only_events)

