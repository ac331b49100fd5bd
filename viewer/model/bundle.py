"""The event bundle in memory: documents, launch events and features, with the lookups the panels need."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.model.bundle_features import MergedFeatures, RowFeatures
from viewer.model.citation import Citation
from viewer.model.document import Document
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.feature_table import FeatureTable
from viewer.wording import visible_controls

FORMAT_VERSION = 1
COPIED_UP_TO = 50_000  # features: more open are merged as a view of their files' (`MergedFeatures`), not copied


@dataclass
class Bundle:
    """One bundle file's contents. ``extra`` keeps top-level members launchmap does not know."""

    documents: dict[str, Document] = field(default_factory=dict)
    events: dict[str, LaunchEvent] = field(default_factory=dict)
    # A dict, or for a plain layer's rows a `RowFeatures` (each row's Feature made when asked for).
    features: MutableMapping[str, Feature] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    version: int = FORMAT_VERSION
    modified: bool = field(default=False, compare=False)  # edited since read or written; not stored
    _table: FeatureTable | None = field(default=None, init=False, repr=False, compare=False)
    # Bumped by features_changed; a merged bundle's table also follows the bundles it was merged from (_parts).
    version_of_features: int = field(default=0, init=False, repr=False, compare=False)
    _parts: tuple[Bundle, ...] = field(default=(), init=False, repr=False, compare=False)

    @property
    def table(self) -> FeatureTable:
        """Its features as columns (`FeatureTable`), made on first use and again after any change to them."""
        table = self._table
        if table is None or not table.current or len(table) != len(self.features):
            features = self.features
            table = self._table = features.table() if isinstance(features, RowFeatures) else \
                FeatureTable.of(list(features.values()))
            table.sources = self._sources()
        return table

    def features_changed(self) -> None:
        """Say its features changed (one added or removed, a property or geometry edited): its table, and those
        made from it (a merged bundle's, the features shown), are made again when next asked for."""
        self._table = None
        self.version_of_features += 1

    def _sources(self) -> tuple[tuple[weakref.ref[Bundle], int], ...]:
        return tuple((weakref.ref(bundle), bundle.version_of_features) for bundle in (self, *self._parts))

    def citations_for(self, feature_id: str) -> list[Citation]:
        """Every citation reporting the feature, its claims' citations included."""
        return self.features[feature_id].all_citations

    def features_citing(self, document_id: str, start: int, end: int) -> list[Feature]:
        """Features with a citation in ``document_id`` overlapping ``[start, end)``."""
        return [
            feature
            for feature in self.features.values()
            if any(c.document == document_id and c.overlaps(start, end) for c in feature.all_citations)
        ]

    def features_of(self, event_id: str | None) -> list[Feature]:
        return [f for f in self.features.values() if f.event == event_id]

    def orphaned(self) -> Iterator[tuple[Feature, Citation]]:
        for feature in self.features.values():
            for citation in feature.all_citations:
                if citation.is_orphaned:
                    yield feature, citation

    def events_in_time_order(self) -> list[LaunchEvent]:
        def key(event: LaunchEvent):
            when = event.when
            return (when is None, when.timestamp() if when else 0.0, event.id)

        return sorted(self.events.values(), key=key)

    @property
    def name(self) -> str:
        return self.path.name if self.path else "untitled bundle"

    @property
    def layer_name(self) -> str:
        """What its features that belong to no launch are called as a layer: the file's ``name`` member (as
        GDAL and QGIS write it), else the file's name without suffix; a control character in it (a tab, a line break
        in a file's name) shown as its picture."""
        named = self.extra.get("name")
        if isinstance(named, str) and named.strip():
            return visible_controls(named.strip())
        return visible_controls(self.path.stem) if self.path else "untitled layer"


def merged(bundles: Iterable[Bundle]) -> Bundle:
    """One bundle holding all of several bundles' documents, events and features (first one wins on ids). Read it,
    never change it: of a single bundle it holds the bundle's own dicts."""
    bundles = list(bundles)
    result = Bundle()
    if len(bundles) == 1:  # one file open (the usual case): its dicts as they are, not a copy (30 MB at 1M features)
        only = bundles[0]
        result.documents, result.events, result.features = only.documents, only.events, only.features
        bundles_to_copy: list[Bundle] = []
    elif any(not isinstance(bundle.features, dict) for bundle in bundles) \
            or sum(len(bundle.features) for bundle in bundles) > COPIED_UP_TO:  # a plain layer's rows: none made;
        # a large file's dict is not copied either (a 3-point file opened beside a million points copied them all)
        result.features = MergedFeatures([bundle.features for bundle in bundles])  # type: ignore[assignment]
        for bundle in bundles:
            for document_id, document in bundle.documents.items():
                result.documents.setdefault(document_id, document)
            for event_id, event in bundle.events.items():
                result.events.setdefault(event_id, event)
        bundles_to_copy = []
    else:
        bundles_to_copy = bundles
    for bundle in bundles_to_copy:
        for target, source in (
            (result.documents, bundle.documents),
            (result.events, bundle.events),
            (result.features, bundle.features),
        ):
            assert isinstance(target, dict)
            if target.keys().isdisjoint(source):  # the usual case (a workspace refuses clashing ids): at C speed
                target.update(source)  # type: ignore[arg-type]
                continue
            for key, value in source.items():
                target.setdefault(key, value)  # type: ignore[arg-type]
    result._parts = tuple(bundles)
    tables = [bundle._table for bundle in bundles]
    if all(t is not None and t.current and len(t) == len(b.features) for t, b in zip(tables, bundles, strict=True)) \
            and len(result.features) == sum(map(len, tables)):  # type: ignore[arg-type]
        result._table = FeatureTable.concatenated(tables)  # type: ignore[arg-type]  # none is None: checked above
        result._table.sources = result._sources()
    return result
