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
    properties: dict[str, Any] = field(default_factory=dict)  # more bundle properties (a notice's number, window)

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
    """The launch one article reports, or the launch window one notice announces."""

    name: str
    space: bool
    date: date | None = None
    time: datetime | None = None
    vehicle: str | None = None
    outcome: str | None = None
    features: list[DraftFeature] = field(default_factory=list)
    claims: list[DraftClaim] = field(default_factory=list)
    notice: str | None = None  # "NAVAREA XI 0746/23" when the document is an official notice
    window: tuple[datetime, datetime] | None = None  # a notice's time in force, UTC
    cancels: list[str] = field(default_factory=list)  # notices this one cancels
    problems: list[tuple[int, str]] = field(default_factory=list)  # (offset, message): what could not be read
    others: list[ArticleDraft] = field(default_factory=list)  # other launches the same story reports

    def first(self, kind: str) -> DraftFeature | None:
        return next((f for f in self.features if f.kind == kind), None)
