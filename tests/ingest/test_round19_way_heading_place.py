"""Issue 17, round 19: 'toward Okinawa' is a heading, drawn as a short leg that names the place ('Heading south toward
Okinawa'), not a path to Okinawa (the words say which way, not that the flight got there); a failed launch's
direction told in the sentence of its failure ('exploded while heading toward Okinawa') cuts its short path that way;
where a failed rocket's pieces fell ('fell into the Yellow Sea off the west coast') is no heading. Every story here
was written for the test."""

from __future__ import annotations

import pytest
from story import drafted

LEAD = "OSLO, June 1, 2027 (Wire) - North Korea launched a rocket carrying a satellite from its Sohae station on Monday"


@pytest.mark.parametrize("rest", [". It flew toward Okinawa, officials said.", " toward Okinawa, officials said."])
def test_a_heading_toward_a_place_names_it_and_stops_short(rest):
    draft = drafted(LEAD + rest + "\n")
    path = draft.first("flight_path")
    assert path is not None
    assert path.label == "Heading south toward Okinawa (distance not reported)"
    assert path.properties.get("heading_only") is True
    (_, y1), (_, y2) = path.geometry.coords[0], path.geometry.coords[-1]
    assert y1 - y2 < 2.0  # a leg of ~150 km, far short of Okinawa (~1,400 km off)


def test_a_compass_heading_names_no_place():
    path = drafted(LEAD + ". It flew south, officials said.\n").first("flight_path")
    assert path is not None
    assert path.label == "Heading south (distance not reported)"


def test_the_sentence_of_the_failure_tells_its_way():
    draft = drafted(LEAD + ". It exploded minutes later while heading toward Okinawa, officials said.\n")
    assert draft.outcome == "failure"
    path = draft.first("flight_path")
    assert path is not None
    assert path.label == "Short flight (failed; toward Okinawa)"


def test_where_the_pieces_fell_is_no_heading():
    draft = drafted(LEAD + ". It broke apart and its pieces fell into the Yellow Sea off the west coast, officials "
                    "said.\n")
    assert draft.outcome == "failure"
    assert draft.first("flight_path") is None
