"""Dates and clock times in article text, with their zones (zones.py), resolved against the article's own date."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from viewer.ingest.asked_before import asked_before
from viewer.ingest.day_years import years_from_before
from viewer.ingest.east_asian_forms import date_parts, east_asian_clocks, east_asian_dates, has_east_asian_form
from viewer.ingest.eras import KANJI_ERA_DATE, LETTER_ERA_DATE, era_date
from viewer.ingest.quoted import unquoted
from viewer.ingest.zones import ZONE, zone_name, zone_offset
from viewer.ingest.zones import pyongyang_offset as pyongyang_offset  # (re-exported: tests read it from here)

MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# (and in capitals, as operations notes and notices write them: "On 28 JUL at 1441Z")
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\.?"  # noqa: E501
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DTG_MONTHS = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
# "172324Z DEC 23": the day of a date-time group, in UTC (its time is read by _TIME_FORMS)
DTG_DATE = re.compile(r"\b(?P<day>[0-3]\d)(?:[01]\d|2[0-3])[0-5]\dZ\s+(?P<month>" + _DTG_MONTHS
                      + r")\s+(?P<year>(?:19|20)?\d\d)\b")
_DATE_FORMS = [
    DTG_DATE,  # (before "DEC 23" is read as 23 December)
    # a message's date in capitals with a two-digit year: "AT 2310Z 04 JAN 22" (not 22 January)
    re.compile(r"\b(?P<day>[0-3]?\d)\s+(?P<month>" + _DTG_MONTHS + r")\s+(?P<year>\d\d)\b(?![:.]?\d)"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    # "on 2023.11.21", "2023/11/21" as Korean, Japanese and Chinese English editions write dates in the body
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)(?P<sep>[./])(?P<mnum>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?![\d])"
               r"(?!\.\d)"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:(?:,[ \t]*|\s+)(?:Juche\s+\d{{1,3}}\s+\()?{_YEAR}\b\)?)?"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?"),
    # "(2324Z on the 17th)", "on the 21st of this month": a day of the story's month (or the month before)
    # ("on the 4th from near Kusong", "on the 8th, according to …" as translations write it; not "on the 4th floor")
    # ("Wednesday the 24th", "Last Sunday, the 28th": a weekday with its day of the month)
    # ("on the evening of the 23rd", "the morning of the 6th": a translation's part of a day of the month)
    # (the word "the" first, its lookbehinds after it: a literal start the regex engine finds fast)
    re.compile(r"the(?:(?<=\b[Oo]n\sthe)|(?<=day\sthe)|(?<=day,\sthe)|(?<=morning\sof\sthe)|(?<=evening\sof\sthe)|"
               r"(?<=afternoon\sof\sthe)|(?<=night\sof\sthe)|(?<=dawn\sof\sthe))\s+(?P<ordinal>[1-3]?\d)(?:st|nd|rd|th)\b"
               # (a translation's "on the 29th day", not "on the 29th day of the siege")
               r"(?:\s+of\s+(?:this|the)\s+month\b|\s+day\b(?!\s+(?:of|since|after|before)\b)|(?!\s+[A-Za-z])|"
               r"(?=\s+(?:from|at|in|and|by|toward|towards|off|"
               r"into|according|when|after|before|while|but|with|over|near|local|KST|JST|morning|afternoon|evening|"
               r"night)\b))"),
]
# Numeric and era forms, tried only in a text with a digit, a dot or slash and a digit, or an era's kanji in it
# (most stories have none: the five scans are saved)
_NUMERIC_DATE_FORMS = [
    # Korean "2023. 2. 16.": a space after each dot and a dot after the day (not "in 2023. 5. 12 people")
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)\.[ \t]+(?P<mnum>1[0-2]|0?[1-9])\.[ \t]+(?P<day>[0-3]?\d)\.(?!\d)"),
    # Japanese eras: "平成24年12月12日", "R5.7.12" (eras.py)
    re.compile(KANJI_ERA_DATE),
    re.compile(LETTER_ERA_DATE),
    # "12.07.2023", "31.05.2023": dots between day, month and a four-digit year are day-first wherever they are
    # written (Europe, Russia); no outlet writes the month first between dots
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)(?!\.\d)"),
    # "07/12/2023": read when one number is over 12, or when the text's other slashed dates settle the order
    re.compile(r"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])"),
]
_ISO_FORMS = 4  # (the numeric forms go after the date-time groups and ISO forms, before the month names)
_NUMERIC_GATE = re.compile(r"\d[./][ \t]*\d|(?:\u662d\u548c|\u5e73\u6210|\u4ee4\u548c)[ \t]*[\d\u5143]")


@functools.lru_cache(maxsize=16)
def _date_forms_for(text: str) -> list[re.Pattern[str]]:  # (cached: a story's windows share its text)
    """The date forms worth trying in ``text``: the numeric ones first (after ISO's) when it may hold one."""
    if _NUMERIC_GATE.search(text) is None:
        return _DATE_FORMS
    return [*_DATE_FORMS[:_ISO_FORMS], *_NUMERIC_DATE_FORMS, *_DATE_FORMS[_ISO_FORMS:]]


# A span of days in one month: "17-18 December 2023", "December 17-18", "5 to 7 March"
_PLAIN_MONTH = re.sub(r"\(\?P<\w+>", "(?:", _MONTH)
_PLAIN_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_DAY_RANGE = re.compile(rf"\b{_PLAIN_DAY}[ \t]*(?:-|\u2013|to)[ \t]*{_PLAIN_DAY}[ \t]+(?:of[ \t]+)?{_PLAIN_MONTH}"
                        rf"(?:,?[ \t]+(?:19|20)\d\d\b)?|\b{_PLAIN_MONTH}[ \t]+{_PLAIN_DAY}[ \t]*(?:-|\u2013)[ \t]*"
                        rf"[0-3]?\d\b(?![:.]?\d)(?:,?[ \t]+(?:19|20)\d\d\b)?")
_WEEKDAY = re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|\u2019s)?\b"
                      r"(?:\s+(?P<part>morning|afternoon|evening|night))?")
_RELATIVE = re.compile(r"\b(?P<word>today|yesterday|tonight|this morning|this afternoon|this evening|last night)\b",
                       re.IGNORECASE)
# "Eight years ago today": an anniversary piece's launch, the same day that many years before the article's date
_YEARS_AGO_TODAY = re.compile(r"\b(?P<count>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                              r"thirteen|fourteen|fifteen|twenty)\s+years?\s+ago\s+today\b", re.IGNORECASE)
_COUNTS = {"twenty": 20} | {w: i for i, w in enumerate(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
     "fourteen", "fifteen"], start=1)}
# "last Thursday": a week back when the article is itself dated a Thursday
_LAST_BEFORE = re.compile(r"\blast\s+$", re.IGNORECASE)
# "Wednesday 31 July:", "Friday, Aug. 2": the weekday of the calendar date written right after it, not a day of its own
_DATE_AFTER_WEEKDAY = re.compile(r",?\s{1,3}(?=(?:[0-3]?\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|the\s))",
                                 re.IGNORECASE)

# A day named as Korea's or Japan's ("Wednesday morning in Pyongyang", "Thursday, Korea time"), which in a story
# dated in the Americas or Europe can be the day after its date
KOREAS_DAY = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:in\s+(?:Pyongyang|Seoul|Tokyo|Korea|"
                         r"North\s+Korea|South\s+Korea|Japan)\b|(?:Korea|Korean|Seoul|Pyongyang|Japan|Tokyo|"
                         r"local)\s+time\b|local(?=\s*[),;]))", re.IGNORECASE)  # "(03:50 on 24 Aug local)"
# A bare clock time told as Korea's by the day and place after it: "at 3:17 a.m. Wednesday in North Korea"
_KOREAS_CLOCK_AFTER = re.compile(r",?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                                 r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+in\s+(?:Pyongyang|Seoul|Korea|"
                                 r"North\s+Korea|South\s+Korea)\b", re.IGNORECASE)
# "at 06:41 local time on Tuesday", "7:12 a.m. Korea time Wednesday": the day of Korea's clock
_KOREAS_CLOCK_BEFORE = re.compile(r"\b(?:local|Korea|Korean|Seoul|Pyongyang|Japan|Tokyo)\s+time,?\s+(?:on\s+)?$",
                                  re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_VAGUE = re.compile(r"\b(?:(?:earlier|later)\s+this\s+month|last\s+month)\b", re.IGNORECASE)
_TIME_FORMS = [
    # 7:29 PM ET, 10.42 p.m. (local time), 9 a.m. KST, 22:42 Pyongyang time
    # ("8:40 p.m. Monday Eastern": the day of the zone's clock between them)
    re.compile(r"\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?\s*\(?\s*"
               r"(?:(?<=[m.\s])(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?=Eastern|Pacific|GMT|UTC|E[SD]?T|P[SD]?T|"
               r"on\s+the\s+(?:U\.?S\.?\s+)?East\s+Coast|in\s+Washington|in\s+New\s+York))?"
               + ZONE + r"\b", re.IGNORECASE),
    # 0030 GMT, 1342 UTC (wire-service style); a log's "0530L", L for the local time
    re.compile(r"\b(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?:hrs?\s*)?(?P<zone>GMT|UTC|Z|KST|JST)\b|"
               r"\b(?P<lhour>[01]\d|2[0-3])(?P<lminute>[0-5]\d)(?P<lzone>L)\b"),
    # a military date-time group in an operations note: "AT 172324Z DEC 23" (day, hour, minute, Z; DTG_DATE)
    re.compile(r"\b[0-3]\d(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?P<zone>Z)\s+(?=" + _DTG_MONTHS + r"\b)"),
]
# Clock times with no zone: '10:44 p.m.', 'at 7 a.m.', 'at 22:42:28' (24-hour only after 'at', so a score or a
# ratio is not read as a time). Their zone comes from the dateline, else the launch site's local time.
_BARE_TIME = re.compile(
    # (a translation's space before the colon: "2\u00a0:48 a.m.")
    r"\b(?P<hour>1[0-2]|0?[1-9])(?:(?:[:.]|[ \u00a0]:)(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b)"
    # (or opening a range: "between about 8:10 and 9:20 this morning", "from 22:10 to 22:40")
    r"|\b(?:(?:at|between|from)\s+(?:(?:about|around|approximately|roughly|exactly|precisely|just\s+(?:after|before)|"
    r"shortly\s+(?:after|before))\s+)?|(?:around|approximately)\s+|"
    # (a Russian outlet's "18.12.2023, 06:05", "December 18, 2023, 06:05": the clock after a date's year and comma)
    r"(?<=(?:19|20)\d\d,\s)|"
    # (a chat's "launched around 7:22"; a correction's "JCS says 7:23, not 7:22": the first is the one that stands)
    r"(?=(?:[01]?\d|2[0-3]):[0-5]\d,?\s+not\s+(?:at\s+)?(?:[01]?\d|2[0-3]):[0-5]\d))"
    r"(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
    r"(?!\s*(?:[ap]\.?\s?m\b|[ap]\.\s?m\.))"
    # "at approximately 0534 hrs", "0600 hrs, 0637 hrs and 0642 hrs": military style (a zone after it is a zoned form)
    r"|\b(?P<hourhrs>[01]\d|2[0-3])(?P<minutehrs>[0-5]\d)\s*hrs?\b(?!\.?\s*(?:GMT|UTC|Z|KST|JST)\b)"
    # "at 0736 hours", "(0739 hours)", '"0652 hours"': a military clock spelled out; after "at", a bracket or a
    # quote only ("1500 hours of flight time" is a duration)
    r"|\b(?P<hourhours>[01]\d|2[0-3])(?P<minutehours>[0-5]\d)\s?hours\b(?!\.?\s*(?:GMT|UTC|Z|KST|JST)\b)",
    re.IGNORECASE)
# What a military clock spelled "hours" comes after: "at 0736 hours", "(0739 hours)", '"0652 hours"', "around 2341
# hours" (a count of hours comes after none of them)
_HOURS_BEFORE = re.compile(r"(?:\bat\s|\(|\"|\baround\s|\babout\s)$")
# A zone this module does not know, written after a clock time: "<Place> time" or an abbreviation in capitals
_UNKNOWN_ZONE = re.compile(r"[ \t]*\(?(?:(?-i:[A-Z][a-z]+)(?:[ \t](?-i:[A-Z][a-z]+))?[ \t]+time\b|"
                           r"(?-i:[A-Z]{1,4}T)\b)", re.IGNORECASE)  # (zones' abbreviations end in T: AET, NZT)
_RANGE_END = re.compile(r"\s*(?:and|to|-|\u2013)\s*(?:about\s+)?(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?P<pm>p\.?\s?m\b))?",
                        re.IGNORECASE)
_EVENING_AFTER = re.compile(r"[\s,]*(?:(?:last|on\s+\w+|that|this|the\s+same)\s+(?:night|evening|afternoon)|tonight|"
                            r"in\s+the\s+(?:evening|afternoon)|at\s+night)\b", re.IGNORECASE)
@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: date | None  # None when it cannot be resolved (a weekday in an undated article)
    label: str  # what the text says, normalised: "2016-02-07", "Thursday", "February 7", "2023-12 (earlier…)"
    part_of_day: str | None = None  # "night" in "on Monday night": kept when no clock time is given


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    hour: int
    minute: int
    zone: str  # UTC, ET, EST, EDT, PT, PST, PDT, HST, KST, JST, Pyongyang time, local time, or one abroad (BST, …)
    assumed: bool = False  # the text gives no zone: it is the dateline's, or the launch site's

    @property
    def label(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d} {self.zone}"


def names_koreas_next_day(text: str, day: date) -> bool:
    """Whether the story names the day after ``day`` as Korea's ('0722 local time on Tuesday' in a story dated
    Monday, as a wire dated in GMT or filed abroad writes): then its other 'Tuesday's are that day too, not the
    Tuesday of the week before."""
    wanted = WEEKDAY_NAMES[(day + timedelta(days=1)).weekday()]
    if any(m.group("weekday") == wanted and (KOREAS_DAY.match(text, m.end()) or _KOREAS_CLOCK_BEFORE.search(
            text, max(0, m.start() - 30), m.start())) for m in _WEEKDAY.finditer(text)):
        return True
    # "(2202 GMT Monday)" in a Monday story that says "early on Tuesday": 15:00 GMT or later is Korea's next day
    return any(m.group("weekday") == WEEKDAY_NAMES[day.weekday()] and int(m.group("hour")) >= 15
               for m in _LATE_GMT_DAY.finditer(text)) and any(
        m.group("weekday") == wanted for m in _WEEKDAY.finditer(text))


_LATE_GMT_DAY = re.compile(r"\b(?P<hour>[0-2]\d)[0-5]\d\s+(?:GMT|UTC)\s+(?:on\s+)?(?P<weekday>Monday|Tuesday|Wednesday|"
                           r"Thursday|Friday|Saturday|Sunday)\b")


def parse_date(text: str, reference: date | None) -> DateMention | None:
    """The first date written in ``text`` (ISO, 'Feb. 7, 2016', '7 February'), resolved against ``reference``."""
    found = find_dates(text, 0, len(text), reference, weekdays=False)
    return found[0] if found and found[0].value else None


@asked_before  # (ingest28: asked again and again of one sentence while a document is drafted)
def find_dates(text: str, start: int, end: int, reference: date | None, *, weekdays: bool = True,
               weekday_reference: date | None = None) -> list[DateMention]:
    """Dates in ``text[start:end]`` in order; weekdays and 'yesterday' resolve to the latest such day on or before
    ``reference`` (the article's date), as news reports them; weekdays on or before ``weekday_reference`` when
    given (a story dated in Washington names Korea's days, which can run a day ahead of its date)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    digits = _DIGIT.search(text, start, end) is not None  # (ingest28: every calendar form writes a digit)
    for m in _DAY_RANGE.finditer(text, start, end) if digits else ():  # "17-18 December 2023": neither the date
        found.append(DateMention(m.start(), m.end(), None, " ".join(m.group().split())))
        taken.append((m.start(), m.end()))
    for form in _date_forms_for(text) if digits else ():
        for m in form.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            mention = _calendar_date(m, reference)
            if mention:
                found.append(mention)
                taken.append((m.start(), m.end()))
    if has_east_asian_form(text, start, end):  # "2024년 5월 30일", "9月29日", "오늘(18일)"
        for m in east_asian_dates(text, start, end):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                mention = _east_asian_date(m, reference)
                if mention:
                    found.append(mention)
                    taken.append((m.start(), m.end()))
    found = years_from_before(text, found)  # (day_years: '28 November 2017, i.e. … 29 November')
    if weekdays:
        for m in _YEARS_AGO_TODAY.finditer(text, start, end):
            if reference is None:
                continue
            count = m.group("count").lower()
            years = int(count) if count.isdigit() else _COUNTS[count]
            try:
                then = reference.replace(year=reference.year - years)
            except ValueError:  # 29 February
                then = reference.replace(year=reference.year - years, day=28)
            found.append(DateMention(m.start(), m.end(), then, m.group()))
            taken.append((m.start(), m.end()))
        for m in _WEEKDAY.finditer(text, start, end):
            if any(a <= m.start() < b for a, b in taken):
                continue
            after = _DATE_AFTER_WEEKDAY.match(text, m.end(), end)
            if after and any(a == after.end() for a, _ in taken):
                continue  # "Wednesday 31 July": the date says the day
            name = m.group("weekday").lower()
            base = weekday_reference or reference
            if base is not None and weekday_reference is None and (KOREAS_DAY.match(text, m.end(), end) or (
                    _KOREAS_CLOCK_BEFORE.search(text, max(start, m.start() - 30), m.start()))):
                base += timedelta(days=1)  # "Wednesday morning in Pyongyang": Korea's day, up to a day ahead
            value = _weekday_on_or_before(WEEKDAYS.index(name), base) if base else None
            if value is not None and value == base and _LAST_BEFORE.search(text, max(start, m.start() - 6), m.start()):
                value = value - timedelta(days=7)  # "last Thursday" in a Thursday's story: the week before
            part = m.group("part").lower() if m.group("part") else None
            found.append(DateMention(m.start(), m.end(), value, m.group("weekday"), part))
        for m in _RELATIVE.finditer(text, start, end):
            if any(a <= m.start() < b for a, b in taken):
                continue
            word = m.group("word").lower()
            if reference is None:
                continue  # "today" in an undated article says nothing
            back = 1 if word in ("yesterday", "last night") else 0
            value = reference - timedelta(days=back)
            if weekday_reference is not None and KOREAS_DAY.match(text, m.end(), end):
                value = weekday_reference - timedelta(days=back)  # "7:10 this morning, local time": Korea's day
            part = next((p for p in ("morning", "afternoon", "evening", "night") if p in word), None)
            found.append(DateMention(m.start(), m.end(), value, word, part))
        for m in _VAGUE.finditer(text, start, end):
            if reference is None:
                continue
            month = reference.replace(day=1)
            if m.group().lower().startswith("last"):
                month = (month - timedelta(days=1)).replace(day=1)
            # No day can be named: the month is the claim, and no launch date is set from it.
            found.append(DateMention(m.start(), m.end(), None, f"{month:%Y-%m} ({m.group().lower()})"))
    return sorted(found, key=lambda d: d.start)


_WINDOW = re.compile(
    rf"\b(?:between|from)\s+{_MONTH}\s+{_DAY}\s*(?:and|to|through|-|\u2013)\s*"
    rf"(?:(?P<month2>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    rf"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b", re.IGNORECASE)


def announced_windows(text: str, reference: date | None) -> list[tuple[date, date]]:
    """Date ranges an article cites ('between August 24th and 31st', 'from May 31 to June 11'), in the year of
    ``reference`` (or the year before, when that puts them after it)."""
    if reference is None:
        return []
    found = []
    for m in _WINDOW.finditer(text):
        month1 = MONTHS[m.group("month").lower().rstrip(".")]
        month2 = MONTHS[m.group("month2").lower().rstrip(".")] if m.group("month2") else month1
        try:
            year = reference.year
            low, high = date(year, month1, int(m.group("day"))), date(year, month2, int(m.group("day2")))
            if low > reference:
                low, high = low.replace(year=year - 1), high.replace(year=year - 1)
        except ValueError:
            continue
        if low <= high:
            found.append((low, high))
    return found


def _calendar_date(m: re.Match[str], reference: date | None) -> DateMention | None:
    groups = m.groupdict()
    if groups.get("ordinal"):
        return _day_of_month(m, reference)
    if groups.get("kera") or groups.get("lera"):
        era = era_date(m)
        return DateMention(m.start(), m.end(), era, era.isoformat()) if era else None
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        order = ("dmy" if first > 12 else "mdy") if (first > 12) != (second > 12) else slashed_order(m.string)
        if order is None:
            return None  # "07/12/2023": either order, and nothing in the text settles it
        groups = {"day": str(first if order == "dmy" else second), "mnum": str(second if order == "dmy" else first),
                  "year": groups["year"]}
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
    day = int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else None
    if year is not None and year < 100:  # a date-time group's two-digit year
        year += 2000
    if year is None:
        if reference is None:
            try:
                return DateMention(m.start(), m.end(), None, f"{date(2000, month, day):%B} {day}")
            except ValueError:
                return None
        year = reference.year
        # "Dec. 30" in an article of 2 January is last year's.
        if (month, day) > (reference.month, reference.day) and month - reference.month > 6:
            year -= 1
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return DateMention(m.start(), m.end(), value, value.isoformat())


def _east_asian_date(m: re.Match[str], reference: date | None) -> DateMention | None:
    """A Korean or Japanese date: in full, or its month and day in the reference's year (the year before when that
    puts it half a year ahead), or its day alone in the reference's month (the month before when it is ahead)."""
    year, month, day = date_parts(m)
    if year is None and reference is None:
        return None
    try:
        if year is not None and month is not None:
            value = date(year, month, day)
        elif month is not None and reference is not None:
            year = reference.year - ((month, day) > (reference.month, reference.day) and month - reference.month > 6)
            value = date(year, month, day)
        elif reference is not None:
            first = reference.replace(day=1)
            if day > reference.day:
                first = (first - timedelta(days=1)).replace(day=1)
            value = first.replace(day=day)
        else:
            return None
    except ValueError:
        return None
    return DateMention(m.start(), m.end(), value, value.isoformat() if month is not None else m.group())


_SLASHED_ANYWHERE = re.compile(r"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?:19|20)\d\d(?![\d/])")


@functools.lru_cache(maxsize=32)
def slashed_order(text: str) -> str | None:
    """'dmy' or 'mdy' when the text's slashed dates with a number over 12 all put the day in one place; else None."""
    orders = {"dmy" if int(m.group("first")) > 12 else "mdy" for m in _SLASHED_ANYWHERE.finditer(text)
              if (int(m.group("first")) > 12) != (int(m.group("second")) > 12)}
    return orders.pop() if len(orders) == 1 else None


def _day_of_month(m: re.Match[str], reference: date | None) -> DateMention | None:
    """'on the 17th': that day of the reference's month, or of the month before when it is after the reference."""
    day = int(m.group("ordinal"))
    if reference is None or not 1 <= day <= 31:
        return None
    month = reference.replace(day=1)
    if day > reference.day:
        if "this month" in m.group():
            return None  # a day still to come
        month = (month - timedelta(days=1)).replace(day=1)
    try:
        value = month.replace(day=day)
    except ValueError:
        return None
    return DateMention(m.start(), m.end(), value, m.group())  # (not an ISO label: the text gives no year)


_WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d")


def not_ahead(text: str, mention: DateMention, published: date | None) -> DateMention:
    """'the successful November 21 flight' in a story of 4 June 2024: a launch the story tells happened, so a date
    written without its year that would fall after the story's (a day's grace for Korea's clock) is last year's.
    (For launch days only: 'would launch … between May 27 and June 4' names days to come.)"""
    if (published is None or mention.value is None or mention.value <= published + timedelta(days=1)
            or mention.label in WEEKDAY_NAMES or _WRITTEN_YEAR.search(text, mention.start, mention.end)):
        return mention
    try:
        earlier = mention.value.replace(year=mention.value.year - 1)
    except ValueError:  # 29 February
        return mention
    return DateMention(mention.start, mention.end, earlier, earlier.isoformat(), mention.part_of_day)


def _weekday_on_or_before(weekday: int, reference: date) -> date:
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


# A log's word that its "L" times are local: "Times: L = local (KST)", "All times L", "L (local)"
_LOCAL_L = re.compile(r"\bL\s*(?:=|:|is|means)\s*local\b|\ball\s+times\s+(?:are\s+)?L\b|\bL\s*\(local\b", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def says_local_l(text: str) -> bool:
    return _LOCAL_L.search(text) is not None


@asked_before
def find_times(text: str, start: int, end: int, default_zone: str | None = None) -> list[TimeMention]:
    """Clock times that carry a zone ('7:29 PM ET', '0030 GMT', '10:42 p.m. local time'). With ``default_zone``
    (the dateline's zone, or 'local time'), also bare ones ('10:44 p.m.', 'at 22:42:28'), marked assumed; without
    it a bare '10:42' is left out."""
    found: list[TimeMention] = []
    text = unquoted(text, start, end)
    # "10시 15분경", "午後11時42分", "오전 9:41": Korea's and Japan's clocks (east_asian_forms)
    found.extend(TimeMention(*clock) for clock in east_asian_clocks(text, start, end))
    for form in _TIME_FORMS:
        for m in form.finditer(text, start, end):
            if any(t.start < m.end() and m.start() < t.end for t in found):
                continue
            if m.groupdict().get("lzone"):  # a log's "0530L", in a text that says its L times are local
                if says_local_l(text):  # (not "a 1200L tank")
                    found.append(TimeMention(m.start(), m.end(), int(m.group("lhour")), int(m.group("lminute")),
                                             "local time"))
                continue
            hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
            ampm = (m.groupdict().get("ampm") or "").lower().replace(".", "").replace(" ", "")
            if not ampm and not m.group("minute"):
                continue  # "2 UTC" or "at 5 JST" is too unusual to trust
            if ampm:
                if not 1 <= hour <= 12:
                    continue
                hour = hour % 12 + (12 if ampm.startswith("p") else 0)
            zone = zone_name(m.group("zone"))
            if zone == "local time" and default_zone == "Pyongyang time":  # KCNA's "local time" is Pyongyang's
                zone = default_zone
            found.append(TimeMention(m.start(), m.end(), hour, minute, zone))
    if default_zone is not None:
        for m in _BARE_TIME.finditer(text, start, end):
            if any(t.start < m.end() and m.start() < t.end for t in found):
                continue
            if _UNKNOWN_ZONE.match(text, m.end(), end):
                continue  # "at 8:22 a.m. Vladivostok time", "11.22am AET": a zone not known here, so no time
            if m.group("hour24"):
                hour, minute = int(m.group("hour24")), int(m.group("minute24"))
                begin = m.start("hour24")
                upto = _RANGE_END.match(text, m.end(), end)  # "between 8:10 and 9:20 p.m.": the range's half
                after = upto.end() if upto else m.end()
                if 1 <= hour <= 11 and (_EVENING_AFTER.match(text, after, end) or (upto and upto.group("pm"))):
                    hour += 12  # "at 10:41 last night", "at 9:30 in the evening": a 12-hour clock without p.m.
            elif m.group("hourhours") and not _HOURS_BEFORE.search(text, max(0, m.start() - 7), m.start()):
                continue  # "1500 hours of flight": a count of hours, not a clock
            elif m.group("hourhrs") or m.group("hourhours"):
                hour = int(m.group("hourhrs") or m.group("hourhours"))
                minute = int(m.group("minutehrs") or m.group("minutehours"))
                begin = m.start()
            else:
                hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
                hour = hour % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
                begin = m.start()
            # "at 14:41 and 14:52 local time": the pair shares the zone written after the second
            paired = next((t for t in found if not t.assumed and re.match(r"\s*(?:and|&|,)\s*$",
                                                                          text[m.end() : t.start])), None)
            zone, assumed = (paired.zone, False) if paired else (default_zone, True)
            if not paired and _KOREAS_CLOCK_AFTER.match(text, m.end(), end):
                zone, assumed = "local time", False  # "at 3:17 a.m. Wednesday in North Korea": Korea's clock
            found.append(TimeMention(begin, m.end(), hour, minute, zone, assumed=assumed))
    return sorted(found, key=lambda t: t.start)


def resolve(time: TimeMention, day: date | None) -> datetime | None:
    """The moment ``time`` on ``day`` in its zone, as an aware datetime; None without a day."""
    offset = zone_offset(time.zone, day)
    if day is None or offset is None:
        return None
    return datetime(day.year, day.month, day.day, time.hour, time.minute, tzinfo=timezone(offset))
