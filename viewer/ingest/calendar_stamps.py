"""The stamps of a calendar export pasted or saved as text (iCalendar, RFC 5545): each event's start
('DTSTART:20311217T133800Z', 'DTSTART;TZID=Asia/Seoul:20311219T100000', 'DTSTART;VALUE=DATE:20311219') dates what
the event's summary and description tell, on the day of the calendar's own zone ('X-WR-TIMEZONE:Asia/Seoul'; Korea's
when it names none); the export's stamp ('DTSTAMP:20311222T020000Z') dates the document.

Only these property lines are read, by a regular expression over the text as it stands: a calendar library
(icalendar) would parse the whole file but needs the bytes to be a well-formed calendar, which a pasted export, cut
or wrapped by a mail client, often is not; and the drafts cite the text as written."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_CALENDAR = re.compile(r"^[ \t>]*BEGIN:VCALENDAR[ \t\r]*$", re.MULTILINE | re.IGNORECASE)
# "DTSTART:20311217T133800Z", "DTSTART;TZID=Asia/Seoul:20311219T100000", "DTSTART;VALUE=DATE:20311219"
_PROPERTY = (r"^[ \t>]*(?P<name>{name})(?P<params>(?:;[A-Za-z-]+=[^:;\r\n]+)*):(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)"
             r"(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d)(?P<mm>[0-5]\d)(?:[0-5]\d)?(?P<utc>Z)?)?[ \t\r]*$")
_START = re.compile(_PROPERTY.format(name="DTSTART"), re.MULTILINE | re.IGNORECASE)
_STAMP = re.compile(_PROPERTY.format(name="DTSTAMP|CREATED|LAST-MODIFIED"), re.MULTILINE | re.IGNORECASE)
_CALENDAR_ZONE = re.compile(r"^[ \t>]*X-WR-TIMEZONE:(?P<zone>[A-Za-z_]+(?:/[A-Za-z_+-]+)*)[ \t\r]*$",
                            re.MULTILINE | re.IGNORECASE)
KOREA = timedelta(hours=9)  # what a desk calendar with no zone of its own is read in


def is_calendar(text: str) -> bool:
    return _CALENDAR.search(text) is not None


def calendar_days(text: str) -> list[tuple[int, date]]:
    """Each event's start in a calendar export: (where its line ends, its day in the calendar's zone). (All of them:
    an event may list its start before or after the DTSTAMP that dates the export.)"""
    if not is_calendar(text):
        return []
    zone = _calendar_zone(text)
    return [(m.end(), day) for m in _START.finditer(text) if (day := _local_day(m, zone)) is not None]


def calendar_stamp(text: str) -> tuple[date, int, int] | None:
    """The export's first DTSTAMP (else CREATED or LAST-MODIFIED): the day it was written, in the calendar's zone."""
    if not is_calendar(text):
        return None
    zone = _calendar_zone(text)
    for m in _STAMP.finditer(text):
        day = _local_day(m, zone)
        if day is not None:
            return day, m.start("name"), m.end()
    return None


def _calendar_zone(text: str) -> tzinfo | None:
    found = _CALENDAR_ZONE.search(text)
    return _zone(found.group("zone")) if found else None


def _zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _local_day(m: re.Match[str], zone: tzinfo | None) -> date | None:
    try:
        written = datetime(int(m.group("y")), int(m.group("m")), int(m.group("d")), int(m.group("hh") or 0),
                           int(m.group("mm") or 0))
    except ValueError:
        return None
    if not m.group("utc"):  # a floating time, a date alone or a time in the zone its TZID names: the day as written
        return written.date()
    utc = written.replace(tzinfo=UTC)
    return utc.astimezone(zone).date() if zone is not None else (utc + KOREA).date()

