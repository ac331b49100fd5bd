"""Time zones of the clocks news gives launch times in: Korea's and Japan's, Pyongyang's own, the United States', and
those of wires and broadcasters from London to Sydney; each zone's offset from UTC on a given day.

Pyongyang kept its own "Pyongyang time" of UTC+8:30 from 15 Aug 2015 to 4 May 2018 (UTC+9 before and after:
timeanddate.com news of 7 Aug 2015 and 30 Apr 2018; NK News, 7 Aug 2015), so a time given in Pyongyang's own
clock depends on the date; news from Seoul and Tokyo gives UTC+9 throughout.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

PYONGYANG_TIME = (date(2015, 8, 15), date(2018, 5, 4))  # both days inclusive, UTC+8:30
# Zones of wires and broadcasters elsewhere, from London to Sydney: "23:22 BST on Monday", "0:24 CET", "8:22am
# AEST", "7:12 pm IST" (India), "Sydney time". Fixed offsets by abbreviation; a city's own time by its date
# (ABROAD_OFFSETS, zone_offset). Not "CST", which is China's or the U.S. Central zone.
ABROAD = (r"BST|CEST|CET|AEST|AEDT|ACST|ACDT|AWST|IST|MSK|SGT|HKT|PHT|WIB|NZST|NZDT|"
           r"British\s+Summer\s+Time|Central\s+European(?:\s+Summer)?\s+Time|"
           r"Australian\s+Eastern\s+(?:Standard|Daylight)\s+Time|India(?:n)?\s+Standard\s+Time|"
           r"(?:London|Paris|Berlin|Brussels|Geneva|Sydney|Canberra|Melbourne|Moscow|Beijing|Taipei|Manila|Singapore|"
           r"Hong\s+Kong|Bangkok|Jakarta|New\s+Delhi|Delhi|UK|British|New\s+Zealand|Wellington|Auckland)\s+time|NZT")
ZONE = (r"(?P<zone>ET|EST|EDT|E[SD]?T|Eastern(?:\s+(?:Standard|Daylight))?(?:\s+Time)?|Washington\s+time|PT|PST|PDT|"
         # "just before 6 p.m. Saturday on the East Coast", "8:40 p.m. in Washington"
         r"(?:on\s+the\s+)?(?:U\.?S\.?\s+)?East\s+Coast(?:\s+time)?|in\s+Washington|in\s+New\s+York|"
         r"HST|"
         r"Hawaii(?:an)?(?:-Aleutian)?(?:\s+Standard)?\s+time|"
         r"UTC|GMT|Z|KST|JST|PYT|Pyongyang\s+time|" + ABROAD + r"|"
         r"(?:South\s+)?Korean?\s+(?:Standard\s+)?time|Seoul\s+time|"
         r"Japan(?:ese)?\s+(?:Standard\s+)?time|Tokyo\s+time|local\s+time|local(?=\s*[),;]))")  # "(10:04 local)"
_ZONE_LABELS = [
    (re.compile(r"^(?:UTC|GMT|Z)$", re.I), "UTC"),
    (re.compile(r"^E[SD]?T$|^Eastern|^Washington|East\s+Coast|^in\s+(?:Washington|New\s+York)", re.I), "ET"),
    (re.compile(r"^P[SD]?T$", re.I), "PT"),
    (re.compile(r"^HST$|^Hawaii", re.I), "HST"),  # U.S. Indo-Pacific Command's statements, Camp Smith (UTC-10 all year)
    (re.compile(r"^KST$|Korean?|Seoul", re.I), "KST"),
    (re.compile(r"^JST$|Japan|Tokyo", re.I), "JST"),
    (re.compile(r"^PYT$|Pyongyang", re.I), "Pyongyang time"),
    (re.compile(r"^local", re.I), "local time"),
    (re.compile(r"^British\s+Summer", re.I), "BST"),
    (re.compile(r"^Central\s+European\s+Summer", re.I), "CEST"),
    (re.compile(r"^Central\s+European|^(?:Paris|Berlin|Brussels|Geneva)\s+time", re.I), "Central European time"),
    (re.compile(r"^Australian\s+Eastern\s+Standard", re.I), "AEST"),
    (re.compile(r"^Australian\s+Eastern\s+Daylight", re.I), "AEDT"),
    (re.compile(r"^(?:Sydney|Canberra|Melbourne)\s+time", re.I), "Sydney time"),
    (re.compile(r"^(?:London|UK|British)\s+time", re.I), "London time"),
    (re.compile(r"^(?:New\s+Zealand|Wellington|Auckland)\s+time|^NZT$", re.I), "New Zealand time"),
    (re.compile(r"^India|^(?:New\s+)?Delhi", re.I), "IST"),
    (re.compile(r"^Moscow", re.I), "MSK"),
    (re.compile(r"^(?:Beijing|Taipei|Manila|Singapore|Hong\s+Kong)", re.I), "UTC+8"),
    (re.compile(r"^(?:Bangkok|Jakarta)", re.I), "UTC+7"),
    (re.compile(r"^[A-Z]{3,4}$", re.I), ""),  # an abbreviation of ABROAD_OFFSETS: itself
]
# UTC offsets of the zones abroad written as abbreviations (timeanddate.com zone abbreviations)
ABROAD_OFFSETS = {"BST": 60, "CET": 60, "CEST": 120, "AEST": 600, "AEDT": 660, "ACST": 570, "ACDT": 630, "AWST": 480,
                  "IST": 330, "MSK": 180, "SGT": 480, "HKT": 480, "PHT": 480, "WIB": 420, "NZST": 720, "NZDT": 780,
                  "UTC+8": 480, "UTC+7": 420}  # minutes; fmt: skip




def zone_name(raw: str) -> str:
    compact = " ".join(raw.split())
    if compact.upper() in ("EST", "EDT", "PST", "PDT"):
        return compact.upper()
    return next(label for pattern, label in _ZONE_LABELS if pattern.search(compact)) or compact.upper()


def pyongyang_offset(day: date) -> timedelta:
    low, high = PYONGYANG_TIME
    return timedelta(hours=8, minutes=30) if low <= day <= high else timedelta(hours=9)


def us_daylight_saving(day: date) -> bool:
    """US daylight saving time (second Sunday of March to first Sunday of November, since 2007)."""
    def nth_sunday(month: int, n: int) -> date:
        first = date(day.year, month, 1)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))

    if day.year < 2007:  # first Sunday of April to last Sunday of October
        start = date(day.year, 4, 1) + timedelta(days=(6 - date(day.year, 4, 1).weekday()) % 7)
        end = date(day.year, 10, 31) - timedelta(days=(date(day.year, 10, 31).weekday() + 1) % 7)
        return start <= day < end
    return nth_sunday(3, 2) <= day < nth_sunday(11, 1)


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _european_summer(day: date) -> bool:
    """EU summer time: last Sunday of March to last Sunday of October (since 1996)."""
    return _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)


def _australian_summer(day: date) -> bool:
    """New South Wales daylight saving: first Sunday of October to first Sunday of April (since 2008)."""
    def first_sunday(month: int) -> date:
        first = date(day.year, month, 1)
        return first + timedelta(days=(6 - first.weekday()) % 7)

    return day < first_sunday(4) or day >= first_sunday(10)


def _new_zealand_summer(day: date) -> bool:
    """New Zealand daylight time: last Sunday of September to first Sunday of April (since 2007)."""
    first = date(day.year, 4, 1)
    return day < first + timedelta(days=(6 - first.weekday()) % 7) or day >= _last_sunday(day.year, 9)


def zone_offset(zone: str, day: date | None) -> timedelta | None:
    """The UTC offset of ``zone`` on ``day``; None when it depends on a day that is not known.
    'local time' is UTC+9: reports of North Korean launches come from Seoul and Tokyo and give their time, also
    while Pyongyang kept UTC+8:30 (2015-2018: 'at 5:57 a.m. local time' was Seoul's 5:57). Only 'Pyongyang time',
    or 'local time' in a story datelined Pyongyang (find_times), is Pyongyang's own (see PYONGYANG_TIME)."""
    fixed = {"UTC": 0, "KST": 9, "JST": 9, "EST": -5, "EDT": -4, "PST": -8, "PDT": -7, "HST": -10,
             "local time": 9}
    if zone in fixed:
        return timedelta(hours=fixed[zone])
    if zone in ABROAD_OFFSETS:
        return timedelta(minutes=ABROAD_OFFSETS[zone])
    if day is None:
        return None
    if zone == "London time":
        return timedelta(hours=1 if _european_summer(day) else 0)
    if zone == "Central European time":
        return timedelta(hours=2 if _european_summer(day) else 1)
    if zone == "Sydney time":
        return timedelta(hours=11 if _australian_summer(day) else 10)
    if zone == "New Zealand time":
        return timedelta(hours=13 if _new_zealand_summer(day) else 12)
    if zone == "Pyongyang time":
        return pyongyang_offset(day)
    if zone == "ET":
        return timedelta(hours=-4 if us_daylight_saving(day) else -5)
    if zone == "PT":
        return timedelta(hours=-7 if us_daylight_saving(day) else -8)
    return None
