"""Map features: a geometry of one kind, for one event, with the citations that report it."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Any

from shapely.geometry.base import BaseGeometry

from viewer.model.citation import Citation
from viewer.model.claim import Claim
from viewer.model.feature_containers import EmptyDict, EmptyList
from viewer.model.feature_rows import LayerColumns

GEOMETRY_KINDS = {"Point": "point", "MultiPoint": "point", "LineString": "line", "MultiLineString": "line",
                  "LinearRing": "line", "Polygon": "area", "MultiPolygon": "area"}


class Feature:
    """A GeoJSON feature. ``properties`` holds every property except the parsed citations and claims,
    including ones launchmap does not know, so they survive a round trip.

    A file of a million points makes a million of these, so they are lean: slots, no instance dict, and
    ``citations``, ``claims`` and ``extra`` held only once something is put in them (most features of a
    plain layer have none). Reading an empty one hands out a fresh empty container that joins the feature
    when it is first added to, so ``feature.citations.append(c)`` works as on a list held all along.

    A feature of a plain GeoPackage layer is made with ``columns`` (its batch's `LayerColumns`) and ``row``
    instead of a properties dict: the dict is made from the row when ``properties`` is first read, and is the
    feature's own from then on (edits go to it). `value`, `kind`, `event`, `label` read single cells
    until then, so drawing, counting and filtering a layer make no dicts.
    """

    __slots__ = (
        "__weakref__",
        "_citations",
        "_claims",
        "_columns",
        "_extra",
        "_home",
        "_properties",
        "_row",
        "geometry",
        "id",
        "layer",
        "source_geometry",
    )
    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value (as the dataclass it was)

    def __init__(self, id: str, geometry: BaseGeometry | None, properties: dict[str, Any] | None = None,
                 citations: list[Citation] | None = None, claims: list[Claim] | None = None,
                 extra: dict[str, Any] | None = None, source_geometry: dict[str, Any] | None = None,
                 layer: str | None = None, columns: LayerColumns | None = None, row: int = 0):
        self.id = id
        self.geometry = geometry
        self._properties = {} if properties is None and columns is None else properties
        self._columns = columns if properties is None else None
        self._row = row
        self._citations = citations
        self._claims = claims
        self._extra = extra
        self.source_geometry = source_geometry  # as read, written back if the geometry is unchanged
        # The source layer (a file's name) of a feature that belongs to no launch: set by the workspace, never stored.
        self.layer = layer
        self._home: Any = None  # the `LayerRun` a `RowFeature` was made from, until it is kept there (see row_feature)

    @property
    def properties(self) -> dict[str, Any]:
        """Every property except the parsed citations and claims (made from the feature's row on first use)."""
        properties = self._properties
        if properties is None:
            assert self._columns is not None
            properties = self._properties = self._columns.row(self._row)
            self._columns = None
        return properties

    @properties.setter
    def properties(self, value: dict[str, Any]) -> None:
        self._properties, self._columns = value, None

    def properties_copy(self) -> dict[str, Any]:
        """A copy of `properties`, made from the row without keeping it when no dict has been made yet (writing a
        million features must not leave each holding one)."""
        properties = self._properties
        if properties is not None:
            return dict(properties)
        return self._columns.row(self._row)  # type: ignore[union-attr]

    def value(self, key: str) -> Any:
        """``properties.get(key)``, read from the row's cell while no properties dict has been made."""
        properties = self._properties
        if properties is not None:
            return properties.get(key)
        column = self._columns.by_name.get(key)  # type: ignore[union-attr]
        return None if column is None else column[self._row]

    @property
    def citations(self) -> list[Citation]:
        return self._citations if self._citations is not None else EmptyList(self, "_citations")

    @citations.setter
    def citations(self, value: list[Citation]) -> None:
        self._citations = value

    @property
    def claims(self) -> list[Claim]:
        return self._claims if self._claims is not None else EmptyList(self, "_claims")

    @claims.setter
    def claims(self, value: list[Claim]) -> None:
        self._claims = value

    @property
    def extra(self) -> dict[str, Any]:
        """Foreign members of the Feature object."""
        return self._extra if self._extra is not None else EmptyDict(self, "_extra")

    @extra.setter
    def extra(self, value: dict[str, Any]) -> None:
        self._extra = value

    @property
    def extra_if_any(self) -> dict[str, Any] | None:
        """The foreign members, or None (not a new empty dict) when it has none: for a writer's loop."""
        return self._extra or None

    @property
    def has_citations_or_claims(self) -> bool:
        """Whether it holds any citation or claim, without making empty lists to say no."""
        return bool(self._citations or self._claims)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Feature):  # a `RowFeature` too: one kind of feature, made when asked
            return NotImplemented
        return (self.id, self.geometry, self._read_properties(), self.citations, self.claims, self.extra,
                self.source_geometry) == (other.id, other.geometry, other._read_properties(), other.citations,
                                          other.claims, other.extra, other.source_geometry)

    def _read_properties(self) -> dict[str, Any]:
        """`properties` to read, not change: made from the row without keeping it when no dict is held yet."""
        properties = self._properties
        return properties if properties is not None else self._columns.row(self._row)  # type: ignore[union-attr]

    def __repr__(self) -> str:
        return (f"Feature(id={self.id!r}, geometry={self.geometry!r}, properties={self._read_properties()!r}, "
                f"citations={self.citations!r}, claims={self.claims!r}, extra={self.extra!r})")

    @property
    def kind(self) -> str:
        """The launchmap kind, or for a feature from another tool (no kind) its geometry type: point, line, area."""
        properties = self._properties
        kind = properties.get("kind") if properties is not None else self._columns.kind[self._row]  # type: ignore[union-attr]
        if kind:
            return kind if kind.__class__ is str else str(kind)
        return GEOMETRY_KINDS.get(self.geometry.geom_type if self.geometry is not None else "", "reference_place")

    @property
    def event(self) -> str | None:
        properties = self._properties
        return properties.get("event") if properties is not None else self._columns.event[self._row]  # type: ignore[union-attr]

    @property
    def label(self) -> str:
        return str(self.value("label") or self.id)

    @property
    def certainty(self) -> str:
        properties = self._properties
        certainty = properties.get("certainty") if properties is not None else \
            self._columns.certainty[self._row]  # type: ignore[union-attr]
        if not certainty:
            return "reported"
        return certainty if certainty.__class__ is str else str(certainty)

    @property
    def derivation(self) -> str:
        return str(self.value("derivation") or "")

    @property
    def all_citations(self) -> list[Citation]:
        """Its own citations and those backing its claims (a new list)."""
        if self._claims is None:  # most features: no empty containers made to say so
            return list(self._citations) if self._citations is not None else []
        return self.citations + [c for claim in self._claims for c in claim.citations]


def features_of_rows(ids: Sequence[str], geometries: Sequence[BaseGeometry | None],
                     columns: LayerColumns) -> list[Feature]:
    """A feature for each row of ``columns`` (in order), with its id and geometry, its properties made on first use."""
    unset = repeat(None)
    return list(map(Feature, ids, geometries, unset, unset, unset, unset, unset, unset, repeat(columns),
                    range(len(ids))))
