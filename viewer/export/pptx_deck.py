"""The briefing deck as a 16:9 PowerPoint file through python-pptx, written atomically.

Text is sized with the PDF writer's typesetter measuring DejaVu Sans, which is wider than the Arial the slides
ask for, so text that fits there fits in PowerPoint, Keynote and LibreOffice Impress too.
"""

from __future__ import annotations

import io
import os

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from viewer.export import deck_text as t
from viewer.export import slides as s
from viewer.export.pdf_deck import fit, fit_column
from viewer.io.atomic import write_bytes_atomic

PPTX_FONT = "Arial"
WIDESCREEN_EMU = (12_192_000, 6_858_000)  # 16:9, 13 1/3 x 7 1/2 in
TITLE_ONLY_LAYOUT = 5  # in python-pptx's default template: a title placeholder, so outlines list the slides
_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}


def write_pptx(deck: s.Deck, path: str | os.PathLike[str]) -> None:
    presentation = Presentation()
    # Exactly PowerPoint's Widescreen (13.333 in is 12,191,695 EMU, which PowerPoint reports as a custom size).
    presentation.slide_width, presentation.slide_height = Emu(WIDESCREEN_EMU[0]), Emu(WIDESCREEN_EMU[1])
    size = presentation.part._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}sldSz")
    if size is not None:  # the template says 4:3; PowerPoint's own Widescreen files name no type
        size.attrib.pop("type", None)
    properties = presentation.core_properties
    properties.title, properties.subject, properties.author = deck.title, deck.subtitle, "launchmap"
    layout = presentation.slide_layouts[TITLE_ONLY_LAYOUT]
    for index, slide in enumerate(deck.slides):
        page = presentation.slides.add_slide(layout)
        if slide.kind == "title":
            _title_slide(page, slide)
        else:
            _place_title(page, t.title_and_subtitle(slide), s.TITLE_BOX)
            _rule(page, s.TITLE_BOX[1] + s.TITLE_BOX[3] + 0.02)
            if slide.kind == "view":
                _view_slide(page, slide)
            else:
                _text(page, t.sources_column(slide), s.SOURCES_BOX)
        _footer(page, t.footer(deck, index))
        if slide.notes:
            page.notes_slide.notes_text_frame.text = slide.notes
    data = io.BytesIO()
    presentation.save(data)
    write_bytes_atomic(path, data.getvalue())


def _title_slide(page, slide: s.Slide) -> None:
    left = (s.MARGIN_IN, 1.25, s.OVERVIEW_BOX[0] - s.MARGIN_IN - 0.4, s.OVERVIEW_BOX[3])
    paras = t.title_column(slide)
    _place_title(page, paras[:1], (left[0], left[1], left[2], 1.6))  # the title placeholder holds the deck title
    _text(page, paras[1:], (left[0], left[1] + 1.6, left[2], left[3] - 1.6))
    _picture(page, slide.image, s.OVERVIEW_BOX, slide.title)


def _view_slide(page, slide: s.Slide) -> None:
    annotations = "; ".join(" ".join(words.split()) for words in slide.annotations)
    _picture(page, slide.image, s.MAP_BOX,
             f"Map: {slide.title}" + (f". Annotations on the map: {annotations}" if annotations else ""))
    width, height = s.TEXT_BOX[2] * 72, s.TEXT_BOX[3] * 72
    paras, scale = fit_column(lambda n: t.facts_and_quotes(slide, n), len(slide.quotes), width, height)
    _fill(_textbox(page, s.TEXT_BOX).text_frame, paras, scale)
    _text(page, t.notes_strip(slide), s.NOTE_BOX)


# -- pieces ----------------------------------------------------------------------------------------
def _place_title(page, paras: list[t.Para], box) -> None:
    title = page.shapes.title
    title.left, title.top, title.width, title.height = (Inches(v) for v in box)
    _fill(title.text_frame, paras, fit(paras, box[2] * 72, box[3] * 72))


def _text(page, paras: list[t.Para], box) -> None:
    if paras:
        _fill(_textbox(page, box).text_frame, paras, fit(paras, box[2] * 72, box[3] * 72))


def _textbox(page, box):
    return page.shapes.add_textbox(*(Inches(v) for v in box))


def _fill(frame, paras: list[t.Para], scale: float) -> None:
    """Plain-text runs with explicit sizes; no autofit, so every viewer shows the size that was measured."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.clear()
    for i, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        size = para.size * scale
        paragraph.alignment = _ALIGN[para.align]
        paragraph.line_spacing = Pt(size * 1.24)
        paragraph.space_before = Pt(para.space_before * scale)
        for piece in para.runs:
            run = paragraph.add_run()
            run.text = piece.text
            font = run.font
            font.name, font.size, font.bold, font.italic = PPTX_FONT, Pt(size), piece.bold, piece.italic
            font.color.rgb = RGBColor.from_string(piece.colour.lstrip("#"))


def _picture(page, png: bytes | None, box, description: str) -> None:
    if not png:
        return
    picture = page.shapes.add_picture(io.BytesIO(png), *(Inches(v) for v in box))
    picture.line.color.rgb = RGBColor.from_string(s.RULE.lstrip("#"))
    picture.line.width = Pt(0.75)
    picture._element.nvPicPr.cNvPr.set("descr", description)  # alternative text for screen readers


def _rule(page, y_in: float) -> None:
    from pptx.enum.shapes import MSO_CONNECTOR

    line = page.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Inches(s.MARGIN_IN), Inches(y_in),
                                     Inches(s.SLIDE_WIDTH_IN - s.MARGIN_IN), Inches(y_in))
    line.line.color.rgb = RGBColor.from_string(s.ACCENT.lstrip("#"))
    line.line.width = Pt(1.2)


def _footer(page, text: str) -> None:
    box = (s.MARGIN_IN, s.FOOTER_Y_IN, s.SLIDE_WIDTH_IN - 2 * s.MARGIN_IN, 0.22)
    _fill(_textbox(page, box).text_frame, [t.Para((t.Run(text, colour=s.MUTED),), 9, align="right")], 1.0)
