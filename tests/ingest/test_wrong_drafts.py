"""Issue 17, round 6: wrong drafts hurt more than misses — a guessed site, another launch's outcome, a false alarm
drafted as a launch. Every sentence here was written for the test."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes


def article(text: str, name: str = "story.txt"):
    return article_from_bytes(text.encode("utf-8"), Path(name), "doc-story")


def test_a_missile_named_in_passing_in_a_story_that_says_space_gets_no_satellite_site():
    text = ("SYDNEY, 15 March 2021 (Wire) - North Korea launched a ballistic missile from near Sinpo on Monday "
            "morning that climbed more than 1,500 kilometres into space, officials in Seoul said.\n\n"
            "It came ten days after a missile fired on March 5 broke up shortly after launch.\n")
    draft = draft_article(article(text))
    assert draft is not None
    [other] = [d for d in draft.others if d.date and d.date.isoformat() == "2021-03-05"]
    assert not any(f.kind == "launch_site" for f in other.features)


def test_the_day_a_picture_was_taken_is_not_the_launch_day():
    text = ("Satellite imagery: work resumes at Sohae\nMarch 20, 2025\n\n"
            "Commercial satellite imagery from March 17 shows vehicles at the Sohae Satellite Launching Station "
            "after North Korea's failed satellite launch on March 9.\n\n"
            "The rocket exploded during first-stage flight, according to state media.\n")
    draft = draft_article(article(text))
    assert draft is not None
    days = sorted({d.date.isoformat() for d in (draft, *draft.others) if d.date})
    assert days == ["2025-03-09"]


def test_a_story_that_opens_by_saying_nothing_was_launched_drafts_no_launch():
    text = ("NIIGATA DAILY\nMonday, June 2, 2025\n\nSirens by mistake in Sado\n\n"
            "No North Korean missile was fired on Sunday. For ten minutes, though, Sado's loudspeakers said "
            "otherwise.\n\nAt 9:05 a.m. the city relayed a message that North Korea \"appears to have launched a "
            "ballistic missile,\" before withdrawing it at 9:15 a.m.\n")
    assert draft_article(article(text)) is None


def test_a_real_launch_story_that_denies_something_else_still_drafts():
    text = ("SEOUL, June 2, 2025 (Wire) - North Korea fired a ballistic missile from Pyongyang toward the East Sea "
            "on Monday morning, the Joint Chiefs of Staff said.\n\n"
            "Japan's government said no debris fell in its territory.\n")
    assert draft_article(article(text)) is not None


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("North Korea fired a ballistic missile toward the East Sea on Monday. The missile fell into the sea after "
     "flying about 900 km, the military said.", None),
    ("North Korea launched a rocket carrying a satellite on Monday. The payload fell into the ocean short of orbit, "
     "U.S. officials said.", "failure"),
])
def test_a_missile_that_fell_into_the_sea_landed_a_payload_that_did_failed(sentence, outcome):
    text = f"SEOUL, June 2, 2025 (Wire) - {sentence}\n"
    draft = draft_article(article(text))
    assert draft is not None
    assert next((c.value for c in draft.claims if c.property == "outcome"), None) == outcome


def test_a_launch_told_on_a_day_before_the_dateline_is_not_dated_by_the_dateline():
    text = ("SEOUL, March 7 2025 - North Korea said Friday that its leader had watched a test of a new rocket "
            "launcher.\n\nSouth Korea's Joint Chiefs of Staff said on Thursday that the North had fired two "
            "projectiles at around 3:10 p.m. into the waters off its east coast.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date is not None
    assert draft.date.isoformat() == "2025-03-06"


def test_a_page_stamp_with_an_update_after_it_dates_the_story_and_its_zone():
    text = ("World\n\nNorth Korea fires missile toward Japan\n\nBy A. Writer\n"
            "March 3, 2025, 7:15 PM EST  Updated on March 3, 2025, 10:40 PM EST\n\n"
            "North Korea fired a ballistic missile toward the Sea of Japan early Tuesday local time, officials in "
            "Seoul said.\n")
    a = article(text)
    assert a.published is not None
    assert a.published.isoformat() == "2025-03-03"
    assert a.day_behind
    draft = draft_article(a)
    assert draft is not None
    assert draft.date is not None
    assert draft.date.isoformat() == "2025-03-04"


@pytest.mark.parametrize("second", [
    "The launch came a week after another missile fired from the same airfield exploded shortly after lift-off.",
    "It was the first launch days after failed satellite launch, analysts noted.",
])
def test_another_launchs_failure_is_not_this_ones(second):
    text = ("SEOUL, June 2, 2025 (Wire) - North Korea fired a ballistic missile from Sunan toward the East Sea on "
            f"Monday, the military said. {second}\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.outcome is None


def test_an_alert_for_a_citys_outlying_islands_is_not_an_alert_for_the_city():
    text = ("AOMORI, Oct. 4, 2022 - North Korea launched a ballistic missile over Japan on Tuesday morning. The "
            "J-Alert message went out to Hokkaido and to islands under Tokyo's jurisdiction at 7:27 a.m.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert {f.place for f in draft.features if f.kind == "warning_area"} == {"hokkaido"}


def test_a_weekday_between_a_clock_and_its_western_zone_is_that_clocks_day():
    text = ("The Ledger - World\nMarch 3, 2025, 11:00 p.m. ET\n\n"
            "SEOUL, South Korea - North Korea launched a ballistic missile on Tuesday morning, officials said.\n\n"
            "The missile lifted off at 9:40 a.m. local time (7:40 p.m. Monday Eastern) from Panghyon, the Joint "
            "Chiefs of Staff said.\n")
    draft = draft_article(article(text))
    assert draft is not None
    assert draft.date is not None
    assert draft.date.isoformat() == "2025-03-04"
    assert draft.time is not None
    assert draft.time.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ") == "2025-03-04T00:40Z"
