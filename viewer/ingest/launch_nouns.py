"""Launches told without a launch verb, in a story about North Korea: by the noun ('the launch itself came at 9:30
a.m.'), by someone detecting it ('the military detected the launch', 'detected the missile at 6:53 a.m.'), or as a
row of a timeline or table ('2023-05-31  Chollima-1  Sohae  failure')."""

from __future__ import annotations

import re

from viewer.ingest.east_asian_forms import east_asian_clocks
from viewer.ingest.launch_tables import in_launch_table
from viewer.ingest.sentences import Sentence
from viewer.ingest.times import TimeMention, find_dates

# A launch told by the noun in a story about North Korea: someone "detected the launch" (the launch happened), or "the
# launch (itself) came at 9:30 a.m." (told by when it took place)
_DETECTED = re.compile(r"\b(?:detected|spotted|caught|tracked|picked\s+up|observed)\s+$", re.IGNORECASE)
# (or where it came from: "The launch came from the new coastal launch pad at Sohae")
_TOOK_PLACE = re.compile(r"\s+(?:itself\s+)?(?:came|took\s+place|occurred|happened|was\s+(?:detected|spotted|made))\s+"
                         r"(?:at|on|shortly|around|about|just|early|late|in\s+the|from|\d)", re.IGNORECASE)

# "an image taken three days before the launch", "in the hours after the launch": the launch as a reference point
RELATIVE_TO = re.compile(r"\b(?:before|after|since|ahead\s+of|until|preceding|following)\s+$", re.IGNORECASE)


def launch_told(text: str, noun: re.Match[str]) -> bool:
    """Whether 'the launch' (``noun``) is told as having happened: detected, or placed in time."""
    return bool(_DETECTED.search(text, max(0, noun.start() - 25), noun.start()) or _TOOK_PLACE.match(text, noun.end()))


# "The Joint Chiefs of Staff said it detected the missile at 6:53 a.m. from the Pyongyang area", "they detected
# several short-range ballistic missiles …": what was detected was launched (a sentence about the launch)
DETECTED_OBJECT = re.compile(r"\b(?:detected|spotted|tracked|picked\s+up)\s+(?:[\w-]+\s+){1,4}?(?:missiles?|rockets?|"
                             r"projectiles?|launch(?:es)?)\b", re.IGNORECASE)


# A row of a timeline, table or numbered list that names a launch by its date and its rocket, with no verb: "1)
# Chollima-1, 30 May, 2127 UTC (06:27 on 31 May in Pyongyang).", "2023-05-31  Chollima-1  Sohae  failure", "| 2016-02-07
# | Unha-3 | Sohae | orbit |". The rocket is one of North Korea's by name, both at the row's head.
# (a numbered table's "3 | 19 October 2021 | 10:17 | …": the row's number in its first cell)
# (a blog's "Round 2 — Monday, March 9. At least three projectiles from …": the entry's label before its date)
_ROW_HEAD = re.compile(r"[ \t]*(?:\|[ \t]*|[-*\u2022][ \t]+|\(?\d{1,2}[.)][ \t]+|\d{1,3}[ \t]*\|[ \t]*|"
                       r"(?:Round|Day|Event|Launch|Salvo|Test)[ \t]+\d{1,2}[ \t]*[-\u2013\u2014:][ \t]*)?")
_NAMED_ROCKET = re.compile(r"\b(?:Unha-\d|Chollima-\d|Hwasong-\d+\w*|Pukguksong-\d\w*|Taepodong-\d|KN-\d+|"
                           r"Hwasal-\d|Pulhwasal-\d+|Kwangmyongsong-\d|Malligyong-\d)\b")
# (not a parade, a display, an engine or a nuclear test, a plan)
_NOT_FLOWN = re.compile(r"\b(?:parade|display\w*|shown|unveil\w*|exhibit\w*|engine|motor|nuclear|model|mock-?up|"
                        r"plan\w*|expected|will|would|vow\w*|threat\w*|intends?|next\s+(?:week|month|year)|window)\b",
                        re.IGNORECASE)
# (but the engine a flown rocket carries: "2024-05-27: New rocket with a liquid oxygen-petroleum engine, from Sohae")
_CARRIED = re.compile(r"\b(?:with|powered\s+by|using)\s+(?:an?|its|the)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
ROW_HEAD_CHARS = 45  # the date and the rocket both within the row's first words
# A row that opens with its date may name the missile by its kind, a count or an article before it, as monthly
# monitors and launch logs write them: "Jan. 5 (Wed) — 8:10 a.m. One ballistic missile from Jagang province …",
# "22 NOV 2023 1304Z - SRBM, Sunan.", "2019-07-31: two short-range ballistic missiles from Kalma", a cheat-sheet's
# "27 May 2031 — new rocket, reportedly …"
_KIND = re.compile(r"\b(?:(?:an?|one|two|three|four|five|six|seven|eight|several|multiple|new|\d{1,2})\s+"
                   r"(?:[\w\"'\u201c\u201d-]+\s+){0,4}?(?:missiles?|rockets?|projectiles?)|(?:SRBM|IRBM|ICBM|SLBM|MRBM)s?|"
                   r"(?:ballistic|cruise|hypersonic)\s+missiles?|"
                   # "Jan 11 — Second \"hypersonic\" test from Jagang": the row's launch counted in a series
                   r"(?:first|second|third|fourth|fifth|another)\s+(?:[\w\"'\u201c\u201d-]+\s+){0,2}?"
                   r"(?:test|launch|test-launch|test-firing)(?=\s+(?:from|of|near|at|off)\b|[,;])|"
                   # a memo's "(1) Sunday 12 March - submarine-launched.", "(2) Wednesday 22 March - from the <town>
                   # area.": how or where from, the missiles the memo's subject
                   r"(?:submarine|ship|rail|train|air|ground)-launched|"
                   r"(?<=[-\u2013\u2014:] )from\s+(?:the\s+)?(?-i:[A-Z])[\w-]+)\b"
                   r"(?!\s+(?:factory|factories|base|bases|units?|plants?|facilit\w+|programmes?|programs?|silos?|"
                   r"engines?|launchers?|sites?|forces?|industry|development))", re.IGNORECASE)
# and something of a launch: where from, when, which way ("Kim Jong Un inspected a missile factory" is none)
_LAUNCH_DETAIL = re.compile(r"\b(?:from|near|off|fired|launched|flew|flying|toward|towards|into|detected|tracked)\b|"
                            r"\b[0-2]?\d[:.][0-5]\d\b|\b[0-2]\d[0-5]\dZ\b", re.IGNORECASE)
KIND_HEAD_CHARS = 80
_DATE_START = re.compile(r"[ \t]*(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)", re.IGNORECASE)
_LINK = re.compile(r"\[\[|\]\(")
# "• Friday 2 August: two more from Yonghung", "Friday 16 August: two from near Tongchon": the count alone, the
# missiles being the digest's subject
_COUNT_FROM = re.compile(r"\b(?:two|three|four|five|six|another)\s+(?:more\s+)?(?:from|near)\b", re.IGNORECASE)
# a log's entry whose row gives the day, the time and the place, and the field under it the missile ("2031-07-12
# 0100Z  Pyongyang area" over "  Type: Hwasong-18, lofted")
_TYPE_FIELD = re.compile(r"\r?\n[ \t]*(?:Type|Missile|Vehicle|System|Rocket|Weapon)[ \t]*:[ \t]*"
                         r"(?:[\w\"'-]+[ \t]+){0,3}?(?:(?:SRBM|MRBM|IRBM|ICBM|SLBM|SLV)s?\b|Unha-\d|Chollima-\d|"
                         r"Hwasong-\d+|Pukguksong-\d|KN-\d+|Hwasal-\d|(?:ballistic|cruise)\s+missile)", re.IGNORECASE)
_WEEKDAY_HEAD = re.compile(r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+)?")


def _line_end(text: str, sentence: Sentence) -> int:
    """The end of the row's line: a list entry may tell its launch's time or site in the sentences after its first
    ('27 May 2031 — new rocket, reportedly a new first stage. 10:44 p.m. KST per JCS.')."""
    end = text.find("\n", sentence.end)
    return len(text) if end == -1 else end


def launch_row(text: str, sentence: Sentence) -> bool:
    """Whether the sentence is a row naming a launch: its date and a North Korean rocket by name at its head."""
    if _LINK.search(text, sentence.start, sentence.end):
        return False  # "- [[2026-02-14 SRBMs from Sukchon]]": a link to another page, not a row telling a launch
    head = _ROW_HEAD.match(text, sentence.start, sentence.end)
    begin = head.end() if head else sentence.start
    stop = min(sentence.end, begin + ROW_HEAD_CHARS)
    rocket = _NAMED_ROCKET.search(text, begin, stop)
    if any(m.group().lower() not in ("engine", "motor") or not _CARRIED.search(
            text, max(sentence.start, m.start() - 50), m.start())
           for m in _NOT_FLOWN.finditer(text, sentence.start, sentence.end)):
        return False
    if rocket is None:  # a row opening with its date ("Wednesday 31 July:"), the missile named by its kind
        weekday = _WEEKDAY_HEAD.match(text, begin)
        dated = weekday.end() if weekday else begin
        end = min(_line_end(text, sentence), begin + KIND_HEAD_CHARS)  # ("Round 1 — Monday, March 2. Two …")
        typed = _TYPE_FIELD.match(text, _line_end(text, sentence))
        if not _DATE_START.match(text, dated) or not (_KIND.search(text, dated, end) or _COUNT_FROM.search(
                text, dated, end) or typed):
            return False  # (most sentences: no find_dates for them)
        dates = [d for d in find_dates(text, begin, stop, None, weekdays=False) if d.start <= dated + 2]
        kind = _KIND.search(text, dates[0].end, end) or _COUNT_FROM.search(text, dates[0].end, end) or typed if (
            dates) else None
        return kind is not None and _LAUNCH_DETAIL.search(text, dates[0].end, _line_end(text, sentence)) is not None
    dates = [d for d in find_dates(text, begin, stop, None, weekdays=False) if d.start < stop]
    return bool(dates) and min(rocket.start(), dates[0].start) <= begin + 2


# A table's time column: "| 2023-12-17 | 22:38 | SRBM | …" under "| Date (KST) | Time (KST) | …" (the zone in the
# cell, else in the column's heading, else the story's)
_CELL_TIME = re.compile(r"\|[ \t]*(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d)?[ \t]*"
                        r"(?:\(?(?P<zone>KST|JST|UTC|GMT|Z)\)?[ \t]*)?(?=\|)")
_HEADING_ZONE = re.compile(r"\|[ \t]*(?:Launch[ \t]+)?Time[ \t]*\((?P<zone>KST|JST|UTC|GMT|Z)\)[ \t]*\|", re.IGNORECASE)
_CELL_ZONES = {"KST": "KST", "JST": "JST", "UTC": "UTC", "GMT": "UTC", "Z": "UTC"}


_CLOCK_CELL = re.compile(r"(?P<hour>[01]?\d|2[0-3]):?(?P<minute>[0-5]\d)(?::[0-5]\d)?\s*(?P<zone>KST|JST|UTC|GMT|Z)?$",
                         re.IGNORECASE)


_CLOCK_AFTER_DAY = re.compile(r"(?<!\d)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\s*(?P<zone>KST|JST|UTC|GMT|Z)?$",
                              re.IGNORECASE)  # a day's cell that ends with its clock: "17 Dec, 22:38"


def row_times(text: str, row: Sentence, default_zone: str) -> list[TimeMention]:
    """The time cell of a table's row, zoned by the cell or its column's heading (else assumed the story's)."""
    tabled = in_launch_table(text, row.start)
    if tabled is not None:  # a launch table's time column (launch_tables), zoned by its heading or caption
        if tabled.time_cell is None:
            return []
        cell = text[tabled.time_cell[0] : tabled.time_cell[1]]
        clock = _CLOCK_CELL.match(cell) or _CLOCK_AFTER_DAY.search(cell)
        if clock is None:  # "06時53分頃", "10시 15분경": the first Korean or Japanese clock in the cell
            east = east_asian_clocks(text, *tabled.time_cell)
            return [TimeMention(*east[0])] if east else []
        zone = clock.group("zone") or tabled.zone
        start = tabled.time_cell[0]
        return [TimeMention(start + clock.start("hour"), start + clock.end("minute"), int(clock.group("hour")),
                            int(clock.group("minute")), _CELL_ZONES[zone.upper()] if zone else default_zone,
                            assumed=zone is None)]
    heading = next(reversed(list(_HEADING_ZONE.finditer(text, 0, row.start))), None)  # the nearest above
    found = []
    for m in _CELL_TIME.finditer(text, row.start, row.end):
        zone = m.group("zone") or (heading.group("zone").upper() if heading else None)
        found.append(TimeMention(m.start("hour"), m.end("minute"), int(m.group("hour")), int(m.group("minute")),
                                 _CELL_ZONES[zone] if zone else default_zone, assumed=zone is None))
    return found
