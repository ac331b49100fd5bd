"""Map features: a geometry of one kind, for one event, with the citations that report it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

from viewer.model.citation import Citation
from viewer.model.claim import Claim

GEOMETRY_KINDS = {"Point": "point", "MultiPoint": "point", "LineString": "line", "MultiLineString": "line",
                  "LinearRing": "line", "Polygon": "area", "MultiPolygon": "area"}


@dataclass
class Feature:
    """A GeoJSON feature. ``properties`` holds every property except the parsed citations and claims,
    including ones launchmap does not know, so they survive a round trip."""

    id: str
    geometry: BaseGeometry | None
    properties: dict[str, Any] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # foreign members of the Feature object
    source_geometry: dict[str, Any] | None = field(default=None, repr=False)  # as read, written back if unchanged
    # The source layer (a file's name) of a feature that belongs to no launch: set by the workspace, never stored.
    layer: str | None = field(default=None, repr=False, compare=False)

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
