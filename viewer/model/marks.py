"""Where citations fall in one document: runs of text, each with every citation covering it and what they support."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import pairwise

from viewer.model.bundle import Bundle
from viewer.model.citation import Citation
from viewer.model.claim import Claim


@dataclass(frozen=True)
class Cited:
    """A citation and what it backs: a feature (``feature``), maybe through one of its claims, or an
    event's claim (``event`` and ``claim``, no feature)."""

    citation: Citation
    feature: str | None = None
    event: str | None = None
    claim: Claim | None = None


@dataclass(frozen=True)
class Mark:
    """``[start, end)`` of the text, covered by the same citations throughout (overlaps are split into runs)."""

    start: int
    end: int
    cited: tuple[Cited, ...]

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.feature for c in self.cited if c.feature))

    @property
    def events(self) -> tuple[str, ...]:
        """Events whose own claims cite this run (features' events are not included)."""
        return tuple(dict.fromkeys(c.event for c in self.cited if c.event and not c.feature))

    def innermost(self) -> Citation:
        """The shortest citation covering the run: the passage a click on it means."""
        return min((c.citation for c in self.cited), key=lambda c: (c.end - c.start, c.start))


def cited_in(bundle: Bundle, document_id: str) -> list[Cited]:
    """Every citation into the document, orphaned ones included, with what each supports."""
    return citations_by_document(bundle).get(document_id, [])


def citations_by_document(bundle: Bundle) -> dict[str, list[Cited]]:
    """Every citation of the bundle, filed by document in one pass (a panel over thousands of articles
    builds this once per change of bundles, not once per article)."""
    found: dict[str, list[Cited]] = {}
    table = bundle.table
    for feature in table.features[table.passages() > 0].tolist():  # most of a large layer cites nothing
        for c in feature.citations:
            found.setdefault(c.document, []).append(Cited(c, feature=feature.id))
        for claim in feature.claims:
            for c in claim.citations:
                found.setdefault(c.document, []).append(Cited(c, feature=feature.id, claim=claim))
    for event in bundle.events.values():
        for claim in event.claims:
            for c in claim.citations:
                found.setdefault(c.document, []).append(Cited(c, event=event.id, claim=claim))
    return found


def marks_in(bundle: Bundle, document_id: str) -> list[Mark]:
    """The document's cited runs in text order, not overlapping; uncited text has no mark."""
    return marks_of(cited_in(bundle, document_id))


def marks_of(cited: list[Cited]) -> list[Mark]:
    """Runs of text each covered by the same anchored citations, from one document's citations."""
    anchored = [c for c in cited if not c.citation.is_orphaned and c.citation.end > c.citation.start]
    boundaries = sorted({c.citation.start for c in anchored} | {c.citation.end for c in anchored})
    by_start = sorted(anchored, key=lambda c: c.citation.start)
    marks: list[Mark] = []
    active: list = []
    next_up = 0
    for start, end in pairwise(boundaries):
        active = [c for c in active if c.citation.end > start]
        while next_up < len(by_start) and by_start[next_up].citation.start <= start:
            active.append(by_start[next_up])
            next_up += 1
        if active:
            marks.append(Mark(start, end, tuple(active)))
    return marks


def orphans_in(bundle: Bundle, document_id: str) -> list[Cited]:
    """Citations into the document whose quote was not found: listed beside the text, never dropped."""
    return [c for c in cited_in(bundle, document_id) if c.citation.is_orphaned]


def mark_at(marks: list[Mark], offset: int, starts: list[int] | None = None) -> Mark | None:
    """The mark holding the character at ``offset``, if any (marks as ``marks_in`` returns them; pass their
    ``starts`` when asking often, as a mouse moving over the text does)."""
    i = bisect.bisect_right(starts if starts is not None else [m.start for m in marks], offset) - 1
    return marks[i] if i >= 0 and offset < marks[i].end else None


def passage_features(mark: Mark) -> tuple[str, ...]:
    """The features a click on the mark selects: those citing its innermost passage first, then the rest."""
    inner = mark.innermost()
    first = [c.feature for c in mark.cited if c.feature and c.citation == inner]
    return tuple(dict.fromkeys([*first, *mark.features]))
