"""Undoable edits for reviewing a draft bundle: accept, reject, edit a property, link a passage, move a vertex.

Each edit is a command with ``apply(bundle)`` and ``revert(bundle)``; reverting right after applying leaves the
bundle as it was, so a QUndoStack (or any history) can wrap them one to one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from viewer.model.bundle import Bundle
from viewer.model.citation import Citation
from viewer.model.feature import Feature
from viewer.model.feature_table import DRAFT_PROPERTY
from viewer.model.kinds import CERTAINTIES, kind_names

STRUCTURED = frozenset({"citations", "claims"})  # held outside ``properties``: edited by their own commands
DRAFT_NAME_SUFFIX = " (draft)"  # how a drafted launch's name says it is one (viewer.ingest.assemble names it so)


class EditError(ValueError):
    """An edit that cannot be made; one line saying why. Nothing was changed."""


class Edit(Protocol):
    """An undoable edit. Its apply and revert end with ``bundle.features_changed()`` when they changed a feature, so
    the bundle's `FeatureTable` is made again."""

    @property
    def text(self) -> str: ...  # what the edit does, for an Undo menu item

    def apply(self, bundle: Bundle) -> None: ...

    def revert(self, bundle: Bundle) -> None: ...


def described(edit: Edit, bundle: Bundle, longest: int = 60) -> str:
    """The edit's words for an Undo menu item with its feature named as the user knows it, by its label in
    quotes ("Edit label of “Zone 2 (fairing)”"), not by an id they never see; the id stays when it has no label."""
    text = edit.text
    feature_id = getattr(edit, "feature_id", None)
    feature = bundle.features.get(feature_id) if isinstance(feature_id, str) else None
    label = " ".join(feature.label.split()) if feature is not None else ""
    if not label or label == feature_id or not isinstance(feature_id, str) or not text.endswith(feature_id):
        return text
    if len(label) > longest:
        label = label[:longest - 1].rstrip() + "…"
    return f"{text[:-len(feature_id)]}“{label}”"


def _feature(bundle: Bundle, feature_id: str) -> Feature:
    feature = bundle.features.get(feature_id)
    if feature is None:
        raise EditError(f"no feature {feature_id!r} in {bundle.name}")
    return feature


_MISSING = object()


@dataclass
class EditProperty:
    """Set one property of a feature (label, kind, certainty, derivation, event…)."""

    feature_id: str
    key: str
    value: Any
    _old: Any = field(default=_MISSING, init=False, repr=False)

    @property
    def text(self) -> str:
        return f"Set {self.key} of {self.feature_id}"

    def apply(self, bundle: Bundle) -> None:
        feature = _feature(bundle, self.feature_id)
        if self.key in STRUCTURED:
            raise EditError(f"{self.key} are edited by linking passages, not as a property")
        if self.key == "kind" and self.value not in kind_names():
            raise EditError(f"kind must be one of {', '.join(kind_names())}, not {self.value!r}")
        if self.key == "certainty" and self.value not in CERTAINTIES:
            raise EditError(f"certainty must be one of {', '.join(CERTAINTIES)}, not {self.value!r}")
        if self.key == "event" and self.value is not None and self.value not in bundle.events:
            raise EditError(f"no event {self.value!r} in {bundle.name}")
        self._old = feature.properties.get(self.key, _MISSING)
        feature.properties[self.key] = self.value
        bundle.features_changed()

    def revert(self, bundle: Bundle) -> None:
        feature = _feature(bundle, self.feature_id)
        if self._old is _MISSING:
            feature.properties.pop(self.key, None)
        else:
            feature.properties[self.key] = self._old
        bundle.features_changed()


class AcceptDraft(EditProperty):
    """Accept a drafted feature as it stands: it is no longer marked as a draft."""

    def __init__(self, feature_id: str):
        super().__init__(feature_id, DRAFT_PROPERTY, False)

    @property
    def text(self) -> str:
        return f"Accept {self.feature_id}"

    def apply(self, bundle: Bundle) -> None:
        feature = _feature(bundle, self.feature_id)
        self._old = feature.properties.pop(DRAFT_PROPERTY, _MISSING)  # an accepted feature carries no draft mark at all
        bundle.features_changed()


@dataclass
class AcceptLaunch:
    """Accept a drafted launch as it stands: its drafted features are accepted, and the launch loses its draft mark
    and the "(draft)" its name carried."""

    event_id: str
    _old: tuple[str, Any] | None = field(default=None, init=False, repr=False)
    _accepted: dict[str, Any] = field(default_factory=dict, init=False, repr=False)  # features' old draft marks

    @property
    def text(self) -> str:
        return f"Accept launch {self.event_id}"

    def apply(self, bundle: Bundle) -> None:
        event = bundle.events.get(self.event_id)
        if event is None:
            raise EditError(f"no launch {self.event_id!r} in {bundle.name}")
        if not is_draft_launch(bundle, self.event_id):
            raise EditError(f"{event.name or event.id} is not a draft: nothing to accept")
        self._old = (event.name, event.extra.pop(DRAFT_PROPERTY, _MISSING))
        event.name = event.name.removesuffix(DRAFT_NAME_SUFFIX)
        self._accepted = {f.id: f.properties.pop(DRAFT_PROPERTY) for f in bundle.features.values()
                          if f.event == self.event_id and DRAFT_PROPERTY in f.properties}
        bundle.features_changed()

    def revert(self, bundle: Bundle) -> None:
        event = bundle.events.get(self.event_id)
        if event is None or self._old is None:
            return
        event.name, mark = self._old
        if mark is not _MISSING:
            event.extra[DRAFT_PROPERTY] = mark
        for feature_id, mark in self._accepted.items():
            if feature_id in bundle.features:
                bundle.features[feature_id].properties[DRAFT_PROPERTY] = mark
        bundle.features_changed()


def is_draft_launch(bundle: Bundle, event_id: str) -> bool:
    """Whether a launch is still a draft: marked so, named so, or with drafted features."""
    event = bundle.events.get(event_id)
    if event is None:
        return False
    return bool(event.extra.get(DRAFT_PROPERTY)) or event.name.endswith(DRAFT_NAME_SUFFIX) or any(
        f.event == event_id and f.properties.get(DRAFT_PROPERTY) for f in bundle.features.values())


@dataclass
class RejectDraft:
    """Remove a drafted feature (and its event's pointer to it, if it was the launch site); revert puts it back
    in its place."""

    feature_id: str
    _feature: Feature | None = field(default=None, init=False, repr=False)
    _position: int = field(default=0, init=False, repr=False)
    _site_of: list[str] = field(default_factory=list, init=False, repr=False)

    @property
    def text(self) -> str:
        return f"Reject {self.feature_id}"

    def apply(self, bundle: Bundle) -> None:
        _feature(bundle, self.feature_id)
        self._position = list(bundle.features).index(self.feature_id)
        self._feature = bundle.features.pop(self.feature_id)
        self._site_of = [e.id for e in bundle.events.values() if e.site == self.feature_id]
        for event_id in self._site_of:
            bundle.events[event_id].site = None
        bundle.features_changed()

    def revert(self, bundle: Bundle) -> None:
        if self._feature is None:
            return
        items = list(bundle.features.items())
        items.insert(self._position, (self.feature_id, self._feature))
        bundle.features.clear()
        bundle.features.update(items)
        for event_id in self._site_of:
            if event_id in bundle.events:
                bundle.events[event_id].site = self.feature_id
        bundle.features_changed()


@dataclass
class LinkPassage:
    """Cite ``document[start:end]`` for a feature: the passage the user selected becomes a new citation."""

    feature_id: str
    document_id: str
    start: int
    end: int
    citation: Citation | None = field(default=None, init=False)

    @property
    def text(self) -> str:
        return f"Link passage to {self.feature_id}"

    def apply(self, bundle: Bundle) -> None:
        feature = _feature(bundle, self.feature_id)
        document = bundle.documents.get(self.document_id)
        if document is None:
            raise EditError(f"no document {self.document_id!r} in {bundle.name}")
        if document.text is None:
            raise EditError(f"the text of {self.document_id!r} is not available")
        if not 0 <= self.start < self.end <= len(document.text) or not document.text[self.start : self.end].strip():
            raise EditError(f"select some text of {self.document_id!r} to link (got {self.start}-{self.end})")
        citation = Citation.of_span(self.document_id, document.text, self.start, self.end)
        if any((c.document, c.start, c.end) == (citation.document, citation.start, citation.end)
               for c in feature.citations):
            raise EditError(f"{self.feature_id} already cites that passage")
        feature.citations.append(citation)
        self.citation = citation
        bundle.features_changed()  # its passage count

    def revert(self, bundle: Bundle) -> None:
        feature = _feature(bundle, self.feature_id)
        if self.citation is not None and self.citation in feature.citations:
            # the last one equal to it: the one apply() appended
            index = len(feature.citations) - 1 - feature.citations[::-1].index(self.citation)
            del feature.citations[index]
            bundle.features_changed()


@dataclass
class MoveVertex:
    """Move one vertex of a feature to (lon, lat). ``vertex`` is its index along a line or a polygon's outer ring
    (0 for a point); for a polygon, moving the first vertex moves the closing one too."""

    feature_id: str
    vertex: int
    lon: float
    lat: float
    _old: tuple[BaseGeometry | None, dict[str, Any] | None] | None = field(default=None, init=False, repr=False)

    @property
    def text(self) -> str:
        return f"Move {'point' if self.vertex == 0 else f'vertex {self.vertex}'} of {self.feature_id}"

    def apply(self, bundle: Bundle) -> None:
        feature = _feature(bundle, self.feature_id)
        if not (-90 <= self.lat <= 90 and -540 <= self.lon <= 540):
            raise EditError(f"({self.lon}, {self.lat}) is not a longitude and latitude")
        moved = _moved(feature.geometry, self.vertex, (self.lon, self.lat))
        self._old = (feature.geometry, feature.source_geometry)
        feature.geometry = moved
        feature.source_geometry = None  # written from the new geometry, not as it was read
        bundle.features_changed()

    def revert(self, bundle: Bundle) -> None:
        if self._old is not None:
            feature = _feature(bundle, self.feature_id)
            feature.geometry, feature.source_geometry = self._old
            bundle.features_changed()


class MovePoint(MoveVertex):
    """Move a point feature (a launch site, an impact point) to (lon, lat)."""

    def __init__(self, feature_id: str, lon: float, lat: float):
        super().__init__(feature_id, 0, lon, lat)


def _moved(geometry: BaseGeometry | None, vertex: int, to: tuple[float, float]) -> BaseGeometry:
    if geometry is None:
        raise EditError("the feature has no geometry to move")
    if isinstance(geometry, Point):
        if vertex != 0:
            raise EditError("a point has one vertex, number 0")
        return Point(to)
    if isinstance(geometry, LineString):
        coords = [tuple(c) for c in geometry.coords]
        _check_index(vertex, len(coords))
        coords[vertex] = to
        return LineString(coords)
    if isinstance(geometry, Polygon):
        ring = [tuple(c) for c in geometry.exterior.coords]
        _check_index(vertex, len(ring) - 1)  # the closing vertex repeats the first
        ring[vertex] = to
        if vertex == 0:
            ring[-1] = to
        moved = Polygon(ring, [list(r.coords) for r in geometry.interiors])
        if not shapely.is_valid(moved):
            raise EditError(f"moving vertex {vertex} there would make the polygon cross itself")
        return moved
    raise EditError(f"vertices of a {geometry.geom_type} cannot be moved one by one")


def _check_index(vertex: int, count: int) -> None:
    if not 0 <= vertex < count:
        raise EditError(f"vertex {vertex} does not exist (the geometry has {count})")


@dataclass
class AddFeature:
    """Add a new feature the user made (an annotation, a point, a line or an area); revert removes it."""

    feature: Feature

    @property
    def text(self) -> str:
        return f"Add {self.feature.kind.replace('_', ' ')} {self.feature.label}"

    def apply(self, bundle: Bundle) -> None:
        feature = self.feature
        if feature.id in bundle.features:
            raise EditError(f"feature id {feature.id!r} is already used in {bundle.name}")
        if feature.geometry is None or feature.geometry.is_empty or not shapely.is_valid(feature.geometry):
            raise EditError(f"{feature.id}: the geometry is empty or crosses itself")
        _check_properties(feature.properties, bundle, bool(feature.citations))
        bundle.features[feature.id] = feature
        bundle.features_changed()

    def revert(self, bundle: Bundle) -> None:
        bundle.features.pop(self.feature.id, None)
        bundle.features_changed()


@dataclass
class EditProperties:
    """Set several properties of a feature at once (the property sheet); a value of None removes the property."""

    feature_id: str
    changes: dict[str, Any]
    _old: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    @property
    def text(self) -> str:
        return f"Edit {', '.join(self.changes)} of {self.feature_id}"

    def apply(self, bundle: Bundle) -> None:
        feature = _feature(bundle, self.feature_id)
        if STRUCTURED & self.changes.keys():
            raise EditError("citations and claims are edited by linking passages, not as properties")
        after = {k: v for k, v in {**feature.properties, **self.changes}.items() if v is not None}
        _check_properties(after, bundle, bool(feature.citations))
        self._old = {key: feature.properties.get(key, _MISSING) for key in self.changes}
        feature.properties.clear()
        feature.properties.update(after)
        bundle.features_changed()

    def revert(self, bundle: Bundle) -> None:
        feature = _feature(bundle, self.feature_id)
        for key, old in self._old.items():
            if old is _MISSING:
                feature.properties.pop(key, None)
            else:
                feature.properties[key] = old
        bundle.features_changed()


def _check_properties(properties: dict[str, Any], bundle: Bundle, cited: bool) -> None:
    """Refuse kinds, certainties and launches that do not exist, and annotations their readers would refuse."""
    from viewer.model.annotation import problems_of

    kind, certainty, event = properties.get("kind"), properties.get("certainty"), properties.get("event")
    if kind is not None and kind not in kind_names():
        raise EditError(f"kind must be one of {', '.join(kind_names())}, not {kind!r}")
    if certainty is not None and certainty not in CERTAINTIES:
        raise EditError(f"certainty must be one of {', '.join(CERTAINTIES)}, not {certainty!r}")
    if event is not None and event not in bundle.events:
        raise EditError(f"no event {event!r} in {bundle.name}")
    for member, message in problems_of(properties, cited=cited):
        raise EditError(f"{member}: {message}")
