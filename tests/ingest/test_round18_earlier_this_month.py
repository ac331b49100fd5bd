"""A launch told only as "earlier this month" is the story's launch when the story reports no other; a story about
something else that recalls one, or a launch of its own besides, drafts no launch from it."""

from __future__ import annotations

from story import ingested


def test_a_story_whose_only_launch_was_earlier_this_month_drafts_it_in_that_month(tmp_path):
    story = ("Seoul reviews its alert system\n\nMarch 27, 2033\n\nNorth Korea launched two short-range missiles from "
             "the Sukchon area earlier this month, the Joint Chiefs of Staff said on Thursday. Both flew east.\n")
    bundle = ingested(tmp_path, story)
    (event,) = bundle.events.values()
    assert any("2033-03" in str(claim.value) for claim in event.claims if claim.property == "date")


def test_a_story_about_something_else_that_recalls_such_a_launch_drafts_none(tmp_path):
    story = ("Japan tests a new interceptor\n\nMay 20, 2033\n\nJapan's navy fired an interceptor off Hawaii on "
             "Tuesday in a scheduled test. A North Korean missile launched earlier this month set off alerts in three "
             "prefectures, officials recalled.\n")
    assert ingested(tmp_path, story).events == {}


def test_a_story_with_a_launch_of_its_own_keeps_the_earlier_one_out_of_the_lead(tmp_path):
    story = ("North Korea fires missile\n\nJune 18, 2033\n\nNorth Korea fired a ballistic missile from Sunan at 6:10 "
             "a.m. on Monday, Seoul said. North Korea fired a cruise missile earlier this month as well.\n")
    bundle = ingested(tmp_path, story)
    dates = {str(claim.value) for event in bundle.events.values() for claim in event.claims
             if claim.property == "date"}
    assert "2033-06-13" in dates  # Monday on or before the dateline
