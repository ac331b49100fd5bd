"""Issue 17, round 19: clock times and days in a launch's sentences that are another moment's: the time the missile
passed over a place, an alert that sounded, a bound with the exact minute beside it, a source's day in brackets.
Every text here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime

from story import drafted

HEAD = "SEOUL, Oct. 14, 2031 (Harbour Wire) -- "


def test_the_time_a_rocket_passed_over_a_place_is_not_its_launch():
    lead = drafted(HEAD + "North Korea launched a rocket from the Sohae station on Tuesday. Japan said the rocket "
                   "passed over Okinawa Prefecture at about 10:49 a.m. and kept flying south.\n")
    assert lead.time is None


def test_an_alert_that_sounded_somewhere_at_a_time_is_not_the_launch():
    lead = drafted(HEAD + "A J-Alert warning sounded across Okinawa Prefecture at 10:46 a.m. on Tuesday after North "
                   "Korea launched a rocket from the Sohae station.\n")
    assert lead.time is None


def test_a_bound_with_the_exact_minute_in_brackets_gives_the_minute():
    lead = drafted(HEAD + "The rocket lifted off from the Sohae station shortly after 10:40 a.m. local time on "
                   "Tuesday (01:43 GMT), state media said.\n")
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 10, 14, 1, 43, tzinfo=UTC)


def test_a_sources_day_in_brackets_is_not_the_launchs():
    lead = drafted("DESK NOTE\nDate: Friday, 17 October 2031\n\nNorth Korea fired two cruise missiles from the Onchon "
                   "area toward the Yellow Sea, the JCS said. State media (16 October) reported that the missiles "
                   "were launched from Onchon.\n")
    assert "2031-10-16" not in [c.value for c in lead.claims if c.property == "date"]
    assert lead.date != date(2031, 10, 16)


def test_a_clock_in_the_zone_the_launch_day_is_told_in_falls_on_that_day():
    lead = drafted("The Harbour Ledger\n\nBy A. WRITER\nMarch 8, 2031, 10:48 p.m. ET\n\nWASHINGTON \u2014 North Korea "
                   "launched a long-range rocket on Saturday evening, Washington time, American officials said.\n\n"
                   "The military said it detected the launch at 7:29 p.m. Eastern time from the Sohae station.\n")
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 3, 9, 0, 29, tzinfo=UTC)
    assert lead.date == date(2031, 3, 9)


def test_a_translations_space_before_the_colon_still_makes_a_clock_time():
    lead = drafted(HEAD + "North Korea launched a ballistic missile from the Sunan area at 6\u00a0:35 a.m. on Tuesday "
                   "toward the East Sea, the military said.\n")
    assert lead.time is not None
    assert lead.time.astimezone(UTC) == datetime(2031, 10, 13, 21, 35, tzinfo=UTC)


def test_a_roundups_numbered_item_heading_dates_the_launch_its_item_tells():
    from viewer.ingest.body_stamps import body_stamps

    text = ("THE HARBOUR WEEK\nFriday, 24 October 2031 \u2014 a weekly briefing\n\n"
            "North Korea has carried out two missile launches this month. Here is what we know about each.\n\n"
            "1) Tuesday, 14 October \u2014 the first test\nSouth Korea's Joint Chiefs of Staff detected a ballistic "
            "missile fired at 8:10 a.m. from Jagang Province toward the East Sea.\n\n"
            "2) Friday, 17 October \u2014 railway-borne missiles\nTwo short-range ballistic missiles were fired from a "
            "train in North Pyongan Province, starting at 2:41 p.m., toward the East Sea.\n")
    days = [day for _, day in body_stamps(text, 0, date(2031, 10, 24))]
    assert days == [date(2031, 10, 14), date(2031, 10, 17)]
    lead = drafted(text)
    timed = {d.time.astimezone(UTC) for d in (lead, *lead.others) if d.time is not None}
    assert datetime(2031, 10, 17, 5, 41, tzinfo=UTC) in timed
