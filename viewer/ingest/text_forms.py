"""The same words in another wrapping, read as one text: what a mail client, an editor, a word processor or a web
page adds around a story or puts in place of its plain characters — CR line ends, invisible and no-break spaces,
full-width digits, trailing blanks, a reply's "> " quoting — undone before every finder reads the text.

Each step returns edits (start, end, replacement) in the order of the text, as ``mend`` applies them; an edit never
moves a character it keeps, so a citation found in the result points into the text as given (``Mended.span``)."""

from __future__ import annotations

import re
from itertools import pairwise

Piece = tuple[int, int, str | None]  # (start, end, replacement), as in mend

# Characters that only stand in for plain ones: line ends, spaces of other widths, invisible marks, the full-width
# forms of ASCII (a Japanese or Chinese keyboard's digits and colon, U+FF10-FF1A), and a soft hyphen not at a
# line's end (one there marks a word hyphenated over the line end: mend joins it).
_STAND_INS = re.compile(r"\r\n?|[\u200b-\u200d\u2060\ufeff]|\u00ad(?![ \t]*\r?\n)"
                        r"|[\u00a0\u2000-\u200a\u202f\u205f\u3000]|[\uff01-\uff5e]|[\u2018-\u201f]")
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
           "\u201f": '"'}
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def plain_characters(text: str) -> list[Piece]:
    """CRLF and lone CR as "\\n", every space as " ", zero-width marks and soft hyphens gone, full-width ASCII
    forms as ASCII, curly quotes and apostrophes straight."""
    pieces: list[Piece] = []
    for m in _STAND_INS.finditer(text):
        found = m.group()
        if found == "\r\n":
            pieces.append((m.start(), m.start() + 1, ""))
        elif found == "\r":
            pieces.append((m.start(), m.end(), "\n"))
        elif found in _INVISIBLE:
            pieces.append((m.start(), m.end(), ""))
        elif found in _QUOTES:
            pieces.append((m.start(), m.end(), _QUOTES[found]))
        elif "\uff01" <= found <= "\uff5e":
            pieces.append((m.start(), m.end(), chr(ord(found) - 0xFEE0)))
        else:
            pieces.append((m.start(), m.end(), " "))
    return pieces


_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


def trailing_blanks(text: str) -> list[Piece]:
    """Spaces and tabs at the end of a line, gone (an editor's or a mail client's leftovers)."""
    return [(m.start(), m.end(), "") for m in _TRAILING.finditer(text) if m.end() > m.start()]


# A reply's quoting: one or more ">" at a line's start, each followed by a space, another ">" or the line's end
_QUOTING = re.compile(r"^[ \t]*>(?:[ \t]*>)*(?:[ \t]|$)", re.MULTILINE)


def reply_quoting(text: str) -> list[Piece]:
    """The "> " (or ">> ", "> > ") a mail client puts before each line it quotes, gone, when two lines running
    carry it (a single line opening with ">" may be a figure: "> 500 km")."""
    if ">" not in text:
        return []
    marks = list(_QUOTING.finditer(text))
    rows, row, at = [], 0, 0
    for m in marks:  # each mark's line number
        row, at = row + text.count("\n", at, m.start()), m.start()
        rows.append(row)
    quoted = set(rows)
    return [(m.start(), m.end(), "") for m, r in zip(marks, rows, strict=True) if r - 1 in quoted or r + 1 in quoted]


def word_tabs(text: str) -> list[Piece]:
    """Tabs written for spaces (a text whose tabs outnumber its spaces twice over) as spaces; a table's tabs, among
    cells with spaces in them, stay."""
    tabs = text.count("\t")
    if tabs < 8 or tabs < 2 * text.count(" "):
        return []
    return [(m.start(), m.end(), " ") for m in re.finditer("\t", text)]


_FOOT_FURNITURE = re.compile(
    r"(?:read more|related(?: stories| articles| coverage)?|more (?:from|on) [^\n:]{1,40}|most read|recommended"
    r"|you may also like|share this(?: article| story)?|follow us)\b[ \t]*:?"
    r"|[^\n]{0,200}\bcookies?\b[^\n]{0,200}\b(?:agree|consent|accept|privacy|preferences|settings)\b",
    re.IGNORECASE)


def foot_furniture(text: str) -> list[Piece]:
    """A web page's furniture after the story — a cookie notice, "Read more:" links to other stories — gone, so
    the story ends where it ends (its stamp at its foot, its last paragraph last)."""
    paragraphs = list(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text))
    start = None
    for paragraph in reversed(paragraphs):
        if not _FOOT_FURNITURE.match(paragraph.group()):
            break
        start = paragraph.start()
    if start is None or start == 0:
        return []
    end_of_story = len(text[:start].rstrip())
    return [(end_of_story, len(text), "\n")]




_FORWARDING = re.compile(
    r"\A\s*(?:-{2,}[ \t]*(?:forwarded message|original message)[ \t]*-{2,}|begin forwarded message:?)[ \t]*\n"
    r"(?P<fields>(?:[ \t]*(?:from|date|sent|subject|to|cc|reply-to)[ \t]*:[^\n]*\n){2,})", re.IGNORECASE)


def forwarding_header(text: str) -> list[Piece]:
    """A forwarding mail's header at the top ("---------- Forwarded message ---------" or "Begin forwarded
    message:" and its From/Date/Subject lines) gone: the story forwarded starts the text, as it did before it was
    sent on (the mail's date is kept apart: ``forwarding_date``)."""
    found = _FORWARDING.match(text)
    return [(0, found.end(), "")] if found else []


_SENT = re.compile(r"^[ \t]*(?:date|sent)[ \t]*:[ \t]*(?P<date>[^\n]{6,60})", re.IGNORECASE | re.MULTILINE)


def forwarding_date(text: str) -> str | None:
    """The Date (or Sent) line of a forwarding header at the top of ``text``, as written; None without one."""
    for step in (plain_characters, trailing_blanks, reply_quoting, word_tabs):  # (as every finder reads it)
        text = _edited(text, step(text))
    found = _FORWARDING.match(text)
    sent = _SENT.search(found.group("fields")) if found else None
    return sent.group("date").strip() if sent else None


_NOT_PROSE = re.compile(r"\S {3,}\S|\||\t")  # a table's cells, two columns side by side: lines, not wrapped prose
# an item, a numbered point, a time, a year, a "key:" (notes, YAML, JSON)
_STARTS_RECORD = re.compile(r"[ \t]*(?:[-*+\u2022\u00b7\u25e6\u2023>\[(#]|\d+[.)](?:\s|$)|\d{1,2}:\d\d|\d{4}"
                            r"|[A-Za-z][\w .'-]{0,24}:(?:\s|$)|\"[^\"\n]{1,40}\"\s*:)")
_GOES_ON = re.compile(r"[a-z0-9,]$")
_MIN_WIDTH = 40  # a text wrapped narrower than this is a list, not prose


def hard_wraps(text: str) -> list[Piece]:
    """Prose hard-wrapped at a width (a mail client's 60 or 72 columns) read as its paragraphs: a line break
    becomes a space where the next line's first word would not have fitted on the line — the mark of a wrap, not
    of a writer's line — or where a sentence goes on into a lowercase word (a wrap at another width), unless either
    line is a table's or a record's (an item, a time, a "Label:")."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    lengths = sorted(len(line) for line in lines if " " in line.strip())
    width = lengths[(len(lengths) * 19) // 20] if lengths else 0  # the wrap's width: a long word may overrun it
    if width < _MIN_WIDTH:
        return []
    pieces: list[Piece] = []
    at = 0
    for line, following in pairwise(lines):
        at += len(line) + 1
        first = following.split(None, 1)[0] if following.strip() else ""
        wrapped = len(line) + 1 + len(first) > width or (  # a sentence going on: a wrap at another width
            _GOES_ON.search(line) is not None and following.lstrip()[:1].islower())
        if ((first[:1].isalnum() or first[:1] in "\"'") and line.strip() and wrapped and not line.endswith(("-", ":"))
                and not _NOT_PROSE.search(line) and not _NOT_PROSE.search(following)
                and not _STARTS_RECORD.match(following)):
            pieces.append((at - 1, at, " "))
    return pieces if len(pieces) >= 2 else []


def _edited(text: str, pieces: list[Piece]) -> str:
    out, cursor = [], 0
    for start, end, replacement in pieces:
        out.append(text[cursor:start] + (text[start:end] if replacement is None else replacement))
        cursor = end
    return "".join(out) + text[cursor:]


STEPS = (plain_characters, trailing_blanks, reply_quoting, word_tabs, foot_furniture, forwarding_header)
