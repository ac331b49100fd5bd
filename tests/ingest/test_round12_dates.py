"""Issue 17, round 12: a European page's numeric stamps ('Issued on: 04/12/2026 - 23:10 Modified: 05/12/2026'),
read in the one order that puts the change within days of the issue; a GMT clock late in the story's day that makes
Korea's day the next; a day of something timed 'minutes after the launch' (not the launch's). Every story here was
written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted

from viewer.ingest.datelines import find_dateline


def test_issued_and_modified_stamps_are_read_in_the_order_that_puts_them_days_apart():
    # day-first: 4 Dec → 5 Dec (a day); month-first: 12 Apr → 12 May (a month): only day-first fits
    head = "Pyongyang test-fires missile\n\nPosted: 04/12/2026 - 23:10 Edited: 05/12/2026 - 01:40\n\nStory text.\n"
    dateline = find_dateline(head)
    assert dateline is not None
    assert dateline.value == date(2026, 12, 4)
    # month-first fits: 9 Jan → 10 Jan; day-first 1 Sep → 1 Oct is a month
    dateline = find_dateline("Title\n\nIssued on: 01/09/2026 - 10:00 Modified: 01/10/2026 - 11:00\n\nText.\n")
    assert dateline is not None
    assert dateline.value == date(2026, 1, 9)


def test_a_pair_that_fits_neither_order_dates_nothing():
    dateline = find_dateline("Title\n\nIssued on: 02/05/2026 - 10:00 Modified: 09/07/2026 - 11:00\n\nx\n")
    assert dateline is None or dateline.value is None


def test_a_late_gmt_clock_on_the_stamps_day_puts_the_launch_on_koreas_next_day():
    text = ("Missile fired toward East Sea\n\nIssued on: 04/12/2026 - 23:10 Modified: 05/12/2026 - 01:40\n\n"
            "Seoul (AFP) - North Korea launched a short-range ballistic missile off its east coast early on Saturday, "
            "the South Korean military said.\n\n"
            "It was fired at about 6:45 am (2145 GMT Friday) from the Sukchon area and flew some 350 kilometres "
            "east, the Joint Chiefs of Staff said.\n")
    draft = drafted(text)
    assert draft.date == date(2026, 12, 5)
    assert draft.time is not None
    assert draft.time.isoformat() == "2026-12-04T21:45:00+00:00"


def test_a_day_timed_after_the_launch_is_not_the_launchs_day():
    text = ("August 3, 2026 / 3:20 PM GMT\n\n"
            "SEOUL (Reuters) - North Korea fired a ballistic missile late on Monday that came down in the sea off its "
            "east coast, South Korea's military said, in an unusual night test that came weeks after its last "
            "long-range launch.\n\n"
            "The Joint Chiefs of Staff said the missile was launched at 11:20 p.m. (1420 GMT) from near Pyongyang.\n\n"
            "Japan's prime minister spoke to reporters at 12:30 a.m. on Tuesday, some 70 minutes after the launch, "
            "his office said.\n")
    draft = drafted(text)
    assert draft.date == date(2026, 8, 3)
    assert draft.time is not None
    assert draft.time.isoformat() == "2026-08-03T14:20:00+00:00"
