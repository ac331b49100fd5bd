"""Launches drafted from a round-up's rows (a timeline's, a log's, a digest's): the paragraphs each row's launch
takes, and the round-up's opening that counts launches but is no launch of its own."""

from __future__ import annotations

import re

from viewer.ingest.findings import ArticleDraft
from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.launch_tables import in_launch_table
from viewer.ingest.sentences import Sentence
from viewer.ingest.times import find_dates

# "has fired missiles three times this week", "seven launch events in four weeks", "its 12th launch this year"
_COUNTED_LAUNCHES = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|\d{1,2})"
                               r"\s+(?:more\s+)?(?:times|launch(?:es|\s+events|\s+days)?|firings|rounds|tests|salvos|"
                               r"events)\b|\beach\s+time\b|\b(?:all|every|each)\s+(?:the\s+)?launch(?:es)?\b",
                               re.IGNORECASE)


def summary_lead(text: str, draft: ArticleDraft, report: LaunchReport, anchors: list[Sentence],
                 groups: list[tuple[list[Sentence], ArticleDraft]]) -> bool:
    """A round-up's opening ('… fired missiles three times this week', 'All launches below …') over rows that each tell
    a launch: it names no day or time of its own, so it is no launch of its own (it would take the story's date)."""
    rows = sum(1 for own, _ in groups if any(s in report.rows for s in own))
    return rows >= 2 and not any(s in report.rows for s in anchors) and not any(
        c.property in ("date", "time", "time_of_day") for c in draft.claims) and any(
        _COUNTED_LAUNCHES.search(text, s.start, s.end) for s in anchors)


def paragraphs_of_rows(text: str, report: LaunchReport, sentences: list[Sentence],
                       groups: list[tuple[list[Sentence], ArticleDraft]]) -> None:
    """Each launch drafted from a row takes the sentences of that row's paragraph that no other launch has, with a
    sentence there that states a launch but names no day ('13 April — Hwasong-18. The first solid-propellant ICBM
    was launched at 7:23 a.m. …'): the row's launch told in prose, not the story's lead."""
    taken = {s for own, _ in groups for s in own}
    row_paragraphs = {s.paragraph for s in report.rows}
    for own, _ in groups:
        paragraphs = {s.paragraph for s in own if s in report.rows}
        for row in [s for s in own if s in report.rows]:
            paragraphs |= _entry_body(text, row, sentences, row_paragraphs)
        own.extend(s for s in sentences if s.paragraph in paragraphs and s not in taken and (
            s not in report.anchors or not find_dates(text, s.start, s.end, None, weekdays=False)))


ENTRY_PARAGRAPHS = 3


def _entry_body(text: str, row: Sentence, sentences: list[Sentence], row_paragraphs: set[int]) -> set[int]:
    """A log's or digest's entry headed by a row on a line of its own ('2023-08-23 1850Z — Chollima-1 (second
    attempt)'): the paragraphs of prose under it, up to the next row or a heading ('NOTES')."""
    if any(s.paragraph == row.paragraph and s != row for s in sentences) or in_launch_table(text, row.start):
        return set()  # a row inside prose or a table row with notes: its own paragraph only (what follows a
        # table of launches is about the table, not its last row)
    body: set[int] = set()
    for number in range(row.paragraph + 1, row.paragraph + 1 + ENTRY_PARAGRAPHS):
        own = [s for s in sentences if s.paragraph == number]
        if not own or number in row_paragraphs or not any(
                text[s.start : s.end].rstrip().endswith((".", "!", "?", "\"", "\u201d")) for s in own):
            break
        body.add(number)
    return body
