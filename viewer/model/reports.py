"""Who says so: every passage reporting a feature as (document, paragraph, citation), and claims side by side."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from viewer.model.agreement import Agreement
from viewer.model.bundle import Bundle
from viewer.model.citation import Citation
from viewer.model.claim import Claim, by_property
from viewer.model.claim import agreement as agreement_of
from viewer.model.feature import Feature
from viewer.model.selection import Passage


@dataclass(frozen=True)
class Report:
    """One citation with where it sits: its document's title and the paragraph number readers count."""

    citation: Citation
    title: str
    paragraph: int  # 1-based; 0 when the citation is orphaned or its document is unknown

    @property
    def document(self) -> str:
        return self.citation.document

    @property
    def orphaned(self) -> bool:
        return self.citation.is_orphaned

    @property
    def passage(self) -> Passage | None:
        """The span to show, or None for an orphaned citation (its offsets point at nothing)."""
        return None if self.orphaned else Passage(self.citation.document, self.citation.start, self.citation.end)

    @property
    def place(self) -> str:
        """'Title, paragraph 3', or 'Title (quote not found)' when orphaned."""
        return f"{self.title} (quote not found)" if self.orphaned else f"{self.title}, paragraph {self.paragraph}"


def report(bundle: Bundle, citation: Citation) -> Report:
    document = bundle.documents.get(citation.document)
    if document is None:
        return Report(citation, f"unknown document {citation.document!r}", 0)
    paragraph = 0 if citation.is_orphaned else document.paragraph_of(citation.start)
    return Report(citation, document.display_title, paragraph)


def reports_for(bundle: Bundle, feature_id: str) -> list[Report]:
    """Each passage reporting the feature once, in reading order: documents in bundle order, then by offset.

    Orphaned citations come last (their offsets mean nothing) but are kept, so they can be shown.
    """
    order = {doc_id: i for i, doc_id in enumerate(bundle.documents)}
    unique: dict[tuple[str, int, int, str], Citation] = {}
    for citation in bundle.citations_for(feature_id):
        unique.setdefault((citation.document, citation.start, citation.end, citation.exact), citation)
    citations = sorted(
        unique.values(),
        key=lambda c: (c.is_orphaned, order.get(c.document, len(order)), c.document, c.start, c.end),
    )
    return [report(bundle, c) for c in citations]


def reported_by(reports: list[Report], title_chars: int = 48) -> str:
    """One line naming each document once with its paragraphs: 'Article A ¶3, ¶5 · Article B ¶1'."""
    paragraphs: dict[str, list[str]] = {}
    for item in reports:
        title = shorten(item.title, title_chars)
        mark = "quote not found" if item.orphaned else f"¶{item.paragraph}"
        marks = paragraphs.setdefault(title, [])
        if mark not in marks:
            marks.append(mark)
    return " · ".join(f"{title} {', '.join(marks)}" for title, marks in paragraphs.items())


def current_index(reports: list[Report], passage: Passage | None) -> int:
    """Which report is in focus: the passage's, the first anchored one when no passage is in focus, -1 when
    the passage in focus is not one of these (a search hit, a passage of another feature)."""
    if passage is None:
        return next((i for i, item in enumerate(reports) if not item.orphaned), -1)
    return next((i for i, item in enumerate(reports) if item.passage == passage), -1)


@dataclass(frozen=True)
class ClaimGroup:
    """The claims one subject (the feature or its launch event) carries about one property."""

    subject: str  # "feature" or "event"
    subject_label: str
    property: str
    claims: tuple[Claim, ...]
    agreement: Agreement  # how the values compare with their precision ('sources agree (±1 min)')
    disagree: bool  # beyond their precision: show the claims side by side, never pick one


def claim_groups(bundle: Bundle, feature_id: str) -> list[ClaimGroup]:
    """The feature's claims, then its event's, grouped by property in the order the bundle gives them."""
    feature = bundle.features[feature_id]
    subjects = [("feature", feature.label, feature.claims)]
    event = bundle.events.get(feature.event) if feature.event else None
    if event is not None:
        subjects.append(("event", event.name or event.id, event.claims))
    groups = []
    for subject, label, claims in subjects:
        for name, group in by_property(claims).items():
            agreement = agreement_of(group)
            groups.append(ClaimGroup(subject, label, name, tuple(group), agreement, agreement.disagree))
    return groups


def disagreements_for(bundle: Bundle, feature_id: str) -> list[ClaimGroup]:
    """Only the groups where sources give different values, for the feature and for its event."""
    return [group for group in claim_groups(bundle, feature_id) if group.disagree]


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a word boundary where one is near, with '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.—-") + "…"


def sources_note(content: Bundle, features: Iterable[Feature]) -> str:
    """'Sources: …' naming the documents ``features`` (those a view shows) cite, for an exported map's footnote."""
    cited = {c.document for f in features for c in f.all_citations}
    titles = [d.display_title for i, d in content.documents.items() if i in cited]
    return f"Sources: {'; '.join(titles)}" if titles else ""


def default_title(content: Bundle) -> str:
    """A map's or a deck's title when the user gives none: the one launch it shows, or what it is about."""
    events = content.events_in_time_order()
    if len(events) == 1:
        return f"{events[0].name}, {events[0].date_label}"
    return "Launches reported in the news" if events else "launchmap briefing"
