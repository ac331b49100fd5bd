"""Range rings and measurements the user draws over the map: session items (saved with the session, drawn by every
canvas — the window's, an export's, a slide's, a presentation's), kept apart from the bundles' features."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from psygnal import Signal

MAX_RADIUS_KM = 20_000.0  # half the Earth's circumference: beyond it a ring is the whole globe


@dataclass(frozen=True)
class RangeRings:
    """Geodesic circles of ``radii_km`` around ``centre`` (lon, lat), named after what they surround."""

    centre: tuple[float, float]
    radii_km: tuple[float, ...]
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"centre": list(self.centre), "radii_km": list(self.radii_km), "label": self.label}


@dataclass(frozen=True)
class Measurement:
    """A geodesic path through (lon, lat) points, labelled with its length."""

    points: tuple[tuple[float, float], ...]

    def length_km(self) -> float:
        from viewer.geo.geodesic import inverse

        return sum(float(inverse(a[0], a[1], b[0], b[1])[0]) for a, b in zip(self.points, self.points[1:],
                                                                              strict=False))

    def to_dict(self) -> dict[str, Any]:
        return {"points": [list(p) for p in self.points]}


class Overlays:
    """The rings and measurements of a session.

    Signals:
        changed(): rings or measurements were added, changed or cleared.
    """

    changed = Signal()

    def __init__(self) -> None:
        self.rings: list[RangeRings] = []
        self.measurements: list[Measurement] = []

    def __bool__(self) -> bool:
        return bool(self.rings or self.measurements)

    def set_rings(self, rings: list[RangeRings]) -> None:
        self.rings = list(rings)
        self.changed.emit()

    def start_measurement(self) -> None:
        """A new measurement replaces the last one (the one a click extends)."""
        if self.measurements and len(self.measurements[-1].points) < 2:
            self.measurements.pop()
        self.measurements.append(Measurement(()))
        self.changed.emit()

    def extend_measurement(self, lon: float, lat: float) -> Measurement:
        """Add a point to the measurement being made (starting one if there is none)."""
        last = self.measurements.pop() if self.measurements else Measurement(())
        measurement = Measurement((*last.points, (float(lon), float(lat))))
        self.measurements.append(measurement)
        self.changed.emit()
        return measurement

    def end_measurement(self) -> None:
        """Stop measuring; a measurement of fewer than two points is dropped, a longer one stays on the map."""
        if self.measurements and len(self.measurements[-1].points) < 2:
            self.measurements.pop()
            self.changed.emit()

    def clear(self) -> None:
        self.rings, self.measurements = [], []
        self.changed.emit()

    def set_all(self, other: Overlays) -> None:
        self.rings, self.measurements = list(other.rings), list(other.measurements)
        self.changed.emit()

    # -- the session file --------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"range_rings": [r.to_dict() for r in self.rings],
                "measurements": [m.to_dict() for m in self.measurements if len(m.points) >= 2]}

    @classmethod
    def from_dict(cls, raw: Any, where: str = "overlays") -> Overlays:
        """Overlays from session JSON; raises ValueError with ``WHERE: message`` for anything it cannot use."""
        if not isinstance(raw, dict):
            raise ValueError(f"{where}: must be an object")
        overlays = cls()
        for i, ring in enumerate(_list(raw, "range_rings", where)):
            place = f"{where}.range_rings[{i}]"
            if not isinstance(ring, dict):
                raise ValueError(f"{place}: must be an object")
            radii = ring.get("radii_km")
            if not isinstance(radii, list) or not radii or not all(_number(r) and 0 < r <= MAX_RADIUS_KM
                                                                    for r in radii):
                raise ValueError(f"{place}.radii_km: must be a list of distances in km, each 0 to {MAX_RADIUS_KM:g}")
            label = ring.get("label", "")
            overlays.rings.append(RangeRings(_position(ring.get("centre"), f"{place}.centre"),
                                             tuple(float(r) for r in radii), label if isinstance(label, str) else ""))
        for i, measurement in enumerate(_list(raw, "measurements", where)):
            place = f"{where}.measurements[{i}]"
            points = measurement.get("points") if isinstance(measurement, dict) else None
            if not isinstance(points, list) or len(points) < 2:
                raise ValueError(f"{place}.points: must list at least two positions")
            overlays.measurements.append(Measurement(tuple(_position(p, f"{place}.points[{j}]")
                                                           for j, p in enumerate(points))))
        return overlays


def _list(raw: dict, key: str, where: str) -> list:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"{where}.{key}: must be a list")
    return value


def _number(value: Any) -> bool:
    # An int is finite (math.isfinite would overflow converting one of 400 digits); the callers bound its range.
    return isinstance(value, int | float) and not isinstance(value, bool) and (isinstance(value, int)
                                                                               or math.isfinite(value))


def _position(value: Any, where: str) -> tuple[float, float]:
    if (not isinstance(value, list) or len(value) != 2 or not all(_number(v) for v in value)
            or not -180 <= value[0] <= 180 or not -90 <= value[1] <= 90):
        raise ValueError(f"{where}: must be a position [longitude, latitude] within ±180 and ±90")
    return (float(value[0]), float(value[1]))
