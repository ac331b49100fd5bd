"""Distances with directions in article text: "2,000 kilometers south", "about 300 km east of the Philippines",
"flew south for 1,000 km", and altitudes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.ingest.asked_before import asked_before

UNITS_KM = {"km": 1.0, "kilometer": 1.0, "kilometre": 1.0, "mile": 1.609344, "mi": 1.609344,
            "nautical mile": 1.852, "nm": 1.852}  # fmt: skip
COMPASS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0}

_NUMBER = (r"(?P<qualifier>about|around|approximately|approx\.|roughly|some|nearly|almost|more than|over|at least|"
           r"up to|an estimated|estimated|close to)?\s*(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*-?\s*"
           r"(?P<unit>kilometers?|kilometres?|km|nautical miles?|nm|miles?|mi)\b")
_DIRECTION = (r"(?P<direction>(?:north|south|east|west)(?:[- ]?(?:north|south|east|west)){0,2})(?:wards?|erly)?\b")
# "700 kilometers (435 miles) northeast": the same distance converted, in brackets
_CONVERSION = (r"(?:\s*\(\s*(?:about\s+|some\s+)?[\d,.]+\s*(?:miles?|mi|km|kilometers?|kilometres?|"
               r"nautical miles?)\s*\))?")
_RELATIVE = re.compile(_NUMBER + _CONVERSION + r"\s+(?:to the\s+|off the\s+)?" + _DIRECTION + r"\s+(?:of|from|off)\b",
                       re.IGNORECASE)
_TRAVEL = re.compile(_NUMBER + _CONVERSION + r"\s+(?:to the\s+|toward the\s+|towards the\s+|in a\s+|in the\s+)?"
                     + _DIRECTION
                     + r"(?!\s+(?:of|from|off)\b)(?![- ](?:coast|side|part|region|Korea|Japan|Pacific|Sea))",
                     re.IGNORECASE)
_TRAVEL_REVERSED = re.compile(
    r"\b(?:flew|flying|flown|fly|traveled|travelled|travel(?:l)?ing|headed|heading|went|fired|launched)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:to the\s+|toward the\s+|towards the\s+|in a\s+)?" + _DIRECTION
    + r"(?:\s+direction)?\s*,?\s+(?:for\s+|covering\s+|over\s+)?(?:a distance of\s+|a range of\s+)?" + _NUMBER,
    re.IGNORECASE,
)
_DISTANCE_ONLY = re.compile(
    r"\b(?:flew|flying|flown|traveled|travelled|travel(?:l)?ing|distance of|range of|covered|covering)\s+"
    r"(?:for\s+|a distance of\s+|a total of\s+)?" + _NUMBER, re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_ALTITUDE = re.compile(
    r"\b(?:altitude|apogee|height)\s+of\s+(?:up to\s+|more than\s+)?" + _NUMBER
    + r"|" + _NUMBER.replace("?P<", "?P<b_") + r"\s+(?:high|in altitude|into space)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Distance:
    start: int
    end: int
    km: float
    bearing: float | None  # degrees clockwise from north; None when no direction is given
    direction: str  # as written, e.g. "south", "north-northeast"
    relative: bool  # "… east of PLACE": measured from the place named next, not from the launch site
    approximate: bool  # "about", "some", "roughly"…


def bearing_of(direction: str) -> float | None:
    """'south' → 180, 'south-west' → 225, 'east-northeast' → 67.5; None for nonsense like 'north-south'."""
    words = re.findall(r"north|south|east|west", direction.lower())
    if len(words) == 1:
        return COMPASS[words[0]]
    if len(words) == 2:
        return _between(*words)
    if len(words) == 3 and words[0] in (words[1], words[2]):
        pair = _between(words[1], words[2])
        if pair is None:
            return None
        first = COMPASS[words[0]]
        if abs(first - pair) > 180:
            first += 360 if first < pair else -360
        return ((first + pair) / 2) % 360
    return None


def _between(a: str, b: str) -> float | None:
    if a not in ("north", "south") or b not in ("east", "west"):
        return None
    return {("north", "east"): 45.0, ("south", "east"): 135.0, ("south", "west"): 225.0,
            ("north", "west"): 315.0}[(a, b)]  # fmt: skip


def _km(m: re.Match[str], prefix: str = "") -> float:
    unit = m.group(prefix + "unit").lower().rstrip(".")
    unit = {"kilometers": "kilometer", "kilometres": "kilometre", "miles": "mile",
            "nautical miles": "nautical mile"}.get(unit, unit)
    return float(m.group(prefix + "number").replace(",", "")) * UNITS_KM[unit]


@asked_before  # (asked of one sentence by the flight and by the claims)
def find_distances(text: str, start: int, end: int) -> list[Distance]:
    found: list[Distance] = []
    if not _DIGIT.search(text, start, end):  # most sentences hold no number; the patterns are slow to fail
        return found

    def add(m: re.Match[str], relative: bool) -> None:
        if any(d.start < m.end() and m.start() < d.end for d in found):
            return
        direction = m.groupdict().get("direction") or ""
        bearing = bearing_of(direction) if direction else None
        if direction and bearing is None:
            return
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        found.append(Distance(start, m.end(), _km(m), bearing, direction, relative, bool(m.group("qualifier"))))

    for m in _RELATIVE.finditer(text, start, end):
        add(m, True)
    for pattern in (_TRAVEL_REVERSED, _TRAVEL, _DISTANCE_ONLY):
        for m in pattern.finditer(text, start, end):
            add(m, False)
    return sorted(found, key=lambda d: d.start)


@asked_before
def find_altitudes(text: str, start: int, end: int) -> list[tuple[int, int, float]]:
    """(start, end, km) of stated altitudes ('an altitude of 6,000 km', '2,000 km high')."""
    found: list[tuple[int, int, float]] = []
    if not _DIGIT.search(text, start, end):
        return found
    for m in _ALTITUDE.finditer(text, start, end):
        prefix = "" if m.group("number") else "b_"
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        found.append((start, m.end(), _km(m, prefix)))
    return found
