"""The feature kinds of the bundle, one registry entry each (title, draw order, style, text tint, quote rank),
and the certainty levels. Adding a kind is one `Kind(...)` here: the map, legend, tree, text and deck follow."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.model.feature import Feature


@dataclass(frozen=True)
class KindStyle:
    """How one kind of feature is drawn; sizes are in screen pixels at 96 dpi."""

    geometry: str  # "area", "line", "point" or "annotation" (the user's own marks: text, callouts, arrows, boxes)
    line_width: float = 1.5
    fill_alpha: int = 0  # 0-255 applied to the event colour
    dash: tuple[float, ...] = ()  # pen dash pattern in line widths; () = solid
    symbol: str = ""  # point symbol: triangle, cross, circle, diamond
    symbol_size: float = 0.0
    arrows: bool = False


@dataclass(frozen=True)
class Kind:
    """One kind of feature.

    ``tint`` is the light colour its cited passages get in the article text (black text stays readable on it);
    ``quote_rank`` orders a slide's quotes (lower first); ``in_legend`` False keeps it out of the map's legend
    (annotations explain themselves).
    """

    name: str
    title: str
    style: KindStyle
    tint: str
    quote_rank: int
    in_legend: bool = True


class KindRegistry:
    """The kinds in drawing order (areas under lines under points), which is also the legend's and the tree's."""

    def __init__(self, kinds: list[Kind], fallback: str):
        self._kinds = {k.name: k for k in kinds}
        self._fallback = fallback

    def __iter__(self) -> Iterator[Kind]:
        return iter(list(self._kinds.values()))

    def __contains__(self, name: object) -> bool:
        return name in self._kinds

    def names(self) -> tuple[str, ...]:
        return tuple(self._kinds)

    @property
    def fallback(self) -> str:
        """The kind an unknown kind is drawn as."""
        return self._fallback

    def get(self, name: str | None) -> Kind:
        """The kind called ``name``; an unknown kind is drawn and tinted as the fallback, under its own name."""
        if name in self._kinds:
            return self._kinds[name]
        fallback = self._kinds[self._fallback]
        title = str(name).replace("_", " ").strip()  # another tool's 'radar_site' is listed as 'Radar site'
        return Kind(str(name), title[:1].upper() + title[1:], fallback.style, fallback.tint, fallback.quote_rank + 1)

    def title(self, name: str | None) -> str:
        return self.get(name).title

    def order(self, name: str | None) -> int:
        """Drawing order; unknown kinds come last."""
        names = self.names()
        return names.index(name) if name in names else len(names)

    def add(self, kind: Kind, before: str | None = None) -> None:
        items = [k for k in self._kinds.values() if k.name != kind.name]
        at = next((i for i, k in enumerate(items) if k.name == before), len(items))
        items.insert(at, kind)
        self._kinds = {k.name: k for k in items}

    def remove(self, name: str) -> None:
        self._kinds.pop(name, None)

    @contextlib.contextmanager
    def registered(self, kind: Kind, before: str | None = None) -> Iterator[Kind]:
        """The registry with ``kind`` added for the duration (tests and plug-ins)."""
        self.add(kind, before)
        try:
            yield kind
        finally:
            self.remove(kind.name)


# Features from other tools carry no kind: they are drawn by geometry type (point, line, area) in their layer's colour,
# each under the launches' kinds of its geometry (context such as shipping lanes never covers a launch's path or site).
# Text tints: none near the yellow of the passage in focus. The map colours by launch, so the text colours by kind:
# the two together answer "which launch" and "what sort of thing".
KIND_REGISTRY = KindRegistry([
    Kind("area", "Area", KindStyle("area", line_width=1.6, fill_alpha=40), "#E2E2E2", quote_rank=9),
    Kind("danger_zone", "Danger zone",
         KindStyle("area", line_width=1.6, fill_alpha=70, dash=(4, 2)), "#F6B3A8", quote_rank=5),
    Kind("warning_area", "Warning area",
         KindStyle("area", line_width=1.4, fill_alpha=28, dash=(1, 2)), "#F4C6E6", quote_rank=4),
    Kind("line", "Line", KindStyle("line", line_width=1.8), "#E2E2E2", quote_rank=9),
    Kind("flight_path", "Flight path", KindStyle("line", line_width=2.4, arrows=True), "#B7D7F4", quote_rank=1),
    Kind("overflight", "Overflight", KindStyle("line", line_width=6.0, fill_alpha=110), "#D5C4F1", quote_rank=3),
    Kind("point", "Point", KindStyle("point", symbol="circle", symbol_size=8), "#E2E2E2", quote_rank=9),
    Kind("impact_point", "Impact point",
         KindStyle("point", symbol="cross", symbol_size=13), "#BFE5C2", quote_rank=2),
    Kind("launch_site", "Launch site",
         KindStyle("point", symbol="triangle", symbol_size=15), "#F9CFA0", quote_rank=0),
    Kind("reference_place", "Reference place",
         KindStyle("point", symbol="circle", symbol_size=7), "#DDDDDD", quote_rank=6),
    Kind("annotation", "Annotation", KindStyle("annotation", line_width=1.4), "#E6E0C8", quote_rank=7,
         in_legend=False),
], fallback="reference_place")


def kind_names() -> tuple[str, ...]:
    """Every kind's name, in drawing order."""
    return KIND_REGISTRY.names()


UNKNOWN_KINDS_LISTED = 20  # kinds the registry does not know, listed in the legend and the tree (a hostile file
# of 100,000 kinds would make as many rows)


def kinds_in_order(present: Iterable[object]) -> list[str]:
    """The kinds among ``present``: the registry's in its order, then those it does not know (another tool's
    'radar_site', drawn as the fallback is) by name, at most UNKNOWN_KINDS_LISTED of them — QGIS lists every layer,
    and a kind the legend and the tree left out could be neither explained nor hidden."""
    names = {str(kind) for kind in present if kind}
    known = [kind for kind in kind_names() if kind in names]
    return known + sorted(names - set(known))[:UNKNOWN_KINDS_LISTED]


def kind_title(name: str | None) -> str:
    return KIND_REGISTRY.title(name)


def kind_style(name: str | None) -> KindStyle:
    return KIND_REGISTRY.get(name).style


CERTAINTIES: tuple[str, ...] = ("reported", "derived", "approximate")


def stated_certainty(properties: Mapping[str, Any]) -> str:
    """A feature's certainty as its file states it: '' for a feature of another tool's file (the model reads it as
    'reported', but nothing reported it) and for the user's annotation, which makes no claim about a position."""
    if properties.get("kind") == "annotation":
        return ""
    certainty = properties.get("certainty")
    return certainty if isinstance(certainty, str) else ""


def certainty_note(properties: Mapping[str, Any]) -> str:
    """How sure a feature's position is, in words for its badge and tooltip: "certainty: approximate", "your mark"
    (an annotation) or "certainty not stated" (another tool's file: nothing says, and no article reports it)."""
    certainty = stated_certainty(properties)
    if certainty:
        return f"certainty: {certainty}"
    return "your mark" if properties.get("kind") == "annotation" else "certainty not stated"


def by_kind(features: Iterable[Feature], kinds: Iterable[str]) -> dict[str, list[Feature]]:
    """``features`` sorted into a list per kind of ``kinds``, in one pass (a million features' kinds read once, not
    once per kind); features of other kinds are left out. A kind the registry does not know is drawn as the
    fallback (a reference place, as the reader's warning says): its features join the fallback's list."""
    import numpy as np

    from viewer.model.feature_table import FeatureRows, columns_of

    kinds = list(kinds)
    known = set(KIND_REGISTRY.names())
    fallback = KIND_REGISTRY.fallback if KIND_REGISTRY.fallback in kinds else None
    picked = columns_of(features) if isinstance(features, list) else None
    if picked is not None:  # the kinds' codes, compared once per kind: each group a FeatureRows of the same table
        table, rows = picked
        position = {kind: i for i, kind in enumerate(kinds)}
        group_of = np.array([position.get(value if value in known else fallback, -1)  # type: ignore[arg-type]
                             for value in table.kind.values] or [-1], dtype=np.intp)
        groups_met = set(group_of.tolist())
        group = group_of[table.kind.codes[rows]]
        return {kind: FeatureRows(table, rows[group == i]) if i in groups_met else []
                for i, kind in enumerate(kinds)}
    groups: dict[str, list[Feature]] = {kind: [] for kind in kinds}
    for feature in features:
        kind = feature.kind
        members = groups.get(kind)
        if members is None and fallback is not None and kind not in known:
            members = groups[fallback]
        if members is not None:
            members.append(feature)
    return groups
