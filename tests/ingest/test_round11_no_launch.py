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
