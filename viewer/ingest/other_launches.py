"""A story of two launches: sentences stating another launch, on another date, from a named facility
('Earlier this month, on July 4, North Korea launched its first ICBM … from Panghyon near Kusong')."""

from __future__ import annotations

from datetime import date

from viewer.ingest.launch import LaunchReport
from viewer.ingest.places import PlaceMention
from viewer.ingest.sentences import Sentence
from viewer.ingest.times import find_dates


def other_launch_sentences(text: str, report: LaunchReport, places: list[PlaceMention],
                           reference: date | None) -> list[tuple[Sentence, date]]:
    """Launch sentences after the first that give a calendar date (not a weekday) and name a launch facility:
    each may be another launch, when its date is not the main launch's."""
    found = []
    for sentence in report.anchors[1:]:
        dates = [d.value for d in find_dates(text, sentence.start, sentence.end, reference, weekdays=False) if d.value]
        named = any(p.place.kind == "launch_facility" and sentence.start <= p.start < sentence.end for p in places)
        if dates and named:
            found.append((sentence, dates[0]))
    return found
