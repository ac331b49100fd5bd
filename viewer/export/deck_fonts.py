"""Which font sets the deck's Korean and Japanese text, and the one warning when no installed font has its letters.

DejaVu has no hangul, kana or CJK ideographs. A run of them is set in an installed TrueType font that has every one
of its letters, embedded (subset) so the PDF reads the same on any machine; fonts with CFF outlines (Noto Sans CJK)
cannot be embedded by reportlab, so the run is then set in the Adobe standard CJK font that PDF readers supply —
here from that installed font. The installed fonts and their letters come from fontconfig (``fc-list``), the list
Qt falls back through when it draws the maps' labels: a letter no font listed there has is a box on the map too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from viewer.export.slides import Deck, Slide

KOREAN_FONT, JAPANESE_FONT = "HYGothic-Medium", "HeiseiKakuGo-W5"  # reader-supplied, never embedded
CJK_RUNS = re.compile(r"(?P<ko>[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+)|"
                      r"(?P<ja>[\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+)")
SCRIPT_NAMES = {"ko": "Korean", "ja": "Japanese or Chinese"}
# Tried first, in this order, among the installed fonts that have a run's letters: TrueType CJK families, the most
# complete first (WenQuanYi Micro Hei has all 11,172 hangul syllables, kana and the ideographs in 5 MB).
FALLBACK_FAMILIES = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "NanumGothic", "Noto Sans CJK KR",
                     "Noto Sans CJK JP", "IPAGothic", "IPAexGothic", "Droid Sans Fallback")
# What to install when no font has the letters: 1.6 MB (5 MB installed) against fonts-noto-cjk's 57 MB (91 MB),
# whose CFF outlines the PDF could not embed anyway.
CJK_PACKAGE = "fonts-wqy-microhei"


@dataclass(frozen=True)
class FontFile:
    """An installed font as fontconfig lists it: file, face index in a collection, family, letters it has."""

    path: str
    index: int
    family: str
    ranges: tuple[tuple[int, int], ...]  # sorted, inclusive code point ranges

    def has(self, text: str) -> bool:
        starts = [low for low, _ in self.ranges]
        for char in set(text):
            at = bisect_right(starts, ord(char)) - 1
            if at < 0 or ord(char) > self.ranges[at][1]:
                return False
        return True


@cache
def installed_fonts() -> tuple[FontFile, ...] | None:
    """Every font fontconfig knows, or None where there is no ``fc-list`` (then nothing can be said of coverage)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listing = subprocess.run([fc_list, "--format", r"%{file}\t%{index}\t%{family[0]}\t%{charset}\n"],
                                 capture_output=True, text=True, check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return tuple(font for line in listing.splitlines() if (font := _font(line)) is not None)


def _font(line: str) -> FontFile | None:
    parts = line.split("\t")
    if len(parts) != 4 or not parts[1].isdigit():
        return None
    ranges = []
    for item in parts[3].split():
        low, _, high = item.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            return None
    return FontFile(parts[0], int(parts[1]), parts[2], tuple(sorted(ranges)))


def fonts_with(text: str) -> list[FontFile]:
    """The installed fonts that have every letter of ``text``, the fallback families first."""
    fonts = [f for f in installed_fonts() or () if f.has(text)]
    rank = {family.casefold(): n for n, family in enumerate(FALLBACK_FAMILIES)}
    return sorted(fonts, key=lambda f: (rank.get(f.family.casefold(), len(rank)), f.family, f.path, f.index))


def missing_scripts(text: str) -> list[str]:
    """The scripts of ``text`` (as SCRIPT_NAMES) that no installed font has all the letters of; none when
    the fonts cannot be listed."""
    if installed_fonts() is None:
        return []
    missing: dict[str, None] = {}
    for match in CJK_RUNS.finditer(text):
        if not fonts_with(match.group(0)):
            missing[SCRIPT_NAMES["ko" if match.group("ko") else "ja"]] = None
    return list(missing)


def slide_text(slide: Slide) -> str:
    """Every word a slide shows or says: titles, facts, quotes and what they support, footnotes, notes."""
    parts = [slide.title, slide.subtitle, slide.confidence, slide.notes, *slide.lines, *slide.annotations]
    parts += [f"{label} {value}" for label, value in slide.facts]
    parts += [f"{q.text} {q.supports} {q.by}" for q in slide.quotes]
    parts += [source.text for source in slide.footnotes]
    return "\n".join(parts)


def missing_font_warning(deck: Deck, path: str) -> str | None:
    """One ``FILE:WHERE: message`` line naming the slides with letters no installed font has, or None."""
    slides, scripts = [], {}
    for number, slide in enumerate(deck.slides, start=1):
        missing = missing_scripts(slide_text(slide))
        if missing:
            slides.append(f"{number} ({slide.title})")
            scripts.update(dict.fromkeys(missing))
    if not slides:
        return None
    where = "the maps and the PDF" if path.lower().endswith(".pdf") else "the maps"
    return (f"{path}:slide{'s' if len(slides) > 1 else ''} {', '.join(slides)}: no installed font has the letters "
            f"of the {' and '.join(scripts)} text there, so {where} show them as boxes; install {CJK_PACKAGE} "
            "(or another font with them), restart launchmap and export again")
