"""What one article yields before it becomes bundle objects: drafted features and claims, with the spans of text
that support them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from shapely.geometry.base import BaseGeometry

Span = tuple[int, int]


@dataclass
class DraftFeature:
    kind: str
    geometry: BaseGeometry
    label: str
    certainty: str  # reported | derived | approximate
    derivation: str
    spans: list[Span]
    place: str | None = None  # gazetteer id of the place it stands on or is measured from

    def cite(self, span: Span) -> None:
        if span not in self.spans:
            self.spans.append(span)


@dataclass
class DraftClaim:
    property: str
    value: Any
    by: str
    spans: list[Span]


@dataclass
class ArticleDraft:
    """The launch one article reports."""

    name: str
    space: bool
    date: date | None = None
    time: datetime | None = None
    vehicle: str | None = None
    outcome: str | None = None
    features: list[DraftFeature] = field(default_factory=list)
    claims: list[DraftClaim] = field(default_factory=list)

    def first(self, kind: str) -> DraftFeature | None:
        return next((f for f in self.features if f.kind == kind), None)
