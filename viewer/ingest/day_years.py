"""The year of a day written without one just after a day written with it: '18:17 UTC on 28 November 2017, i.e.
03:17 on 29 November in Korea' is 29 November 2017, not the 29 November before the paper's date."""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.ingest.times import DateMention

_YEAR = re.compile(r"(?:19|20)\d\d")
SAME_YEAR_CHARS = 60  # one clause on from the dated day


def nearest_year(day: date, anchor: date, years: tuple[int, ...] = (-1, 0, 1)) -> date | None:
    """``day``'s month and day in the year that puts it nearest ``anchor``: of the years ``anchor``'s plus each of
    ``years`` (the first on a tie; 29 February only where it exists)."""
    days: list[date] = []
    for offset in years:
        with contextlib.suppress(ValueError):  # 29 February
            days.append(day.replace(year=anchor.year + offset))
    return min(days, key=lambda d: abs((d - anchor).days), default=None)


def years_from_before(text: str, found: list[DateMention]) -> list[DateMention]:
    """``found`` in order, each yearless day right after a dated one in the year that puts it nearest that day ('31
    December 2022 … 1 January' is the next year's)."""
    found = sorted(found, key=lambda m: m.start)
    for i in range(1, len(found)):
        before, mention = found[i - 1], found[i]
        if (mention.value is None or before.value is None or mention.start - before.end > SAME_YEAR_CHARS
                or _YEAR.search(text, mention.start, mention.end) or not _YEAR.search(text, before.start, before.end)):
            continue
        nearest = nearest_year(mention.value, before.value) or mention.value
        found[i] = replace(mention, value=nearest,
                           label=nearest.isoformat() if mention.label[:4].isdigit() else mention.label)
    return found
