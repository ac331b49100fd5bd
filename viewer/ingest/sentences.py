"""Sentences and paragraphs of an article, as offsets into its text (the offsets citations use)."""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset({
    "u.s", "u.n", "u.k", "mr", "mrs", "ms", "dr", "no", "gen", "lt", "col", "maj", "capt", "sen", "rep",
    "gov", "adm", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m",
    "p.m", "approx", "vs", "e.g", "i.e", "n", "s", "e", "w", "inc", "corp", "jr", "sr", "st", "mt", "ft",
})  # fmt: skip
_BREAK = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*\S)")  # a blank line, or a single line break (both occur)


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
            _add(sentences, text, cursor, m.start() + 1, number)
            cursor = m.end()
        _add(sentences, text, cursor, end, number)
    return sentences


def _paragraphs(text: str):
    start = 0
    for m in _PARAGRAPH.finditer(text):
        if text[start : m.start()].strip():
            yield start, m.start()
        start = m.end()
    if text[start:].strip():
        yield start, len(text)


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, paragraph))
