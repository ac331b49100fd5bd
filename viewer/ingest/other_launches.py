"""A story of two launches: sentences stating another launch, on another date, from a named facility
('Earlier this month, on July 4, North Korea launched its first ICBM … from Panghyon near Kusong')."""

from __future__ import annotations

import re
from datetime import date

from viewer.ingest.launch import LaunchReport
from viewer.ingest.places import PlaceMention
from viewer.ingest.sentences import Sentence
from viewer.ingest.times import find_dates

_FROM = re.compile(r"\bfrom\s+(?:near\s+|the\s+)?$", re.IGNORECASE)  # "fired two missiles from Tongchon"


def other_launch_sentences(text: str, report: LaunchReport, places: list[PlaceMention],
                           reference: date | None) -> list[tuple[Sentence, date]]:
    """Launch sentences after the first that give a calendar date (not a weekday) and name a launch facility (or
    a town it was fired 'from'): each may be another launch, when its date is not the main launch's."""
    found = []
    for sentence in report.anchors[1:]:
        dates = [d.value for d in find_dates(text, sentence.start, sentence.end, reference, weekdays=False) if d.value]
        named = any(sentence.start <= p.start < sentence.end and (p.place.kind == "launch_facility" or (
            p.place.kind in ("city", "capital") and _FROM.search(text[max(sentence.start, p.start - 16) : p.start])))
            for p in places)
        if dates and named:
            found.append((sentence, dates[0]))
    return found
