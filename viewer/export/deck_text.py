"""The text of each box of a briefing slide, as styled runs both deck writers (PPTX and PDF) lay out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.export.slides import ACCENT, INK, MUTED, Deck, Slide
from viewer.wording import counted

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")

@dataclass(frozen=True)
class Run:
    """Plain text in one style. Control characters (which neither XML nor a PDF font can carry) are dropped."""

    text: str
    bold: bool = False
    italic: bool = False
    colour: str = INK

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _CONTROL.sub("", self.text))


@dataclass(frozen=True)
class Para:
    """A paragraph of styled runs; sizes are points before fitting, when a box's text may shrink together."""

    runs: tuple[Run, ...]
    size: float
    space_before: float = 0.0
    align: str = "left"


def facts_and_quotes(slide: Slide, quotes: int | None = None, notes: bool = True) -> list[Para]:
    """The right-hand column of a view slide: key facts, then the first ``quotes`` cited passages;
    ``notes`` says whether the file has speaker notes to point the rest to."""
    paras = [Para((Run(f"{label}: ", bold=True), Run(value)) if label else (Run(value),), 16, 3)
             for label, value in slide.facts]
    shown = slide.quotes if quotes is None else slide.quotes[:quotes]
    if shown:
        paras.append(Para((Run("What the sources say", bold=True, colour=ACCENT),), 16, 14))
    for quote in shown:
        mark = " (passage no longer found in its document)" if quote.orphaned else ""
        paras.append(Para((Run(f"“{quote.text}”", italic=True), Run(f" [{quote.footnote}]", bold=True, colour=ACCENT),
                           Run(mark, colour=MUTED)), 15, 8))
        where = f"¶{quote.paragraph} · " if quote.paragraph else ""
        who = f" · {quote.by}" if quote.by else ""
        paras.append(Para((Run(f"{where}{quote.supports}{who}", colour=MUTED),), 11.5, 1))
    hidden = len(slide.quotes) - len(shown) + slide.more_quotes
    if hidden:
        where = "in the speaker notes" if notes else "not shown"
        paras.append(Para((Run(f"+{counted(hidden, 'more cited passage')} {where}",
                               colour=MUTED),), 11.5, 6))
    return paras


def notes_strip(slide: Slide) -> list[Para]:
    """Below the map: the confidence line, then the footnotes naming the documents quoted."""
    paras = [Para((Run(slide.confidence, italic=True, colour=MUTED),), 11)] if slide.confidence else []
    paras += [Para((Run(f"[{s.number}] ", bold=True, colour=ACCENT), Run(s.text, colour=MUTED)), 10, 2)
              for s in slide.footnotes]
    return paras


def title_column(slide: Slide) -> list[Para]:
    paras = [Para((Run(slide.title, bold=True, colour=ACCENT),), 34),
             Para((Run(slide.subtitle, colour=MUTED),), 15, 12)]
    if slide.facts:
        paras.append(Para((Run("Launches in this briefing", bold=True),), 15, 26))
    chips = list(slide.colours.values())
    paras += [Para(((Run("■ ", colour=chips[i]),) if i < len(chips) else ()) + (Run(f"{date}  ", bold=True),
                                                                               Run(line)), 14, 6)
              for i, (date, line) in enumerate(slide.facts)]
    return paras


def sources_column(slide: Slide) -> list[Para]:
    paras = []
    for line in slide.lines:
        if not line:
            paras.append(Para((Run(" "),), 4))
        elif line.startswith("[") and "] " in line:
            number, rest = line.split("] ", 1)
            paras.append(Para((Run(number + "] ", bold=True, colour=ACCENT), Run(rest)), 14, 4))
        elif line.endswith(":"):
            paras.append(Para((Run(line, bold=True),), 14, 4))
        else:
            paras.append(Para((Run(line, colour=MUTED),), 12, 2))
    return paras


def title_and_subtitle(slide: Slide) -> list[Para]:
    paras = [Para((Run(slide.title, bold=True, colour=ACCENT),), 26)]
    if slide.subtitle:
        paras.append(Para((Run(slide.subtitle, colour=MUTED),), 14, 2))
    return paras


def footer(deck: Deck, index: int) -> str:
    return f"{deck.title} · {index + 1} / {len(deck.slides)}"
