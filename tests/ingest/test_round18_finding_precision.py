"""Issue 17, round 18: no launch where a text tells none — another story's headline in a saved page's related list,
one launch drafted twice in two years, the day of a meeting the launch answered. Every text here was written for
the test."""

from __future__ import annotations

from datetime import date

from story import drafted

LEAD = (
    "SEOUL, Feb. 18, 2031 -- North Korea fired a long-range ballistic missile from the Sunan area on Tuesday, "
    "South Korea's Joint Chiefs of Staff said. The missile flew about 900 km into the sea.\n\n"
)


def _days(text: str) -> list[date | None]:
    draft = drafted(text)
    return sorted((d.date for d in (draft, *draft.others)), key=lambda d: d or date.min)


def test_a_related_list_without_bullets_is_other_stories():
    text = LEAD + (
        "Share   Tweet   Email\n\n"
        "RELATED STORIES\n"
        "North Korea fires ballistic missile over Japan, prompting alerts — October 4, 2030\n"
        "Short-range missiles fired from Wonsan, officials say            8 May 2030\n\n"
        "Most read\n"
    )
    assert _days(text) == [date(2031, 2, 18)]


def test_a_day_last_year_is_the_year_before_the_story_s_once():
    text = LEAD + "It was the first such launch since a Hwasong-17 flew on Nov. 18 last year.\n"
    assert _days(text) == [date(2030, 11, 18), date(2031, 2, 18)]


def test_the_day_of_a_meeting_the_launch_answered_is_not_a_launch():
    text = LEAD + (
        "Analysts said the launch likely answered a trilateral meeting between the leaders of three allies in "
        "Cambodia on Sunday.\n"
    )
    assert _days(text) == [date(2031, 2, 18)]
