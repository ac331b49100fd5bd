"""The dateline: when and where a story was filed, as newsrooms write it near the top — 'SEOUL, May 28 (Reuters) -',
a date alone under the headline, 'Published 28 May 2024, 14:02 KST', 'Updated: …', an ISO stamp, 'date 2023-11-15'.

Its city gives the zone of bare clock times ('10:44 p.m.' in a Seoul story is KST)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from viewer.ingest.times import MONTHS

HEAD_CHARS = 700  # a dateline sits in the first lines: headline, byline, date
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?"
_CALENDAR = (rf"{_WEEKDAY}(?:(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?|(?P<day2>[0-3]?\d)\s+(?P<month2>"
             rf"{_MONTH}))(?:,?\s+(?:Juche\s+\d{{1,3}}\s+\()?(?P<year>(?:19|20)\d\d)\)?)?")  # KCNA: "Juche 113 (2024)"
_ISO = (r"(?P<iso>(?:19|20)\d\d(?P<sep>[-./])[01]\d(?P=sep)[0-3]\d)"
        r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?")
_DOTTED = r"(?P<kyear>(?:19|20)\d\d)\.[ \t]*(?P<kmonth>[01]?\d)\.[ \t]*(?P<kday>[0-3]?\d)\.?"  # Korean "2022. 11. 3."
# "SEOUL, May 28 (Reuters) -", "Pyongyang, November 22 (KCNA) --", "Seoul, 27 January --"
_CITY_LINE = re.compile(rf"^[ \t]*(?P<city>[A-Z][A-Za-z.'-]+(?:[ \t/][A-Z][A-Za-z.'-]+){{0,2}}),"
                        rf"[ \t]+(?:{_CALENDAR}|{_ISO})[ \t]*(?:\((?P<agency>[^)\n]{{1,40}})\))?[ \t]*"
                        rf"(?:--|-|\u2013|\u2014|\.?[ \t]*/[A-Z]{{2,10}}/\.?)", re.MULTILINE)  # TASS: ". /TASS/."
_AGENCY_FIRST = re.compile(rf"^[ \t]*(?P<city>[A-Z][A-Za-z.'-]+(?:[ \t/][A-Z][A-Za-z.'-]+){{0,2}})[ \t]*"
                           rf"\((?P<agency>[^)\n]{{1,40}})\)[ \t]*(?:--|-|\u2013|\u2014)[ \t]*(?:{_CALENDAR}|{_ISO})\b",
                           re.MULTILINE)
_BARE_CITY = re.compile(r"^[ \t]*(?P<city>[A-Z]{3,}(?:[ \t][A-Z]{2,}){0,2})[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*"
                        r"(?:--|\u2013|\u2014)", re.MULTILINE)
# A line that is only a date (optionally "Published"/"Updated"/"date" before it, a time and zone after it).
_DATE_LINE = re.compile(
    rf"^[ \t>#*_-]*(?:[A-Z][A-Za-z ]{{0,30}}[ \t]+[-|\u2013\u2014][ \t]*)?"  # "MORNING EDITION - Broadcast: …"
    rf"(?:(?P<label>date|dated|published|posted|updated|pubdate|last updated|broadcast|aired|filed|issued|released)"
    rf"\b[ \t]*(?:on)?[ \t:=]*)?"
    rf"[\"']?(?:{_CALENDAR}|{_ISO}|{_DOTTED})[\"']?(?:,?[ \t]+(?:at[ \t]+)?[0-2]?\d[:.][0-5]\d(?:[ \t]*[ap]\.?m\.?)?"
    rf"(?:[ \t]+[A-Z]{{2,4}})?)?[ \t]*$",
    re.MULTILINE | re.IGNORECASE)
CITY_ZONES = {"seoul": "KST", "pyongyang": "KST", "panmunjom": "KST", "busan": "KST", "tokyo": "JST", "osaka": "JST",
              "naha": "JST", "washington": "ET", "new york": "ET", "united nations": "ET"}  # fmt: skip


@dataclass(frozen=True)
class Dateline:
    value: date | None  # None when it gives no year
    start: int
    end: int
    city: str | None = None
    zone: str | None = None  # the zone bare clock times in the story are in, from the city


def _value(m: re.Match[str]) -> date | None:
    if m.groupdict().get("kyear"):
        try:
            return date(int(m.group("kyear")), int(m.group("kmonth")), int(m.group("kday")))
        except ValueError:
            return None
    if m.group("iso"):
        try:
            return date.fromisoformat(re.sub(r"[./]", "-", m.group("iso")))  # "2024.07.01" as Korean outlets write
        except ValueError:
            return None
    month = m.group("month") or m.group("month2")
    day = m.group("day") or m.group("day2")
    if not m.group("year"):
        return None
    try:
        return date(int(m.group("year")), MONTHS[month.lower().rstrip(".")], int(day))
    except (KeyError, ValueError):
        return None


def _year_from_head(city: re.Match[str], head: str) -> date | None:
    """'PYONGYANG, March 17 (Xinhua) --' under 'Source: Xinhua | 2023-03-17 09:45': a yearless dateline takes the
    year of a full date in the first lines that falls within three days of it (otherwise the year is not
    guessed)."""
    month, day = city.group("month") or city.group("month2"), city.group("day") or city.group("day2")
    if not month or not day:
        return None
    for m in re.finditer(rf"{_ISO}|{_CALENDAR}", head):
        full = _value(m)
        if full is None:
            continue
        try:
            candidate = date(full.year, MONTHS[month.lower().rstrip(".")], int(day))
        except (KeyError, ValueError):
            continue
        if abs((candidate - full).days) <= 3:
            return candidate
    return None


def find_dateline(text: str) -> Dateline | None:
    """The story's dateline among its first lines, or None. A city dateline wins over a date line, being the
    filing place and date; a date line gives the date alone."""
    head = text[:HEAD_CHARS]
    city = _CITY_LINE.search(head) or _AGENCY_FIRST.search(head)
    if city is not None:
        name = " ".join(city.group("city").split()).lower()
        first = name.split("/")[0]  # "SEOUL/TOKYO": filed from both; the first city leads
        value = _value(city) or _year_from_head(city, head)
        return Dateline(value, city.start("city"), city.end(), name.title(), CITY_ZONES.get(first))
    bare = _BARE_CITY.search(head)
    zone = CITY_ZONES.get(" ".join(bare.group("city").split()).lower()) if bare else None
    for line in _DATE_LINE.finditer(head):
        value = _value(line)
        if value is not None:
            return Dateline(value, line.start(), line.end(), zone=zone)
    if bare is not None:
        return Dateline(None, bare.start("city"), bare.end(), bare.group("city").title(), zone)
    return None
