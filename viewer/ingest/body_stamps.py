"""Stamps inside a story's body: the day headings of a live blog or digest ('Monday 15 January 2024', 'Round 3 —
Sunday, March 29.'), the UTC stamps of a thread's posts ('2/8  [2022-10-03 22:36Z]'), the source lines of clips
pasted into a file ('--- clip 1 --- [English wire, Seoul, 2 March 2020, 14:20 KST] ---') and a newsletter's ruled
item headings ('1. 31 OCT (THU) -- HWASONG-19' between two lines of dashes) and a calendar export's event starts
('DTSTART:20311217T133800Z', calendar_stamps), each dating what follows."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from viewer.ingest.calendar_stamps import calendar_days
from viewer.ingest.datelines import DATE_LINE, date_of
from viewer.ingest.times import MONTHS, find_dates


def body_stamps(text: str, start: int, reference: date | None = None) -> list[tuple[int, date]]:
    """Lines after ``start`` that are only a date, as a live blog heads each day ('Monday 15 January 2024', 'Round 3 —
    Sunday, March 29.'): (where each ends, its date). A heading with no year takes the ``reference`` date's (the
    story's), the year before when that would put it after the story. Weekdays and 'yesterday' below one are that
    day's."""
    found = []
    for m in DATE_LINE.finditer(text, start):
        if m.group("label") is not None:
            continue
        value = date_of(m) or _in_year_of(m, reference)
        if value is not None:
            found.append((m.end(), value))
    for m in _CLIP_HEADER.finditer(text, start):  # a clipping file's header over each pasted story
        days = {d.value for d in find_dates(text, m.start(), m.end(), reference, weekdays=False) if d.value}
        if len(days) == 1:
            found.append((m.end(), days.pop()))
    for m in _BOXED_HEADING.finditer(text, start):  # a plain-text newsletter's item heading, ruled above and below
        heads = [d for d in find_dates(text, m.start("line"), m.end("line"), reference, weekdays=False) if d.value]
        numbering = text[m.start("line") : heads[0].start] if heads else ""  # "1. " before the day, nothing more
        if len(heads) == 1 and heads[0].value and not numbering.strip(" \t.#0123456789()"):
            found.append((m.end(), heads[0].value))
    for m in _POST_STAMP.finditer(text, start):
        posted = datetime(int(m.group("y")), int(m.group("m")), int(m.group("d")), int(m.group("hh")),
                          int(m.group("mm"))) if 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31 else None
        if posted is not None:  # (a post stamped in Korea's or Japan's time is on Korea's day already)
            found.append((m.end(), (posted + (KOREA_AHEAD_OF_UTC if m.group("zone") in _UTC else timedelta())).date()))
    ruled = {text.rfind("\n", 0, m.start("line")) + 1 for m in _BOXED_HEADING.finditer(text, start)}
    for m in _ITEM_HEADING.finditer(text, start):  # a round-up's numbered item: "2) Tuesday, 11 January — the test"
        if m.start() in ruled:
            continue  # (between two rules: dated above)
        heads = [d for d in find_dates(text, m.start("day"), m.end("day"), reference, weekdays=False) if d.value]
        if len(heads) == 1 and heads[0].value and not text[m.start("day") : heads[0].start].strip(" \t,"):
            found.append((m.end(), heads[0].value))
    found += calendar_days(text)  # a calendar export's event starts ('DTSTART:20311217T133800Z')
    return sorted(found)


# A thread's or log's post stamped on a line of its own: "2/8  [2022-10-03 22:36Z]", "#3 2024-01-14 0555 UTC",
# "[2/9] 2023-02-18 17:44 JST". What it tells happened on Korea's day of the post (nine hours ahead of UTC: 22:36Z on
# the 3rd is the 4th in Seoul)
_POST_STAMP = re.compile(r"^[ \t]*(?:[\[(]?#?\d{1,3}(?:/\d{1,3})?[.)\]]?[ \t]+)?[\[(]?(?P<y>(?:19|20)\d\d)-"
                         r"(?P<m>[01]\d)-(?P<d>[0-3]\d)[ T](?P<hh>[01]\d|2[0-3]):?(?P<mm>[0-5]\d)[ \t]*"
                         r"(?P<zone>Z|UTC|GMT|KST|JST)[\])]?[ \t\r]*$", re.MULTILINE)
_UTC = ("Z", "UTC", "GMT")
# "--- clip 2 --- [English wire, Seoul, 9 March 2020, 10:05 KST] ---": a rule of dashes or equals signs at both ends
_CLIP_HEADER = re.compile(r"^[ \t]*(?:-{3,}|={3,})[^\n]*?(?:-{3,}|={3,})[ \t\r]*$", re.MULTILINE)
KOREA_AHEAD_OF_UTC = timedelta(hours=9)
# "-----\n1. 31 OCT (THU) -- HWASONG-19, LOFTED\n-----": one line between two rules, opening with its item's day
_BOXED_HEADING = re.compile(r"^[ \t]*(?:-{5,}|={5,})[ \t\r]*\n(?P<line>[^\n]{1,100}?)[ \t\r]*\n"
                            r"[ \t]*(?:-{5,}|={5,})[ \t\r]*$", re.MULTILINE)


# "1) Wednesday, 5 January — "hypersonic missile"", "(2) Wednesday 22 March - from the Hamhung area.": a numbered
# item's heading line, its day (a weekday before it) then a dash and a few words naming what the item tells
_ITEM_HEADING = re.compile(r"^[ \t]*(?:\(\d{1,2}\)|\d{1,2}[.)])[ \t]+"
                           r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?(?P<day>[^\n\u2014\u2013]{3,30}?)"
                           r"[ \t]+(?:\u2014|\u2013|-{1,2})[ \t]+[^\n]{1,80}$", re.MULTILINE)


def _in_year_of(m: re.Match[str], reference: date | None) -> date | None:
    month, day = m.groupdict().get("month") or m.groupdict().get("month2"), m.group("day") or m.group("day2")
    if reference is None or not month or not day:
        return None
    try:
        value = date(reference.year, MONTHS[month.lower().rstrip(".")], int(day))
    except (KeyError, ValueError):
        return None
    return value if value <= reference else value.replace(year=value.year - 1)
