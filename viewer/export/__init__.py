"""Briefing exports that need no Qt: the deck's content (deck.py, slides.py) and its PPTX and PDF writers."""

from __future__ import annotations

import os
from pathlib import Path

from viewer.export.slides import Deck


def write_deck(deck: Deck, path: str | os.PathLike[str]) -> None:
    """Write the deck as PPTX or PDF, chosen by the suffix, atomically; ValueError for any other suffix."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pptx":
        from viewer.export.pptx_deck import write_pptx

        write_pptx(deck, path)
    elif suffix == ".pdf":
        from viewer.export.pdf_deck import write_pdf

        write_pdf(deck, path)
    else:
        raise ValueError(f"{path}: a deck is written as .pptx or .pdf, not {suffix or 'a file without suffix'}")
