"""Issue 17, round 19: a flight that came down in the sea east of the peninsula, under either of its names, went east
when it was fired from a site west of North Korea's east coast; from a site on that coast (where a rocket that failed
at once falls into the same sea) the Japanese name says where it fell and no more. Every story here was written for
the test."""

from __future__ import annotations

import pytest
from story import drafted

from viewer.geo import geodesic


def _bearing(draft) -> float | None:
    path = draft.first("flight_path")
    if path is not None:
        (x1, y1), (x2, y2) = path.geometry.coords[0], path.geometry.coords[-1]
        return float(geodesic.inverse(x1, y1, x2, y2)[1]) % 360
    return next((float(c.value) for c in draft.claims if c.property == "direction_deg"), None)


LEAD = "LYON, March 3, 2027 (Wire) - North Korea fired a ballistic missile from {site} on Wednesday morning. "


@pytest.mark.parametrize("site", ["the Kusong area", "Sunan", "Mupyong-ri"])
@pytest.mark.parametrize("sentence", [
    "It flew for 40 minutes and splashed down in the Sea of Japan, officials said.",
    "The missile reached 2,500 km in altitude before landing in the Japan Sea.",
])
def test_a_flight_from_inland_that_came_down_in_the_sea_of_japan_went_east(site, sentence):
    bearing = _bearing(drafted(LEAD.format(site=site) + sentence + "\n"))
    assert bearing is not None
    assert 45 <= bearing <= 135


@pytest.mark.parametrize("site", ["Sinpo", "the Wonsan area"])
def test_from_the_east_coast_the_sea_of_japan_is_only_where_it_fell(site):
    draft = drafted(LEAD.format(site=site) + "It broke apart seconds after lift-off and fell into the Sea of "
                    "Japan, officials said.\n")
    assert draft is not None
    assert _bearing(draft) is None


def test_flying_over_the_sea_is_not_coming_down_in_it():
    # (over it: a cruise missile's circuits, or a story's second launch; only the Korean name says the side)
    draft = drafted(LEAD.format(site="the Kusong area") + "Later missiles flew over the Sea of Japan, Tokyo said.\n")
    assert draft is not None
    assert _bearing(draft) is None
