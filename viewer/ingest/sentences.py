"""Sentences and paragraphs of an article, as offsets into its text (the offsets citations use)."""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset({
    "u.s", "u.n", "u.k", "mr", "mrs", "ms", "dr", "no", "gen", "lt", "col", "maj", "capt", "sen", "rep",
    "gov", "adm", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m",
    "p.m", "approx", "c", "ca", "vs", "e.g", "i.e", "n", "s", "e", "w", "inc", "corp", "jr", "sr", "st", "mt", "ft",
})  # fmt: skip
# (a note's marker may follow the stop: "… west of Okushiri Island.(1) Four months later …")
_BREAK = re.compile(r"[.!?][\"\u201d\u2019')\]]*(?P<note>\(\d{1,2}\)|\[\d{1,2}\])?\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9])")
_ITEM_NUMBER = re.compile(r"\s*\d{1,2}")
_ITEM_TITLE = re.compile(r"[^\n.!?]{3,80}")  # a title: one short line, no stop
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*\S)")  # a blank line, or a single line break (both occur)


_LINKS_HEADING = re.compile(r"(?i)(?:#+\s*)?(?:related(?:\s+(?:stories|articles|news|coverage|links|reading))?|"
                            r"see\s+also|most\s+(?:read|popular|viewed)|read\s+more|more\s+(?:stories|on\s+this(?:\s+story)?)|"
                            r"recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|also\s+read|trending(?:\s+now)?)"
                            r"\s*:?")
_LIST_ITEM = re.compile(r"\s*(?:[-*\u2022\u00b7]\s|\d{1,2}[.)]\s|\[)")


_OPEN_WORD = re.compile(r"(?i)\b(?:on|at|in|of|to|from|the|a|an|and|or|but|about|around|by|for|with|its|their|"
                        r"than|as|into|after|before|when|that|which|some|off|near|over|across|toward|towards|"
                        r"through|via|within|between|under|onto|this|these|those|his|her|our|is|was|were|are|"
                        r"has|had|have|been|be|not|approximately|roughly|nearly|some|its)$")
_TABLE_ROW = re.compile(r"\s*(?:\||[-*\u2022]\s+\*\*|#)")


_BULLET = re.compile(r"[ \t]*[\u2022*-][ \t]+\S")
_HANGING = re.compile(r"[ \t]{2,}(?![\u2022*-][ \t]|\d{1,2}[.)][ \t])\S")  # the item's next line, indented under it


def _leader(text: str, at: int) -> bool:
    """The full stop at ``at`` ends a run of three or more dots that follows a space (a dot leader, as in "Time
    (UTC) ....... 14:41"), not a word (an ellipsis: "He paused... Then")."""
    first = at
    while first > 0 and text[first - 1] == ".":
        first -= 1
    return at - first >= 2 and first > 0 and text[first - 1] in " \t"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # 0-based


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in order, without the whitespace around them. Line breaks always end a sentence."""
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(_paragraphs(text)):
        cursor = start
        for m in _BREAK.finditer(text, start, end):
            word = re.search(r"([\w.]+)[.!?]?$", text[cursor : m.start() + 1])
            if word and word.group(1).rstrip(".").casefold() in ABBREVIATIONS and text[m.start()] == ".":
                continue
            if _leader(text, m.start()):
                continue  # a record's dot leader: "Outcome ............ Success" is one line
            if _ITEM_NUMBER.fullmatch(text, cursor, m.start()) and _ITEM_TITLE.fullmatch(text, m.end(), end):
                continue  # a numbered heading's number: "1. Launch of 17 December" is one line
            _add(sentences, text, cursor, m.end("note") if m.group("note") else m.start() + 1, number)
            cursor = m.end()
        _add(sentences, text, cursor, end, number)
    return sentences


def _paragraphs(text: str):
    """Lines, or paragraphs: a line wrapped by hand in the middle of a sentence (PDF text, e-mail, notes) goes on
    with the next one."""
    held: tuple[int, int] | None = None
    lines = list(_lines(text))
    width = _wrap_width(text, lines)
    for start, end in lines:
        if held and (_wrapped(text, held, start) or _full(text, held, start, width)):
            held = (held[0], end)
            continue
        if held:
            yield held
        held = (start, end)
    if held:
        yield held


# a row of data, not prose: columns laid out with spaces or tabs ("25 Sep     06:53   Taechon"), or comma-separated
# fields ("2023.05.31,06:27,Chollima-1,Sohae coastal pad": three commas with no space after them)
_ROW = re.compile(r"\S(?: {2,}|\t)\S|,\S(?:[^\n]*?,\S){2}")
WRAPPED_LINES = 3  # lines this close to the longest one: the text was wrapped by hand at that width
WRAP_SLACK = 12


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The width a text was wrapped at by hand (its longest line's), when several lines come close to it."""
    lengths = [len(text[start:end].rstrip()) for start, end in lines if not _ROW.search(text, start, end)]
    width = max(lengths, default=0)
    if width < 50 or sum(length >= width - WRAP_SLACK for length in lengths) < WRAPPED_LINES:
        return None
    return width


def _full(text: str, line: tuple[int, int], next_start: int, width: int | None) -> bool:
    """A line of a hand-wrapped text that breaks mid-sentence before a capital ("… condemn in the strongest terms
    North" / "Korea's launch …"): no closing punctuation, and the next line's first word would not have fitted on
    it."""
    if width is None or "\n" in text[line[1] : next_start].replace("\n", "", 1):
        return False
    last = text[line[0] : line[1]].rstrip()
    after = text.find("\n", next_start)
    if last[-1:] in ".!?:;|\"\u201d)]" or _TABLE_ROW.match(text, line[0]) or _BULLET.match(text, next_start) or (
            _LIST_ITEM.match(text, next_start)) or _ROW.search(last) or _ROW.search(
            text, next_start, len(text) if after < 0 else after):
        return False
    word = re.match(r"[ \t]*(\S+)", text[next_start : next_start + 60])
    return word is not None and len(last) + 1 + len(word.group(1)) > width


def _wrapped(text: str, line: tuple[int, int], next_start: int) -> bool:
    """Whether the line breaks mid-sentence: a long line with no closing punctuation, one line break (not a blank
    line) after it, and the next line going on in lower case or after a word that cannot end a sentence."""
    start, end = line
    if end - start < 50 or "\n" in text[end:next_start].replace("\n", "", 1):
        return False
    last = text[start:end].rstrip()
    head = text[next_start : next_start + 80].lstrip()[:1]  # (an indented next line: its first letter)
    if last.endswith(")") and head.islower() and not _TABLE_ROW.match(text, start):
        return True  # "… at about 0800 local (2300 UTC on 27 JAN)" / "in waters near Sinpo, …"
    if _under_the_entry(text, start, next_start):
        return True  # "20 Oct, 2150Z  JCS: a missile fired from waters near" / "               Shipyard at 06:12 KST"
    if last.count("(") > last.count(")") and not _TABLE_ROW.match(text, start):
        return True  # "… at 7:39 a.m. local time (2239" / "GMT Thursday) from …": a bracket still open
    if _BULLET.match(text, start) and _HANGING.match(text, next_start):
        return True  # "• … 3 November, 07:40 KST, also from the Sunan area:" / "  ROK assessed …": one item
    if last.endswith(";") and head.islower() and not _TABLE_ROW.match(text, start):
        return True  # "… flew east over northern Japan;" / "the Japanese government issued …": one sentence
    if last[-1:] in ".!?:;|\"\u201d)]" or _TABLE_ROW.match(text, start):
        return False
    # (or after a comma: "… fired at dawn on Thursday," / "February 23, from the Kimchaek area …")
    return head.islower() or bool(_OPEN_WORD.search(last)) or last.endswith(",")


def _under_the_entry(text: str, start: int, next_start: int) -> bool:
    """A log's or notes' entry run on under its text, past its stamp: the next line indented to the column where the
    entry's text began after a wide gap, itself prose (no gaps of its own, as a table's next row has)."""
    gap = _ENTRY_GAP.match(text, start)
    after = text.find("\n", next_start)
    line = text[next_start : len(text) if after < 0 else after]
    return gap is not None and len(line) - len(line.lstrip(" ")) == gap.end() - start and not _ROW.search(line)


_ENTRY_GAP = re.compile(r"[^\n]{4,30}?\S {2,}(?=\S)")


def _lines(text: str):
    start, links, blank_before = 0, False, True
    for m in [*_PARAGRAPH.finditer(text), None]:
        end = m.start() if m else len(text)
        line = text[start:end]
        if line.strip():
            if _LINKS_HEADING.fullmatch(line.strip()):
                links = True  # a saved page's "Related stories" / "See also": other stories' headlines, not this one
            # (the heading's list: its items, bulleted or not, on the lines straight under it)
            elif not (links and (_LIST_ITEM.match(line) or not blank_before)):
                links = False
                yield start, end
        if m:
            start = m.end()
            blank_before = m.group().count("\n") > 1


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, paragraph))
