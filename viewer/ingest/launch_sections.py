"""A document with a heading per launch: a research notebook's '## 11 Jan — "hypersonic missile"', '## 17 Jan — two
SRBMs from the airport'. Each heading that opens with a day, over a section that tells of a missile or rocket, heads
one launch; the section's lines are about it."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.sentences import Sentence
from viewer.ingest.times import find_dates

_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(?P<title>\S[^\n]*)$", re.MULTILINE)
# (or a timeline's entry head on a line of its own, prose under it: "March 6 - Four extended-range Scuds")
_LINE_HEADING = re.compile(r"^(?P<title>[A-Z0-9][^\n]{4,80}?)[ \t]*\r?$(?=\n[ \t]*\S)", re.MULTILINE)
_AFTER_DAY = re.compile(r"[ \t]*(?:[-\u2013\u2014:|][ \t]*)[A-Za-z\"\u201c]")  # "— Hwasong-12", ": Failure at …"
_LAUNCH_OF = re.compile(r"(?:\d{1,2}[.)][ \t]+)?(?:(?:the|first|second|third)[ \t]+)?(?:launch|firing|test)[ \t]+"
                        r"(?:of|on)[ \t]+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?,;:]\s*$")
_LAUNCH_WORDS = re.compile(r"\b(?:missiles?|rockets?|projectiles?|ICBMs?|IRBMs?|SRBMs?|SLBMs?|satellites?|launch\w*|"
                           r"fired|Hwasong|Pukguksong|KN-\d+|Chollima|Unha)\b", re.IGNORECASE)
DAY_AT_TITLE_START = 3  # the day opens the heading's title ("11 Jan — …", "Jan 11: …")
MIN_SECTIONS = 2  # one dated heading is a story's headline; two or more head launches


@dataclass(frozen=True)
class LaunchSection:
    heading: tuple[int, int]  # the heading line
    end: int  # where the next heading begins (or the text ends)
    day: date | None


@functools.lru_cache(maxsize=64)
def launch_sections(text: str, reference: date | None) -> tuple[LaunchSection, ...]:
    """The sections of ``text`` headed by a day that tell of a launch, when there are at least two."""
    marked = list(_HEADING.finditer(text))
    headings = marked or [m for m in _LINE_HEADING.finditer(text) if not _SENTENCE_END.search(m.group("title"))]
    found = []
    for i, m in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        title = m.start("title")
        named = _LAUNCH_OF.match(text, title, m.end("title"))  # "1. Launch of 17 December", alone on its line
        opening = named.end() if named else title
        days = [d for d in find_dates(text, opening, m.end("title"), reference, weekdays=False)
                if d.start <= opening + DAY_AT_TITLE_START]
        if not days or not _LAUNCH_WORDS.search(text, title, end) or not (
                marked or _AFTER_DAY.match(text, days[0].end) or (named and days[0].end == m.end("title"))):
            continue
        line = m.start() + len(m.group()) - len(m.group().lstrip())
        found.append(LaunchSection((line, m.end("title")), end, days[0].value))
    return tuple(found) if len(found) >= MIN_SECTIONS else ()


def heading_rows(text: str, sentences: list[Sentence], reference: date | None) -> list[Sentence]:
    """The sentences that are the headings of launch sections."""
    starts = {s.heading[0] for s in launch_sections(text, reference)}
    return [s for s in sentences if s.start in starts]


def section_sentences(text: str, heading: Sentence, sentences: list[Sentence], reference: date | None
                      ) -> list[Sentence]:
    """The sentences of the section ``heading`` heads (itself left out)."""
    section = next((s for s in launch_sections(text, reference) if s.heading[0] == heading.start), None)
    if section is None:
        return []
    return [s for s in sentences if section.heading[1] <= s.start < section.end]


def heads_a_section(text: str, sentence: Sentence, reference: date | None) -> bool:
    """Whether ``sentence`` is the heading of a launch section (each a launch of its own, a day apart or not)."""
    return any(s.heading[0] == sentence.start for s in launch_sections(text, reference))


def heads_section_of(text: str, heading: Sentence, at: int, reference: date | None) -> bool:
    """Whether ``heading`` heads the launch section that offset ``at`` lies in (the lead launch's own heading)."""
    return any(s.heading[0] == heading.start and s.heading[0] <= at < s.end for s in launch_sections(text, reference))


def within_own_section(text: str, report: LaunchReport, reference: date | None) -> LaunchReport:
    """The lead launch told under a heading of its own: its sentences are those of its section and of no other launch's
    (the headings themselves stay, each a launch of its own)."""
    sections = launch_sections(text, reference)
    lead = report.anchors[0].start
    mine = next((s for s in sections if s.heading[0] <= lead < s.end), None)
    if mine is None:
        return report

    def elsewhere(sentence: Sentence) -> bool:
        if not any(s.heading[0] <= sentence.start < s.end for s in sections):
            # outside every section, a sentence naming another day is not this launch's ("Subject: Two … launches,
            # 17-18 December 2023" over a section per launch)
            return any(d.value not in (None, mine.day) for d in find_dates(
                text, sentence.start, sentence.end, reference, weekdays=False))
        return any(s is not mine and s.heading[1] <= sentence.start < s.end for s in sections)
    report.related = [s for s in report.related if s in report.rows or not elsewhere(s)]
    report.anchors = [s for s in report.anchors if not elsewhere(s)]
    return report
