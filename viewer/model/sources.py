"""Sources named as a reader cites them: title, publisher, date and URL, for articles and reference pages alike.

A bundle may list reference sources that carry no text in a top-level ``sources`` member; features and claims
name the ones they rest on by id in their own ``sources`` member.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from viewer.model.bundle import Bundle
from viewer.model.document import Document

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Source:
    """A page or publication a fact rests on. Every member but ``id`` may be unknown (empty)."""

    id: str
    publisher: str = ""
    title: str = ""
    published: str = ""  # ISO 8601 date, year-month or year
    url: str = ""

    @classmethod
    def from_json(cls, raw: Any) -> Source | None:
        """A source from a bundle's ``sources`` list, or None when it is not an object with a string id."""
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            return None
        fields = {key: raw[key] for key in ("publisher", "title", "published", "url") if isinstance(raw.get(key), str)}
        return cls(raw["id"], **fields)

    @property
    def short(self) -> str:
        """For running text: 'The Japan Times, 7 Feb 2016' or 'Wikipedia, “Okinawa Island”'."""
        detail = readable_date(self.published) if self.published else (f"“{self.title}”" if self.title else "")
        return ", ".join(part for part in (self.publisher or self.url or self.id, detail) if part)

    @property
    def full(self) -> str:
        """For a source list: publisher, “title”, date, URL, as far as known."""
        parts = [self.publisher, f"“{self.title}”" if self.title else "",
                 readable_date(self.published) if self.published else "", self.url]
        return ", ".join(part for part in parts if part) or self.id


def sources_in(bundles: Iterable[Bundle]) -> dict[str, Source]:
    """Every reference source the bundles list, by id (the first bundle naming an id wins)."""
    found: dict[str, Source] = {}
    for bundle in bundles:
        listed = bundle.extra.get("sources")
        for raw in listed if isinstance(listed, list) else ():
            source = Source.from_json(raw)
            if source is not None:
                found.setdefault(source.id, source)
    return found


def named_sources(ids: Any, known: dict[str, Source]) -> list[Source]:
    """The sources a feature's or claim's ``sources`` member names; an unknown id is kept as a bare Source."""
    if not isinstance(ids, list):
        return []
    return [known.get(i, Source(i)) for i in dict.fromkeys(i for i in ids if isinstance(i, str))]


def readable_date(text: str) -> str:
    """'2016-02-07' -> '7 Feb 2016', '2023-10' -> 'Oct 2023'; anything else as given."""
    parts = text.split("-")
    try:
        if len(parts) == 3:
            day = date(int(parts[0]), int(parts[1]), int(parts[2]))
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if len(parts) == 2 and 1 <= int(parts[1]) <= 12:
            return f"{MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
    except ValueError:
        return text
    return text


def reported_dates(bundle: Bundle, document_id: str) -> list[str]:
    """The dates of the launches a document reports (those whose features or claims cite it), in time order: the
    date of the launch's time, else the day a draft states without a time."""
    table = bundle.table  # only features that cite something are read (their count is kept per file's table)
    cited = table.features[np.flatnonzero(table.passages())].tolist()
    events = {f.event for f in cited if any(c.document == document_id for c in f.all_citations)}
    events |= {e.id for e in bundle.events.values()
               if any(c.document == document_id for claim in e.claims for c in claim.citations)}
    return sorted(dict.fromkeys(e.day for e in bundle.events_in_time_order() if e.id in events and e.day))


def notified_windows(bundle: Bundle, document_id: str) -> list[str]:
    """The first days of the launch windows a notice (the document) gives, in order ('2025-03-14')."""
    starts = [w.get("start") for e in bundle.events.values() for w in e.extra.get("notified_windows", [])
              if isinstance(w, dict) and w.get("document") == document_id]
    return sorted(dict.fromkeys(s[:10] for s in starts if isinstance(s, str)))


def document_date(bundle: Bundle, document: Document) -> str:
    """'15 Nov 2023', or 'date unknown (reports the launch of 7 Feb 2016)', a notice's 'date unknown (launch window
    from 14 Mar 2025)', or 'date unknown'."""
    if document.published:
        return readable_date(document.published)
    windows = [readable_date(d) for d in notified_windows(bundle, document.id)]
    if windows:
        return f"date unknown (launch window{'s' if len(windows) > 1 else ''} from {', '.join(windows)})"
    dates = [readable_date(d) for d in reported_dates(bundle, document.id)]
    if not dates:
        return "date unknown"
    launches = "the launch of " + dates[0] if len(dates) == 1 else "launches of " + ", ".join(dates)
    return f"date unknown (reports {launches})"


def document_citation(bundle: Bundle, document: Document) -> str:
    """How a reader cites an article: '“Title”, Publisher, 15 Nov 2023, URL' (unknown parts left out, except
    the date, which says it is unknown)."""
    title = f"“{document.title}”" if document.title else "untitled article"
    parts = [title, document.publisher or "", document_date(bundle, document), document_url(document)]
    return ", ".join(part for part in parts if part)


def document_url(document: Document) -> str:
    url = document.extra.get("url")
    return url if isinstance(url, str) else ""
