"""The claims a drafted launch carries from its own sentences: outcome, orbit, EEZ, distance and apogee, each with who
says so — not another day's or another month's launch, nor history."""

from __future__ import annotations

import re
from datetime import date

from viewer.ingest.claims import FoundClaim, attribution, orbit_claims, outcome_claims, settled_outcome
from viewer.ingest.disputed import doubted_success
from viewer.ingest.eez import eez_claims
from viewer.ingest.findings import ArticleDraft, DraftClaim
from viewer.ingest.launch import foreign_launch_sentences
from viewer.ingest.launch_actors import not_the_norths
from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.launch_when import ABOUT_LAUNCH
from viewer.ingest.measures import find_altitudes, find_distances
from viewer.ingest.sentences import Sentence
from viewer.ingest.statement_days import statement_day
from viewer.ingest.times import MONTHS, find_dates, not_ahead

_HISTORY = re.compile(r"\b(?:previous(?:ly)?|last year|(?:months|weeks|years) (?:after|ago|before)|in (?:19|20)\d\d)\b",
                      re.IGNORECASE)



# an orbit claimed that no one else saw: "…into orbit; no one else ever detected it", "a satellite never tracked by
# anyone outside North Korea"
_UNSEEN = re.compile(r"\b(?:no\s+one|nobody|no\s+other\s+(?:country|tracker|observer)s?)\s+(?:else\s+)?(?:has\s+)?"
                     r"(?:ever\s+)?(?:detected|tracked|saw|seen|observed|confirmed)\b|\bnever\s+(?:been\s+)?"
                     r"(?:detected|tracked|observed)\b", re.IGNORECASE)


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence around ``at`` ends (its next full stop, or the text's end)."""
    stop = text.find(". ", at)
    return len(text) if stop == -1 else stop + 1


def _dated_elsewhere(text: str, sentence: Sentence, day: date | None, published: date | None) -> bool:
    """A sentence whose own date is more than a day from the launch's (a statement's day aside)."""
    if day is None:
        return False
    return any(d.value is not None and abs((d.value - day).days) > 1 and not statement_day(text, d, sentence.start)
               for d in (not_ahead(text, m, published) for m in find_dates(text, sentence.start, sentence.end,
                                                                         published or day)))


# the sentence's subject is of a month: "Its rocket in April this year …", "The launch last May …"
_IN_MONTH = re.compile(r"\s*(?:[\w'\u2019-]+\s+){1,4}?(?:in|last)\s+(?P<month>January|February|March|April|May|June|"
                       r"July|August|September|October|November|December)\b(?!\s+\d)")


def _in_another_month(text: str, sentence: Sentence, day: date | None) -> bool:
    """'Its rocket in April this year broke apart shortly after launch' in a story of a December launch: another
    month's launch, whose outcome is not this one's."""
    subject = _IN_MONTH.match(text, sentence.start, sentence.end)
    return day is not None and subject is not None and MONTHS[subject.group("month").lower()] != day.month


# a clause of a month: "A rocket of the same type broke apart about a minute after lift-off in April, …", "An April
# attempt with the same rocket broke apart"
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_CLAUSE_MONTH = re.compile(rf"\b(?:in|last)\s+(?P<month>{_MONTH_NAMES})\b(?!\s+\d)|"
                           rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]hat)\s+(?P<of>{_MONTH_NAMES})\s+(?:attempt|launch|test|flight|rocket|missile|shot|firing)\b")
_CLAUSE_END = re.compile(r"[,;:\u2014]|\s-\s")


def _clause_of_another_month(text: str, sentences: list[Sentence], at: int, day: date | None) -> bool:
    """The outcome word at ``at`` stands in a clause that names another month than the launch's (not in 'the most
    successful so far; earlier tests had ended in failure, including one in July', where July has a clause of its
    own)."""
    sentence = next((s for s in sentences if s.start <= at < s.end), None)
    if day is None or sentence is None:
        return False
    begin = max((m.end() for m in _CLAUSE_END.finditer(text, sentence.start, at)), default=sentence.start)
    end = next((m.start() for m in _CLAUSE_END.finditer(text, at, sentence.end)), sentence.end)
    return any(MONTHS[(m.group("month") or m.group("of")).lower()] != day.month
               for m in _CLAUSE_MONTH.finditer(text, begin, end))


# "came days after a failed satellite launch on Monday night": the outcome of the launch of the day named with it
_OUTCOME_OF_DAY = re.compile(r"\b(?P<word>failed|unsuccessful|aborted|successful)\s+(?:[\w-]+\s+){0,2}?(?:launch|test|"
                             r"attempt|firing|flight)\s+(?:on|of)\s+")


def _dated_outcome(text: str, sentences: list[Sentence], day: date | None, published: date | None
                   ) -> list[FoundClaim]:
    """'a failed satellite launch on Monday night': a failure (or success) told with the day of the launch that had
    it, when that day is this launch's."""
    if day is None:
        return []
    for sentence in sentences:
        for m in _OUTCOME_OF_DAY.finditer(text, sentence.start, sentence.end):
            told = next(iter(find_dates(text, m.end(), sentence.end, published or day)), None)
            if told is not None and told.start == m.end() and told.value == day:
                value = "success" if m.group("word") == "successful" else "failure"
                return [FoundClaim("outcome", value, m.start(), told.end, attribution(text, sentence, m.start()))]
    return []


def add_claims(draft: ArticleDraft, text: str, sentences: list[Sentence], report: LaunchReport,
            published: date | None, lead: bool = False) -> None:
    foreign = foreign_launch_sentences(text, sentences)  # "South Korea fired two missiles; one fell into the sea"
    foreign |= not_the_norths(text, sentences)  # "a Hyunmoo-2 … crashed shortly after launch" (launch_actors)
    rows = {s.paragraph for s in report.rows}  # (a table row's notes: "… North Korea declared it a success.")
    about = [s for s in sentences if (ABOUT_LAUNCH.search(text, s.start, s.end) or s.paragraph in rows) and not (
        _HISTORY.search(text, s.start, s.end)) and s not in foreign]
    current = [s for s in sentences if not _HISTORY.search(text, s.start, s.end)]  # "it did not land within the EEZ"
    # "On 16 March a missile exploded" in a story of the launch of 24 March: that launch's outcome, not this one's
    own_day = [s for s in about if not _dated_elsewhere(text, s, draft.date, published) and not _in_another_month(
        text, s, draft.date)]
    outcomes = [f for f in outcome_claims(text, own_day, draft.space, lead=lead)
                if not _clause_of_another_month(text, own_day, f.start, draft.date)] or _dated_outcome(
        text, sentences, draft.date, published)
    found_claims = outcomes + orbit_claims(text, about) + eez_claims(text, current)
    for found in found_claims:
        draft.claims.append(DraftClaim(found.property, found.value, found.by, [(found.start, found.end)]))
    for sentence in about:
        for distance in find_distances(text, sentence.start, sentence.end):
            if not distance.relative:
                draft.claims.append(DraftClaim("distance_km", round(distance.km, 1), attribution(
                    text, sentence, distance.start), [(distance.start, distance.end)]))
        for start, end, km in find_altitudes(text, sentence.start, sentence.end):
            draft.claims.append(DraftClaim("apogee_km", round(km, 1), attribution(text, sentence, start),
                                           [(start, end)]))
    settled = settled_outcome([(str(c.value), c.by) for c in draft.claims if c.property == "outcome"])
    if settled == "success" and doubted_success(text, sentences, draft.claims):
        settled = None  # the North's claim of success, doubted by another source (disputed.py)
    if settled == "orbit" and all(_UNSEEN.search(text, c.spans[0][0], _sentence_end(text, c.spans[0][1]))
                                  for c in draft.claims if c.property == "outcome" and c.value == "orbit"):
        settled = None  # "North Korea said it had put a satellite … into orbit; no one else ever detected it"
    if settled is not None:
        draft.outcome = settled
