"""Launches a statement lists by their days: 'the ballistic missile launches conducted by the DPRK on 9 July, 19 July,
3 August and 24 August 2016', 'the ICBM launches of 13 April and 12 July'. Each day named is a launch of its own;
'launches this year', 'the 2017 tests' name no day and report none."""

from __future__ import annotations

import re

from viewer.ingest.sentences import Sentence
from viewer.ingest.times import find_dates

# the plural noun, owned or counted: "the ballistic missile launches", "North Korea's launches", "these launches"
_LAUNCHES = re.compile(r"\b(?:the|these|those|its|their|[\w-]+['\u2019]s)\s+(?:[\w-]+\s+){0,3}?"
                       r"(?:launches|test-launches|test-firings|firings)\b", re.IGNORECASE)
_DAY = re.compile(r"\d{4}-\d\d-\d\d|[A-Za-z]+\s+\d{1,2}$")  # a day, not a month or a year
# the day after the noun in the same clause, or after who conducted them ("conducted by the Democratic People's
# Republic of Korea on 9 July")
_ON = re.compile(r"\b(?:on|of)\s+")
CLAUSE_CHARS = 90


def dated_launches(text: str, start: int, end: int) -> re.Match[str] | None:
    """The plural launch noun of a sentence (``text[start:end]``) that goes on, in its clause, to name the day or days
    of its launches ('launches … on 9 July, 19 July …'), or None."""
    for noun in _LAUNCHES.finditer(text, start, end):
        clause = re.search(r"[,;:.()]", text[noun.end() : min(end, noun.end() + CLAUSE_CHARS)])
        stop = noun.end() + clause.start() if clause else min(end, noun.end() + CLAUSE_CHARS)
        for on in _ON.finditer(text, noun.end(), stop):
            days = find_dates(text, on.end(), min(end, on.end() + 40), None, weekdays=False)
            if days and days[0].start == on.end() and _DAY.search(days[0].label):
                return noun
    return None


# a feature's scene set by its day: "It was Friday, September 15, 2017."
_SCENE_DAY = re.compile(r"(?:It|That|This)\s+was\s+(?:a\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                        r"Sunday),?\s+)?(?P<day>[^.]{3,30})\.")


def scene_days(text: str, sentences: list[Sentence], lead: list[Sentence], related: list[Sentence]
               ) -> list[Sentence]:
    """``related`` with the sentence that sets the lead's scene by its day, just before it in its paragraph ('It was
    Friday, September 15, 2017. The missile … had left the runway area at Sunan …'): the day is the launch's."""
    for anchor in lead:
        i = sentences.index(anchor) if anchor in sentences else 0
        before = sentences[i - 1] if i > 0 else None
        if before is None or before.paragraph != anchor.paragraph or before in related:
            continue
        scene = _SCENE_DAY.fullmatch(text, before.start, before.end)
        if scene and [d.start for d in find_dates(text, before.start, before.end, None, weekdays=False)] == [
                scene.start("day")]:
            related = sorted([*related, before], key=lambda s: s.start)
    return related
