"""Map features: a geometry of one kind, for one event, with the citations that report it."""

from __future__ import annotations

from typing import Any

from shapely.geometry.base import BaseGeometry

from viewer.model.citation import Citation
from viewer.model.claim import Claim
from viewer.model.feature_containers import EmptyDict, EmptyList

GEOMETRY_KINDS = {"Point": "point", "MultiPoint": "point", "LineString": "line", "MultiLineString": "line",
                  "LinearRing": "line", "Polygon": "area", "MultiPolygon": "area"}


class Feature:
    """A GeoJSON feature. ``properties`` holds every property except the parsed citations and claims,
    including ones launchmap does not know, so they survive a round trip.

    A file of a million points makes a million of these, so they are lean: slots, no instance dict, and
    ``citations``, ``claims`` and ``extra`` held only once something is put in them (most features of a
    plain layer have none). Reading an empty one hands out a fresh empty container that joins the feature
    when it is first added to, so ``feature.citations.append(c)`` works as on a list held all along.
    """

    __slots__ = ("_citations", "_claims", "_extra", "geometry", "id", "layer", "properties", "source_geometry")
    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value (as the dataclass it was)

    def __init__(self, id: str, geometry: BaseGeometry | None, properties: dict[str, Any] | None = None,
                 citations: list[Citation] | None = None, claims: list[Claim] | None = None,
                 extra: dict[str, Any] | None = None, source_geometry: dict[str, Any] | None = None,
                 layer: str | None = None):
        self.id = id
        self.geometry = geometry
        self.properties: dict[str, Any] = {} if properties is None else properties
        self._citations = citations
        self._claims = claims
        self._extra = extra
        self.source_geometry = source_geometry  # as read, written back if the geometry is unchanged
        # The source layer (a file's name) of a feature that belongs to no launch: set by the workspace, never stored.
        self.layer = layer

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
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Feature)
        return (self.id, self.geometry, self.properties, self.citations, self.claims, self.extra,
                self.source_geometry) == (other.id, other.geometry, other.properties, other.citations,
                                          other.claims, other.extra, other.source_geometry)

    def __repr__(self) -> str:
        return (f"Feature(id={self.id!r}, geometry={self.geometry!r}, properties={self.properties!r}, "
                f"citations={self.citations!r}, claims={self.claims!r}, extra={self.extra!r})")

    @property
    def kind(self) -> str:
        """The launchmap kind, or for a feature from another tool (no kind) its geometry type: point, line, area."""
        kind = self.properties.get("kind")
        if kind:
            return str(kind)
        return GEOMETRY_KINDS.get(self.geometry.geom_type if self.geometry is not None else "", "reference_place")

    @property
    def event(self) -> str | None:
        return self.properties.get("event")

    @property
    def label(self) -> str:
        return str(self.properties.get("label") or self.id)

    @property
    def certainty(self) -> str:
        return str(self.properties.get("certainty") or "reported")

    @property
    def derivation(self) -> str:
        return str(self.properties.get("derivation") or "")

    @property
    def all_citations(self) -> list[Citation]:
        """Its own citations and those backing its claims."""
        return self.citations + [c for claim in self.claims for c in claim.citations]
