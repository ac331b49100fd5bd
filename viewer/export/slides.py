"""What a briefing deck is made of — slides, quotes, sources, the map shot each slide renders — and where each box
sits on a 16:9 slide: deck.py fills them, pptx_deck and pdf_deck lay them out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from viewer.model.bookmark import Bookmark

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
# The typeface and colours both writers use.
FONT_FAMILY = "DejaVu Sans"
INK, MUTED, ACCENT, RULE = "#1F2933", "#52606D", "#0B4F8A", "#CBD2D9"


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


def shot(view: Bookmark, box: tuple[float, float, float, float], slide_pixels: int) -> MapShot:
    """The map picture filling ``box`` (inches on the slide) of a deck rendered ``slide_pixels`` wide."""
    ppi = slide_pixels / SLIDE_WIDTH_IN
    return MapShot(view, round(box[2] * ppi), round(box[3] * ppi), ppi * DECORATION_SCALE)
