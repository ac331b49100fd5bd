"""The vocabularies of the bundle: feature kinds and certainty levels."""

from __future__ import annotations

# Order matters: it is the drawing order (areas under lines under points) and the legend order.
KINDS: tuple[str, ...] = (
    "danger_zone",
    "warning_area",
    "flight_path",
    "overflight",
    "impact_point",
    "launch_site",
    "reference_place",
)

KIND_TITLES: dict[str, str] = {
    "danger_zone": "Danger zone",
    "warning_area": "Warning area",
    "flight_path": "Flight path",
    "overflight": "Overflight",
    "impact_point": "Impact point",
    "launch_site": "Launch site",
    "reference_place": "Reference place",
}

CERTAINTIES: tuple[str, ...] = ("reported", "derived", "approximate")
