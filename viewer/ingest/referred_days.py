"""A day a launch sentence refers back to ('that morning', 'that day'): the day the sentences just before it name, as
people tell a story aloud ('Wednesday, January 5th. … a missile was fired that morning at 8:10')."""

from __future__ import annotations

import re
from datetime import date

from viewer.ingest.sentences import Sentence
from viewer.ingest.times import DateMention, find_dates

_THAT_DAY = re.compile(r"\b(?:that|the\s+same)\s+(?P<part>morning|afternoon|evening|night|day)\b", re.IGNORECASE)
BACK_CHARS = 240  # how far before the sentence its day may be named: a sentence or two of the same paragraph


def referred_day(text: str, sentence: Sentence, header_end: int, reference: date | None) -> list[DateMention]:
    """The day 'that morning' in ``sentence`` refers back to, as a mention spanning those words: the last day named
    in the same paragraph before the sentence (past the header); none when the sentence names no such day."""
    said = _THAT_DAY.search(text, sentence.start, sentence.end)
    if said is None:
        return []
    paragraph = max(text.rfind("\n\n", 0, sentence.start), text.rfind("\r\n\r\n", 0, sentence.start))
    start = max(header_end, paragraph + 1, sentence.start - BACK_CHARS)
    days = [d for d in find_dates(text, start, sentence.start, reference) if d.value is not None]
    if not days:
        return []
    part = said.group("part").lower()
    return [DateMention(said.start(), said.end(), days[-1].value, days[-1].label, None if part == "day" else part)]
