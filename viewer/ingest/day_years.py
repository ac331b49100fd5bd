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


def years_from_before(text: str, found: list[DateMention]) -> list[DateMention]:
    """``found`` in order, each yearless day right after a dated one in the year that puts it nearest that day ('31
    December 2022 … 1 January' is the next year's)."""
    found = sorted(found, key=lambda m: m.start)
    for i in range(1, len(found)):
        before, mention = found[i - 1], found[i]
        if (mention.value is None or before.value is None or mention.start - before.end > SAME_YEAR_CHARS
                or _YEAR.search(text, mention.start, mention.end) or not _YEAR.search(text, before.start, before.end)):
            continue
        days: list[date] = []
        for year in (before.value.year - 1, before.value.year, before.value.year + 1):
            with contextlib.suppress(ValueError):  # 29 February
                days.append(mention.value.replace(year=year))
        anchor = before.value
        nearest = min(days, key=lambda day: abs((day - anchor).days), default=mention.value)
        found[i] = replace(mention, value=nearest,
                           label=nearest.isoformat() if mention.label[:4].isdigit() else mention.label)
    return found
