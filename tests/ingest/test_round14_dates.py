"""Issue 17, round 14: the stamps regional broadcasters head their pages with — a 'Write: … / Update: …' stamp with
seconds. Every page here was written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from viewer.ingest.datelines import find_dateline


@pytest.mark.parametrize(("head", "day"), [
    ("WORLD RADIO\nWrite: 2031-11-05 10:21:07 / Update: 2031-11-05 14:02:44\n\nHeadline\n", date(2031, 11, 5)),
    ("WORLD RADIO\nWritten: 2031-11-05 10:21\n\nHeadline\n", date(2031, 11, 5)),
    ("THE DAILY\nPublished: 2031-11-05 10:21:07 | Updated: 2031-11-06 08:00\n\nHeadline\n", date(2031, 11, 5)),
])
def test_a_broadcasters_write_stamp_dates_the_page(head, day):
    dateline = find_dateline(head)
    assert dateline is not None
    assert dateline.value == day
