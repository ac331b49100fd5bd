"""When a notice is in force, as broadcast: '2200Z TO 0305Z DAILY 21 THRU 30 NOV 23', '310001Z MAY TO 110000Z JUN
23', NOTAM 'B) 2311212200 C) 2311301500', and the self-cancelling 'CANCEL THIS MSG 301605Z NOV 23'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from viewer.ingest.times import MONTHS

_MON = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*"
_Z = r"(?:Z|\s?UTC)"
_DAILY = re.compile(
    # (in Japan's or Korea's clock too: "2200 JST TO 0300 JST DAILY 11 THRU 15 APR 26")
    rf"\b(?P<h1>[0-2]\d[0-5]\d)(?P<dz1>Z|\s?(?:UTC|JST|KST)\b)\s*(?:TO|-|THRU)\s*(?P<h2>[0-2]\d[0-5]\d)"
    rf"(?P<dz2>Z|\s?(?:UTC|JST|KST)\b)\s*(?P<daily>DAILY,?\s+)?"
    # (the days as a range, "21 THRU 24", or as a list, "03 AND 04 AUG", "03, 04 AND 05 AUG": first to last)
    rf"(?:(?:FROM\s+)?(?P<d1>[0-3]?\d)(?:\s+(?P<m1>{_MON}))?(?:,\s*[0-3]?\d)*\s*(?:THRU|THROUGH|TO|-|,?\s*AND)\s*)?"
    rf"(?P<d2>[0-3]?\d)\s+(?P<m2>{_MON})(?:\s+(?P<y>(?:20)?\d\d))?\b", re.IGNORECASE)
# "082000 UTC TO 082300 UTC APR 26, DAILY UNTIL 15 APR 26": the first day's hours, repeated until a day
# (a Japan Coast Guard warning in English gives Japan's clock: "PERIOD: 220000 JST NOV 23 TO 010000 JST DEC 23")
_DTG_RANGE = re.compile(
    rf"\b(?P<t1>[0-3]\d[0-2]\d[0-5]\d)(?P<z1>Z|\s?(?:UTC|GMT|JST|KST)\b)(?:\s+(?P<m1>{_MON})(?:\s+(?P<y1>(?:20)?\d\d))?)?"
    rf"\s*(?:TO|THRU|-)\s*"
    rf"(?P<t2>[0-3]\d[0-2]\d[0-5]\d)(?P<z2>Z|\s?(?:UTC|GMT|JST|KST)\b)\s+(?P<m2>{_MON})(?:\s+(?P<y2>(?:20)?\d\d))?\b"
    rf"(?:,?\s*DAILY\s+(?:UNTIL|THRU|THROUGH|TO)\s+(?P<d3>[0-3]?\d)\s+(?P<m3>{_MON})(?:\s+(?P<y3>(?:20)?\d\d))?\b)?",
    re.IGNORECASE)
# Japan Coast Guard warnings retyped for readers give Japan's clock: "0900 JST 18 November 2026"
_ZONE = r"\s?(?P<z{n}>Z|UTC|GMT|JST|KST)"
_OFFSET_HOURS = {"Z": 0, "UTC": 0, "GMT": 0, "JST": 9, "KST": 9, "BEIJING TIME": 8}
# (or relayed in words: "from 0700 JST on 5 August to 1200 JST on 5 August 2026", "0700 hrs JST on 5 August")
_HRS = r"(?:\s?(?:HRS|HOURS)\b)?"
_TIMED_DAYS = re.compile(
    rf"\b(?P<h1>[0-2]\d[0-5]\d){_HRS}{_ZONE.format(n=1)}\s+(?:ON\s+)?(?P<d1>[0-3]?\d)\s+(?P<m1>{_MON})"
    rf"(?:\s+(?P<y1>(?:20)?\d\d))?,?\s*(?:TO|THRU|UNTIL|-)\s*(?P<h2>[0-2]\d[0-5]\d){_HRS}{_ZONE.format(n=2)}\s+"
    rf"(?:ON\s+)?(?P<d2>[0-3]?\d)\s+(?P<m2>{_MON})"
    rf"(?:\s+(?P<y2>(?:20)?\d\d))?\b", re.IGNORECASE)
# "Period: 14 May 2026 to 20 May 2026, daily from 2230 JST to 0030 JST the following day"
# "FROM 24 SEP 2230Z TO 25 SEP 0130Z", "24 Sep 2026 2230 UTC to 25 Sep 2026 0130 UTC": each day before its hour
_DAY_THEN_TIME = re.compile(
    rf"\b(?P<d1>[0-3]?\d)\s+(?P<m1>{_MON})(?:\s+(?P<y1>(?:20)?\d\d))?,?\s+(?P<h1>[0-2]\d[0-5]\d){_ZONE.format(n=1)}"
    rf"\s*(?:TO|UNTIL|THRU|-|\u2013)\s*(?P<d2>[0-3]?\d)\s+(?P<m2>{_MON})(?:\s+(?P<y2>(?:20)?\d\d))?,?\s+"
    rf"(?P<h2>[0-2]\d[0-5]\d){_ZONE.format(n=2)}\b", re.IGNORECASE)
_DAYS_THEN_HOURS = re.compile(
    rf"\b(?P<d1>[0-3]?\d)\s+(?P<m1>{_MON})\s+(?P<y1>20\d\d)\s*(?:TO|UNTIL|THRU|-|\u2013)\s*(?P<d2>[0-3]?\d)\s+"
    rf"(?P<m2>{_MON})\s+(?P<y2>20\d\d),?\s+DAILY\s+(?:FROM\s+)?(?P<h1>[0-2]\d[0-5]\d){_ZONE.format(n=1)}\s*"
    rf"(?:TO|-|\u2013)\s*(?P<h2>[0-2]\d[0-5]\d){_ZONE.format(n=2)}(?P<next>\s+(?:OF\s+)?THE\s+(?:FOLLOWING|NEXT)\s+DAY)?",
    re.IGNORECASE)
# the same, hours first: "Daily 0500-1000 JST, 08 Apr 2026 to 15 Apr 2026" (a zone written once, after both hours)
_HOURS_THEN_DAYS = re.compile(
    rf"\bDAILY\s+(?:FROM\s+)?(?P<h1>[0-2]\d[0-5]\d)(?:{_ZONE.format(n=1)})?\s*(?:TO|-|\u2013)\s*(?P<h2>[0-2]\d[0-5]\d)"
    rf"{_ZONE.format(n=2)},?\s+(?:FROM\s+)?(?P<d1>[0-3]?\d)\s+(?P<m1>{_MON})\s+(?P<y1>20\d\d)\s*(?:TO|UNTIL|THRU|-|\u2013)"
    rf"\s*(?P<d2>[0-3]?\d)\s+(?P<m2>{_MON})\s+(?P<y2>20\d\d)(?P<next>(?!))?",
    re.IGNORECASE)
# China's Maritime Safety Administration gives a day's hours after it, in Beijing time: "WILL FALL FROM 1420 TO 1550 ON
# 03 JUL 2026 (BEIJING TIME)" (UTC+8; a window that runs past midnight ends the next day)
_HOURS_ON_DAY = re.compile(
    rf"\bFROM\s+(?P<h1>[0-2]\d[0-5]\d)\s*(?:TO|-|\u2013)\s*(?P<h2>[0-2]\d[0-5]\d)\s+ON\s+(?P<d>[0-3]?\d)\s+(?P<m>{_MON})\s+"
    rf"(?P<y>20\d\d)\s*\(?(?P<z>BEIJING\s+TIME|UTC|GMT|JST|KST)\)?", re.IGNORECASE)
# One day's hours, the day before or after them and the zone written once after both: "05 AUG 26 0100Z TO 0500Z",
# "0100 UTC TO 0500 UTC ON 05 AUG 2026", "0100-0500 UTC 05 AUG 26", "05 AUG 2026, 0100 TO 0500 UTC", "from 10:00 to
# 14:00 JST on 5 August 2026" (hours past midnight end the next day)
_HOURS = (r"(?P<h1>[0-2]\d:?[0-5]\d)(?:\s?(?P<z1>Z|UTC|GMT|JST|KST)\b)?\s*(?:TO|UNTIL|-|\u2013)\s*"
          r"(?P<h2>[0-2]\d:?[0-5]\d)\s?(?P<z2>Z|UTC|GMT|JST|KST)\b")
_ONE_DAY = rf"(?P<d>[0-3]?\d)\s+(?P<m>{_MON})(?:\s+(?P<y>(?:20)?\d\d)(?!\d))?"
_DAY_HOURS = [re.compile(rf"\b{_ONE_DAY},?\s+(?:FROM\s+)?{_HOURS}", re.IGNORECASE),
              re.compile(rf"\b(?:FROM\s+)?{_HOURS},?\s+(?:ON\s+)?{_ONE_DAY}\b", re.IGNORECASE)]
_NOTAM_B = re.compile(r"\bB\)\s*(?P<t>\d{10})\b")
_NOTAM_C = re.compile(r"\bC\)\s*(?P<t>\d{10})(?:\s*EST)?\b")
_EXPIRES = re.compile(rf"\bCANCEL\s+THIS\s+(?:MSG|MESSAGE)\s+(?P<t>[0-3]\d[0-2]\d[0-5]\d){_Z}\s+(?P<m>{_MON})"
                      rf"(?:\s+(?P<y>(?:20)?\d\d))?", re.IGNORECASE)


@dataclass(frozen=True)
class Window:
    """A notice's time in force (UTC). ``daily`` holds the daily hours ('2200Z-0305Z') when it recurs."""

    start: datetime
    end: datetime
    span: tuple[int, int]
    daily: str | None = None

    def as_property(self, text: str) -> dict[str, str]:
        found = {"start": _iso(self.start), "end": _iso(self.end), "text": " ".join(text[slice(*self.span)].split())}
        if self.daily:
            found["daily"] = self.daily
        return found


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%MZ")


def _year(written: str | None, fallback: int | None) -> int | None:
    if written:
        return int(written) + (2000 if len(written) == 2 else 0)
    return fallback


def _month(written: str) -> int:
    return MONTHS[written[:3].lower()]


def _moment(year: int, month: int, day: int, hhmm: str) -> datetime | None:
    try:
        base = datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None
    hours, minutes = int(hhmm[:2]), int(hhmm[2:])
    if hours > 24 or minutes > 59:
        return None
    return base + timedelta(hours=hours, minutes=minutes)


def find_windows(text: str, year: int | None) -> list[Window]:
    """Every time window the notice states, in order; ``year`` is the notice's (from its number) for windows
    that give none."""
    found: list[Window] = []
    for m in _DTG_RANGE.finditer(text):
        y2 = _year(m.group("y2"), year)
        y1 = _year(m.group("y1"), y2)
        m2 = _month(m.group("m2"))
        m1 = _month(m.group("m1")) if m.group("m1") else m2
        t1, t2 = m.group("t1"), m.group("t2")
        if y1 is None or y2 is None:
            continue
        start = _moment(y1 - (1 if m1 > m2 and y1 == y2 else 0), m1, int(t1[:2]), t1[2:])
        end = _moment(y2, m2, int(t2[:2]), t2[2:])
        daily = None
        if m.group("d3") and end:  # the same hours each day until the stated day
            last = _moment(_year(m.group("y3"), y2) or y2, _month(m.group("m3")), int(m.group("d3")), t2[2:])
            if last and last > end:
                end, daily = last + timedelta(days=1 if t2[2:] < t1[2:] else 0), "daily"
        if start and end:
            start, end = start - _offset(m.group("z1")), end - _offset(m.group("z2"))
            daily = daily and f"{start:%H%M}Z-{end:%H%M}Z"  # the daily hours in UTC
        if start and end and end > start:
            found.append(Window(start, end, m.span(), daily))
    timed = [*_TIMED_DAYS.finditer(text), *_DAY_THEN_TIME.finditer(text)]
    for m in sorted(timed, key=lambda m: m.start()):  # 1530Z 23 AUG TO 1500Z 31 AUG 23; 24 SEP 2230Z TO 25 SEP …
        y2 = _year(m.group("y2"), year)
        y1 = _year(m.group("y1"), y2)
        if y1 is None or y2 is None:
            continue
        start = _moment(y1, _month(m.group("m1")), int(m.group("d1")), m.group("h1"))
        end = _moment(y2, _month(m.group("m2")), int(m.group("d2")), m.group("h2"))
        if start and end and end > start:
            found.append(Window(start - _offset(m.group("z1")), end - _offset(m.group("z2")), m.span()))
    for m in [*_DAYS_THEN_HOURS.finditer(text), *_HOURS_THEN_DAYS.finditer(text)]:
        window = _days_then_hours(m)
        if window:
            found.append(window)
    for m in _DAILY.finditer(text):
        if any(w.span[0] < m.end() and m.start() < w.span[1] for w in found):
            continue
        y = _year(m.group("y"), year)
        if y is None:
            continue
        m2 = _month(m.group("m2"))
        m1 = _month(m.group("m1")) if m.group("m1") else m2
        d2 = int(m.group("d2"))
        d1 = int(m.group("d1")) if m.group("d1") else d2
        h1, h2 = m.group("h1"), m.group("h2")
        start = _moment(y - (1 if m1 > m2 else 0), m1, d1, h1)
        end = _moment(y, m2, d2, h2)
        if start is None or end is None:
            continue
        if h2 < h1:  # the hours run past midnight: each day's window ends the next day
            end += timedelta(days=1)
        start, end = start - _offset(m.group("dz1")), end - _offset(m.group("dz2"))
        daily = f"{start:%H%M}Z-{end:%H%M}Z" if (m.group("daily") or d1 != d2) and h1 != h2 else None
        found.append(Window(start, end, m.span(), daily))
    for m in (m for pattern in _DAY_HOURS for m in pattern.finditer(text)):
        if any(w.span[0] < m.end() and m.start() < w.span[1] for w in found):
            continue
        y = _year(m.group("y"), year)
        h1, h2 = m.group("h1").replace(":", ""), m.group("h2").replace(":", "")
        start = _moment(y, _month(m.group("m")), int(m.group("d")), h1) if y else None
        end = _moment(y, _month(m.group("m")), int(m.group("d")), h2) if y else None
        if start and end:
            end += timedelta(days=1 if end <= start else 0)
            found.append(Window(start - _offset(m.group("z1") or m.group("z2")), end - _offset(m.group("z2")),
                                m.span()))
    for m in _HOURS_ON_DAY.finditer(text):
        start = _moment(int(m.group("y")), _month(m.group("m")), int(m.group("d")), m.group("h1"))
        end = _moment(int(m.group("y")), _month(m.group("m")), int(m.group("d")), m.group("h2"))
        if start and end and not any(w.span[0] < m.end() and m.start() < w.span[1] for w in found):
            end += timedelta(days=1 if end <= start else 0)
            found.append(Window(start - _offset(m.group("z")), end - _offset(m.group("z")), m.span()))
    b, c = _NOTAM_B.search(text), _NOTAM_C.search(text)
    if b and c:
        start, end = _notam_time(b.group("t")), _notam_time(c.group("t"))
        if start and end and end > start:
            # a NOTAM is in force from B) to C): a briefing tool's "Validity of this bulletin: 14 MAR 2026 0600 UTC
            # - 27 MAR 2026 0600 UTC" above it, or its D) schedule, is not its window
            return [Window(start, end, (b.start(), c.end()))]
    return sorted(found, key=lambda w: w.span[0])


def _offset(zone: str) -> timedelta:
    return timedelta(hours=_OFFSET_HOURS[" ".join(zone.split()).upper()])


def _days_then_hours(m: re.Match[str]) -> Window | None:
    """Days first, then each day's hours in a zone: the window runs from the first day's start to the last
    day's end (the next day when the hours run past midnight), in UTC."""
    h1, h2 = m.group("h1"), m.group("h2")
    start = _moment(int(m.group("y1")), _month(m.group("m1")), int(m.group("d1")), h1)
    end = _moment(int(m.group("y2")), _month(m.group("m2")), int(m.group("d2")), h2)
    if start is None or end is None:
        return None
    if h2 < h1 or m.group("next"):
        end += timedelta(days=1)
    start, end = start - _offset(m.group("z1") or m.group("z2")), end - _offset(m.group("z2"))
    if end <= start:
        return None
    daily = f"{start:%H%M}Z-{end:%H%M}Z" if h1 != h2 else None
    return Window(start, end, m.span(), daily)


def _notam_time(digits: str) -> datetime | None:
    """YYMMDDhhmm, as NOTAM items B) and C) give it."""
    return _moment(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:6]), digits[6:])


def expiry(text: str, year: int | None) -> datetime | None:
    """When a navigational warning cancels itself ('CANCEL THIS MSG 301605Z NOV 23')."""
    m = _EXPIRES.search(text)
    if m is None:
        return None
    y = _year(m.group("y"), year)
    t = m.group("t")
    return _moment(y, _month(m.group("m")), int(t[:2]), t[2:]) if y else None
