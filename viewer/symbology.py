"""Cartographic symbology shared by the screen, image export and KML: colours per event, styles per kind."""

from __future__ import annotations

from dataclasses import dataclass

# Colour-blind-safe qualitative palette (Okabe-Ito, without yellow, which vanishes on light land).
EVENT_COLOURS = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#44AA99")
NO_EVENT_COLOUR = "#555555"

LAND = "#EFEBE3"
SEA = "#C9DDEB"
COAST = "#8E9AA6"
BORDER = "#9C8E9C"
GRATICULE = "#8FA6B8"
LABEL = "#2B2B2B"
HALO = "#FFFFFF"
SELECTION = "#FFD400"
HOVER = "#00E5FF"


@dataclass(frozen=True)
class KindStyle:
    """How one kind of feature is drawn; sizes are in screen pixels at 96 dpi."""

    geometry: str  # "area", "line" or "point"
    line_width: float = 1.5
    fill_alpha: int = 0  # 0-255 applied to the event colour
    dash: tuple[float, ...] = ()  # pen dash pattern in line widths; () = solid
    symbol: str = ""  # point symbol: triangle, cross, circle, diamond
    symbol_size: float = 0.0
    arrows: bool = False


KIND_STYLES: dict[str, KindStyle] = {
    "danger_zone": KindStyle("area", line_width=1.6, fill_alpha=70, dash=(4, 2)),
    "warning_area": KindStyle("area", line_width=1.4, fill_alpha=28, dash=(1, 2)),
    "flight_path": KindStyle("line", line_width=2.4, arrows=True),
    "overflight": KindStyle("line", line_width=6.0, fill_alpha=110),
    "impact_point": KindStyle("point", symbol="cross", symbol_size=13),
    "launch_site": KindStyle("point", symbol="triangle", symbol_size=15),
    "reference_place": KindStyle("point", symbol="circle", symbol_size=7),
}

# Certainty shows as the line's look: approximate geometry is dashed and lighter, derived is slightly lighter.
CERTAINTY_ALPHA = {"reported": 255, "derived": 225, "approximate": 160}
APPROXIMATE_DASH = (5, 3)

# Drafted by ingest and not yet reviewed: a magenta dotted outline over the event's own styling.
DRAFT = "#C2185B"
DRAFT_DASH = (1, 2)


def event_colours(event_ids: list[str]) -> dict[str, str]:
    """A stable colour per event, in the order given (time order keeps colours stable as files are added)."""
    return {event_id: EVENT_COLOURS[i % len(EVENT_COLOURS)] for i, event_id in enumerate(event_ids)}


def style_for(kind: str) -> KindStyle:
    return KIND_STYLES.get(kind, KIND_STYLES["reference_place"])
