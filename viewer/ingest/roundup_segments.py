"""A round-up told in prose, one launch to a sentence or a few ('The year began on January 5, when a missile … was
fired from Jagang … It came down in the sea east of the peninsula.' … 'Then, on March 24, it broke its moratorium.
The missile, launched from Sunan at 2:34 p.m., …'): the story's sentences cut into one run per launch day, each run
opening with the sentence that names its day and going on, in its paragraph, with the sentences about a launch that
name no day of their own. A year in review, an FAQ's answers, a digest's items: each run is a launch of its own, not
a sentence of one lead launch that takes the last day named."""

from __future__ import annotations

import re
from datetime import date, timedelta

from viewer.ingest.article import Article
from viewer.ingest.findings import ArticleDraft
from viewer.ingest.launch_mentions import another_things_day
from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.passing import not_a_launch_day
from viewer.ingest.said_launches import WHEN_FIRED, on_day
from viewer.ingest.sentences import Sentence
from viewer.ingest.times import find_dates

MIN_DAYS = 3  # launch days a round-up names, each opening a run of its own
_DIGIT = re.compile(r"\d")
MIN_PARAGRAPHS = 2  # over which its runs spread (a single paragraph's days are one story's, read as they are)


def _launch_day(text: str, sentence: Sentence, published: date | None) -> date | None:
    """The one day of a launch the sentence names: a resolved calendar day that is not a statement's, a picture's
    or another event's; None when it names none, or more than one (a sentence of two days is the other rules')."""
    days = {d.value for d in find_dates(text, sentence.start, sentence.end, published, weekdays=False)
            if d.value is not None and (not not_a_launch_day(text, d, sentence.start) or WHEN_FIRED.match(
                text, d.end, sentence.end)) and not another_things_day(text, d, sentence)}
    return days.pop() if len(days) == 1 else None


# a day counted from the launch told just before: "Six days later a second test followed", "The next day, …"
_COUNTED = re.compile(r"\s*(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+"
                      r"(?P<way>later|earlier|after(?:wards)?|before)|(?:the\s+)?(?P<next>next|following)\s+day)\b",
                      re.IGNORECASE)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10}
# what the counted day tells happened: a launch ("a second test followed", "another missile was fired")
_FOLLOWED = re.compile(r"\b(?:test|launch|missiles?|rockets?|ICBM|SRBMs?|IRBM)\s+(?:[\w-]+\s+){0,2}?(?:followed|was\s+"
                       r"fired|were\s+fired|was\s+launched|were\s+launched)\b", re.IGNORECASE)


def _counted_day(text: str, sentence: Sentence, before: date) -> date | None:
    """The day a sentence opening with a count of days from the launch told before it names ('Six days later …',
    'The next day …'), or None."""
    m = _COUNTED.match(text, sentence.start, sentence.end)
    if m is None:
        return None
    if m.group("next"):
        return before + timedelta(days=1)
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else _NUMBERS[word]
    back = m.group("way").lower() in ("earlier", "before")
    return before - timedelta(days=n) if back else before + timedelta(days=n)


def with_run_day(runs: list[tuple[date, list[Sentence]]], own: list[Sentence], other: ArticleDraft,
                 article: Article) -> ArticleDraft:
    """A launch drafted from one run (its sentences ``own``), on the run's day when its draft read another or none
    ('Six days later a second test followed': the day counted from the launch before), with the time its sentences
    give it on that day."""
    day = next((day for day, sentences in runs if sentences is own), None)
    return on_day(other, own, article, day) if day is not None and day != other.date else other


def roundup_runs(text: str, sentences: list[Sentence], report: LaunchReport, published: date | None,
                 header_end: int) -> list[tuple[date, list[Sentence]]]:
    """The round-up's runs, one per launch day, in the story's order: empty when the story is no prose round-up (a
    timeline's rows are read as rows; fewer than MIN_DAYS days, or all in one paragraph, are one story's)."""
    if report.rows:
        return []
    told = set(report.related)
    body = [s for s in sentences if s.start >= header_end]
    if len({s.paragraph for s in body if s in told}) < MIN_PARAGRAPHS:
        return []
    digits = {s for s in body if _DIGIT.search(text, s.start, s.end)}  # (a calendar day is written with its number)
    if sum(1 for i, s in enumerate(body) if s in digits and (s in told or (
            i + 1 < len(body) and body[i + 1] in told))) < MIN_DAYS:
        return []  # fewer sentences that could open a run than a round-up has runs: no day looked for (cost)
    days = {s: _launch_day(text, s, published) if s in digits else None for s in body}
    runs: list[tuple[date, list[Sentence]]] = []
    for index, sentence in enumerate(body):
        day = days[sentence]
        after = body[index + 1] if index + 1 < len(body) else None
        # a day told in a sentence of its own, the launch in the next ("Then, on March 24, it broke its moratorium.
        # The missile, launched from Sunan at 2:34 p.m., …"; an FAQ's "A: On October 4, 2022. An IRBM …")
        opens_next = after is not None and after.paragraph == sentence.paragraph and after in told and (
            days[after] is None)
        if day is not None and (sentence in told or opens_next):
            if runs and runs[-1][0] == day and runs[-1][1][-1].paragraph == sentence.paragraph:
                runs[-1][1].append(sentence)  # the same day again in its run's paragraph: the same launch
            else:
                runs.append((day, [sentence]))
        elif day is None and runs and (later := _counted_day(text, sentence, runs[-1][0])) is not None and (
                sentence in told or _FOLLOWED.search(text, sentence.start, sentence.end)):
            runs.append((later, [sentence]))  # "Six days later a second "hypersonic" test followed, …"
        elif day is None and runs and runs[-1][1][-1].paragraph == sentence.paragraph:
            runs[-1][1].append(sentence)  # the run's paragraph goes on about its launch ("Tokyo sent J-Alert
            # warnings to residents of Hokkaido and Aomori"), up to the next day named
    if len({day for day, _ in runs}) < MIN_DAYS or len({own[0].paragraph for _, own in runs}) < MIN_PARAGRAPHS:
        return []
    if len({day for day, _ in runs}) != len(runs):
        return []  # a day named in two places: a story told twice over, not a round-up's one launch per run
    return runs


def lead_of_runs(lead: ArticleDraft, runs: list[tuple[date, list[Sentence]]], others: list[ArticleDraft]
                 ) -> int | None:
    """Which of ``others`` (the runs' launches) stands for the story's lead, drafted from the sentences no run took,
    when the lead is no launch of its own: the run of its day (an explainer's 'fired … on Monday, the third flight',
    told again in its list: '- Third flight, 18 December'), else the first when the lead names no day or time of its
    own (a round-up's opening: 'By any count, 2022 was the busiest year …'); None when the lead is a launch."""
    if not runs or not others:
        return None
    same = next((i for i, other in enumerate(others) if lead.date is not None and other.date == lead.date), None)
    if same is not None and lead.date in {day for day, _ in runs}:
        return same
    return None if any(c.property in ("date", "time", "time_of_day") for c in lead.claims) else 0
