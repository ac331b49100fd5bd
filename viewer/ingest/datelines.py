"""The dateline: when and where a story was filed, as newsrooms write it near the top — 'SEOUL, May 28 (Reuters) -',
a date alone under the headline, 'Published 28 May 2024, 14:02 KST', 'Updated: …', an ISO stamp, 'date 2023-11-15'.

Its city gives the zone of bare clock times ('10:44 p.m.' in a Seoul story is KST)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from viewer.ingest.calendar_stamps import calendar_stamp
from viewer.ingest.date_forms import (
    CALENDAR,
    CLOCK_AFTER,
    DOTTED,
    ERA_DATE,
    EXTRA_LABELS,
    ISO,
    KOREAN_LABELS,
    MONTH_FORM,
    SLASHED,
    WEEKDAY_FORM,
    date_of,
    month_number,
)
from viewer.ingest.stamp_lines import (
    address_stamp,
    labelled_stamp,
    short_year_stamp,
    slashed_by_weekday,
    slashed_pair,
    stamp_line,
    stamp_zone,
    stamped_west_of_korea,
    year_and_weekday,
)

__all__ = ["DATE_LINE", "HEAD_CHARS", "Dateline", "date_of", "find_dateline", "stamped_west_of_korea"]

HEAD_CHARS = 700  # a dateline sits in the first lines: headline, byline, date
FOOT_CHARS = 200  # a wire's own stamp under its end mark
# "SEOUL, May 28 (Reuters) -", "Pyongyang, November 22 (KCNA) --", "Seoul, 27 January --", "TOKYO, Oct. 31 Kyodo -"
_CITY_LINE = re.compile(rf"^[ \t]*(?P<city>[A-Z][A-Za-z.'-]+(?:[ \t/][A-Z][A-Za-z.'-]+){{0,2}}),"
                        rf"[ \t]+(?:{CALENDAR}|{ISO}|{SLASHED})[ \t]*"
                        rf"(?:\((?P<agency>[^)\n]{{1,40}})\)|,?[ \t]*[A-Z][A-Za-z]{{1,15}})?[ \t]*"
                        # TASS: ". /TASS/."; "UNITED NATIONS, 22 December 2017" on a line of its own
                        # EFE: "Seoul, Aug 12 (EFE).-"; Kyodo: "TOKYO, Oct. 4, Kyodo" on its own line
                        rf"(?:--|-|\u2013|\u2014|\.-|\.?[ \t]*/[A-Z]{{2,10}}/\.?|[ \t\r]*$"
                        # CNA: "Taipei, May 28 (CNA) Taiwan's Ministry …", the lede on the dateline's line
                        rf"|(?<=\))[ \t]+(?=[A-Z]))", re.MULTILINE)
_AGENCY_FIRST = re.compile(rf"^[ \t]*(?P<city>[A-Z][A-Za-z.'-]+(?:[ \t/][A-Z][A-Za-z.'-]+){{0,2}})[ \t]*"
                           rf"\((?P<agency>[^)\n]{{1,40}})\)[ \t]*(?:--|-|\u2013|\u2014)[ \t]*(?:{CALENDAR}|{ISO})\b",
                           re.MULTILINE)
# "SEOUL --", "SEOUL, South Korea (AP) —", "Seoul (AFP) - North Korea …"
_BARE_CITY = re.compile(r"^[ \t]*(?:(?P<city>[A-Z]{3,}(?:[ \t][A-Z]{2,}){0,2})"
                        r"(?:,[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*"
                        r"(?:--|\u2013|\u2014)"
                        r"|(?P<city2>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]*\([A-Z][A-Za-z .]{1,30}\)[ \t]*"
                        r"(?:--|-|\u2013|\u2014)[ \t])",
                        re.MULTILINE)
# A line that is only a date (optionally "Published"/"Updated"/"date" before it, a time and zone after it).
DATE_LINE = re.compile(
    # "MORNING EDITION - Broadcast: …", a blog's "Round 3 — Sunday, March 29."
    # (a tracker's "Entry 2024-07 | …", a release's "Release No. 2026-031 | March 9, 2026")
    # (a Japanese digest's tag: "【速報 digest】 2023年4月13日 (木) 10:05 配信"; a city's "HONOLULU -- July 11, 2023")
    rf"^[ \t>#*_-]*(?:\u3010[^\u3011\n]{{1,20}}\u3011[ \t]*)?"
    rf"(?:[A-Z][A-Za-z0-9 -]{{0,30}}(?:No\.[ \t]*[0-9-]{{1,12}})?[ \t]+(?:--|[-|\u2013\u2014])[ \t]*)?"
    # (a written answer's "Answered on: 5 July 2016", a committee's "Date of meeting: 2025. 1. 8. (Wed)")
    rf"(?:(?P<label>{EXTRA_LABELS}|date|dated|published|posted|updated|pubdate|last updated|broadcast|aired|filed|"
    rf"issued|released|sent|{KOREAN_LABELS})"
    rf"\b[ \t]*(?:on)?[ \t:=]*)?"
    rf"(?:[0-3]?\d/[0-3]?\d/(?:19|20)\d\d[ \t]+)?"  # (DW's "07/01/2024  July 1, 2024": the words decide the order)
    # (a log's "Thursday 2022-11-03"; a weekday in brackets after the date: "2023年4月13日 (木)", "2025. 1. 8. (Wed)")
    # (a Japanese era's "令和8年2月17日(火)07:25 更新 08:40", "R5.7.12 (July 12, 2023)": the date again in brackets)
    rf"[\"']?(?:{CALENDAR}|{WEEKDAY_FORM}{ISO}|{DOTTED}|{ERA_DATE})[\"']?"
    rf"(?:[ \t]*[(\uff08](?:[^)\uff09\n]{{1,4}}|{MONTH_FORM}[ \t]+[0-3]?\d,[ \t]+(?:19|20)\d\d)[)\uff09]"
    rf"(?=[ \t]|$|[0-2]?\d:[0-5]\d)(?:[0-2]?\d:[0-5]\d)?)?"
    # (配信 sent out, 更新 updated, 掲載 run; the clock of the update after it)
    rf"{CLOCK_AFTER}(?:[ \t]*(?:\u914d\u4fe1|\u66f4\u65b0|\u63b2\u8f09)(?:[ \t]*[0-2]?\d:[0-5]\d)?)?"
    # "… 6:02 PM EDT  Updated on …", KBS World's "Write: 2024-11-05 10:21:07 / Update: 2024-11-05 14:02:44"
    rf"(?:[ \t]+[|\u00b7/-]?[ \t]*(?:update|updated|last updated|modified)\b[^\n]*)?"
    rf"\.?[ \t\r]*$",
    re.MULTILINE | re.IGNORECASE)
# Pyongyang's own time is UTC+8:30 from August 2015 to May 2018 (zones.PYONGYANG_TIME), UTC+9 otherwise
CITY_ZONES = {"seoul": "KST", "pyongyang": "Pyongyang time", "panmunjom": "KST", "busan": "KST", "tokyo": "JST",
              "osaka": "JST", "naha": "JST", "washington": "ET", "new york": "ET", "united nations": "ET"}  # fmt: skip


# Filing cities hours behind Korea, whose date can be the day before the Korean date of what they report (as a
# Washington story's): Europe, Moscow, South Asia and the Americas
WEST_OF_KOREA = frozenset({
    "london", "paris", "berlin", "brussels", "geneva", "vienna", "rome", "madrid", "stockholm", "oslo", "warsaw",
    "kyiv", "moscow", "the hague", "frankfurt", "new delhi", "islamabad", "tehran", "jerusalem", "washington",
    "new york", "united nations", "los angeles", "san francisco", "ottawa", "toronto", "honolulu", "camp smith",
    "mexico city", "sao paulo"})


# A release's place on the line above its date: "Washington, DC" over "December 18, 2023"
_CITY_ABOVE = re.compile(r"^[ \t]*(?P<city>[A-Z][A-Za-z.'-]+(?:[ \t][A-Z][A-Za-z.'-]+){0,2})"
                         r"(?:,[ \t]*(?:D\.?[ \t]?C\.?|[A-Z][A-Za-z.]+(?:[ \t][A-Z][a-z]+)?))?[ \t]*\r?\n"
                         r"(?:[ \t]*\r?\n)?(?=[^\n]*\Z)", re.MULTILINE)


@dataclass(frozen=True)
class Dateline:
    value: date | None  # None when it gives no year
    start: int
    end: int
    city: str | None = None
    zone: str | None = None  # the zone bare clock times in the story are in, from the city
    month_day: tuple[int, int] | None = None  # of a dateline with no year ("SEOUL, May 28 (Reuters) -")

    @property
    def west_of_korea(self) -> bool:
        """Filed hours behind Korea ('LONDON, …', 'Berlin/Seoul, …': the first city leads)."""
        return self.city is not None and self.city.lower().split("/")[0].strip() in WEST_OF_KOREA




def _year_from_head(city: re.Match[str], head: str) -> date | None:
    """'PYONGYANG, March 17 (Xinhua) --' under 'Source: Xinhua | 2023-03-17 09:45': a yearless dateline takes the
    year of a full date in the first lines that falls within three days of it (otherwise the year is not
    guessed)."""
    month, day = city.group("month") or city.group("month2"), city.group("day") or city.group("day2")
    if not month or not day:
        return None
    # (not "08 October" of "15:08 October 19, 2021"; EFE's "20 jul 2026" in lower case)
    for m in re.finditer(rf"(?<![\d:.])(?:{ISO}|{CALENDAR})", head, re.IGNORECASE):
        full = date_of(m)
        if full is None:
            continue
        try:
            candidate = date(full.year, month_number(month), int(day))
        except (KeyError, ValueError):
            continue
        if abs((candidate - full).days) <= 3:
            return candidate
    for m in _NUMERIC_STAMP.finditer(head):  # "05/28/2024 10:26 AM" over "Taipei, May 28 (CNA)": either order
        year = int(m.group("year"))
        if (int(m.group("first")), int(m.group("second"))) in (
                (month_number(month), int(day)), (int(day), month_number(month))):
            return date(year, month_number(month), int(day))
    return None


# A numeric stamp in the first lines, month and day in either order: it gives only the year of a dateline that
# names the same month and day
_NUMERIC_STAMP = re.compile(r"(?<![\d/.])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])")


def _several_days(text: str) -> bool:
    """Whether the text holds city datelines of two or more full dates: items, each datelined, on one page."""
    return len({value for m in _CITY_LINE.finditer(text) if (value := date_of(m)) is not None}) >= 2


def find_dateline(text: str) -> Dateline | None:
    """The story's dateline among its first lines, or None. A city dateline wins over a date line, being the
    filing place and date; a date line gives the date alone."""
    head = text[:HEAD_CHARS]
    stamped = calendar_stamp(text)  # a calendar export's own stamp ('DTSTAMP:20311222T020000Z')
    if stamped is not None:
        return Dateline(*stamped)
    city = _CITY_LINE.search(head) or _AGENCY_FIRST.search(head)
    if city is not None and _several_days(text):
        city = None  # a gallery's or digest's datelined items ('1 of 6 / PYONGYANG, March 24, 2022 —'): not the page's
    if city is not None:
        name = " ".join(city.group("city").split()).lower()
        first = name.split("/")[0]  # "SEOUL/TOKYO": filed from both; the first city leads
        # (or in its last lines: Yonhap's "(END)" over "2024-05-30 08:52")
        value = date_of(city) or _year_from_head(city, head) or _year_from_head(city, text[-FOOT_CHARS:])
        month, day = city.group("month") or city.group("month2"), city.group("day") or city.group("day2")
        month_day = (month_number(month), int(day)) if month and day and value is None else None
        return Dateline(value, city.start("city"), city.end(), name.title(), CITY_ZONES.get(first), month_day)
    bare = _BARE_CITY.search(head)
    bare_city = " ".join((bare.group("city") or bare.group("city2")).split()) if bare else ""
    zone = CITY_ZONES.get(bare_city.lower()) if bare else None
    for line in DATE_LINE.finditer(head):
        value = date_of(line)
        if value is not None:
            above = None if bare else _CITY_ABOVE.search(head, 0, line.start())
            city_above = " ".join(above.group("city").split()) if above else ""
            if city_above.lower() in CITY_ZONES or city_above.lower() in WEST_OF_KOREA:
                return Dateline(value, line.start(), line.end(), city_above.title(), CITY_ZONES.get(
                    city_above.lower()))
            return Dateline(value, line.start(), line.end(), zone=zone or stamp_zone(line.group()))
    stamp = stamp_line(head)
    if stamp is not None:
        return Dateline(stamp[0], stamp[1], stamp[2], zone=zone or stamp_zone(head[stamp[1] : stamp[2]]))
    slashed = slashed_pair(head) or slashed_by_weekday(head, text)
    if slashed is not None:
        return Dateline(slashed[0], slashed[1], slashed[2], zone=zone or stamp_zone(head[slashed[1] : slashed[2]]))
    for found in (year_and_weekday(head), labelled_stamp(head), short_year_stamp(head), address_stamp(head)):
        if found is not None:
            return Dateline(found[0], found[1], found[2], zone=zone)
    if bare is not None:
        return Dateline(None, bare.start(), bare.end(), bare_city.title(), zone)
    return None


