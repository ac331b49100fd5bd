"""Latitude/longitude pairs written in article text: 36°04'N 124°30'E, 36-04N 124-30E, 3604N 12430E,
36.07°N 124.5°E, and '36 degrees 4 minutes north latitude, 124 degrees 30 minutes east longitude'."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEMISPHERE = r"(?P<hem>north|south|east|west|[NSEW])\b(?:\s+(?:latitude|longitude))?"
_ONE = re.compile(
    r"(?<![\d.])(?P<deg>\d{1,3}(?:\.\d+)?)\s*(?:°|º|˚|degrees?|deg\.?|-|\s)\s*"
    r"(?:(?P<min>\d{1,2}(?:\.\d+)?)\s*(?:['\u2032\u2019]|minutes?|mins?\.?)?\s*"
    r"(?:(?:-|\s)?\s*(?P<sec>\d{1,2}(?:\.\d+)?)\s*(?:[\"\u2033\u201d]|''|\u2032\u2032|seconds?|secs?\.?))?)?\s*"
    + _HEMISPHERE,
    re.IGNORECASE,
)
_COMPACT = re.compile(r"(?<![\d.])(?P<deg>\d{2,3})(?P<min>\d{2}(?:\.\d+)?)\s*(?P<hem>[NSEW])\b")
_DECIMAL = re.compile(r"(?<![\d.])(?P<deg>\d{1,3}\.\d+)\s*°?\s*(?P<hem>[NSEW])\b")
_PAIR_GAP = re.compile(r"\s*(?:,|/|;|and|by)?\s*")


@dataclass(frozen=True)
class Coordinate:
    start: int
    end: int
    lat: float
    lon: float


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    value: float
    axis: str  # "lat" or "lon"


def _parts(text: str, start: int, end: int) -> list[_Part]:
    parts: list[_Part] = []
    for pattern in (_COMPACT, _DECIMAL, _ONE):
        for m in pattern.finditer(text, start, end):
            if any(p.start < m.end() and m.start() < p.end for p in parts):
                continue
            part = _part(m, pattern is _COMPACT)
            if part is not None:
                parts.append(part)
    return sorted(parts, key=lambda p: p.start)


def _part(m: re.Match[str], compact: bool) -> _Part | None:
    hemisphere = m.group("hem")[0].upper()
    axis = "lat" if hemisphere in "NS" else "lon"
    degrees = float(m.group("deg"))
    minutes = float(m.groupdict().get("min") or 0)
    seconds = float(m.groupdict().get("sec") or 0)
    if compact and len(m.group("deg")) != (2 if axis == "lat" else 3):
        return None
    if minutes >= 60 or seconds >= 60 or ((minutes or seconds) and degrees != int(degrees)):
        return None
    value = degrees + minutes / 60 + seconds / 3600
    if value > (90 if axis == "lat" else 180):
        return None
    return _Part(m.start(), m.end(), -value if hemisphere in "SW" else value, axis)


def find_coordinates(text: str, start: int = 0, end: int | None = None) -> list[Coordinate]:
    """Pairs of a latitude and a longitude written next to each other (either order)."""
    end = len(text) if end is None else end
    parts = _parts(text, start, end)
    found: list[Coordinate] = []
    i = 0
    while i + 1 < len(parts):
        a, b = parts[i], parts[i + 1]
        gap = _PAIR_GAP.fullmatch(text, a.end, b.start)
        if a.axis != b.axis and gap is not None:
            lat, lon = (a.value, b.value) if a.axis == "lat" else (b.value, a.value)
            found.append(Coordinate(a.start, b.end, round(lat, 6), round(lon, 6)))
            i += 2
        else:
            i += 1
    return found
