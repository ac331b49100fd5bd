"""Notes a paper or report cites by number: '… came down inside Japan's exclusive economic zone west of Okushiri
Island.(1)' over '(1) Launch at 14:41 UTC on 28 July 2017 (23:41 in Seoul). …'. What the note says — the day and
time, most often — belongs to the launch the citing sentence tells."""

from __future__ import annotations

import re

from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.sentences import Sentence

# a marker set against the word or stop before it ("Island.(1)", "minutes(2)", "orbit.[3]"), not "(1) " opening a line
_MARKER = re.compile(r"(?<=[\w.,;:)\"\u201d])(?:\((?P<round>\d{1,2})\)|\[(?P<square>\d{1,2})\])")
_NOTE = re.compile(r"[ \t]*(?:\((?P<round>\d{1,2})\)|\[(?P<square>\d{1,2})\])[ \t]+\S")


def _number(m: re.Match[str]) -> str:
    return m.group("round") or m.group("square")


def footnotes(text: str, sentences: list[Sentence]) -> dict[Sentence, list[Sentence]]:
    """Each sentence that cites a note, with the note's sentences (its paragraph, from the line that opens with the
    note's number). A number cited twice, or a note not found after its marker, links nothing."""
    if "(" not in text and "[" not in text:
        return {}
    cited: dict[str, list[tuple[Sentence, int]]] = {}
    for sentence in sentences:
        for m in _MARKER.finditer(text, sentence.start, sentence.end):
            cited.setdefault(_number(m), []).append((sentence, m.start()))
    if not cited:
        return {}
    notes: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        opening = _NOTE.match(text, sentence.start)
        if opening is None or _number(opening) not in cited:
            continue
        number = _number(opening)
        if number in notes or any(at >= sentence.start for _, at in cited[number]):
            continue
        notes[number] = [s for s in sentences if s.paragraph == sentence.paragraph and s.start >= sentence.start]
    return {cited[n][0][0]: own for n, own in notes.items() if len({s for s, _ in cited[n]}) == 1}


def notes_apart(report: LaunchReport, notes: dict[Sentence, list[Sentence]]) -> list[list[Sentence]]:
    """In a paper of several launches each cited to its note, the lead launch keeps its own note's sentences and no
    other's; every other sentence stating a launch that cites a note is a launch of its own, told by that sentence and
    its note (returned, each as its sentences). ``report`` is changed in place."""
    lead = report.anchors[0]
    others = [[anchor, *notes[anchor]] for anchor in report.anchors[1:] if anchor in notes]
    apart = {s for own in others for s in own} | {s for citing, own in notes.items() if citing != lead for s in own}
    mine = [s for s in notes.get(lead, []) if s not in apart]
    report.anchors = [s for s in report.anchors if s not in apart]
    report.related = sorted({*(s for s in report.related if s not in apart), *mine}, key=lambda s: s.start)
    return others
