"""The dateline: when and where a story was filed, as newsrooms write it near the top — 'SEOUL, May 28 (Reuters) -',
a date alone under the headline, 'Published 28 May 2024, 14:02 KST', 'Updated: …', an ISO stamp, 'date 2023-11-15'.

Its city gives the zone of bare clock times ('10:44 p.m.' in a Seoul story is KST)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from viewer.ingest.eras import ERA, era_year
from viewer.ingest.times import DTG_DATE, MONTHS

HEAD_CHARS = 700  # a dateline sits in the first lines: headline, byline, date
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?"
# (a Japanese edition's "Heisei 24 (2012) December 12": the era year first, the Gregorian one beside it or not)
_ERA_BEFORE = rf"(?:{ERA}(?:[ \t]*\((?P<era_year>(?:19|20)\d\d)\))?,?[ \t]+)?"
_CALENDAR = (rf"{_WEEKDAY}{_ERA_BEFORE}(?:(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?|"
             rf"(?P<day2>[0-3]?\d)\s+(?P<month2>"
             # KCNA: "Juche 113 (2024)"; "Jun 23,2016" with no space
             rf"{_MONTH}))(?:(?:,[ \t]*|\s+)(?:Juche\s+\d{{1,3}}\s+\()?(?P<year>(?:19|20)\d\d)\)?)?")
_ISO = (r"(?P<iso>(?:19|20)\d\d(?P<sep>[-./])[01]\d(?P=sep)[0-3]\d)"
        r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?")
_DOTTED = r"(?P<kyear>(?:19|20)\d\d)\.[ \t]*(?P<kmonth>[01]?\d)\.[ \t]*(?P<kday>[0-3]?\d)\.?"  # Korean "2022. 11. 3."
# "22/06/2016" as European and Asian outlets stamp a page; read only when the day is over 12 (else 03/04 could be
# either order)
# either order); "22.11.2023" likewise, as German and Russian outlets write it
_SLASHED = r"(?P<sday>[0-3]?\d)(?P<ssep>[/.])(?P<smonth>[0-3]?\d)(?P=ssep)(?P<syear>(?:19|20)\d\d)"
# A Korean page's stamps: 입력 (posted), 등록 (filed), 수정 (modified), 작성 (written), 기사입력 (article posted),
# 발송 (sent: a text message to the press)
_KOREAN_LABELS = "\uae30\uc0ac\uc785\ub825|\uc785\ub825|\ub4f1\ub85d|\uc218\uc815|\uc791\uc131|\ubc1c\uc1a1"
# "SEOUL, May 28 (Reuters) -", "Pyongyang, November 22 (KCNA) --", "Seoul, 27 January --", "TOKYO, Oct. 31 Kyodo -"
_CITY_LINE = re.compile(rf"^[ \t]*(?P<city>[A-Z][A-Za-z.'-]+(?:[ \t/][A-Z][A-Za-z.'-]+){{0,2}}),"
                        rf"[ \t]+(?:{_CALENDAR}|{_ISO}|{_SLASHED})[ \t]*"
                        rf"(?:\((?P<agency>[^)\n]{{1,40}})\)|,?[ \t]*[A-Z][A-Za-z]{{1,15}})?[ \t]*"
                        # TASS: ". /TASS/."; "UNITED NATIONS, 22 December 2017" on a line of its own
                        # EFE: "Seoul, Aug 12 (EFE).-"; Kyodo: "TOKYO, Oct. 4, Kyodo" on its own line
                        rf"(?:--|-|\u2013|\u2014|\.-|\.?[ \t]*/[A-Z]{{2,10}}/\.?|[ \t\r]*$"
                        # CNA: "Taipei, May 28 (CNA) Taiwan's Ministry …", the lede on the dateline's line
                        rf"|(?<=\))[ \t]+(?=[A-Z]))", re.MULTILINE)
_AGENCY_FIRST = re.compile(rf"^[ \t]*(?P<city>[A-Z][A-Za-z.'-]+(?:[ \t/][A-Z][A-Za-z.'-]+){{0,2}})[ \t]*"
                           rf"\((?P<agency>[^)\n]{{1,40}})\)[ \t]*(?:--|-|\u2013|\u2014)[ \t]*(?:{_CALENDAR}|{_ISO})\b",
                           re.MULTILINE)
# "SEOUL --", "SEOUL, South Korea (AP) —", "Seoul (AFP) - North Korea …"
_BARE_CITY = re.compile(r"^[ \t]*(?:(?P<city>[A-Z]{3,}(?:[ \t][A-Z]{2,}){0,2})"
                        r"(?:,[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*"
                        r"(?:--|\u2013|\u2014)"
                        r"|(?P<city2>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]*\([A-Z][A-Za-z .]{1,30}\)[ \t]*"
                        r"(?:--|-|\u2013|\u2014)[ \t])",
                        re.MULTILINE)
# A Korean English edition's "Input 2025.05.08 10:47 | Revision …" (입력 translated), a thread's "Exported
# 2022-10-04 06:02 UTC", a journal's "Published online 19 June 2024", minutes' "Date of meeting:", a written answer's
# "Answered on:"
_EXTRA_LABELS = (r"input|write|written|exported|answered|published\s+online|"
                 r"date\s+of\s+(?:meeting|session|hearing|sitting|briefing|answer)")
# The clock after a stamp's date: "14:02", "2:40 p.m. EDT", and the military "0400Z", "0630 UTC" of operations notes
_CLOCK_AFTER = (r"(?:,?[ \t]+(?:at[ \t]+)?(?:[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:[ \t]*[ap]\.?m\.?)?|"
                r"[0-2]\d[0-5]\d(?=Z|[ \t]*(?:UTC|GMT|KST|JST)\b))Z?(?:,?[ \t]+[A-Z]{2,4})?)?")  # ("04:22, UK")
# A line that is only a date (optionally "Published"/"Updated"/"date" before it, a time and zone after it).
DATE_LINE = re.compile(
    # "MORNING EDITION - Broadcast: …", a blog's "Round 3 — Sunday, March 29."
    rf"^[ \t>#*_-]*(?:[A-Z][A-Za-z0-9 -]{{0,30}}[ \t]+[-|\u2013\u2014][ \t]*)?"  # (a tracker's "Entry 2024-07 | …")
    # (a written answer's "Answered on: 5 July 2016", a committee's "Date of meeting: 2025. 1. 8. (Wed)")
    rf"(?:(?P<label>{_EXTRA_LABELS}|date|dated|published|posted|updated|pubdate|last updated|broadcast|aired|filed|"
    rf"issued|released|sent|{_KOREAN_LABELS})"
    rf"\b[ \t]*(?:on)?[ \t:=]*)?"
    rf"(?:[0-3]?\d/[0-3]?\d/(?:19|20)\d\d[ \t]+)?"  # (DW's "07/01/2024  July 1, 2024": the words decide the order)
    rf"[\"']?(?:{_CALENDAR}|{_ISO}|{_DOTTED})[\"']?{_CLOCK_AFTER}"
    # "… 6:02 PM EDT  Updated on …", KBS World's "Write: 2024-11-05 10:21:07 / Update: 2024-11-05 14:02:44"
    rf"(?:[ \t]+[|\u00b7/-]?[ \t]*(?:update|updated|last updated|modified)\b[^\n]*)?"
    rf"\.?[ \t\r]*$",
    re.MULTILINE | re.IGNORECASE)
# (a bulletin's or release's "Date of issue:", "Release date:"; a live page's "Live page opened", "Page created")
_LABEL = (rf"(?:{_EXTRA_LABELS}|date\s+of\s+(?:issue|release)|(?:issue|release)\s+date|date|dated|published|posted|"
          r"updated|modified|"
          r"pubdate|last updated|broadcast|aired|filed|issued|released|sent|live\s+updates,?|"
          rf"(?:live\s+)?page\s+(?:opened|created)|{_KOREAN_LABELS})")
# One part of a stamp line: 'Published on : 22/06/2016', '3 March 2024', '2017. 5. 21.', 'Sunday 14 January 2024'
_STAMP_PART = re.compile(rf"(?:{_LABEL}(?!\w)[ \t]*(?:on)?[ \t:=]*)?(?:{_CALENDAR}|{_ISO}|{_DOTTED}|{_SLASHED})"
                         rf"{_CLOCK_AFTER}", re.IGNORECASE)
# What a stamp line carries around its date: "[Defense pool]", "(Sun)", "(Mainichi Japan)"; its parts are set apart
# by bars, bullets or a spaced dash ("Washington, D.C. | Analysis | 3 March 2024", "22/06/2016 - 05:47")
# (not the Gregorian year after an era's: "Heisei 24 (2012) December 12")
_ASIDE = re.compile(r"\[[^\]\n]{0,40}\]|(?!\((?:19|20)\d\d\))\([^)\n]{0,40}\)")
# or a wide gap, a spaced slash ("OPS NOTE 23-117  /  ISSUED …"), or the end of a sentence ("Live updates, Friday 18
# November 2022. All times KST.")
_PARTS = re.compile(r"[ \t]*(?:\||\u00b7|\u2022|[ \t][-\u2013\u2014/][ \t]|[ \t]{3}|(?<=\d)\.[ \t]+(?=[A-Z]))[ \t]*")
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


def date_of(m: re.Match[str]) -> date | None:
    if m.groupdict().get("kyear"):
        try:
            return date(int(m.group("kyear")), int(m.group("kmonth")), int(m.group("kday")))
        except ValueError:
            return None
    if m.groupdict().get("syear"):
        if int(m.group("sday")) <= 12 and int(m.group("smonth")) > 12 and m.group("ssep") == "/":
            try:  # "05/31/2023": an American page's month first, the only order that makes a date
                return date(int(m.group("syear")), int(m.group("sday")), int(m.group("smonth")))
            except ValueError:
                return None
        if int(m.group("sday")) <= 12:
            return None  # "03/04/2016": day-first or month-first cannot be told
        try:
            return date(int(m.group("syear")), int(m.group("smonth")), int(m.group("sday")))
        except ValueError:
            return None
    if m.group("iso"):
        try:
            return date.fromisoformat(re.sub(r"[./]", "-", m.group("iso")))  # "2024.07.01" as Korean outlets write
        except ValueError:
            return None
    month = m.group("month") or m.group("month2")
    day = m.group("day") or m.group("day2")
    year = int(m.group("year")) if m.group("year") else None
    if m.group("era"):  # "Heisei 24 (2012) December 12": the era's year, which the Gregorian one beside it must match
        year = era_year(m.group("era"), m.group("era_n"))
        if year is None or (m.group("era_year") and int(m.group("era_year")) != year):
            return None
    if year is None:
        return None
    try:
        return date(year, MONTHS[month.lower().rstrip(".")], int(day))
    except (KeyError, ValueError):
        return None


def _year_from_head(city: re.Match[str], head: str) -> date | None:
    """'PYONGYANG, March 17 (Xinhua) --' under 'Source: Xinhua | 2023-03-17 09:45': a yearless dateline takes the
    year of a full date in the first lines that falls within three days of it (otherwise the year is not
    guessed)."""
    month, day = city.group("month") or city.group("month2"), city.group("day") or city.group("day2")
    if not month or not day:
        return None
    # (not "08 October" of "15:08 October 19, 2021"; EFE's "20 jul 2026" in lower case)
    for m in re.finditer(rf"(?<![\d:.])(?:{_ISO}|{_CALENDAR})", head, re.IGNORECASE):
        full = date_of(m)
        if full is None:
            continue
        try:
            candidate = date(full.year, MONTHS[month.lower().rstrip(".")], int(day))
        except (KeyError, ValueError):
            continue
        if abs((candidate - full).days) <= 3:
            return candidate
    for m in _NUMERIC_STAMP.finditer(head):  # "05/28/2024 10:26 AM" over "Taipei, May 28 (CNA)": either order
        year = int(m.group("year"))
        if (int(m.group("first")), int(m.group("second"))) in (
                (MONTHS[month.lower().rstrip(".")], int(day)), (int(day), MONTHS[month.lower().rstrip(".")])):
            return date(year, MONTHS[month.lower().rstrip(".")], int(day))
    return None


# A numeric stamp in the first lines, month and day in either order: it gives only the year of a dateline that
# names the same month and day
_NUMERIC_STAMP = re.compile(r"(?<![\d/.])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])")


def find_dateline(text: str) -> Dateline | None:
    """The story's dateline among its first lines, or None. A city dateline wins over a date line, being the
    filing place and date; a date line gives the date alone."""
    head = text[:HEAD_CHARS]
    city = _CITY_LINE.search(head) or _AGENCY_FIRST.search(head)
    if city is not None:
        name = " ".join(city.group("city").split()).lower()
        first = name.split("/")[0]  # "SEOUL/TOKYO": filed from both; the first city leads
        value = date_of(city) or _year_from_head(city, head)
        month, day = city.group("month") or city.group("month2"), city.group("day") or city.group("day2")
        month_day = (MONTHS[month.lower().rstrip(".")], int(day)) if month and day and value is None else None
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
            return Dateline(value, line.start(), line.end(), zone=zone or _stamp_zone(line.group()))
    stamp = _stamp_line(head)
    if stamp is not None:
        return Dateline(stamp[0], stamp[1], stamp[2], zone=zone or _stamp_zone(head[stamp[1] : stamp[2]]))
    slashed = _slashed_pair(head) or _slashed_by_weekday(head, text)
    if slashed is not None:
        return Dateline(slashed[0], slashed[1], slashed[2], zone=zone or _stamp_zone(head[slashed[1] : slashed[2]]))
    weekday_dated = _year_and_weekday(head)
    if weekday_dated is not None:
        return Dateline(weekday_dated[0], weekday_dated[1], weekday_dated[2], zone=zone)
    issued = _ISSUED_DTG.search(head)
    if issued is not None and (value := _dtg_value(issued)) is not None:
        return Dateline(value, issued.start(), issued.end(), zone=zone)
    labelled = _LABELLED_IN_LINE.search(head)
    if labelled is not None and (value := date_of(labelled)) is not None:
        return Dateline(value, labelled.start(), labelled.end(), zone=zone)
    if bare is not None:
        return Dateline(None, bare.start(), bare.end(), bare_city.title(), zone)
    return None


# "Team wiki. Page created 2026-01-19 15:20 UTC by …", "… | Issued 4 May 2024 by the desk": a stamp's label, in
# capitals or after a capitalised word, and its full date inside a longer head line ("it issued on 9 March" is prose)
# (a monitor's "Compiled 1 February 2022. Times are KST …", an analyst's "Written 3 May 2026")
# (an encyclopedia's "This page was last edited on 14 May 2022, at 09:12 (UTC).")
_LABELLED_IN_LINE = re.compile(r"(?-i:\b(?:[A-Z][a-z]+[ \t]+(?:[a-z]+[ \t]+){0,2}last[ \t]+(?:edited|modified|updated)|"
                               r"[A-Z][a-z]+[ \t]+(?:[a-z]+[ \t]+)?(?:created|opened|published|posted|"
                               r"issued|compiled|written|filed)|Created|Opened|Published|Posted|Issued|Compiled|Written|"
                               # a transcript's title line: "… Japan Protests. Aired June 2, 2026 - 23:00 ET"
                               r"Filed|Aired|Broadcast|ISSUED|PUBLISHED|POSTED|COMPILED|AIRED))[ \t]*"
                               rf"(?:on)?[ \t:]*(?:{_CALENDAR}|{_ISO}|{_DOTTED})", re.IGNORECASE)


# An operations note's "ISSUED 181200Z DEC 23": the day of its date-time group (UTC's)
_ISSUED_DTG = re.compile(r"\b(?:ISSUED|DTG|DATED?|PUBLISHED|POSTED|FILED|SENT)\b[ \t:]*" + DTG_DATE.pattern,
                         re.IGNORECASE)


def _dtg_value(m: re.Match[str]) -> date | None:
    year = int(m.group("year"))
    try:
        return date(year + 2000 if year < 100 else year, MONTHS[m.group("month").lower()], int(m.group("day")))
    except ValueError:
        return None


# A masthead line with its year apart from its day: "Juche 112 (2023) No. 326 [Whole number 27 844] Wednesday,
# November 22" (read only when the weekday falls on that day of that year)
_MASTHEAD_YEAR = re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)(?![\d/.-])")
_MASTHEAD_DAY = re.compile(rf"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]+"
                           rf"(?P<month>{_MONTH})[ \t]+(?P<day>[0-3]?\d)\b")


def _year_and_weekday(head: str) -> tuple[date, int, int] | None:
    for line in re.finditer(r"^[^\n]{0,160}$", head, re.MULTILINE):
        day = _MASTHEAD_DAY.search(line.group())
        years = {int(m.group("year")) for m in _MASTHEAD_YEAR.finditer(line.group())}
        if day is None or len(years) != 1:
            continue
        try:
            value = date(years.pop(), MONTHS[day.group("month").lower().rstrip(".")], int(day.group("day")))
        except (KeyError, ValueError):
            continue
        if _WEEKDAY_NAMES[value.weekday()] == day.group("weekday").lower():
            return value, line.start(), line.end()
    return None


_SLASHED_STAMP = re.compile(rf"(?<![\d/.]){_SLASHED}(?![\d/.])")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEDE_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _slashed_by_weekday(head: str, text: str) -> tuple[date, int, int] | None:
    """'05/03/2026' on a short line near the top, day-first or month-first: the reading on whose day, or the day
    after, falls the weekday the story first names ('… on Thursday morning'); None when both or neither fit."""
    for line in re.finditer(r"^[^\n]{0,120}$", head, re.MULTILINE):
        m = _SLASHED_STAMP.search(line.group())
        if m is None:
            continue
        weekday = _LEDE_WEEKDAY.search(text, line.end(), line.end() + 600)
        if weekday is None:
            return None
        named = _WEEKDAY_NAMES.index(weekday.group(1).lower())
        readings = set()
        for day, month in ((m.group("sday"), m.group("smonth")), (m.group("smonth"), m.group("sday"))):
            try:
                value = date(int(m.group("syear")), int(month), int(day))
            except ValueError:
                continue
            # (the day after too: a page stamped in Paris at 23:48 tells Korea's next morning)
            if named in (value.weekday(), (value - timedelta(days=1)).weekday(), (value + timedelta(days=1)).weekday()):
                readings.add(value)
        return (readings.pop(), line.start() + m.start(), line.start() + m.end()) if len(readings) == 1 else None
    return None


def _slashed_pair(head: str) -> tuple[date, int, int] | None:
    """'Issued on: 02/11/2026 - 23:48 Modified: 03/11/2026 - 02:15': a stamp line's two numeric dates, read in the
    one order (day-first or month-first) that puts the second within three days after the first; the first is the
    story's date. None when both orders or neither do."""
    for line in re.finditer(r"^[^\n]{0,160}$", head, re.MULTILINE):
        pair = list(_SLASHED_STAMP.finditer(line.group()))
        if len(pair) != 2:
            continue
        readings = []
        for day, month in (("sday", "smonth"), ("smonth", "sday")):
            try:
                first, second = (date(int(m.group("syear")), int(m.group(month)), int(m.group(day))) for m in pair)
            except ValueError:
                continue
            if 0 <= (second - first).days <= 3:
                readings.append(first)
        if len(set(readings)) == 1:
            return readings[0], line.start() + pair[0].start(), line.start() + pair[0].end()
        return None
    return None


_WESTERN_STAMP = re.compile(r"\b[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?m\.?)?,?\s*(?:ET|EDT|EST|PT|PDT|PST|GMT|BST|UTC|CET|"
                            r"CEST|MSK|UK)\b",
                            re.IGNORECASE)


def stamped_west_of_korea(line: str) -> bool:
    """'Updated 9:12 PM ET, Tue August 23, 2016', 'August 28, 2017 at 9:15 p.m. EDT': a page dated in a zone hours
    behind Korea, whose date can be the day before the Korean date of what it reports."""
    return _WESTERN_STAMP.search(line) is not None


def _stamp_zone(line: str) -> str | None:
    """'Saturday, July 29, 2017, 06:00 JST': a page stamped in Korea's or Japan's time tells its bare clock times in
    it. (A stamp in GMT or ET is the outlet's clock, not the zone its reporters give times of a launch in.)"""
    found = re.search(r"\b(KST|JST)\b", line)
    return found.group(1) if found else None


def _stamp_line(head: str) -> tuple[date, int, int] | None:
    """A short line near the top that is a date with only asides around it: '2017. 5. 21. (Sun)', '[Defense pool]
    2023.03.16 (Thu)', 'February 13, 2017 (Mainichi Japan)', 'Published on : 22/06/2016 - 05:47 Modified : …',
    'Washington, D.C. | Analysis | 3 March 2024'. Its first part that is wholly a full date gives the date."""
    at = 0
    for line in head.splitlines(keepends=True):
        start, at = at, at + len(line)
        if len(line) > 120 or not any(c.isdigit() for c in line) or (
                line.lstrip().startswith("|") and line.count("|") >= 4):
            continue  # (a table's row is a launch's date, not the story's: "| 2023-12-17 | 22:38 | SRBM |")
        plain = re.sub(r"[ \t]+,", ",", _ASIDE.sub(" ", line).strip())  # "3 August 2016 (Wednesday), 10:20"
        for part in _PARTS.split(plain):
            for tail in _tails(part.strip().rstrip(",;")):
                m = _STAMP_PART.fullmatch(tail)
                value = date_of(m) if m else None
                if value is not None:
                    return value, start, start + len(line.rstrip())
    return None


_LABEL_COMMA = re.compile(r"^(?:[\w.:'@-]+[ \t]+){0,4}[\w.:'@-]+,[ \t]+")  # "Thread by @arms_watcher, 18 Dec 2023"


_EDITION_AFTER = re.compile(r",[ \t]+(?:[a-z]+[ \t]+)?(?:edition|issue|print)$")


def _tails(part: str) -> list[str]:
    """The part, and what follows a short label and its comma ('Launch note, 2 June 2026', 'Seoul bureau,
    2026-03-14', a clock first: '12:41 JST, April 22, 2026'): the date a newsletter or bureau heads its item with."""
    label = _LABEL_COMMA.match(part)
    tails = [part, part[label.end() :]] if label else [part]
    edition = _EDITION_AFTER.search(part)  # "December 12, evening edition"
    return [*tails, part[: edition.start()]] if edition else tails
