"""Mending text as tools hand it over — its wrapping undone first (text_forms: line ends, stand-in characters,
reply quoting), then PDF columns run side by side, words hyphenated over a line end, page
furniture between a sentence's halves, OCR's rn/m, 0/O and l/1 — once, before every finder reads it. The mended
text keeps, for each of its characters, the offset it came from, so a citation found in it points into the
original text (`Mended.span`).

Each mend needs evidence a reader would not doubt: two columns only where a gutter of spaces runs down a block of
lines with text on both sides of it; a hyphen dropped only between lowercase halves that do not make a compound
("short-range" stays); an OCR'd word changed only into a word the text itself, a month or a place name spells."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from viewer.ingest.findings import ArticleDraft
from viewer.ingest.ocr_words import ocr_words as _ocr_words
from viewer.ingest.text_forms import STEPS as FORM_STEPS
from viewer.ingest.text_forms import hard_wraps

MAX_MENDED_CHARS = 2_000_000  # a larger text is read as it is
_GUTTER = 3  # spaces between two columns, at least
_MIN_SPLIT_LINES = 3  # lines with text in both columns that make a block two columns
_PROSE_WIDTH = 20  # characters a column of prose has on its lines, on average

Piece = tuple[int, int, str | None]  # (start, end, replacement): None copies text[start:end]


@dataclass(frozen=True)
class Mended:
    """``text`` mended from an original of ``original_length`` characters; ``origin[i]`` is the original offset
    of ``text[i]`` (None when nothing was mended)."""

    text: str
    origin: tuple[int, ...] | None
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span of ``text[start:end]`` (the whole of what it was mended from)."""
        if self.origin is None:
            return start, end
        start, end = max(0, min(start, len(self.text))), max(0, min(end, len(self.text)))
        if end <= start:
            at = self.origin[start] if start < len(self.text) else self.original_length
            return at, at
        taken = self.origin[start:end]
        return min(taken), max(taken) + 1

    def offset(self, original: int) -> int:
        """The mended text's offset of the original's ``original`` (the first character from there on)."""
        if self.origin is None:
            return original
        return next((i for i, o in enumerate(self.origin) if o >= original), len(self.text))


@lru_cache(maxsize=16)
def mend(text: str, debris: bool = True) -> Mended:
    """The text in its plain form with (``debris``) its extraction debris mended (see the module's doc)."""
    if len(text) > MAX_MENDED_CHARS:
        return Mended(text, None, len(text))
    current, kept = _plain_form(text)  # (the plain form's steps once, whether debris is mended after them or not)
    origin = list(kept)
    for step in (_columns, _furniture, _hyphens, _ocr_words, hard_wraps) if debris else ():
        pieces = step(current)
        if pieces:
            current, origin = _rebuild(current, origin, pieces, whole=step is _columns)
    if current == text:
        return Mended(text, None, len(text))
    return Mended(current, tuple(origin), len(text))


@lru_cache(maxsize=16)
def _plain_form(text: str) -> tuple[str, tuple[int, ...]]:
    """The text after the plain form's steps (text_forms) and the original offset of each of its characters."""
    origin = list(range(len(text)))
    current = text
    for step in FORM_STEPS:
        pieces = step(current)
        if pieces:
            current, origin = _rebuild(current, origin, pieces)
    return current, tuple(origin)


def _rebuild(text: str, origin: list[int], pieces: list[Piece], whole: bool = False) -> tuple[str, list[int]]:
    """Text and origin from ``pieces``: edits (sorted, apart) with what lies between them copied, or with
    ``whole`` every piece of the new text (copies of ranges in any order, and insertions)."""
    out: list[str] = []
    where: list[int] = []
    cursor = 0
    ordered = not whole
    for start, end, replacement in pieces:
        if ordered and start > cursor:
            out.append(text[cursor:start])
            where.extend(origin[cursor:start])
        if replacement is None:
            out.append(text[start:end])
            where.extend(origin[start:end])
        else:
            out.append(replacement)
            anchor = origin[start] if start < len(origin) else (origin[-1] + 1 if origin else 0)
            where.extend([anchor] * len(replacement))
        cursor = max(cursor, end)
    if ordered:
        out.append(text[cursor:])
        where.extend(origin[cursor:])
    return "".join(out), where


# --- two columns run side by side -------------------------------------------------------------------------------

_WIDE_GAP = re.compile(r"\S( {3,})(?=\S)")
_CELLS = re.compile(r"\S {2,}\S")


def _columns(text: str) -> list[Piece]:
    """Every piece of the text, each stretch of two columns read left column first (empty when there is none). A
    stretch goes on over a blank line when the gutter does (a page's columns run past their paragraphs' breaks)."""
    if not _WIDE_GAP.search(text):
        return []
    lines = _lines(text)
    pieces: list[Piece] = []
    cursor = i = 0
    while i < len(lines):
        block = _block_at(text, lines, i)
        gutter = _gutter(text, lines[i : i + block]) if block else None
        if gutter is None:
            i += max(block, 1)
            continue
        while True:  # the next block, past blank lines, with the same gutter: one stretch
            gap = next((j for j in range(i + block, len(lines)) if text[slice(*lines[j])].strip()), len(lines))
            more = _block_at(text, lines, gap)
            joined = _gutter(text, lines[i : gap + more]) if more else None
            if joined is None:
                break
            block, gutter = gap + more - i, joined
        stretch = lines[i : i + block]
        pieces.append((cursor, stretch[0][0], None))
        pieces.extend(_split_block(text, stretch, gutter))
        cursor = stretch[-1][1]
        i += block
    if not pieces:
        return []
    pieces.append((cursor, len(text), None))
    return pieces


def _block_at(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """How many lines from ``i`` on have words (0 when line ``i`` is blank)."""
    n = 0
    while i + n < len(lines) and text[slice(*lines[i + n])].strip():
        n += 1
    return n


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\r?\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _gutter(text: str, block: list[tuple[int, int]]) -> int | None:
    """The column where the right column starts: every line has spaces (or has ended) for _GUTTER characters
    before it, and at least _MIN_SPLIT_LINES lines (half the lines with words) have words on both sides of it."""
    if len(block) < _MIN_SPLIT_LINES or any("\t" in text[s:e] for s, e in block):
        return None
    rows = [text[s:e] for s, e in block]
    width = max(len(r) for r in rows)
    worded = sum(1 for r in rows if r.strip())
    best: tuple[int, int] | None = None
    for column in range(12, width - 8):
        if any(r[column - _GUTTER : column].strip() for r in rows):
            continue
        split = sum(1 for r in rows if r[: column - _GUTTER].strip() and r[column : column + 1].strip())
        if split >= _MIN_SPLIT_LINES and 2 * split >= worded and (best is None or split > best[0]):
            best = (split, column)
    if best is None:
        return None
    right = [r[best[1] :] for r in rows if r[best[1] :].strip()]  # the right column's words start at its edge
    left = [r[: best[1]].strip() for r in rows if r[: best[1]].strip()]
    if min(sum(len(r.strip()) for r in right) / len(right), sum(map(len, left)) / len(left)) < _PROSE_WIDTH:
        return None  # a table's short cells (a list of headlines with their dates), not two columns of prose
    return best[1] + min(len(r) - len(r.lstrip()) for r in right)


def _split_block(text: str, block: list[tuple[int, int]], gutter: int) -> list[Piece]:
    """The stretch's left column, then its right column, each read as a reader reads it: a column's lines run on
    into one another, a paragraph ending at a blank, an indented line or a line ending short."""
    left = [(s, s + min(gutter, e - s)) for s, e in block]
    right = [(s + gutter, e) if e - s > gutter else (e, e) for s, e in block]
    first, second = _column_pieces(text, left), _column_pieces(text, right)
    ends = "".join(text[a:b] for a, b, r in first if r is None).rstrip()
    opens = next((text[a:b] for a, b, r in second if r is None), "")
    # a sentence going on from the foot of one column to the head of the next
    runs_on = ends[-1:].isalpha() and ends[-1:] != "-" and opens[:1].islower()
    return [*first, (left[-1][1], left[-1][1], " " if runs_on else "\n"), *second]


def _column_pieces(text: str, column: list[tuple[int, int]]) -> list[Piece]:
    words = [(s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())) for s, e in column]
    base = min((a - s for (s, _), (a, b) in zip(column, words, strict=True) if b > a), default=0)
    width = max((b - a for a, b in words), default=0)
    pieces: list[Piece] = []
    for n, ((s, _), (a, b)) in enumerate(zip(column, words, strict=True)):
        if b > a:
            pieces.append((a, b, None) if n == 0 or a - s <= base else (s + base, b, None))
        if n + 1 == len(column):
            break
        (s2, _), (a2, b2) = column[n + 1], words[n + 1]
        runs_on = (b > a and b2 > a2 and a2 - s2 <= base and b - a >= 0.6 * width and text[b - 1] != "-"
                   and not _CELLS.search(text, a, b) and not _CELLS.search(text, a2, b2))  # (a table's rows stay rows)
        pieces.append((b, b, " " if runs_on else "\n"))
    return pieces


# --- page furniture between a sentence's halves ----------------------------------------------------------------

_FURNITURE = re.compile(
    r"[ \t]*(?:[-\u2013\u2014]{1,2}[ \t]*\d{1,3}[ \t]*[-\u2013\u2014]{1,2}|\d{1,3}"
    r"|page[ \t]+\d{1,3}(?:[ \t]+of[ \t]+\d{1,3})?"
    r"|\[(?:figure|fig\.|photo|image|chart|map|table)\b[^\]]{0,400}\]|(?:figure|fig\.|photo|source|caption)\b:?[^\n]{0,200}"
    r"|continued[ \t]+(?:on|from)\b[^\n]{0,80})[ \t]*",
    re.IGNORECASE)
_CAPTION = re.compile(r"\[(?:figure|fig\.|photo|image|chart|map|table|graphic)\b[^\]\[]{0,400}\]", re.IGNORECASE)
_HALF_GAP = re.compile(r"(?<=[a-z,\-\u00ad])[ \t]*\n(?:[ \t]*\n|[^\n]*\n){1,6}?[ \t]*(?=[a-z])")


def _furniture(text: str) -> list[Piece]:
    """A sentence broken by a page's number, a figure's caption or a 'Continued on' line — the first half ending
    without a stop, the second starting in lowercase — goes on across them."""
    if not re.search(r"[a-z,\-\u00ad][ \t]*\r?\n[ \t]*\r?\n", text):
        return []
    lines = _lines(text)
    captions = [(m.start(), m.end()) for m in _CAPTION.finditer(text)]

    def furniture(start: int, end: int) -> bool:
        line = text[start:end]
        return not line.strip() or _FURNITURE.fullmatch(line) is not None or any(
            a <= start and end <= b + 1 for a, b in captions)

    pieces: list[Piece] = []
    i = 0
    while i < len(lines) - 2:
        start, end = lines[i]
        k = i + 1
        while k < len(lines) and furniture(*lines[k]):
            k += 1
        run = lines[i + 1 : k]
        if k < len(lines) and len(run) >= 2 and any(text[s:e].strip() for s, e in run) and re.search(
                r"[a-z,\-\u00ad][ \t]*$", text[start:end]) and re.match(r"[ \t]*[a-z]", text[lines[k][0]:lines[k][1]]):
            hyphen = text[start:end].rstrip()[-1] in "-\u00ad"
            follow = lines[k][0] + len(text[lines[k][0]:lines[k][1]]) - len(text[lines[k][0]:lines[k][1]].lstrip())
            last = start + len(text[start:end].rstrip())
            pieces.append((last, follow, "\n" if hyphen else " "))
        i = max(i + 1, k if len(run) >= 2 else i + 1)
    return pieces


# --- a word hyphenated over a line end ----------------------------------------------------------------------

_HYPHENATED = re.compile(r"(?<![\w-])([A-Za-z]+)[-\u00ad]([ \t]*\r?\n[ \t]*)([a-z]+)\b")
_COMPOUND_ENDS = frozenset({
    "range", "based", "fuelled", "fueled", "fuel", "propellant", "term", "old", "year", "years", "level", "made",
    "led", "run", "class", "type", "scale", "stage", "time", "like", "borne", "launched", "capable", "powered",
    "tipped", "up", "off", "in", "on", "out", "down", "back", "over", "free", "wide", "day", "week", "month",
    "hour", "minute", "kilometre", "kilometer", "mile", "ton", "tonne", "axle", "wheeled", "sea", "air",
    "ground", "ship", "surface", "orbit", "space", "nuclear", "ballistic", "cruise", "speed", "altitude",
    "trajectory", "angle", "state", "standing", "looking", "minded", "making", "related", "owned",
})  # fmt: skip
_COMPOUND_STARTS = frozenset({
    "short", "medium", "long", "intermediate", "mid", "close", "solid", "liquid", "multi", "non", "anti", "self",
    "cross", "well", "high", "low", "near", "so", "first", "second", "third", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "all", "half", "full", "sea", "air", "ground", "ship", "submarine", "rail",
})  # fmt: skip


def _hyphens(text: str) -> list[Piece]:
    """'trajec-\\ntory' → 'trajectory'; 'short-\\nrange' → 'short-range' (either the text writes the word whole
    or with its hyphen elsewhere, or a compound's known half says which)."""
    if "-\n" not in text and "-\r\n" not in text and "\u00ad" not in text and not re.search(r"-[ \t]+\r?\n", text):
        return []
    pieces: list[Piece] = []
    lowered = text.lower()
    for m in _HYPHENATED.finditer(text):
        head, tail = m.group(1), m.group(3)
        whole, joined = f"{head}{tail}".lower(), f"{head}-{tail}".lower()
        rest = lowered[: m.start()] + lowered[m.end():]
        if re.search(rf"(?<![\w-]){re.escape(whole)}\b", rest):
            keep = False
        elif re.search(rf"\b{re.escape(joined)}\b", lowered):
            keep = True
        else:
            tail_written = re.search(rf"(?<![\w-]){re.escape(tail)}\b", rest) is not None
            keep = tail in _COMPOUND_ENDS or head.lower() in _COMPOUND_STARTS or (tail_written and len(head) >= 4)
        hyphen_at = m.end(1)
        pieces.append((hyphen_at, m.end(2), "-" if keep else ""))
    return pieces


def draft_on_original(draft: ArticleDraft, mended: Mended) -> ArticleDraft:
    """``draft`` (drafted from ``mended.text``) with every span and offset pointing into the original text."""
    if mended.origin is None:
        return draft
    for feature in draft.features:
        feature.spans = [mended.span(s, e) for s, e in feature.spans]
    for claim in draft.claims:
        claim.spans = [mended.span(s, e) for s, e in claim.spans]
    draft.problems = [(mended.span(at, at + 1)[0], message) for at, message in draft.problems]
    draft.others = [draft_on_original(other, mended) for other in draft.others]
    return draft
