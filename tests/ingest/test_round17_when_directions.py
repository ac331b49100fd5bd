"""Issue 17, round 17: which way, as social posts and machine translations write it — a hashtag for the sea
("toward the #EastSea"), the direction before its noun ("launched to east direction", "in East Sea direction").
Every text here was written for the test."""

from __future__ import annotations

import pytest

from viewer.ingest.directions import stated_direction
from viewer.ingest.places import shipped_matcher
from viewer.ingest.sentences import split_sentences


def _stated(text: str):
    return stated_direction(text, split_sentences(text), shipped_matcher(), None)


@pytest.mark.parametrize(("sea", "bearing"), [("#EastSea", 90.0), ("#WestSea", 270.0)])
def test_a_posts_hashtag_names_the_sea_the_missile_was_fired_toward(sea, bearing):
    stated = _stated(f"#NorthKorea fired a ballistic missile at 10:17 KST toward the {sea}. #DPRK #missiles")
    assert stated is not None
    assert stated.bearing == bearing


def test_a_hashtag_that_is_not_a_place_gives_no_direction():
    assert _stated("#NorthKorea fired a ballistic missile toward the #Breaking news desk this morning.") is None


@pytest.mark.parametrize(
    ("words", "bearing"),
    [("to east direction", 90.0), ("in south direction", 180.0), ("to north-east direction", 45.0)],
)
def test_a_translations_compass_word_before_direction_is_the_way_it_flew(words, bearing):
    stated = _stated(
        f"Military authorities said, North Korea from the capital vicinity missile 1 shot {words} launched."
    )
    assert stated is not None
    assert stated.bearing == bearing


@pytest.mark.parametrize(("sea", "bearing"), [("East Sea", 90.0), ("West Sea", 270.0)])
def test_a_translations_sea_before_direction_is_the_way_it_flew(sea, bearing):
    stated = _stated(
        f'Joint Chiefs "North Korea in {sea} direction to unidentified short-range projectile 2 shots '
        'launched" and said.'
    )
    assert stated is not None
    assert stated.bearing == bearing


def test_a_sea_named_without_direction_after_it_is_not_a_heading():
    assert _stated("Fishing boats of the East Sea fleet stayed in port while the missile was launched.") is None
