"""Issue 17, round 11: stories of analysts, press conferences and threads that report no launch — launches in
general ('Since then it has fired cruise missiles from submarines', 'over the past decade', 'in recent years'),
launch preparations and questions about a launch to come. Every story here was written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes


def drafted(text: str):
    return draft_article(article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story"))


@pytest.mark.parametrize("general", [
    "Since then it has fired cruise missiles from submarines, ships and land launchers.",
    "Over the past decade North Korea has fired ballistic missiles from trains, lakes and airports.",
    "In recent years Pyongyang has launched missiles from mobile launchers hidden in tunnels.",
])
def test_launches_in_general_are_no_launch(general):
    text = ("Analysis: why Pyongyang keeps testing\nBy an analyst | 12 February 2026\n\nNorth Korea's missile "
            f"programme has advanced steadily, analysts say. {general}\n\nThere is no sign that it will slow.\n")
    assert drafted(text) is None


@pytest.mark.parametrize("story", [
    "Thread by @imagery_nerd, 3 May 2026\n\n1/ New imagery of Sohae from 2 May shows the gantry shroud removed and "
    "fuel trucks at the coastal pad. A launch could come within days.\n\n2/ Japan has not yet received a "
    "navigational warning.\n",
    "Press Conference by the Minister of Defense\nTuesday, 5 May 2026\n\nREPORTER: There are reports that North "
    "Korea may launch a satellite soon. What is your assessment?\n\nMINISTER: We are watching closely. If a launch "
    "takes place, we will respond appropriately.\n",
])
def test_preparations_and_questions_about_a_launch_to_come_are_no_launch(story):
    assert drafted(story) is None


def test_a_launch_told_after_since_then_is_still_a_launch():
    text = ("North Korea fires missile\nMay 7, 2026\n\nNorth Korea tested a new engine in March. Since then "
            "it has been quiet, but on Thursday it fired a ballistic missile from Sunan at 7:10 a.m., the JCS said. "
            "The missile flew east.\n")
    draft = drafted(text)
    assert draft is not None


@pytest.mark.parametrize("detected", [
    "Our military detected around 10 projectiles presumed to be short-range ballistic missiles fired from the Sunan "
    "area, Pyongyang, toward the East Sea at around 06:14 today.",
    "Our military detected one projectile believed to be a short-range ballistic missile launched from the Sunan "
    "area of Pyongyang toward the East Sea at around 06:14 today.",
    "The JCS detected what appeared to be two ballistic missiles fired from Sunan, Pyongyang, toward the East Sea "
    "at around 06:14 today.",
])
def test_a_jcs_text_that_hedges_the_kind_of_missile_still_reports_the_launch(detected):
    text = f"[JCS text message to the press]\nSent: 2026. 5. 30. 06:41\n\n{detected}\n"
    draft = drafted(text)
    assert draft is not None
    assert draft.time is not None
    assert (draft.time.hour, draft.time.minute) == (6, 14)


def test_a_hedge_on_the_firing_itself_is_still_no_launch():
    text = ("[JCS text message to the press]\nSent: 2026. 5. 30. 06:41\n\nNorth Korea is presumed to be preparing "
            "to fire short-range ballistic missiles from the Sunan area, our military said.\n")
    assert drafted(text) is None
