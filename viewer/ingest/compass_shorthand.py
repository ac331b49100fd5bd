"""A direction of flight in an analyst's shorthand: compass points in capitals ('flew ENE', 'fired E-NE', 'Heading:
NE'), a numbered bearing ('brg 070', 'on a bearing of 070°', 'azimuth 65 deg') and a sea's direction abbreviated or
in lower case as a translation leaves it ('East Sea dir.', 'in the east sea direction')."""

from __future__ import annotations

import re

from viewer.ingest.measures import bearing_of

_POINT_WORDS = {"N": "north", "S": "south", "E": "east", "W": "west"}
# the 16 points in capitals, or two of them joined ('E-NE', 'E/NE': between the two)
_POINTS = r"(?-i:(?P<points>[NSEW]{1,3}(?:[-/][NSEW]{1,2})?))(?![\w-])"
_QUALIFIER = r"(?:(?:due|roughly|about|approx\.?|approximately|generally|~)\s*)?"
# after a verb of the flight ('flew ENE', 'fired NE', 'launched E-NE'), or a report's field ('Heading: ENE',
# 'Dir ... NE', 'Track: NE')
_AFTER_FLIGHT = re.compile(rf"\b(?:flew|flown|flying|fired|launched|travell?ed)\s+{_QUALIFIER}{_POINTS}",
                           re.IGNORECASE)
# ('heading NW' is as often an aircraft's or a ship's: only with the missile named in the same sentence)
_AFTER_HEADING = re.compile(rf"\bhead(?:ed|ing)\s+{_QUALIFIER}{_POINTS}", re.IGNORECASE)
_MISSILE = re.compile(r"\b(?:missiles?|rockets?|projectiles?|[SIM]RBMs?|ICBMs?|SLBMs?|IRBMs?|shots?)\b", re.IGNORECASE)
_FIELD = re.compile(rf"^[ \t]*(?:[-*\u2022][ \t]*)?(?:direction|dir|heading|hdg|track|course)\.?[ \t]*(?::|\.{{3,}})"
                    rf"[ \t]*{_QUALIFIER}{_POINTS}", re.IGNORECASE | re.MULTILINE)
# a bearing in degrees: three figures ('brg 070'), or fewer with the degree sign or word ('bearing 65°')
_NUMBERED = re.compile(r"\b(?:brg|bearing|azimuth|az|hdg|heading|track)\.?\s*(?:of\s+)?(?:(?:about|around|roughly|"
                       r"approx\.?|approximately|~)\s*)?(?:(?P<three>[0-3]\d\d)(?!\d|[,.:]\d)\s*(?:°|deg(?:rees|\.)?)?|"
                       r"(?P<few>\d{1,2})\s*(?:°|deg(?:rees|\.)?))(?:\s*(?:T|true|magnetic|M)\b)?", re.IGNORECASE)
# a coast's sea as the direction, as a translation or a note writes it: "in the east sea direction", "East Sea dir.",
# "to West Sea direction" (the Korean names; the sea on that coast)
SEA_DIRECTION = re.compile(r"\b(?P<side>east|west)\s+sea\s+dir(?:ection\b|\.)", re.IGNORECASE)
DIRECTION_AFTER_SEA = re.compile(r"\s+dir(?:ection\b|\.)", re.IGNORECASE)


def points_bearing(points: str) -> float | None:
    """'ENE' → 67.5, 'NE' → 45, 'E-NE' and 'E/NE' → 67.5; None for what no compass has ('NSE', 'EW')."""
    parts = re.split(r"[-/]", points)
    if len(parts) == 2 and not (len(parts[0]) == 1 and len(parts[1]) == 2 and parts[0] in parts[1]):
        return None  # (only a cardinal point and an intercardinal one beside it: 'E-NE', 'N/NE')
    return bearing_of("-".join(_POINT_WORDS[p] for part in parts for p in part))


def shorthand_direction(text: str, start: int, end: int) -> tuple[float, str, tuple[int, int]] | None:
    """The first direction of flight written in shorthand between ``start`` and ``end``: its bearing, the words as
    written and their span."""
    found: list[tuple[int, float, str, tuple[int, int]]] = []
    for pattern in (_AFTER_FLIGHT, _FIELD, _AFTER_HEADING):
        for m in pattern.finditer(text, start, end):
            if pattern is _AFTER_HEADING and not _MISSILE.search(text, start, end):
                break
            bearing = points_bearing(m.group("points"))
            if bearing is not None:
                found.append((m.start(), bearing, m.group("points"), m.span()))
                break
    for m in _NUMBERED.finditer(text, start, end):
        degrees = int(m.group("three") or m.group("few"))
        if degrees <= 360:
            found.append((m.start(), float(degrees % 360), m.group().strip(), m.span()))
            break
    if not found:
        return None
    _, bearing, words, span = min(found)
    return bearing, words, span
