"""The passages a slide quotes (overlapping ones merged, the most telling first) and the deck's sources, numbered
in order of first citation so that [1] names one document on every slide."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.export.deck_facts import claim_value
from viewer.export.slides import Quote, Slide, Source
from viewer.model.bookmark import Bookmark
from viewer.model.bundle import Bundle
from viewer.model.citation import Citation
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.kinds import KIND_REGISTRY
from viewer.model.sources import document_citation

MAX_QUOTE_CHARS = 260
SOURCES_PER_SLIDE = 20


def cited_quotes(content: Bundle, view: Bookmark, events: list[LaunchEvent], features: list[Feature],
            numbering: SourceNumbering) -> list[Quote]:
    """Cited passages, most telling first: the selection's, the launch's claims (outcome first), then its
    features' by kind; overlapping passages of one document become one quote."""
    candidates: list[tuple[Citation, str, str]] = []  # citation, supports, by
    for feature_id in view.selection:
        feature = content.features.get(feature_id)
        if feature is not None:
            candidates += [(c, feature.label, "") for c in feature.all_citations]
    claims = [(rank, claim) for event in events for claim in event.claims
              for rank in [{"outcome": 0, "time": 1}.get(claim.property, 3)]]
    ids = {e.id for e in events}
    shown = [f for f in features if not ids or f.event in ids]
    ranked = sorted([(rank, i, claim.citations, f"{claim.property.replace('_', ' ')}: {claim_value(claim.value)}",
                      claim.by) for i, (rank, claim) in enumerate(claims)]
                    + [(2, i, feature.all_citations, feature.label, "") for i, feature in
                       enumerate(sorted(shown, key=lambda f: KIND_REGISTRY.get(f.kind).quote_rank))],
                    key=lambda entry: entry[:2])
    candidates += [(c, supports, by) for _, _, citations, supports, by in ranked for c in citations]
    passages: list[_Passage] = []
    for citation, supports, by in candidates:
        for passage in passages:
            same = passage.document == citation.document
            if same and citation.start <= passage.end and passage.start <= citation.end:
                passage.start, passage.end = min(passage.start, citation.start), max(passage.end, citation.end)
                _add_once(passage.supports, supports)
                _add_once(passage.by, by)
                break
        else:
            passages.append(_Passage(citation.document, citation.start, citation.end, [supports], [by] if by else [],
                                     citation.is_orphaned, citation.exact))
    quotes = []
    for passage in passages:
        document = content.documents.get(passage.document)
        text = passage.exact
        if (document is not None and document.text and not passage.orphaned
                and passage.end <= len(document.text)):
            text = document.text[passage.start:passage.end]
        quotes.append(Quote(_clipped(" ".join(text.split())), passage.document, numbering.number(passage.document),
                            document.paragraph_of(passage.start) if document and not passage.orphaned else 0,
                            _summary(passage.supports), _summary(passage.by, 1), passage.orphaned))
    return quotes


@dataclass
class _Passage:
    """Cited passages of one document that overlap, merged into one quote as they are collected."""

    document: str
    start: int
    end: int
    supports: list[str]
    by: list[str]
    orphaned: bool
    exact: str


def _add_once(values: list[str], value: str) -> None:
    if value and value not in values:
        values.append(value)


def _summary(values: list[str], most: int = 2) -> str:
    shown = "; ".join(values[:most])
    return shown + (f"; +{len(values) - most} more" if len(values) > most else "")


def _clipped(text: str) -> str:
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    return text[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0] + " …"


class SourceNumbering:
    """Documents numbered in order of first citation in the deck, so [1] means one document on every slide."""

    def __init__(self, content: Bundle):
        self.content = content
        self.sources: list[Source] = []
        self._numbers: dict[str, int] = {}

    def number(self, document_id: str) -> int:
        if document_id not in self._numbers:
            self._numbers[document_id] = len(self.sources) + 1
            self.sources.append(Source(len(self.sources) + 1, self._describe(document_id)))
        return self._numbers[document_id]

    def _describe(self, document_id: str) -> str:
        document = self.content.documents.get(document_id)
        if document is None:
            return f"{document_id} (document missing from the bundle)"
        return document_citation(self.content, document)  # as a reader cites it: title, publisher, date, URL


def sources_slides(content: Bundle, numbering: SourceNumbering, events: set[str]) -> list[Slide]:
    lines = [f"[{s.number}] {s.text}" for s in numbering.sources]
    references: list[str] = []
    for event in content.events_in_time_order():
        for claim in event.claims if event.id in events else ():
            if claim.reference and not claim.citations:
                line = f"{event.date_label} {claim.property.replace('_', ' ')}: {claim.by or 'unattributed'} — " \
                       f"{claim.reference}"
                _add_once(references, line)
    if references:
        lines += ["", "Event facts also rest on:", *references]
    lines += ["", "Basemap: Natural Earth (public domain). Map features and their derivations: the event bundle."]
    pages = [lines[i:i + SOURCES_PER_SLIDE] for i in range(0, len(lines), SOURCES_PER_SLIDE)] or [[]]
    return [Slide("sources", "Sources" if i == 0 else "Sources (continued)", lines=[*page])
            for i, page in enumerate(pages)]


def speaker_notes(quotes: list[Quote], features: list[Feature]) -> str:
    lines = ["Cited passages:"]
    lines += [f"[{q.footnote}] ¶{q.paragraph} “{q.text}” — {q.supports}" + (f" ({q.by})" if q.by else "")
              for q in quotes]
    lines += ["", "How each feature was placed:"]
    lines += [f"{f.label} ({f.certainty}): {f.derivation}" for f in features if f.derivation]
    return "\n".join(lines)
