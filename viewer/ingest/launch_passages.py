"""Passages of a document of several launches that name one of them by its day ('The 4 October event stands apart.
The missile … flew east over northern Japan; … J-Alert warnings for Hokkaido …', 'In the 10 September event one of
the two projectiles …'): the paragraph is about that launch, and what it tells goes to it."""

from __future__ import annotations

import re
from datetime import date

from viewer.ingest.sentences import Sentence
from viewer.ingest.times import find_dates

# "The 4 October event", "the 6 August launch", "In the 25 September shot": a launch named by its day
_NAMED_AFTER_DAY = re.compile(r"\s+(?:event|launch|shot|firing|test|flight|salvo|missile|rocket|overflight)\b",
                              re.IGNORECASE)
_THE_BEFORE = re.compile(r"(?:^|\b(?:[Ii]n|[Oo]n|[Ff]or|[Dd]uring|[Aa]fter)\s+)[Tt]he\s+$")
OPENING_CHARS = 30  # the day-named launch opens the paragraph's first sentence
# "the 4 October J-Alert still reached residents …": the alert of the launch of that day, told anywhere
_ALERT_AFTER_DAY = re.compile(r"\s+(?:J-?Alert|alerts?|warnings?|sirens?)\b", re.IGNORECASE)


_ALERT_RECORD = re.compile(r"\bJ-?Alert\s+(?:record|log|archive|data)\b", re.IGNORECASE)


def launch_named_by_day(text: str, sentence: Sentence, reference: date | None) -> date | None:
    """The day of the launch the sentence opens by naming ('The 4 October event …'), if it does."""
    for mention in find_dates(text, sentence.start, min(sentence.end, sentence.start + OPENING_CHARS + 20), reference,
                              weekdays=False):
        if mention.value is None or mention.start > sentence.start + OPENING_CHARS:
            continue
        if _NAMED_AFTER_DAY.match(text, mention.end) and _THE_BEFORE.search(text[sentence.start : mention.start]):
            return mention.value
    return None


def paragraphs_named_by_day(text: str, sentences: list[Sentence], days: list[date | None], taken: set[Sentence],
                            reference: date | None) -> dict[int, list[Sentence]]:
    """For each launch of ``days`` (by index), the sentences of paragraphs that open by naming it by its day, none of
    them ``taken`` by a launch already; a day two launches share names neither."""
    found: dict[int, list[Sentence]] = {}
    opened: set[int] = set()
    for sentence in sentences:
        if sentence.paragraph in opened or sentence in taken:
            continue
        opened.add(sentence.paragraph)
        day = launch_named_by_day(text, sentence, reference)
        owners = [i for i, d in enumerate(days) if d is not None and d == day]
        if day is None or len(owners) != 1:
            continue
        found.setdefault(owners[0], []).extend(
            s for s in sentences if s.paragraph == sentence.paragraph and s.start >= sentence.start and s not in taken)
    told = {s for own in found.values() for s in own}
    for sentence in (s for s in sentences if s not in taken and s not in told):
        named = {d.value: d for d in find_dates(text, sentence.start, sentence.end, reference, weekdays=False)
                 if d.value}
        # (or a source note on the alert: "Cabinet Secretariat, J-Alert record, 4 October 2022")
        days_alerted = {day for day, d in named.items() if _ALERT_AFTER_DAY.match(text, d.end) and re.search(
            r"\b[Tt]he\s+$", text[max(sentence.start, d.start - 5) : d.start])} or (
            set(named) if len(named) == 1 and _ALERT_RECORD.search(text, sentence.start, sentence.end) else set())
        owners = [i for i, d in enumerate(days) if d is not None and d in days_alerted]
        if len(days_alerted) == 1 and len(owners) == 1:
            found.setdefault(owners[0], []).append(sentence)
    return found
