"""Issue 17, round 19: a calendar export (iCalendar text) dates each event's launch by its start, in the calendar's
zone, and the document by its DTSTAMP. Every text here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime

from story import drafted, read

from viewer.ingest.calendar_stamps import calendar_days, calendar_stamp

CALENDAR = (
    "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Harbour Desk//Planner 2.0//EN\nX-WR-TIMEZONE:Asia/Seoul\n"
    "BEGIN:VEVENT\nUID:hd-1@planner.example\nDTSTAMP:20310612T030000Z\nDTSTART:20310608T141500Z\n"
    "SUMMARY:LAUNCH - short-range ballistic missile\\, Sunan area\n"
    "DESCRIPTION:JCS: North Korea fired a short-range ballistic missile from the Sunan area at about 23:15 KST\\,\n"
    " toward the East Sea. Flight about 400 km.\nEND:VEVENT\n"
    "BEGIN:VEVENT\nUID:hd-2@planner.example\nDTSTAMP:20310612T030000Z\nDTSTART:20310609T221000Z\n"
    "SUMMARY:LAUNCH - cruise missiles off the west coast\n"
    "DESCRIPTION:JCS: several cruise missiles were launched from the Onchon area at 07:10 KST toward the\n"
    " Yellow Sea.\nEND:VEVENT\n"
    "BEGIN:VEVENT\nUID:hd-3@planner.example\nDTSTAMP:20310612T030000Z\nDTSTART;TZID=Asia/Seoul:20310611T100000\n"
    "SUMMARY:Desk meeting: graphics for the week\nEND:VEVENT\nEND:VCALENDAR\n"
)


def test_each_event_start_is_its_day_in_the_calendars_zone():
    days = [day for _, day in calendar_days(CALENDAR)]
    # 14:15 UTC on the 8th is the 8th in Seoul; 22:10 UTC on the 9th is the 10th; a TZID time is the day as written
    assert days == [date(2031, 6, 8), date(2031, 6, 10), date(2031, 6, 11)]


def test_the_exports_stamp_dates_the_document():
    assert calendar_stamp(CALENDAR) is not None
    assert read(CALENDAR).published == date(2031, 6, 12)


def test_each_launch_in_a_calendar_export_falls_on_its_events_day():
    lead = drafted(CALENDAR)
    times = sorted(d.time.astimezone(UTC) for d in (lead, *lead.others) if d.time is not None)
    assert times == [datetime(2031, 6, 8, 14, 15, tzinfo=UTC), datetime(2031, 6, 9, 22, 10, tzinfo=UTC)]


def test_lines_like_a_calendars_outside_one_date_nothing():
    text = "Field notes\nDTSTART:20310608T141500Z was pasted from somewhere.\n"
    assert calendar_days(text) == []
    assert calendar_stamp(text) is None
