"""Issue 17, round 19: a direction of flight in an analyst's shorthand ('flew ENE', 'fired E-NE', 'brg 070') or as a
translation words it ('in the east sea direction', 'East Sea dir.'). Every story here was written for the test."""

from __future__ import annotations

import pytest
from story import drafted

from viewer.geo import geodesic
from viewer.ingest.compass_shorthand import points_bearing, shorthand_direction


def _bearing(draft) -> float | None:
    path = draft.first("flight_path")
    if path is not None:
        (x1, y1), (x2, y2) = path.geometry.coords[0], path.geometry.coords[-1]
        return float(geodesic.inverse(x1, y1, x2, y2)[1]) % 360
    return next((float(c.value) for c in draft.claims if c.property == "direction_deg"), None)


LEAD = "LYON, March 3, 2027 (Wire) - North Korea fired a ballistic missile {site}on Wednesday morning. "


@pytest.mark.parametrize("site", ["from the Kusong area ", ""])
@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("It flew ENE for about 300 km.", 60, 75),
    ("Missile fired E-NE, range ~300 km.", 60, 75),
    ("Fired E/NE from the coast at 0710.", 60, 75),
    ("The missile flew NE about 300 km.", 40, 50),
    ("Missile heading SSE at launch.", 150, 165),
    ("The missile flew on a bearing of 070 degrees.", 65, 75),
    ("Missile fired brg 070, ~300 km.", 65, 75),
    ("Launched East Sea dir. at 0710.", 75, 100),
    ("It was launched in the east sea direction.", 75, 100),
    ("Two shots were launched to west sea direction.", 250, 290),
])
def test_a_direction_in_shorthand(site, sentence, low, high):
    bearing = _bearing(drafted(LEAD.format(site=site) + sentence + "\n"))
    assert bearing is not None
    assert low <= bearing <= high


@pytest.mark.parametrize(("points", "bearing"), [
    ("N", 0.0), ("NE", 45.0), ("ENE", 67.5), ("NNE", 22.5), ("ESE", 112.5), ("WNW", 292.5), ("E-NE", 67.5),
    ("N/NE", 22.5), ("SW", 225.0)])
def test_compass_points(points, bearing):
    assert points_bearing(points) == pytest.approx(bearing)


@pytest.mark.parametrize("points", ["NSE", "EN", "NEE", "NE-SW", "EW"])
def test_no_compass_point(points):
    assert points_bearing(points) is None


@pytest.mark.parametrize("text", [
    "A tanker aircraft climbed out of the base, heading NW.",  # an aircraft's, no missile named
    "The NE region was quiet; the ministry said the launch was routine.",  # a region, not after a verb of flight
    "It fired 2 SRBMs from near the border, officials said.",
    "The missile was on track 7 of the range.",  # two figures without a degree sign: no bearing
    "The missile flew 1,070 km, officials said.",  # a distance, not a bearing
])
def test_no_shorthand_direction(text):
    assert shorthand_direction(text, 0, len(text)) is None


def test_a_bearing_past_the_compass_is_none():
    text = "The missile fired brg 400, officials said."
    assert shorthand_direction(text, 0, len(text)) is None
