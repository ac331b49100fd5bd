"""Round 20 (ingest28): what a clause's place means. A launch facility named only as the scene of something else (a
resort, a drill last year, an earlier launch) is not this launch's site; the site is read through brackets of
Hangul or Kanji and through the McCune-Reischauer romanisations (Tongch'ang-ni, Sinp'o, Musudan-ni). The South's
port Donghae is not the North's Tonghae. Invented text."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest.article import Article
from viewer.ingest.draft import draft_article
from viewer.ingest.places import shipped_matcher
from viewer.ingest.sites import named_in_background


def _site(text: str, published: date = date(2024, 3, 20)) -> str | None:
    draft = draft_article(Article("t", text, published=published))
    assert draft is not None
    site = draft.first("launch_site")
    return site.place if site else None


@pytest.mark.parametrize("background", [
    "Kim Jong Un toured the Kalma resort last week, state media said.",
    "Officials recalled a drill near Wonsan last year.",
    "The Wonsan beach hotels were closed to foreign visitors.",
    "Leader Kim visited Wonsan in 2019 to inspect the tourist zone.",
    "It came eight days after an attempt from the Wonsan area failed.",
])
def test_a_facility_named_in_the_background_is_not_the_site_of_a_launch_that_names_none(background: str) -> None:
    text = ("SEOUL, March 20 (Wire) -- North Korea fired a short-range ballistic missile into the East Sea on "
            f"Wednesday morning, South Korea's military said. {background} The missile flew about 300 km.\n")
    assert _site(text) is None


@pytest.mark.parametrize("told", [
    "The military said the missile was launched near Wonsan.",
    "The missile flew from the Kalma peninsula toward the sea, officials said.",
    "Officials said Wonsan was where it came from.",
])
def test_a_facility_told_as_where_the_launch_came_from_is_still_its_site(told: str) -> None:
    text = ("SEOUL, March 20 (Wire) -- North Korea fired a short-range ballistic missile into the East Sea on "
            f"Wednesday morning, South Korea's military said. {told} The missile flew about 300 km.\n")
    assert _site(text) == "wonsan-kalma"


@pytest.mark.parametrize(("written", "place"), [
    ("from the Tongch'ang-ni area", "sohae"),
    ("from the Tongchang-ni area", "sohae"),
    ("from waters off Sinp'o", "sinpo"),
    ("from waters off Sinp\u2019o", "sinpo"),
    ("from Musudan-ni", "tonghae"),
    ("from the Sunan [\uc21c\uc548] area", "sunan"),
    ("from the Sunan [\u9806\u5b89] area", "sunan"),
    ("from near Kusong (\u4e80\u57ce)", "kusong"),
    ("from Mupyong-ri [\ubb34\ud3c9\ub9ac]", "mupyong-ri"),
])
def test_the_site_is_read_in_other_romanisations_and_through_brackets(written: str, place: str) -> None:
    text = (f"SEOUL, March 20 (Wire) -- North Korea fired a ballistic missile {written} into the East Sea on "
            "Wednesday morning, South Korea's Joint Chiefs of Staff said. It flew about 300 km.\n")
    assert _site(text) == place


def test_the_souths_port_donghae_is_not_the_norths_tonghae() -> None:
    matcher = shipped_matcher()
    assert [m.place.id for m in matcher.find("a navy drill off Donghae")] == []
    assert [m.place.id for m in matcher.find("the Musudan-ni site, also called Tonghae")] == ["tonghae", "tonghae"]
    text = ("SEOUL, March 20 (Wire) -- North Korea fired a short-range ballistic missile into the East Sea on "
            "Wednesday, the JCS said. South Korea's navy held a drill off Donghae the same day.\n")
    assert _site(text) is None


def test_a_musudan_missile_is_not_the_musudan_ri_site() -> None:
    assert shipped_matcher().find("an intermediate-range Musudan ballistic missile") == []


def test_a_mention_with_no_other_time_or_scene_is_not_background() -> None:
    text = "The missile was fired from the Wonsan area toward the sea."
    mention = next(m for m in shipped_matcher().find(text) if m.place.id == "wonsan-kalma")
    assert not named_in_background(text, mention)
    text = "A year ago a drill was held near Wonsan; this time the launch came from Sunan."
    mention = next(m for m in shipped_matcher().find(text) if m.place.id == "wonsan-kalma")
    assert named_in_background(text, mention)


def test_another_time_told_after_the_place_counts_only_in_its_own_phrase() -> None:
    text = ('The test-fire was made from the new submarine in the waters off Sinpo on the east coast, the same vessel '
            'from which the first SLBM was fired five years ago.')
    mention = next(m for m in shipped_matcher().find(text) if m.place.id == "sinpo")
    assert not named_in_background(text, mention)
