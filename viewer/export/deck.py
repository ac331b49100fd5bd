"""The briefing deck as content, with no drawing: a title slide, one slide per bookmark (or per launch), sources.

Each view slide carries its map (PNG bytes from a callback, so this stays Qt-free), the key facts, the cited
quotes numbered to footnotes naming their documents, and a confidence line. The slides' parts are in slides.py,
their words in deck_facts.py and deck_sources.py; pptx_deck and pdf_deck lay them out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime

from viewer.export.deck_facts import confidence_line, event_line, event_subtitle, key_facts, title_subtitle
from viewer.export.deck_sources import SourceNumbering, cited_quotes, sources_slides, speaker_notes
from viewer.export.slides import MAP_BOX, OVERVIEW_BOX, SLIDE_PIXELS, Deck, MapImages, Progress, Slide, shot
from viewer.geo.crs import DEFAULT_REGION, Extent, MapProjection, suited
from viewer.model.annotation import is_annotation, shown_text
from viewer.model.bookmark import Bookmark
from viewer.model.bundle import Bundle
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.reports import default_title
from viewer.model.view import launch_features, padded, visible_extent
from viewer.symbology import event_colours

MAX_QUOTES = 5
MAX_FACT_EVENTS = 6


def build_deck(content: Bundle, bookmarks: list[Bookmark], images: MapImages | None = None, *,
               title: str = "", slide_pixels: int = SLIDE_PIXELS, progress: Progress | None = None,
               today: datetime | None = None) -> Deck:
    """The deck of ``bookmarks``, or of every launch in time order when there are none.

    ``images`` renders each slide's map (None leaves slides without pictures, for tests of the text);
    ``progress`` is told of each map and raises Cancelled to stop.
    """
    views = list(bookmarks) or [event_view(content, event) for event in content.events_in_time_order()]
    numbering = SourceNumbering(content)
    slides = [_view_slide(content, view, numbering, slide_pixels) for view in views]
    covered = {e.id for view in views for e in focus_events(content, view)}
    deck_title = title or default_title(content)
    title_slide = Slide("title", deck_title, subtitle=title_subtitle(content, today or datetime.now(UTC)))
    overview = shot(Bookmark.framing(deck_title, _framed(content.features.values())), OVERVIEW_BOX, slide_pixels)
    title_slide.shot = replace(overview, legend=False)  # the launch list beside it carries the colours
    title_slide.facts = [(event.date_label, event_line(event)) for event in content.events_in_time_order()]
    title_slide.colours = event_colours([e.id for e in content.events_in_time_order()])
    all_slides = [title_slide, *slides, *sources_slides(content, numbering, covered)]
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


def launch_projection(content: Bundle, event: LaunchEvent, extent: Extent | None = None) -> MapProjection:
    """The projection one launch's slide, step or `export --event` is drawn in: the regional conic fitted to its
    ``extent`` (default: its features'), or the azimuthal equidistant on its site when that is long."""
    extent = padded(extent or visible_extent(launch_features(content.features_of(event.id))) or DEFAULT_REGION)
    site = content.features.get(event.site or "")
    centre = site.geometry.centroid if site is not None and site.geometry is not None else None
    return suited(extent, (centre.x, centre.y) if centre is not None else None)


def visible_features(content: Bundle, view: Bookmark) -> list[Feature]:
    """The features a bookmark shows: its launches, kinds and time window."""
    return view.view.filters.features(content)


def focus_events(content: Bundle, view: Bookmark) -> list[LaunchEvent]:
    """The launches a view is about: those of its selection, else those it shows, in time order."""
    selected = {content.features[i].event for i in view.selection if i in content.features}
    shown = selected or {f.event for f in visible_features(content, view)}
    return [e for e in content.events_in_time_order() if e.id in shown]


def _view_slide(content: Bundle, view: Bookmark, numbering: SourceNumbering, slide_pixels: int) -> Slide:
    events = focus_events(content, view)
    features = visible_features(content, view)
    slide = Slide("view", view.name or (events[0].name if len(events) == 1 else "Launches"))
    if len(events) == 1:
        slide.subtitle = event_subtitle(content, events[0])
        slide.facts = key_facts(content, events[0])
    else:
        slide.subtitle = f"{len(events)} launches" if events else "No launch shown"
        slide.facts = [(e.date_label, event_line(e)) for e in events[:MAX_FACT_EVENTS]]
        if len(events) > MAX_FACT_EVENTS:
            slide.facts.append(("", f"and {len(events) - MAX_FACT_EVENTS} more launches"))
    quotes = cited_quotes(content, view, events, features, numbering)
    slide.quotes, slide.more_quotes = quotes[:MAX_QUOTES], max(0, len(quotes) - MAX_QUOTES)
    numbers = sorted({q.footnote for q in slide.quotes})
    slide.footnotes = [numbering.sources[n - 1] for n in numbers]
    slide.confidence = confidence_line(features if not events else
                                       [f for f in features if f.event in {e.id for e in events} or not f.event])
    slide.annotations = [words for f in features if is_annotation(f) and (words := shown_text(f, content))]
    slide.notes = speaker_notes(quotes, features)
    if slide.annotations:
        slide.notes += "\n\nAnnotations on the map:\n" + "\n".join(slide.annotations)
    slide.shot = shot(view, MAP_BOX, slide_pixels)
    return slide


def caption(content: Bundle, view: Bookmark) -> Slide:
    """One view's slide content on its own, footnotes numbered from 1: presentation mode's caption."""
    return _view_slide(content, view, SourceNumbering(content), SLIDE_PIXELS)


def source_title(content: Bundle, document_id: str) -> str:
    document = content.documents.get(document_id)
    return document.display_title if document is not None else document_id


def _framed(features: Iterable[Feature]) -> Extent | None:
    extent = visible_extent(features)
    return padded(extent) if extent is not None else None
