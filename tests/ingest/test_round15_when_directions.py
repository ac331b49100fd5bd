"""Issue 17, round 15: a direction as a browser copy of a wire story writes it — 'toward its east coast waters'.
Every sentence here was written for the test."""

from __future__ import annotations

import pytest

from viewer.ingest.directions import stated_direction
from viewer.ingest.places import PlaceMatcher
from viewer.ingest.sentences import Sentence


@pytest.mark.parametrize(("text", "bearing"), [
    ("North Korea fired a barrage of short-range ballistic missiles toward its east coast waters early on "
     "Thursday.", 90.0),
    ("The rockets were fired toward the country's western coastal waters, the military said.", 270.0),
])
def test_a_direction_as_notes_and_copies_write_it(text, bearing):
    stated = stated_direction(text, [Sentence(0, len(text), 0)], PlaceMatcher(), None)
    assert stated is not None
    assert stated.bearing == bearing


def test_a_coast_named_as_where_it_came_down_is_not_a_heading():
    text = "The missile flew about 350 km before splashing down in the sea off the coast of South Korea's Sokcho."
    stated = stated_direction(text, [Sentence(0, len(text), 0)], PlaceMatcher(), None)
    assert stated is None or stated.words not in ("east", "west")
