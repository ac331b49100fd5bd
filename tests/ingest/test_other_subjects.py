"""Words in a launch story that belong to something else: an adjective, another country's missiles, another
launch's outcome or day, the sender of an alert, an exercise's start."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes


def article(text: str):
    return article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story")


def alerted(draft) -> set[str]:
    return {f.place for f in draft.features if f.kind == "warning_area"}


def test_a_hyphenated_launched_is_an_adjective_not_a_launch():
    text = ("Pyongyang puts new weapons on show\n\nSEOUL, June 3, 2031 (Reuters) - North Korea displayed an "
            "air-launched cruise missile and a ship-launched rocket at a military parade in Pyongyang on Tuesday, "
            "state television showed. No missiles were fired.\n")
    assert draft_article(article(text)) is None


def test_a_test_fire_of_a_missile_named_as_a_noun_is_a_launch():
    text = ("Test report\n\nPyongyang, June 4 (KCNA) -- The DPRK conducted a test-fire of a new-type "
            "submarine-launched ballistic missile off Sinpo on Tuesday.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date is None or draft.date.weekday() == 1


def test_the_missiles_another_country_fired_in_reply_are_not_this_launchs():
    text = ("Missile flies over Japan\n\nTOKYO, June 3, 2031 (AP) - North Korea fired a ballistic missile "
            "over northern Japan on Tuesday, the government said. In Seoul, the navy said it fired two missiles of "
            "its own in a drill an hour later. One of them fell into the sea shortly after launch.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome is None
    assert not [c for c in draft.claims if c.property == "outcome"]


@pytest.mark.parametrize("sentence", [
    "The missile fell into the Sea of Japan about 300 km off the coast, the ministry said.",
    "Officials said in March that the country had successfully tested a new engine for the weapon.",
    "On May 2, an earlier missile exploded seconds after leaving its launcher.",
])
def test_an_outcome_that_is_where_it_was_aimed_or_another_days(sentence):
    text = ("North Korea fires missile\n\nSEOUL, June 3, 2031 (Yonhap) -- North Korea fired a ballistic missile "
            f"from near Pyongyang into the East Sea on Tuesday, the military said. {sentence}\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome is None


def test_a_failure_on_the_launch_day_still_counts():
    text = ("North Korea fires missile\n\nSEOUL, June 3, 2031 (Yonhap) -- North Korea fired a ballistic missile "
            "from near Pyongyang on Tuesday, the military said. On Tuesday the missile exploded seconds after "
            "leaving its launcher.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome == "failure"


def test_the_sender_of_an_alert_and_north_korean_places_are_not_alerted():
    text = ("Missile alert in Japan\n\nJune 3, 2031\n\nNorth Korea fired a ballistic missile from Pyongyang on "
            "Tuesday. Tokyo sent a J-Alert to residents of Niigata Prefecture. Pyongyang has called the drills "
            "provocative, and the air raid sirens sounded on Ulleungdo.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert alerted(draft) == {"niigata-prefecture", "ulleungdo"}


def test_the_day_an_exercise_began_is_not_the_launch_day():
    text = ("Cruise missiles fired\n\nSEOUL, June 6, 2031 (AFP) - North Korea said Friday it had fired two cruise "
            "missiles from near Hamhung on Wednesday. The launches come as allied forces hold drills, which began on "
            "May 20 and run for two weeks.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date == date(2031, 6, 4)
    assert draft.others == []


def test_the_day_of_a_launch_compared_with_is_not_this_ones():
    text = ("Missile over Hokkaido\n\nFriday, June 6, 2031\n\nNorth Korea's missile was launched at 6:40 a.m. "
            "from the Sunan area, the same place as the launch that flew over Japan on May 20, and headed east.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date == date(2031, 6, 6)


def test_both_missiles_flew_is_the_launchs_direction():
    text = ("Two missiles fired\n\nSEOUL, June 3, 2031 (Yonhap) -- North Korea fired two short-range missiles from "
            "near Wonsan on Tuesday, the military said. Both flew in a northeasterly direction, officials said.\n")
    draft = draft_article(article(text))
    assert draft is not None
    path = next(f for f in draft.features if f.kind == "flight_path")
    assert path.geometry.coords[-1][1] > path.geometry.coords[0][1]  # north-east: later points are further north
    assert path.geometry.coords[-1][0] > path.geometry.coords[0][0]


def test_a_failure_in_flight_is_this_launchs_outcome():
    text = ("ICBM\n\nSEOUL, June 3, 2031 (Yonhap) -- North Korea fired a long-range missile from the Sunan "
            "area on Tuesday morning, the military said. Officials believe it failed in flight after its second "
            "stage separated.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome == "failure"


def test_another_country_timing_the_launch_does_not_launch_it():
    text = ("ICBM\n\nPublished 3 June 2031, 10:40 KST\n\nNorth Korea fired a long-range missile into the East Sea on "
            "Tuesday morning. Japan's Defense Ministry put the launch at 6:52 a.m. and said the missile flew for "
            "about an hour.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.time is not None
    assert draft.time.isoformat() == "2031-06-03T06:52:00+09:00"
