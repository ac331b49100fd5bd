"""Find text across documents and feature labels, case-insensitively, in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.model.bundle import Bundle
from viewer.model.feature import Feature

CONTEXT = 40
MAX_MATCHES = 2000


@dataclass(frozen=True)
class Match:
    """A hit in a document's text (``document``, ``start``, ``end``) or in a feature's label (``feature``)."""

    document: str | None
    start: int
    end: int
    feature: str | None
    context: str  # the words around the hit, on one line, for a result list


def search(bundle: Bundle, query: str) -> list[Match]:
    """Feature labels first (they are what people look for on a map), then every occurrence in the text."""
    needle = query.strip().casefold()
    if not needle:
        return []
    matches = [
        Match(None, 0, 0, feature.id, feature_hit(bundle, feature))
        for feature in bundle.features.values()
        if needle in feature.label.casefold()
    ]
    # Matched in the text itself, not in a case-folded copy: folding changes lengths ('ß' -> 'ss'), which
    # would shift every later offset.
    pattern = re.compile(re.escape(query.strip()), re.IGNORECASE)
    for document in bundle.documents.values():
        text = document.text or ""
        for found in pattern.finditer(text):
            if len(matches) >= MAX_MATCHES:
                break
            at, end = found.span()
            snippet = " ".join(text[max(0, at - CONTEXT) : end + CONTEXT].split())
            matches.append(Match(document.id, at, end, None, f"…{snippet}…"))
    return matches


def feature_hit(bundle: Bundle, feature: Feature) -> str:
    """'J-Alert: Okinawa Prefecture (warning area, launch of 2023-08-24)': each launch has its own alert area,
    so the launch tells hits with one label apart."""
    event = bundle.events.get(feature.event) if feature.event else None
    launch = f", launch of {event.date_label}" if event is not None else ""
    return f"{feature.label} ({feature.kind.replace('_', ' ')}{launch})"
