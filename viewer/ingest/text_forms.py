"""The same words in another wrapping, read as one text: what a mail client, an editor, a word processor or a web
page adds around a story or puts in place of its plain characters — CR line ends, invisible and no-break spaces,
full-width digits, trailing blanks, a reply's "> " quoting — undone before every finder reads the text.

Each step returns edits (start, end, replacement) in the order of the text, as ``mend`` applies them; an edit never
moves a character it keeps, so a citation found in the result points into the text as given (``Mended.span``)."""

from __future__ import annotations

import re

Piece = tuple[int, int, str | None]  # (start, end, replacement), as in mend

# Characters that only stand in for plain ones: line ends, spaces of other widths, invisible marks, the full-width
# forms of ASCII (a Japanese or Chinese keyboard's digits and colon, U+FF10-FF1A), and a soft hyphen not at a
# line's end (one there marks a word hyphenated over the line end: mend joins it).
_STAND_INS = re.compile(r"\r\n?|[\u200b-\u200d\u2060\ufeff]|\u00ad(?![ \t]*\r?\n)"
                        r"|[\u00a0\u2000-\u200a\u202f\u205f\u3000]|[\uff01-\uff5e]")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def plain_characters(text: str) -> list[Piece]:
    """CRLF and lone CR as "\\n", every space as " ", zero-width marks and soft hyphens gone, full-width ASCII
    forms as ASCII."""
    pieces: list[Piece] = []
    for m in _STAND_INS.finditer(text):
        found = m.group()
        if found == "\r\n":
            pieces.append((m.start(), m.start() + 1, ""))
        elif found == "\r":
            pieces.append((m.start(), m.end(), "\n"))
        elif found in _INVISIBLE:
            pieces.append((m.start(), m.end(), ""))
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


STEPS = (plain_characters, trailing_blanks, reply_quoting)


_FORWARDING = re.compile(
    r"\A\s*(?:-{2,}[ \t]*(?:forwarded message|original message)[ \t]*-{2,}|begin forwarded message:?)[ \t]*\n"
    r"(?P<fields>(?:[ \t]*(?:from|date|sent|subject|to|cc|reply-to)[ \t]*:[^\n]*\n){2,})", re.IGNORECASE)


def forwarding_header_end(text: str) -> int:
    """Where the text under a forwarding mail header begins ("---------- Forwarded message ---------" or
    "Begin forwarded message:" and its From/Date/Subject lines at the top); 0 when the text opens with none."""
    found = _FORWARDING.match(text)
    return found.end() if found else 0
