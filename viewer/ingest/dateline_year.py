"""The year of a dateline that gives none ('SEOUL, May 28 (Reuters) -'), when the story pins it: a year it names
as past ('two failures earlier in 2023') bounds it from below, today from above, and the weekday its lede gives
the launch must fall on the dateline's day or the day before. Only a single year that fits is taken."""

from __future__ import annotations

import re
from datetime import date, timedelta

from viewer.ingest.times import WEEKDAYS

_YEAR = re.compile(r"\b(?:in|since|of|during|early|late|earlier\s+in|later\s+in)\s+(?P<year>(?:19|20)\d\d)\b",
                   re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|plans?|planned|aims?|intends?|by|until|next)\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
LEDE_CHARS = 600  # the first paragraph after the dateline, where the launch's day is given


def dateline_year(text: str, after: int, month_day: tuple[int, int], today: date) -> date | None:
    """The dateline's date, when exactly one year fits; else None (the year is not guessed)."""
    past = [int(m.group("year")) for m in _YEAR.finditer(text) if int(m.group("year")) <= today.year
            and not _FUTURE.search(_sentence_before(text, m.start()))]
    lede = _WEEKDAY.search(text, after, after + LEDE_CHARS)
    if not past or lede is None:
        return None
    weekday = WEEKDAYS.index(lede.group("day").lower())
    fits = []
    for year in range(max(past), today.year + 1):
        try:
            day = date(year, *month_day)
        except ValueError:
            continue
        if day <= today and weekday in (day.weekday(), (day - timedelta(days=1)).weekday()):
            fits.append(day)
    return fits[0] if len(fits) == 1 else None


def _sentence_before(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    return text[start:at]
