"""Stamp lines near a page's top that are not a city dateline: a short line that is a date among asides
('2017. 5. 21. (Sun)', 'Published on : 22/06/2016 - 05:47'), a labelled stamp inside a longer line ('This page was
last edited on 14 May 2022'), an issue date-time group, a masthead's weekday and year, numeric stamps read in the
one order that fits."""

from __future__ import annotations

import re
from datetime import date, timedelta

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
from viewer.ingest.eras import era_date, japanese_page
from viewer.ingest.times import DTG_DATE

# (a bulletin's or release's "Date of issue:", "Release date:"; a live page's "Live page opened", "Page created")
_LABEL = (rf"(?:{EXTRA_LABELS}|date\s+of\s+(?:issue|release)|(?:issue|release)\s+date|date|dated|published|posted|"
          r"updated|modified|"
          r"pubdate|last updated|broadcast|aired|filed|issued|released|sent|live\s+updates,?|"
          # a paper's "Circulated: 15 November 2024", a worksheet's "Completed: 7 April 2017", "When: Sat 29 July"
          r"circulated|completed|revised|when|"
          # a coverage planner's "Prepared: 28 February 2024", a situation report's "As of: 13 APR 2012, 1200 KST"
          r"prepared|compiled|as\s+of|"
          rf"(?:live\s+)?page\s+(?:opened|created)|{KOREAN_LABELS})")
# One part of a stamp line: 'Published on : 22/06/2016', '3 March 2024', '2017. 5. 21.', 'Sunday 14 January 2024'
# (a label may follow "First", "Last" or "For": "Last reviewed: June 3, 2024", a script's "For broadcast: 19 OCT 2021")
_LABEL_BEFORE = r"(?:(?:first|last|for)[ \t]+)?"
# (a rundown's weekday before a numeric date: "THU 2023.04.13")
_STAMP_PART = re.compile(rf"(?:{_LABEL_BEFORE}{_LABEL}(?!\w)[ \t]*(?:on)?[ \t:=]*)?"
                         rf"(?:{CALENDAR}|{WEEKDAY_FORM}(?:{ISO}|{DOTTED})|{SLASHED}|{ERA_DATE})"
                         rf"{CLOCK_AFTER}", re.IGNORECASE)
# What a stamp line carries around its date: "[Defense pool]", "(Sun)", "(Mainichi Japan)", minutes' "(Seoul bureau,
# video link to London and Tokyo)"; its parts are set apart by bars, bullets or a spaced dash ("Washington, D.C. |
# Analysis | 3 March 2024", "22/06/2016 - 05:47")
# (not the Gregorian year after an era's: "Heisei 24 (2012) December 12")
_ASIDE = re.compile(r"\[[^\]\n]{0,40}\]|(?!\((?:19|20)\d\d\))\([^)\n]{0,60}\)")
# or a wide gap (a byline's "By Ma. Teresa Dizon  November 24, 2023"), a spaced slash ("OPS NOTE 23-117  /  ISSUED …"),
# a semicolon, a spaced arrow ("Tue 21 Nov 2023 → Wed 22 Nov 2023": a shift's span, its first day the date), or the
# end of a sentence ("Live updates, Friday 18 November 2022. All times KST.")
_PARTS = re.compile(r"[ \t]*(?:\||\u00b7|\u2022|;|[ \t][-\u2013\u2014/\u2192][ \t]|[ \t]{2}|"
                    r"(?<=\d)\.[ \t]+(?=[A-Z]))[ \t]*")
# A working file's head line: "=== added by H. Tanaka, 10 March 2020 ===", "# sheet exported by the desk on 6 Nov 2022"
_DECORATION = re.compile(r"^[ \t]*(?:={2,}|#{1,6}(?=[ \t]))[ \t]*|[ \t]*={2,}[ \t]*$")


# "Team wiki. Page created 2026-01-19 15:20 UTC by …", "… | Issued 4 May 2024 by the desk": a stamp's label, in
# capitals or after a capitalised word, and its full date inside a longer head line ("it issued on 9 March" is prose)
# (a monitor's "Compiled 1 February 2022. Times are KST …", an analyst's "Written 3 May 2026")
# (an encyclopedia's "This page was last edited on 14 May 2022, at 09:12 (UTC).")
# (or a sheet's title line: "Sheet: launches 2022 (last modified 4 Feb 2022)"; or a pasted record's JSON field:
# '"published": "2023-12-18T12:40:00+09:00"')
_LABELLED_IN_LINE = re.compile(r"(?:\(last[ \t]+(?:edited|modified|updated)[ \t]+|"
                               r"\"(?:published|datePublished|date_published)\"[ \t]*:[ \t]*\"|"
                               r"(?-i:\b(?:[A-Z][a-z]+[ \t]+(?:[a-z]+[ \t]+){0,2}last[ \t]+(?:edited|modified|updated)|"
                               r"[A-Z][a-z]+[ \t]+(?:[a-z]+[ \t]+)?(?:created|opened|published|posted|"
                               r"issued|compiled|written|filed)|Created|Opened|Published|Posted|Issued|Compiled|Written|"
                               # a transcript's title line: "… Japan Protests. Aired June 2, 2026 - 23:00 ET"
                               r"Filed|Aired|Broadcast|ISSUED|PUBLISHED|POSTED|COMPILED|AIRED))[ \t]*"
                               rf"(?:on)?[ \t:]*)(?:{CALENDAR}|{ISO}|{DOTTED})", re.IGNORECASE)


# An operations note's "ISSUED 181200Z DEC 23": the day of its date-time group (UTC's)
_ISSUED_DTG = re.compile(r"\b(?:ISSUED|DTG|DATED?|PUBLISHED|POSTED|FILED|SENT)\b[ \t:]*" + DTG_DATE.pattern,
                         re.IGNORECASE)


def _dtg_value(m: re.Match[str]) -> date | None:
    year = int(m.group("year"))
    try:
        return date(year + 2000 if year < 100 else year, month_number(m.group("month")), int(m.group("day")))
    except (KeyError, ValueError):
        return None


# A masthead line with its year apart from its day: "Juche 112 (2023) No. 326 [Whole number 27 844] Wednesday,
# November 22" (read only when the weekday falls on that day of that year)
_MASTHEAD_YEAR = re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)(?![\d/.-])")
# (or the weekday after the day: "Juche 112 (2023) November 24, Friday")
_MASTHEAD_DAY = re.compile(rf"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]+"
                           rf"(?P<month>{MONTH_FORM})[ \t]+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b|"
                           rf"\b(?P<month2>{MONTH_FORM})[ \t]+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?[ \t]+"
                           rf"(?P<weekday2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


# A stamp with a two-digit year as operations and logs write it: "Filed: 17 FEB 31 0605Z" (after a label, with a
# clock or nothing after it), "Sat 29 Jul 17, 0815" (a weekday that falls on that day of 20YY)
_SHORT_YEAR_LABELLED = re.compile(rf"\b(?:filed|issued|sent|posted|published|dated?)\b[ \t]*:?[ \t]*(?P<day>[0-3]?\d)"
                                  rf"[ \t]+(?P<month>{MONTH_FORM})[ \t]+(?P<year>\d\d)"
                                  rf"(?=[ \t]+(?:[01]\d|2[0-3])[0-5]\d[ZL]?\b|[ \t]*\r?$)",
                                  re.IGNORECASE | re.MULTILINE)
_SHORT_YEAR_WEEKDAY = re.compile(rf"\b(?P<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+(?P<day>[0-3]?\d)[ \t]+"
                                 rf"(?P<month>{MONTH_FORM})[ \t]+'?(?P<year>\d\d)(?![\d:/.])", re.IGNORECASE)


# A page's address on a line of its own, its path dated as many outlets file stories: "english.example.com/site/data/
# 2031/04/13/2031041300793.html", "URL: https://news.example.org/2031/04/13/rocket-launch/"
_DATED_ADDRESS = re.compile(r"^[ \t]*(?:(?:url|source|link)[ \t]*:[ \t]*)?(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?::\d+)?"
                            r"/(?:[^\s/]+/)*?(?P<year>(?:19|20)\d\d)/(?P<month>[01]\d)/(?P<day>[0-3]\d)"
                            r"(?:/\S*)?[ \t\r]*$",
                            re.IGNORECASE | re.MULTILINE)


def address_stamp(head: str) -> tuple[date, int, int] | None:
    """The date in the path of a page's address given on a line of its own near the top ('…/2031/04/13/…')."""
    m = _DATED_ADDRESS.search(head)
    if m is None:
        return None
    try:
        return date(int(m.group("year")), int(m.group("month")), int(m.group("day"))), m.start(), m.end()
    except ValueError:
        return None


def short_year_stamp(head: str) -> tuple[date, int, int] | None:
    """A head line's date with a two-digit year, read only when a weekday beside it falls on that day of 20YY ('notes
    - Sat 29 Jul 17, 0815 (KST)')."""
    for m in _SHORT_YEAR_WEEKDAY.finditer(head):
        value = _dtg_value(m)
        if value is not None and _WEEKDAY_NAMES[value.weekday()].startswith(m.group("weekday").lower()):
            return value, m.start(), m.end()
    return None


def labelled_stamp(head: str) -> tuple[date, int, int] | None:
    """An operations note's 'ISSUED 181200Z DEC 23' or 'Filed: 17 FEB 31 0605Z', else a labelled full date inside a
    longer head line ('This page was last edited on 14 May 2022')."""
    issued = _ISSUED_DTG.search(head) or _SHORT_YEAR_LABELLED.search(head)
    if issued is not None and (value := _dtg_value(issued)) is not None:
        return value, issued.start(), issued.end()
    labelled = _LABELLED_IN_LINE.search(head)
    if labelled is not None and (value := date_of(labelled)) is not None:
        return value, labelled.start(), labelled.end()
    return None


FOOT_CHARS = 300  # an encyclopedia's or a wiki's stamp sits in its last lines


def foot_stamp(text: str) -> date | None:
    """A page with no stamp at its top dated at its foot: 'This page was last edited on 3 December 2019, at 11:02
    (UTC).' over the licence line (a label is needed: a bare date at the foot may be anything's)."""
    found = labelled_stamp(text[-FOOT_CHARS:])
    return found[0] if found else None


def year_and_weekday(head: str) -> tuple[date, int, int] | None:
    for line in re.finditer(r"^[^\n]{0,160}$", head, re.MULTILINE):
        day = _MASTHEAD_DAY.search(line.group())
        years = {int(m.group("year")) for m in _MASTHEAD_YEAR.finditer(line.group())}
        if day is None or len(years) != 1:
            continue
        month, weekday = day.group("month") or day.group("month2"), day.group("weekday") or day.group("weekday2")
        try:
            value = date(years.pop(), month_number(month), int(day.group("day") or day.group("day2")))
        except (KeyError, ValueError):
            continue
        if _WEEKDAY_NAMES[value.weekday()] == weekday.lower():
            return value, line.start(), line.end()
    return None


_SLASHED_STAMP = re.compile(rf"(?<![\d/.]){SLASHED}(?![\d/.])")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEDE_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def slashed_by_weekday(head: str, text: str) -> tuple[date, int, int] | None:
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
        readings, exact = set(), set()
        for day, month in ((m.group("sday"), m.group("smonth")), (m.group("smonth"), m.group("sday"))):
            try:
                value = date(int(m.group("syear")), int(month), int(day))
            except ValueError:
                continue
            # (the day after too: a page stamped in Paris at 23:48 tells Korea's next morning)
            if named in (value.weekday(), (value - timedelta(days=1)).weekday(), (value + timedelta(days=1)).weekday()):
                readings.add(value)
            if named == value.weekday():
                exact.add(value)
        # (one reading on the weekday itself over one a day off it: '07/02/2031' and a launch 'on Friday')
        readings = exact if len(readings) > 1 and len(exact) == 1 else readings
        return (readings.pop(), line.start() + m.start(), line.start() + m.end()) if len(readings) == 1 else None
    return None


def slashed_pair(head: str) -> tuple[date, int, int] | None:
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


def stamp_zone(line: str) -> str | None:
    """'Saturday, July 29, 2017, 06:00 JST': a page stamped in Korea's or Japan's time tells its bare clock times in
    it. (A stamp in GMT or ET is the outlet's clock, not the zone its reporters give times of a launch in.)"""
    found = re.search(r"\b(KST|JST)\b", line)
    return found.group(1) if found else None


def stamp_line(head: str) -> tuple[date, int, int] | None:
    """A short line near the top that is a date with only asides around it: '2017. 5. 21. (Sun)', '[Defense pool]
    2023.03.16 (Thu)', 'February 13, 2017 (Mainichi Japan)', 'Published on : 22/06/2016 - 05:47 Modified : …',
    'Washington, D.C. | Analysis | 3 March 2024'. Its first part that is wholly a full date gives the date."""
    at = 0
    for line in head.splitlines(keepends=True):
        start, at = at, at + len(line)
        if len(line) > 120 or not any(c.isdigit() for c in line) or (
                line.lstrip().startswith("|") and line.count("|") >= 4):
            continue  # (a table's row is a launch's date, not the story's: "| 2023-12-17 | 22:38 | SRBM |")
        plain = _DECORATION.sub("", line.strip())
        bracketed = _BRACKETED_STAMP.match(plain)  # a chat export's "[14.01.2024 09:02] Channel name:"
        if bracketed is not None and (value := date_of(bracketed)) is not None:
            return value, start, start + len(line.rstrip())
        # "3 August 2016 (Wednesday), 10:20", "1200 KST (0300 GMT). Duration …"
        plain = re.sub(r"[ \t]+([,.])", r"\1", _ASIDE.sub(" ", plain).strip())
        for part in _PARTS.split(plain):
            for tail in _tails(part.strip().strip("*_").rstrip(",;").strip()):
                m = _STAMP_PART.fullmatch(tail) or _labelled_before_more(tail)
                value = date_of(m) if m else None
                if value is None and m is not None and m.group("lera") and japanese_page(head):
                    value = era_date(m, japanese_page=True)  # "Compiled: R4.10.2" on a Japanese page
                if value is not None:
                    return value, start, start + len(line.rstrip())
    return None


# A chat export's message stamp, the date and clock in brackets opening the line: "[14.01.2024 09:02] Korea Missile
# Monitor:", "[2024-01-14 09:02:11] desk:" (other brackets are asides: "[Defense pool] 2023.03.16 (Thu)")
_BRACKETED_STAMP = re.compile(rf"\[(?:{ISO}|{DOTTED}|{SLASHED}|{CALENDAR}){CLOCK_AFTER}\]")


# "Thread by @arms_watcher, 18 Dec 2023", a programme's 'Programme: "Asia Today", Friday 24 March 2023'
_LABEL_COMMA = re.compile(r"^(?:[\w.:'\"@-]+[ \t]+){0,4}[\w.:'\"@-]+,[ \t]+")


# (or when it went out: "Korean Central Television, 12 December 2031, broadcast at 12:00 Pyongyang time")
_EDITION_AFTER = re.compile(r",[ \t]+(?:[a-z]+[ \t]+)?(?:edition|issue|print)$|,[ \t]+(?:page|p\.)[ \t]*\d{1,3}$|"
                            r",[ \t]+(?:broadcast|aired|filed|posted|sent|monitored)[ \t]+at[ \t]+[^,;]{1,40}$")
# "Input 2016.07.09 17:22" after "Source: Korean-language daily, online edition.": the last sentence of a part
_LAST_SENTENCE = re.compile(r"^.*[a-z)][.][ \t]+(?=[A-Z])")
# A labelled date and the sentence after it ("Revised 2016.07.09. Machine draft corrected by hand"), a working file's
# verb, its object and agent, then the date ("sheet exported as CSV by the desk on 6 Nov 2022")
# (whom or where it was made by or from may follow: "Last updated 3 March 2025 by the librarian", "exported 2024-01-05
# from the tracker workbook"; "Exported by: A. Name on 31/05/2023 09:15"); a document's purpose, a comma and the date:
# "Prepared for the regional briefing, 9 January 2023", "Compiled for the background file, 14 July 2023."
_LABELLED_DATE = re.compile(rf"(?:{_LABEL_BEFORE}{_LABEL}(?!\w)[ \t]*(?:on)?[ \t:=]*|(?:\S+[ \t]+){{0,2}}"
                            rf"(?:exported|compiled|saved|generated|added|written|updated)[ \t]+"
                            rf"(?:[\w\"'.:-]+[ \t]+){{0,6}}?on[ \t]+|"
                            rf"(?:prepared|compiled|written|drafted|produced)[ \t]+for[ \t]+"
                            rf"(?:[\w\"'\u2019.-]+[ \t]+){{0,6}}?[\w\"'\u2019.-]+,[ \t]+)"
                            rf"(?:{CALENDAR}|{ISO}|{DOTTED}|{SLASHED}|{ERA_DATE}){CLOCK_AFTER}"
                            rf"(?=\.[ \t]|$|[ \t]+(?:by|from)[ \t])", re.IGNORECASE)


def _labelled_before_more(part: str) -> re.Match[str] | None:
    """A part that opens with a stamp's label (or a working file's 'exported … on') and its date, more after it."""
    return _LABELLED_DATE.match(part)


def _tails(part: str) -> list[str]:
    """The part, and what follows a short label and its comma ('Launch note, 2 June 2026', 'Seoul bureau,
    2026-03-14', a clock first: '12:41 JST, April 22, 2026'): the date a newsletter or bureau heads its item with."""
    label = _LABEL_COMMA.match(part)
    tails = [part, part[label.end() :]] if label else [part]
    sentence = _LAST_SENTENCE.match(part)
    if sentence is not None:  # (and after its label: "… placed on the map. Graphics desk, 22 November 2023")
        last = part[sentence.end() :]
        label = _LABEL_COMMA.match(last)
        tails += [last, last[label.end() :]] if label else [last]
    # "December 12, evening edition", "Evening edition, 5 September, Reiwa 6 (2024), page 1"
    return [*tails, *(tail[: edition.start()] for tail in tails if (edition := _EDITION_AFTER.search(tail)))]
