"""The briefing deck as content, with no drawing: a title slide, one slide per bookmark (or per launch), sources.

Each view slide carries its map (PNG bytes from a callback, so this stays Qt-free), the key facts, the cited
quotes numbered to footnotes naming their documents, and a confidence line. pptx_deck and pdf_deck lay it out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from viewer.geo.crs import Extent
from viewer.model.annotation import is_annotation, shown_text
from viewer.model.bookmark import Bookmark
from viewer.model.bundle import Bundle
from viewer.model.citation import Citation
from viewer.model.claim import disagreements
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.kinds import KIND_REGISTRY, kind_names, kind_title, stated_certainty
from viewer.model.reports import default_title
from viewer.model.sources import document_citation
from viewer.model.view import padded, visible_extent
from viewer.symbology import event_colours

# 16:9 at PowerPoint's widescreen size; every box below is in inches on this page.
SLIDE_WIDTH_IN, SLIDE_HEIGHT_IN = 13.333, 7.5
MARGIN_IN = 0.4
TITLE_BOX = (MARGIN_IN, 0.28, SLIDE_WIDTH_IN - 2 * MARGIN_IN, 0.9)
MAP_BOX = (MARGIN_IN, 1.25, 6.7, 5.0)  # launches run north-south: a squarish map wastes least of the slide
TEXT_BOX = (7.45, 1.25, SLIDE_WIDTH_IN - 7.45 - MARGIN_IN, 5.0)
NOTE_BOX = (MARGIN_IN, 6.35, SLIDE_WIDTH_IN - 2 * MARGIN_IN, 0.8)  # confidence line and footnotes
FOOTER_Y_IN = 7.22
OVERVIEW_BOX = (6.9, 1.25, SLIDE_WIDTH_IN - 6.9 - MARGIN_IN, 5.9)  # the title slide's map
SOURCES_BOX = (MARGIN_IN, 1.25, SLIDE_WIDTH_IN - 2 * MARGIN_IN, 5.9)

SLIDE_PIXELS = 3840  # the slide's width in pixels the maps are rendered for: 4K, sharp on a projector and in print
DECORATION_SCALE = 1.1  # legend and scale bar a little larger than on screen: ~9 pt type on the slide
MAX_QUOTES = 5
MAX_QUOTE_CHARS = 260
MAX_FACT_EVENTS = 6

# The typeface and colours both writers use.
FONT_FAMILY = "DejaVu Sans"
INK, MUTED, ACCENT, RULE = "#1F2933", "#52606D", "#0B4F8A", "#CBD2D9"
SOURCES_PER_SLIDE = 20


@dataclass(frozen=True)
class MapShot:
    """A map picture to render: the view, the size in pixels, and the dpi that sizes its decorations."""

    view: Bookmark
    width: int
    height: int
    dpi: float
    legend: bool = True


MapImages = Callable[[MapShot], bytes]
# The io progress protocol (viewer.io.progress) with a label: progress(done, total, what) raises Cancelled to stop.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Quote:
    """A cited passage, shown as plain text; ``footnote`` numbers its document in the deck's sources."""

    text: str
    document: str
    footnote: int
    paragraph: int
    supports: str  # what it reports: a feature's label or a claim ("outcome: orbit")
    by: str = ""  # who says so, when a claim names it
    orphaned: bool = False


@dataclass(frozen=True)
class Source:
    number: int
    text: str  # "Title — publisher, date (path)"


@dataclass
class Slide:
    kind: str  # "title", "view" or "sources"
    title: str
    subtitle: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    more_quotes: int = 0  # passages that did not make it onto the slide (they are in the notes)
    footnotes: list[Source] = field(default_factory=list)
    confidence: str = ""
    lines: list[str] = field(default_factory=list)  # the sources slide's entries
    colours: dict[str, str] = field(default_factory=dict)  # the title slide's launch colours, as on the map
    image: bytes | None = None
    shot: MapShot | None = None
    notes: str = ""
    annotations: list[str] = field(default_factory=list)  # the words of the annotations on its map


@dataclass
class Deck:
    title: str
    subtitle: str
    slides: list[Slide]
    sources: list[Source]

    @property
    def view_slides(self) -> list[Slide]:
        return [s for s in self.slides if s.kind == "view"]


# -- building --------------------------------------------------------------------------------------
def build_deck(content: Bundle, bookmarks: list[Bookmark], images: MapImages | None = None, *,
               title: str = "", slide_pixels: int = SLIDE_PIXELS, progress: Progress | None = None,
               today: datetime | None = None) -> Deck:
    """The deck of ``bookmarks``, or of every launch in time order when there are none.

    ``images`` renders each slide's map (None leaves slides without pictures, for tests of the text);
    ``progress`` is told of each map and raises Cancelled to stop.
    """
    views = list(bookmarks) or [event_view(content, event) for event in content.events_in_time_order()]
    numbering = _SourceNumbering(content)
    slides = [_view_slide(content, view, numbering, slide_pixels) for view in views]
    covered = {e.id for view in views for e in focus_events(content, view)}
    deck_title = title or default_title(content)
    title_slide = Slide("title", deck_title, subtitle=_title_subtitle(content, today or datetime.now(UTC)))
    overview = _shot(Bookmark.framing(deck_title, _framed(content.features.values())), OVERVIEW_BOX,
                     slide_pixels)
    title_slide.shot = replace(overview, legend=False)  # the launch list beside it carries the colours
    title_slide.facts = [(event.date_label, _event_line(event)) for event in content.events_in_time_order()]
    title_slide.colours = event_colours([e.id for e in content.events_in_time_order()])
    all_slides = [title_slide, *slides, *_sources_slides(content, numbering, covered)]
    pictured = [s for s in all_slides if s.shot is not None]
    for done, slide in enumerate(pictured):
        if progress is not None:
            progress(done, len(pictured), f"Map {done + 1} of {len(pictured)}: {slide.title}")
        if images is not None and slide.shot is not None:
            slide.image = images(slide.shot)
    if progress is not None:
        progress(len(pictured), len(pictured), "Writing the deck")
    return Deck(deck_title, title_slide.subtitle, all_slides, numbering.sources)


def event_view(content: Bundle, event: LaunchEvent) -> Bookmark:
    """The view of one launch: only its features, framed with a margin."""
    return Bookmark.framing(event.name, _framed(content.features_of(event.id)), events=(event.id,))


def visible_features(content: Bundle, view: Bookmark) -> list[Feature]:
    """The features a bookmark shows: its launches, kinds and time window."""
    return view.view.filters.features(content)


def focus_events(content: Bundle, view: Bookmark) -> list[LaunchEvent]:
    """The launches a view is about: those of its selection, else those it shows, in time order."""
    selected = {content.features[i].event for i in view.selection if i in content.features}
    shown = selected or {f.event for f in visible_features(content, view)}
    return [e for e in content.events_in_time_order() if e.id in shown]


def _view_slide(content: Bundle, view: Bookmark, numbering: _SourceNumbering, slide_pixels: int) -> Slide:
    events = focus_events(content, view)
    features = visible_features(content, view)
    slide = Slide("view", view.name or (events[0].name if len(events) == 1 else "Launches"))
    if len(events) == 1:
        slide.subtitle = _event_subtitle(content, events[0])
        slide.facts = key_facts(content, events[0])
    else:
        slide.subtitle = f"{len(events)} launches" if events else "No launch shown"
        slide.facts = [(e.date_label, _event_line(e)) for e in events[:MAX_FACT_EVENTS]]
        if len(events) > MAX_FACT_EVENTS:
            slide.facts.append(("", f"and {len(events) - MAX_FACT_EVENTS} more launches"))
    quotes = _quotes(content, view, events, features, numbering)
    slide.quotes, slide.more_quotes = quotes[:MAX_QUOTES], max(0, len(quotes) - MAX_QUOTES)
    numbers = sorted({q.footnote for q in slide.quotes})
    slide.footnotes = [numbering.sources[n - 1] for n in numbers]
    slide.confidence = confidence_line(features if not events else
                                       [f for f in features if f.event in {e.id for e in events} or not f.event])
    slide.annotations = [words for f in features if is_annotation(f) and (words := shown_text(f, content))]
    slide.notes = _notes(quotes, features)
    if slide.annotations:
        slide.notes += "\n\nAnnotations on the map:\n" + "\n".join(slide.annotations)
    slide.shot = _shot(view, MAP_BOX, slide_pixels)
    return slide


def caption(content: Bundle, view: Bookmark) -> Slide:
    """One view's slide content on its own, footnotes numbered from 1: presentation mode's caption."""
    return _view_slide(content, view, _SourceNumbering(content), SLIDE_PIXELS)


def source_title(content: Bundle, document_id: str) -> str:
    document = content.documents.get(document_id)
    return document.display_title if document is not None else document_id


def key_facts(content: Bundle, event: LaunchEvent) -> list[tuple[str, str]]:
    """Time (UTC and local), vehicle, outcome, site, and where sources disagree."""
    utc, local = event.time_labels
    when = utc + (f" ({local.split(' ', 1)[1]} local)" if local and local[:10] == utc[:10] else
                  f" ({local} local)" if local else "")
    facts = [("Time", when), ("Vehicle", event.vehicle or "not reported"), ("Outcome", event.outcome or "unknown")]
    site = content.features.get(event.site or "")
    facts.append(("Site", site.label if site else "not reported"))
    for name, claims in disagreements(event.claims).items():
        if name in ("outcome", "vehicle"):  # times disagree only in precision; the notes carry them
            values = " · ".join(f"{_value(c.value)} per {c.by or 'an unnamed source'}" for c in claims)
            facts.append((f"Sources differ on {name}", values))
    return facts


def confidence_line(features: list[Feature]) -> str:
    """Which features are approximate or derived, by kind, e.g. 'Approximate: launch site, 3 danger zones.'
    Features of other files state no certainty (the model reads theirs as 'reported'): they are counted apart, never
    as placed where the sources put them; the user's annotations are no claim about a position at all."""
    stated = [f for f in features if stated_certainty(f.properties)]
    unstated = sum(1 for f in features if not stated_certainty(f.properties) and not is_annotation(f))
    line = _certainty_line(stated)
    if unstated:
        tail = f"{_counted(unstated, 'feature')} of other files state{'s' if unstated == 1 else ''} no certainty."
        line = f"{line} {tail}" if line else f"Confidence — {tail}"
    return line


def _certainty_line(features: list[Feature]) -> str:
    parts = []
    for certainty, heading in (("approximate", "Approximate positions"), ("derived", "Derived (constructed)")):
        kinds = [f.kind for f in features if f.certainty == certainty]
        if kinds:
            named = [_counted(kinds.count(k), kind_title(k).lower()) for k in kind_names() if k in kinds]
            parts.append(f"{heading}: {', '.join(named)}.")
    if not parts:
        return "Confidence: every feature shown is where the sources put it." if features else ""
    reported = sum(f.certainty == "reported" for f in features)
    tail = f" {_counted(reported, 'feature')} as reported." if reported else " Nothing shown is exactly as reported."
    return "Confidence — " + " ".join(parts) + tail


def _counted(count: int, noun: str) -> str:
    if count == 1:
        return noun
    plural = noun[:-1] + "ies" if noun.endswith("y") and not noun.endswith("ay") else noun + "s"
    return f"{count:,} {plural}"


# -- quotes and sources ----------------------------------------------------------------------------


def _quotes(content: Bundle, view: Bookmark, events: list[LaunchEvent], features: list[Feature],
            numbering: _SourceNumbering) -> list[Quote]:
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
    ranked = sorted([(rank, i, claim.citations, f"{claim.property.replace('_', ' ')}: {_value(claim.value)}",
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


class _SourceNumbering:
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


def _sources_slides(content: Bundle, numbering: _SourceNumbering, events: set[str]) -> list[Slide]:
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


def _notes(quotes: list[Quote], features: list[Feature]) -> str:
    lines = ["Cited passages:"]
    lines += [f"[{q.footnote}] ¶{q.paragraph} “{q.text}” — {q.supports}" + (f" ({q.by})" if q.by else "")
              for q in quotes]
    lines += ["", "How each feature was placed:"]
    lines += [f"{f.label} ({f.certainty}): {f.derivation}" for f in features if f.derivation]
    return "\n".join(lines)


# -- small helpers ---------------------------------------------------------------------------------
def _event_subtitle(content: Bundle, event: LaunchEvent) -> str:
    site = content.features.get(event.site or "")
    when = event.when
    date = _day(when) if when else "date unknown"
    return " · ".join(part for part in (date, event.vehicle, site.label if site else "") if part)


def _event_line(event: LaunchEvent) -> str:
    return " · ".join(part for part in (event.name, event.vehicle, event.outcome) if part)


def _title_subtitle(content: Bundle, today: datetime) -> str:
    events = content.events_in_time_order()
    dated = [e.when for e in events if e.when]
    span = f", {_day(min(dated), '%b')} to {_day(max(dated), '%b')}" if len(dated) > 1 else ""
    count = f"{len(events)} launch{'es' if len(events) != 1 else ''}{span}"
    documents = len(content.documents)
    return (f"{count} · from {documents} source document{'s' if documents != 1 else ''} · "
            f"prepared {_day(today)} with launchmap")


def _day(when: datetime, month: str = "%B") -> str:
    """'21 November 2023': no zero-padded day, without the glibc-only %-d."""
    return f"{when.day} {when.strftime(month)} {when.year}"


def _value(value) -> str:
    return value if isinstance(value, str) else repr(value)


def _framed(features: Iterable[Feature]) -> Extent | None:
    extent = visible_extent(features)
    return padded(extent) if extent is not None else None


def _shot(view: Bookmark, box: tuple[float, float, float, float], slide_pixels: int) -> MapShot:
    ppi = slide_pixels / SLIDE_WIDTH_IN
    return MapShot(view, round(box[2] * ppi), round(box[3] * ppi), ppi * DECORATION_SCALE)
