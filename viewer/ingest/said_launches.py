"""A round-up's earlier launch told as said on its day: 'On Jan. 24, the JCS said the North fired several cruise
missiles over the West Sea at around 7 a.m.', or as what happened on a day that began something else ('The year began
on January 5, when a missile … was fired'). Elsewhere a day opening 'On Monday, state media said …' is when
something was said (statement_days); a sentence that goes on to say the North fired, naming no other day, tells
that day's launch (JCS statements come the day of the launch)."""

from __future__ import annotations

import re
from datetime import date

from viewer.ingest.article import Article
from viewer.ingest.findings import ArticleDraft
from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.launch_when import launch_when
from viewer.ingest.sentences import Sentence
from viewer.ingest.times import DateMention, find_dates

# who said it (a few words), then the launcher and its verb: "the JCS said the North fired", "South Korea's military
# reported that North Korea had launched"
_SAID_FIRED = re.compile(r"\s*,?\s*(?:the\s+)?(?:[\w'\u2019.-]+\s+){1,5}?(?:said|reported|announced)\s+(?:that\s+)?"
                         r"(?:North\s+Korea|the\s+North|Pyongyang|it|the\s+DPRK)\s+(?:had\s+)?(?:fired|launched|"
                         r"test-fired)\b", re.IGNORECASE)
_DAY_OPENS = re.compile(r"\s*(?:On\s+)?", re.IGNORECASE)


# "The year began on January 5, when a missile the North called hypersonic was fired from Jagang": the day of the
# 'when' clause's launch, whatever the clause before it says began or happened on it ("Starts from the 25 July 2019
# launch, when two missiles were fired …")
WHEN_FIRED = re.compile(r"(?:\s+(?:launch|test|test-launch|firing))?\s*,?\s*when\s+"
                        r"(?:[\w'\"\u201c\u201d-]+\s+){0,8}?(?:was\s+|were\s+)?(?:fired|launched|test-fired)\b",
                        re.IGNORECASE)


def said_that_day(text: str, mention: DateMention, sentence: Sentence, days: list[DateMention]) -> bool:
    """``mention`` opens the sentence, then who said that the North fired, and the sentence names no other day."""
    return len(days) == 1 and bool(_DAY_OPENS.fullmatch(text, sentence.start, mention.start)) and bool(
        _SAID_FIRED.match(text, mention.end, sentence.end))


def with_said_day(sentence: Sentence, other: ArticleDraft, article: Article) -> ArticleDraft:
    """Another launch drafted from a sentence that tells it as said on its day, or on the day of its 'when' clause:
    that day and the time the sentence gives it, when its draft read no day in the sentence (its date, if any, the
    lead launch's)."""
    text = article.text
    if any(c.property == "date" and c.spans and sentence.start <= c.spans[0][0] < sentence.end for c in other.claims):
        return other
    days = find_dates(text, sentence.start, sentence.end, article.published)
    if not days or days[0].value is None or not (said_that_day(text, days[0], sentence, days) or (
            len(days) == 1 and WHEN_FIRED.match(text, days[0].end, sentence.end))):
        return other
    return on_day(other, [sentence], article, days[0].value)


def on_day(other: ArticleDraft, own: list[Sentence], article: Article, day: date) -> ArticleDraft:
    """``other`` dated ``day``, with the time its ``own`` sentences give it on that day (none if they give none)."""
    when = ArticleDraft(name=other.name, space=other.space)  # its day and time, read with the day given
    launch_when(when, article.text, LaunchReport(own, own, other.space), article, day)
    other.date, other.time = day, when.time if when.date == day else None
    other.claims = [c for c in other.claims if c.property not in ("date", "time", "time_of_day")] + [
        c for c in when.claims if c.property in ("date", "time", "time_of_day")]
    return other
