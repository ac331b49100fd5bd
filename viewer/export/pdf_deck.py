"""The briefing deck as a 16:9 PDF, typeset directly with reportlab (no office suite), written atomically.

Also the typesetter both writers measure with: ``fit`` shrinks a box's text until it fits, so nothing overflows.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from viewer.export import deck_text as t
from viewer.export import slides as s
from viewer.export.deck_fonts import CJK_RUNS, JAPANESE_FONT, KOREAN_FONT, FontFile, fonts_with
from viewer.io.atomic import write_bytes_atomic

POINTS_PER_INCH = 72.0
MIN_SCALE = 0.62  # text never shrinks below 62 % of its size
LEGIBLE_SCALE = 0.8  # below this a column drops quotes (they stay in the notes) rather than shrink further
FONT = "LaunchmapSans"
_STYLES = {"": "", "b": "-Bold", "i": "-Oblique", "bi": "-BoldOblique"}
_VERA = {"": "Vera.ttf", "b": "VeraBd.ttf", "i": "VeraIt.ttf", "bi": "VeraBI.ttf"}
_FONT_FOLDERS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
                 "/usr/local/share/fonts", "/Library/Fonts", str(Path.home() / ".fonts"),
                 str(Path.home() / ".local/share/fonts"))


@cache
def register_fonts() -> str:
    """Register DejaVu Sans (Unicode quotes, dashes, ¶, °) as one family; reportlab's own Bitstream Vera,
    from which DejaVu grew with the same metrics, stands in for any style not installed."""
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts"
    for style, suffix in _STYLES.items():
        candidates = [Path(folder) / f"DejaVuSans{suffix}.ttf" for folder in _FONT_FOLDERS]
        path = next((p for p in candidates if p.is_file()), vera / _VERA[style])
        pdfmetrics.registerFont(TTFont(FONT + _STYLES[style], str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT + "-Bold", italic=FONT + "-Oblique",
                                  boldItalic=FONT + "-BoldOblique")
    for name in (KOREAN_FONT, JAPANESE_FONT):
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    return FONT


def _with_cjk_fonts(escaped: str) -> str:
    """Paragraph markup of already escaped text with its CJK runs set in a font that has their glyphs."""
    return CJK_RUNS.sub(lambda m: f'<font name="{run_font(m.group(0), bool(m.group("ko")))}">{m.group(0)}</font>',
                        escaped)


@cache
def run_font(text: str, korean: bool) -> str:
    """An installed TrueType font with every letter of the run, embedded; else the reader-supplied one."""
    for font in fonts_with(text):
        if (name := _embedded(font)) is not None:
            return name
    return KOREAN_FONT if korean else JAPANESE_FONT


@cache
def _embedded(font: FontFile) -> str | None:
    name = f"LaunchmapCJK-{zlib.crc32(f'{font.path}#{font.index}'.encode()):08x}"
    try:
        pdfmetrics.registerFont(TTFont(name, font.path, subfontIndex=font.index))
    except (TTFError, OSError):  # CFF outlines (Noto Sans CJK), or a file gone since fontconfig listed it
        return None
    return name


# -- typesetting ------------------------------------------------------------------------------------
def paragraph(para: t.Para, scale: float = 1.0) -> Paragraph:
    """A reportlab Paragraph of plain text: every run is escaped, so quoted text is shown, never interpreted."""
    register_fonts()
    size = para.size * scale
    style = ParagraphStyle("deck", fontName=FONT, fontSize=size, leading=size * 1.24,
                           alignment={"left": 0, "center": 1, "right": 2}[para.align])
    markup = []
    for run in para.runs:
        text = _with_cjk_fonts(escape(run.text)).replace("\n", "<br/>")
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        markup.append(f'<font color="{run.colour}">{text}</font>')
    return Paragraph("".join(markup), style)


def height_of(paras: list[t.Para], width: float, scale: float) -> float:
    """Points the paragraphs take set ``width`` points wide."""
    return sum(paragraph(p, scale).wrap(width, 1e6)[1] + p.space_before * scale for p in paras)


def fit(paras: list[t.Para], width: float, height: float) -> float:
    """The largest scale (1 at most) at which the paragraphs fit the box, or MIN_SCALE when none does."""
    scale = 1.0
    while scale > MIN_SCALE and height_of(paras, width, scale) > height:
        scale *= 0.95
    return max(scale, MIN_SCALE)


def fit_column(build: Callable[[int], list[t.Para]], quotes: int, width: float,
               height: float) -> tuple[list[t.Para], float]:
    """The facts-and-quotes column with as many quotes as fit at a legible size (dropped ones are counted);
    with a single quote left it may shrink down to MIN_SCALE."""
    for shown in range(quotes, 0, -1):
        paras = build(shown)
        scale = fit(paras, width, height)
        if scale >= LEGIBLE_SCALE and height_of(paras, width, scale) <= height:
            return paras, scale
    paras = build(min(quotes, 1))
    return paras, fit(paras, width, height)


def box_points(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """(x, y-from-top, width, height) in inches → points."""
    return tuple(v * POINTS_PER_INCH for v in box)  # type: ignore[return-value]


# -- writing ----------------------------------------------------------------------------------------
def write_pdf(deck: s.Deck, path: str | os.PathLike[str]) -> None:
    data = io.BytesIO()
    page_width, page_height = s.SLIDE_WIDTH_IN * POINTS_PER_INCH, s.SLIDE_HEIGHT_IN * POINTS_PER_INCH
    canvas = Canvas(data, pagesize=(page_width, page_height), pageCompression=1)
    canvas.setTitle(deck.title)
    canvas.setSubject(deck.subtitle)
    canvas.setCreator("launchmap")
    writer = _PageWriter(canvas, page_height)
    for index, slide in enumerate(deck.slides):
        key = f"slide{index + 1}"
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(slide.title, key, level=0)
        writer.slide(deck, index, slide)
        canvas.showPage()
    canvas.save()
    write_bytes_atomic(path, data.getvalue())


class _PageWriter:
    def __init__(self, canvas: Canvas, page_height: float):
        self.canvas = canvas
        self.page_height = page_height

    def slide(self, deck: s.Deck, index: int, slide: s.Slide) -> None:
        if slide.kind == "title":
            self.title_slide(slide)
        else:
            self.text(t.title_and_subtitle(slide), s.TITLE_BOX)
            self.rule(s.TITLE_BOX[1] + s.TITLE_BOX[3] + 0.02)
            if slide.kind == "view":
                self.view_slide(slide)
            else:
                self.text(t.sources_column(slide), s.SOURCES_BOX)
        self.footer(t.footer(deck, index))

    def title_slide(self, slide: s.Slide) -> None:
        left = (s.MARGIN_IN, 1.25, s.OVERVIEW_BOX[0] - s.MARGIN_IN - 0.4, s.OVERVIEW_BOX[3])
        self.text(t.title_column(slide), left)
        self.picture(slide.image, s.OVERVIEW_BOX)

    def view_slide(self, slide: s.Slide) -> None:
        self.picture(slide.image, s.MAP_BOX)
        _, _, width, height = box_points(s.TEXT_BOX)
        paras, scale = fit_column(lambda n: t.facts_and_quotes(slide, n, notes=False), len(slide.quotes),
                                  width, height)
        self.paras(paras, scale, s.TEXT_BOX)
        self.text(t.notes_strip(slide), s.NOTE_BOX)

    # -- pieces ------------------------------------------------------------------------------------
    def text(self, paras: list[t.Para], box: tuple[float, float, float, float]) -> None:
        _, _, width, height = box_points(box)
        self.paras(paras, fit(paras, width, height), box)

    def paras(self, paras: list[t.Para], scale: float, box: tuple[float, float, float, float]) -> None:
        x, top, width, _ = box_points(box)
        y = self.page_height - top
        for para in paras:
            flowable = paragraph(para, scale)
            _, used = flowable.wrap(width, 1e6)
            y -= para.space_before * scale + used
            flowable.drawOn(self.canvas, x, y)

    def picture(self, png: bytes | None, box: tuple[float, float, float, float]) -> None:
        x, top, width, height = box_points(box)
        bottom = self.page_height - top - height
        if png:
            self.canvas.drawImage(ImageReader(io.BytesIO(png)), x, bottom, width, height)
        self.canvas.setStrokeColor(HexColor(s.RULE))
        self.canvas.setLineWidth(0.75)
        self.canvas.rect(x, bottom, width, height, stroke=1, fill=0)

    def rule(self, y_in: float) -> None:
        y = self.page_height - y_in * POINTS_PER_INCH
        self.canvas.setStrokeColor(HexColor(s.ACCENT))
        self.canvas.setLineWidth(1.2)
        self.canvas.line(s.MARGIN_IN * POINTS_PER_INCH, y, (s.SLIDE_WIDTH_IN - s.MARGIN_IN) * POINTS_PER_INCH, y)

    def footer(self, text: str) -> None:
        """The deck's title and the page number, right-aligned, in the paragraph setter so CJK titles have letters."""
        width = (s.SLIDE_WIDTH_IN - 2 * s.MARGIN_IN) * POINTS_PER_INCH
        flowable = paragraph(t.Para((t.Run(text, colour=s.MUTED),), 9, align="right"))
        _, used = flowable.wrap(width, 1e6)
        flowable.drawOn(self.canvas, s.MARGIN_IN * POINTS_PER_INCH, self.page_height - s.FOOTER_Y_IN * POINTS_PER_INCH
                        - used)
