"""A story of more than one launch: sentences that may state another launch — dated ('On June 26, the North
fired …', 'Tuesday's launch of two missiles from …') or told missile by missile ('The second was fired … at
5:15 a.m.') — and the test that they do: another day, or another time of the same day."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from viewer.geo import geodesic
from viewer.ingest.findings import ArticleDraft
from viewer.ingest.launch_mentions import another_things_day
from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.passing import not_a_launch_day
from viewer.ingest.said_launches import said_that_day
from viewer.ingest.sentences import Sentence
from viewer.ingest.statement_days import PLUPERFECT
from viewer.ingest.times import find_dates, find_times

# "The second missile was launched …", "the first of them at about 3:30 a.m.", "The second was fired …"
# "The second, fired from the same area at 8:05am, …", "The second left eleven minutes after the first"
ORDINAL = re.compile(r"\b[Tt]he\s+(?:first|second|third|fourth|other)\s*(?:(?:missile|rocket|projectile|one)s?\b|"
                      r"of\s+them\b|(?:was|were|flew|left|followed|rose|soared|lifted|took)\b|,)")
# "another ballistic missile was fired at 10:47 a.m.", "A second launch … at 10:47": a missile of its own, told with
# its own time (a live blog's later entry), as "The second was fired …" is
# ("North Korea also fired two short-range ballistic missiles from the Kaechon area at around 8:39 a.m.")
# ("fired three more short-range ballistic missiles … at 21:35", "Two short-range ballistic missiles followed at 08:39")
_ANOTHER_TIMED = re.compile(r"\b(?:[Aa]nother|[Aa]\s+(?:second|third|further|fresh))\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:missiles?|rockets?|projectiles?|launch)\b|\balso\s+(?:fired|launched)\b|"
                            r"\b(?:two|three|four|five|six|\d)\s+more\s+(?:[\w-]+\s+){0,3}?(?:missiles|rockets|projectiles)\b|"
                            r"\b(?:missiles|rockets|projectiles)\s+followed\b")
# "fired from the same area": the site of the launch the story leads with
SAME_SITE = re.compile(r"\bfrom\s+the\s+same\s+(?:area|site|place|location|pad|base|launch\s+(?:site|pad)|airfield|"
                       r"airport|facility|station|district|county|city|town|coast)\b", re.IGNORECASE)
APART_HOURS = 3  # two launch times of one day this far apart are two launches ("hours after it fired …")
SALVO_MINUTES = 5  # missiles told one by one, this far apart, are launches of their own
_FROM_NAMED = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z]")
SITES_APART_KM = 40.0  # two launch sites this far apart are two places (Sunan and Kaechon), not one area


# "About an hour later, two short-range missiles were fired from Kaechon", "Hours later it launched another": a
# launch told as coming after the lead one, with missiles of its own (not "Hours later, state media said it …")
_LATER = re.compile(r"\b(?:(?:about|some|nearly|roughly|around|less\s+than|more\s+than|just\s+over)\s+)?"
                    r"(?:an?|one|two|three|four|five|six|several|a\s+few|\d+)\s+hours?\s+(?:later|earlier)\b|"
                    r"\b[Hh]ours\s+(?:later|earlier)\b|"
                    # "Earlier in the day, at about 6:10 a.m., another Musudan …", "later that day"
                    r"\b(?:earlier|later)\s+(?:in\s+the|that|the\s+same)\s+(?:day|morning|evening|night)\b",
                    re.IGNORECASE)
_NEW_MISSILES = re.compile(r"\b(?:another|two|three|four|five|\d+|more|a\s+second|several)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:missiles?|rockets?|projectiles?|ICBMs?|SRBMs?|IRBMs?|SLBMs?|Musudans?|Scuds?|Rodongs?|"
                           r"Nodongs?|Hwasong(?:-\d+\w*)?|KN-\d+)\b", re.IGNORECASE)


# "…from near Wonsan on Wednesday, and the second flew about 400 km toward the East Sea": a clause of the lead sentence
# that tells a later missile of several
_ORDINAL_CLAUSE = re.compile(r"(?:,\s*|;\s*|\s)(?:and\s+|while\s+|but\s+|whereas\s+)?the\s+"
                             r"(?P<n>second|third|fourth|other)\b(?!\s+(?:time|day|week|month|year|stage)\b)",
                             re.IGNORECASE)
_ORDINAL_WORD = re.compile(r"\b[Tt]he\s+(?P<n>second|third|fourth|other)\b")


def ordinal_clause(text: str, sentence: Sentence, ordinal_sentence: Sentence) -> Sentence | None:
    """The clause of ``sentence`` about the missile ``ordinal_sentence`` tells ('The second, fired at 8:05 a.m.,
    …' claims '…, and the second flew about 400 km …' of the lead sentence), as a sentence of its own."""
    told = _ORDINAL_WORD.search(text, ordinal_sentence.start, ordinal_sentence.end)
    if told is None:
        return None
    for m in _ORDINAL_CLAUSE.finditer(text, sentence.start + 1, sentence.end):
        if m.group("n").lower() == told.group("n").lower():
            return Sentence(m.start("n") - 4, sentence.end, sentence.paragraph)  # from "the second"
    return None


def told_later(text: str, sentence: Sentence) -> bool:
    """A sentence stating a launch 'an hour later' than the lead one, of missiles it names anew."""
    return bool(_LATER.search(text, sentence.start, sentence.end)) and bool(
        _NEW_MISSILES.search(text, sentence.start, sentence.end))


# "the first missile to fly over Japan since September 15, 2017": a launch on that day
_FIRST_SINCE = re.compile(r"\bfirst\b[^.;]{0,80}?\b(?:launch\w*|missiles?|rockets?|ICBMs?|tests?|fir\w+|flights?|"
                          r"fly|flew)\b[^.;]{0,60}?\bsince\s+$", re.IGNORECASE)


# "the launch likely responded to a trilateral meeting between … in Cambodia on Sunday": the day of the event named
# last before it, with no launch word between
_OTHER_EVENTS_DAY = re.compile(r"\b(?:meeting|summit|talks|visit|parade|speech|conference|election|anniversary|"
                               r"ceremony)\b(?:(?!\b(?:launch\w*|fir(?:ed|es|ing)|test-fired)\b)[^.;]){0,160}$",
                               re.IGNORECASE)


def candidate_sentences(text: str, report: LaunchReport, sentences: list[Sentence],
                        stamps: list[tuple[int, date]] | None = None) -> list[tuple[Sentence, bool]]:
    """Launch sentences after the lead that carry a date of their own (or stand under another day's heading of
    ``stamps``, as a digest or a live blog heads each day) or tell one missile of several, and any sentence naming
    the day of the last such launch ('the first … since September 15, 2017'): (sentence, told missile by
    missile)."""
    lead = report.anchors[0]

    def heading(sentence: Sentence) -> date | None:
        return next((day for end, day in reversed(stamps or []) if end <= sentence.start), None)
    related = set(report.related)
    found = [(s, False) for s in sentences if "since" in text[s.start : s.end] and s not in related and any(
        d.value and d.label[:4].isdigit() and _FIRST_SINCE.search(text, s.start, d.start)
        for d in find_dates(text, s.start, s.end, None, weekdays=False))]
    for sentence in report.related:
        if sentence.start <= lead.start and (sentence not in report.rows or sentence == lead):
            continue  # (a timeline's row above the lead is a launch of its own)
        if sentence not in report.anchors and sentence not in report.rows and PLUPERFECT.search(
                text, sentence.start, sentence.end):
            continue  # "On Monday, Pyongyang had extended its launch window": what had happened before (a
            # timeline's row is its day's launch: "Sept. 15 — Hwasong-12 from Sunan …, the farthest any missile had
            # flown to that date")
        ordinal = ORDINAL.search(text, sentence.start, sentence.end) is not None or (
            _ANOTHER_TIMED.search(text, sentence.start, sentence.end) is not None
            and bool(find_times(text, sentence.start, sentence.end, "local time")))
        found_days = find_dates(text, sentence.start, sentence.end, None)
        dates = [d for d in found_days
                 if (not not_a_launch_day(text, d, sentence.start) or said_that_day(text, d, sentence, found_days))
                 and not _OTHER_EVENTS_DAY.search(text, sentence.start, d.start)
                 and not another_things_day(text, d, sentence)]
        another_day = sentence in report.anchors and heading(sentence) not in (None, heading(lead))
        # a launch stated with its own clock time and place: another when from another site (is_another_launch)
        timed = sentence in report.anchors and _FROM_NAMED.search(text, sentence.start, sentence.end) is not None and (
            bool(find_times(text, sentence.start, sentence.end, "local time")))
        if ordinal or dates or another_day or timed or (sentence in report.anchors and told_later(text, sentence)):
            found.append((sentence, ordinal))
    return sorted(found, key=lambda pair: pair[0].start)


# "fired two missiles …, the first at 4:29 p.m. and the second at 4:49 p.m.", "three ballistic missiles … at 0600 hrs,
# 0637 hrs and 0642 hrs", "flew 420 km and 270 km respectively": several missiles, each with its own time
_SEVERAL = re.compile(r"\b(?:two|three|four|five|six|[2-9])\s+(?:[\w-]+\s+){0,3}?(?:missiles|rockets|projectiles|ICBMs|"
                      r"SRBMs|IRBMs|SLBMs)\b|\bthe\s+first\b[^;]{0,160}?\b(?:the\s+)?second\b|\brespectively\b|"
                      # "a pair of …", "one at 5:06 a.m. and another at 5:27 a.m."
                      r"\ba\s+(?:pair|couple|volley|salvo|barrage)\s+of\b|\bone\b[^;]{0,80}?\banother\b",
                      re.IGNORECASE)


def times_of_several(text: str, sentence: Sentence, moments: list[tuple[int, datetime]]) -> list[tuple[int, datetime]]:
    """The launch times of several missiles told in one sentence, earliest first: each a launch of its own when the
    sentence counts more than one missile and gives them different times, even a minute apart (the writer told them
    apart; a time and its GMT equivalent, '05:34 (2034 GMT)', are one moment). ``moments`` are (offset, instant) of
    the sentence's times."""
    if not _SEVERAL.search(text, sentence.start, sentence.end):
        return []
    apart: list[tuple[int, datetime]] = []
    for offset, moment in sorted(moments, key=lambda pair: pair[1]):
        if all(abs(moment - other) >= timedelta(minutes=1) for _, other in apart):
            apart.append((offset, moment))
    return apart if len(apart) >= 2 else []


def is_another_launch(other: ArticleDraft, main: ArticleDraft, ordinal: bool) -> bool:
    """Another launch: on a day more than one from the main one's, or at a time of its own — hours apart on
    another date ('late Sunday', then 'Monday morning'), minutes apart for missiles told one by one, or from
    another site (an ICBM from Sunan at 07:40, two SRBMs from Kaechon at 08:39)."""
    if other.date is not None and main.date is not None and abs((other.date - main.date).days) > 1:
        return True
    if other.time is None or main.time is None:
        return False
    apart = abs(other.time - main.time)
    if (ordinal or _sites_apart(other, main)) and apart >= timedelta(minutes=SALVO_MINUTES):
        return True
    return other.date != main.date and apart >= timedelta(hours=APART_HOURS)


def _sites_apart(a: ArticleDraft, b: ArticleDraft) -> bool:
    here, there = a.first("launch_site"), b.first("launch_site")
    return here is not None and there is not None and float(geodesic.inverse(
        here.geometry.x, here.geometry.y, there.geometry.x, there.geometry.y)[0]) > SITES_APART_KM


def same_launch(a: ArticleDraft, b: ArticleDraft) -> bool:
    """Two sentences about one other launch: the same day, and no times an hour apart."""
    if a.date is None or a.date != b.date:
        return False
    return a.time is None or b.time is None or abs(a.time - b.time) < timedelta(hours=1)


# "… a second missile was fired from the same area. It flew only about 120 kilometers. The JCS said the second missile
# showed 'abnormal flight' …": the sentences after one missile's, in its paragraph, that go on about it
_ORDINAL_NAMED = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?P<n>second|third|fourth|fifth)\b")
# "It flew …", "They flew approximately 420 km …", "One Member State assessed that they travelled about 600 km …"
_GOES_ON = re.compile(r"\s*(?:(?:[\w'\u2019-]+\s+){1,5}?(?:said|says|assessed|reported|added|estimated)\s+that\s+)?"
                      r"(?:It|They|it|they|That\s+(?:missile|rocket|one)|Both(?:\s+missiles)?)\b")


def follow_ups(text: str, own: list[Sentence], sentences: list[Sentence], taken: set[Sentence]) -> list[Sentence]:
    """The sentences right after another launch's, in its paragraph, that go on about it ('It flew …', 'They flew
    …', 'the second missile showed …' after 'a second missile was fired …'), up to one that does not."""
    first = own[0]
    named = _ORDINAL_NAMED.search(text, first.start, first.end)
    again = re.compile(rf"\b[Tt]he\s+{named.group('n')}\b") if named else None
    found = []
    for sentence in (s for s in sentences if s.paragraph == first.paragraph and s.start > first.start):
        if sentence in taken or sentence in own:
            break
        if not (_GOES_ON.match(text, sentence.start) or (again and again.search(text, sentence.start, sentence.end))):
            break
        found.append(sentence)
    return found
