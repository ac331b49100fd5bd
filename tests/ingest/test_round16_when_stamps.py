"""Issue 17, round 16: stamps inside a body as plain-text newsletters set them — an item's heading between two rules of
dashes, opening with its day. Every text here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted

from viewer.ingest.body_stamps import body_stamps

RULE = "-" * 50
NEWSLETTER = (
    "From: Strait Watch <letter@example.org>\nDate: Fri, 07 Nov 2031 09:00:00 +0900\nSubject: [Weekly] an ICBM\n\n"
    f"Good morning. Two items this week.\n\n{RULE}\n1. 30 OCT (THU) -- LOFTED ICBM\n{RULE}\n"
    "North Korea launched a long-range ballistic missile at 07:10 from the Pyongyang area toward the East Sea.\n\n"
    f"{RULE}\n2. QUIET WEEK AT SEA\n{RULE}\nNo other launches were reported.\n"
)


def test_a_ruled_item_heading_that_opens_with_a_day_dates_its_item():
    stamps = body_stamps(NEWSLETTER, 0, date(2031, 11, 7))
    assert [value for _, value in stamps] == [date(2031, 10, 30)]


def test_a_ruled_heading_without_a_day_or_with_its_day_inside_dates_nothing():
    text = f"{RULE}\nQUIET WEEK AT SEA\n{RULE}\n\n{RULE}\nWhat we learned on 30 OCT\n{RULE}\n"
    assert body_stamps(text, 0, date(2031, 11, 7)) == []


def test_a_newsletters_launch_is_on_its_items_day_not_the_letters():
    lead = drafted(NEWSLETTER)
    assert lead.date == date(2031, 10, 30)
    assert lead.time is not None
    assert lead.time.isoformat().startswith("2031-10-30T07:10")
