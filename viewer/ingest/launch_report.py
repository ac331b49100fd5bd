"""A reported launch and what it is: its sentences (LaunchReport), the kind of launch, vehicle and payload they name
(describe), and whether it put, or tried to put, a satellite in space (space_of)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.ingest.sentences import Sentence

SPACE_WORDS = re.compile(r"\b(?:satellites?|space rocket|space launch|into space|into orbit|orbit\w*|Unha|Chollima|"
                         r"Kwangmyongsong|Malligyong|carrier rocket|launch vehicle|spy satellite)\b", re.IGNORECASE)
_VEHICLE = re.compile(r"\b(?:Unha(?:-\d)?|Chollima-1|Hwasong-\d+\w*|Pukguksong-\d\w*|Taepodong-\d|Nodong|Rodong|"
                      r"KN-\d+|Hwasal-\d|Pulhwasal-\d+|Haeil(?:-\d)?)\b")
# What kind of launch: named in the report so a ballistic-missile test is drafted as one, not as "a launch".
_CLASSES = [
    ("ICBM", re.compile(r"\b(?:ICBMs?|intercontinental(?:-range)? ballistic missiles?)\b", re.IGNORECASE)),
    ("SLBM", re.compile(r"\b(?:SLBMs?|submarine-launched (?:ballistic )?missiles?)\b", re.IGNORECASE)),
    ("IRBM", re.compile(r"\b(?:IRBMs?|intermediate-range (?:ballistic )?missiles?)\b", re.IGNORECASE)),
    ("SRBM", re.compile(r"\b(?:SRBMs?|short-range ballistic missiles?)\b", re.IGNORECASE)),
    ("cruise missile", re.compile(r"\bcruise missiles?\b", re.IGNORECASE)),
    ("ballistic missile", re.compile(r"\bballistic missiles?\b", re.IGNORECASE)),
]
_PAYLOAD = re.compile(r"\b(?:Kwangmyongsong-\d|Malligyong-\d)\b")


@dataclass
class LaunchReport:
    """The sentences of an article that report one launch. ``anchors`` state it happened; ``related`` also
    mention it (where times, places and outcomes are looked for)."""

    anchors: list[Sentence]
    related: list[Sentence]
    space: bool  # a satellite launch rather than a missile test
    vehicle: str | None = None
    payload: str | None = None
    vehicle_span: tuple[int, int] | None = None
    vehicle_class: str | None = None  # "ICBM", "SLBM", "cruise missile", … or "satellite launch vehicle"
    class_span: tuple[int, int] | None = None
    notes: list[str] = field(default_factory=list)
    listed: list[Sentence] = field(default_factory=list)  # a timeline's rows: other launches, not this one's dates
    rows: list[Sentence] = field(default_factory=list)  # every row of a timeline or table (launch_nouns.launch_row)

# A missile by its kind or name: a launch told as one is a missile test, though the story around it is of a satellite
_MISSILE = re.compile(r"\b(?:missiles?|ICBMs?|IRBMs?|SRBMs?|SLBMs?|Taepodong-?\d?|Hwasong-\d+\w*|Rodong|Nodong|Musudan|"
                      r"Pukguksong-\d\w*|KN-\d+)\b(?!-?ri)", re.IGNORECASE)


def space_of(text: str, own: list[Sentence], story_space: bool) -> bool:
    """Whether another launch a story tells (in its ``own`` sentences) was a satellite launch: its own words say so,
    or, when they name neither a satellite nor a missile, the story's launch was one. 'A missile fired on April 29'
    in a story whose missile climbed 'into space' is no satellite launch."""
    words = " ".join(text[s.start : s.end] for s in own)
    if SPACE_WORDS.search(words):
        return True
    return story_space and not _MISSILE.search(words)

# where a sentence that lists launches of different kinds passes from one to the next: "the launch on 21 November of a
# … satellite …, and the ICBM launches of 13 April and 12 July"
_CLAUSE_BREAK = re.compile(r";\s*|,\s+(?:and|while|but|as\s+well\s+as)\s+(?=the\b|its\b|an?\b)", re.IGNORECASE)


def clause_around(text: str, sentence: Sentence, at: int) -> Sentence:
    """The clause of ``sentence`` that offset ``at`` lies in."""
    start, end = sentence.start, sentence.end
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return Sentence(start, end, sentence.paragraph)


_ROCKET = re.compile(r"\brockets?\b", re.IGNORECASE)


def lead_space(text: str, lead: list[Sentence], story_space: bool) -> bool:
    """Whether the lead launch was a satellite launch: not when its own sentence names a missile and neither a rocket
    nor a satellite ("North Korea's launch on 18 December of an intercontinental-range ballistic missile", in a
    statement that goes on to a satellite launch; a J-Alert's "missile launched" though it carried a satellite, its
    site then the one it states); else as the story says ("their latest rocket launch … will eventually lead to a
    long-range missile launch" stays a satellite launch)."""
    words = " ".join(text[s.start : s.end] for s in lead)
    if story_space and _MISSILE.search(words) and not SPACE_WORDS.search(words) and not _ROCKET.search(words):
        return False
    return story_space


def describe(text: str, report: LaunchReport, whole_text: bool = True) -> LaunchReport:
    """Name the report's vehicle, payload and kind of launch from its sentences (and, with ``whole_text``, from
    anywhere in the article when its sentences name none)."""
    for label, pattern in _CLASSES:
        found_class = next((m for s in report.anchors for m in [pattern.search(text, s.start, s.end)] if m), None)
        if found_class:
            report.vehicle_class, report.class_span = label, found_class.span()
            break
    if report.vehicle_class is None and report.space:
        report.vehicle_class = "satellite launch vehicle"
    for pattern, attribute in ((_VEHICLE, "vehicle"), (_PAYLOAD, "payload")):
        found = next((m for s in report.related for m in [pattern.search(text, s.start, s.end)] if m), None)
        found = found or (pattern.search(text) if whole_text else None)
        if found:
            setattr(report, attribute, found.group())
            if attribute == "vehicle":
                report.vehicle_span = found.span()
    return report
