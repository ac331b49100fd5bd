"""Issue 17, round 18: several launches of one day — a live page's 'three more missiles' hours later, missiles from
another site at a time of their own — each a launch; the same launch told twice stays one. Every text here was
written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted


def _launches(text: str) -> list[tuple[date | None, str | None]]:
    draft = drafted(text)
    return sorted(
        ((d.date, (d.first("launch_site").place if d.first("launch_site") else None)) for d in (draft, *draft.others)),
        key=lambda pair: (pair[0] or date.min, pair[1] or ""),
    )


def test_three_more_missiles_hours_later_are_another_launch():
    text = (
        "LIVE: missiles over the East Sea -- updated Wednesday, March 5, 2031\n"
        "All times KST\n\n"
        "• North Korea fired a ballistic missile from the Sunan area of Pyongyang at 07:40, the Joint Chiefs of "
        "Staff said.\n"
        "• At 21:35 the North fired three more short-range ballistic missiles from the Kaechon area toward the "
        "East Sea.\n"
    )
    assert _launches(text) == [(date(2031, 3, 5), "kaechon"), (date(2031, 3, 5), "sunan")]


def test_missiles_from_another_site_at_their_own_time_are_another_launch():
    text = (
        "SEOUL, March 5, 2031 -- North Korea fired an intercontinental ballistic missile from the Sunan area "
        "at 07:40 on Wednesday, the Joint Chiefs of Staff said. It flew about 700 km.\n\n"
        "The JCS said two short-range ballistic missiles were fired from Kaechon at 08:39 and flew about 330 km "
        "toward the East Sea.\n"
    )
    assert _launches(text) == [(date(2031, 3, 5), "kaechon"), (date(2031, 3, 5), "sunan")]


def test_one_launch_told_twice_from_one_place_stays_one():
    text = (
        "SEOUL, March 5, 2031 -- North Korea fired an intercontinental ballistic missile from the Sunan area "
        "at 07:40 on Wednesday, the Joint Chiefs of Staff said.\n\n"
        "The missile was fired from Pyongyang at 07:41, Japan's defence ministry said, and flew about 700 km.\n"
    )
    assert [day for day, _ in _launches(text)] == [date(2031, 3, 5)]
