"""Earlier launches a story names in passing with their date ('the Aug. 29 launch, also from Sunan, that flew over
Hokkaido', 'Previous SLBM tests, including one on July 9, ended …', 'The North last launched an SLBM on Aug. 24,
2016'): a newsroom user wants them drafted too, marked as mentioned in passing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from viewer.ingest.sentences import Sentence
from viewer.ingest.statement_days import statement_day
from viewer.ingest.times import DateMention, find_dates

# a launch word: the noun ('the Aug. 29 launch', 'one on July 9' after 'tests'), or a verb of launching
_LAUNCH_WORD = re.compile(r"\b(?:launch(?:es|ed|ing)?|(?:test-)?fir(?:ed|ing)|test-fire|tests?|tested|firings?|"
                          r"lift(?:ed)?\s+off|blast(?:ed)?\s+off|flights?|flew|missiles?|rockets?|ICBMs?|SLBMs?|"
                          # "The first attempt, on April 15, … ended in an explosion"
                          r"IRBMs?|SRBMs?|attempts?|tries)\b", re.IGNORECASE)
# the date belongs to the launch: 'the Aug. 29 launch', '… launch that flew over Hokkaido on Aug. 29', 'including one
# on July 9', 'launched an SLBM on Aug. 24, 2016' (the launch word at most a clause before 'on <date>')
_ON_BEFORE = re.compile(r"\b(?:on|of)\s+$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?:the|its|a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:launch|test(?:-fire)?|firing|flight)\b", re.IGNORECASE)
_VERB_AFTER = re.compile(r",?\s+(?:[\w.'\u2019-]+\s+){0,4}?(?:(?:test-)?(?:launched|fired)|lifted\s+off|blasted\s+off|"
                         r"conducted\s+(?:a|an|its)\s+(?:[\w-]+\s+){0,2}?(?:launch|test))\b", re.IGNORECASE)
# not a launch that happened: a window, a plan, a count since a day, a day something else began, the day a state of
# things held ("no report of the launch as of 7 April")
# "the most recent, on May 31, exploded on its launcher", "on March 3 two Scud-Cs went about 500 km": what the
# rocket did that day, told after the date
_ROCKET = (r"(?:missiles?|rockets?|projectiles?|Scud[\w-]*|Rodongs?|Nodongs?|Musudans?|ICBMs?|IRBMs?|SRBMs?|SLBMs?|"
           r"Hwasong[\w-]*|KN-\d+|Unha[\w-]*|Taepodong[\w-]*|Chollima[\w-]*|Pukguksong[\w-]*)")
# (and "On 12 December 2012 an Unha-3 from Sohae placed an object in orbit", "on April 13, when the previous Unha-3
# blew apart", "the third Chollima-1 from the coastal pad reached orbit": the rocket, where it came from, what it did)
_FLEW_AFTER = re.compile(rf",?\s+(?:(?:[\w.'\u2019-]+\s+){{0,3}}?{_ROCKET}(?:\s+from\s+(?:[\w-]+\s+){{0,3}}?[\w-]+)?\s+"
                         r"(?:went|flew|travell?ed|splashed|landed|exploded|blew\s+(?:up|apart)|broke\s+(?:up|apart)|"
                         r"failed|crashed|rose|lifted\s+off|placed|put|reached\s+orbit|lost|disintegrated)|"
                         r"(?:exploded|blew\s+up|failed|crashed|broke\s+(?:up|apart)))\b", re.IGNORECASE)
# "tried three times before, on Aug. 24, Sept. 10 and Oct. 31": the dates listed after the first are launches too
_LISTED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|,?\s+as\s+well\s+as)\s+(?:on\s+|again\s+on\s+)?$", re.IGNORECASE)
_NOT_A_LAUNCH = re.compile(r"\b(?:between|until|through|by|will|would|could|plans?|planned|scheduled|"
                           r"window|notif\w+|began|begin|started|start|ended|adopted|passed|met|meeting|summit|talks|"
                           r"visit\w*|parades?|as\s+of)\W+(?:[\w.,-]+\W+){0,3}$", re.IGNORECASE)
# a launch still to come: "watching whether the North will conduct another launch around … on the 16th"
_STILL_TO_COME = re.compile(r"\b(?:will|(?-i:may)|might|whether|expected\s+to|likely\s+to|plans?\s+to)\s+"
                            r"(?:[\w-]+\s+){0,3}?(?:conduct|launch|fire|test|test-fire|stage|carry\s+out|attempt)\b",
                            re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_FIRST_SINCE = re.compile(r"\bfirst\b[^;]{0,80}?\bsince\s+$", re.IGNORECASE)
LAUNCH_GAP = 70  # characters from the launch word to 'on <date>': one clause


def passing_mentions(text: str, sentences: Iterable[Sentence], reference: date | None,
                     known: list[date], after: int = 0) -> list[tuple[Sentence, DateMention]]:
    """Each earlier launch named with a calendar date in ``sentences`` (one per day, not before offset ``after``: the
    dateline's), on a day more than one day from every launch already drafted (``known``)."""
    found: list[tuple[Sentence, DateMention]] = []
    for sentence in sentences:
        named: DateMention | None = None  # the last date of the sentence that named a launch
        for mention in find_dates(text, max(sentence.start, after), sentence.end, reference, weekdays=False):
            mention = _last_year(text, mention, reference)
            day = mention.value
            listed = named is not None and _LISTED.fullmatch(text, named.end, mention.start) is not None
            named = None
            if day is None or reference is None or day > reference:
                continue
            if not listed and not_a_launch_day(text, mention, sentence.start):
                continue
            if listed or _names_a_launch(text, sentence, mention):
                named = mention
                if not any(abs((day - other).days) <= 1 for other in [*known, *(m.value for _, m in found
                                                                                   if m.value)]):
                    found.append((sentence, mention))
    return found


# "the January 14 launch last year", "on March 3 last year": the day in the year before the story's
_LAST_YEAR_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?last\s+year\b", re.IGNORECASE)


def _last_year(text: str, mention: DateMention, reference: date | None) -> DateMention:
    written = text[mention.start : mention.end]
    if mention.value is None or re.search(r"(?:19|20)\d\d", written) or not _LAST_YEAR_AFTER.match(text, mention.end):
        return mention
    try:  # (the year before the story's, whatever year the day alone was put in: "Nov. 18 last year" in February)
        year = reference.year - 1 if reference is not None else mention.value.year - 1
        return replace(mention, value=mention.value.replace(year=year))
    except ValueError:  # 29 February
        return mention


# "the 30 March test of a new solid-fuel engine", "an engine test on March 30", "its sixth nuclear test on Sept. 3":
# a test on the ground, not a flight
_GROUND_TEST = re.compile(r"\btest\s+of\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}?(?:engine|motor)\b|"
                          r"\b(?:engine|motor|ground|static|nuclear|underground)\s+(?:[\w-]+\s+)?tests?\b|"
                          r"\btest[- ]stand\b", re.IGNORECASE)


def not_a_launch_day(text: str, mention: DateMention, sentence_start: int) -> bool:
    """A date that is not a launch's day: when something was said, or a window, a plan, a count since it, a day a
    meeting or an exercise began ('The Security Council met on Aug. 29', 'more than 20 missiles since Jan. 1'), a
    test on the ground ('the 30 March test of a new solid-fuel engine')."""
    if _GROUND_TEST.search(text, max(sentence_start, mention.start - 40), mention.end + 50):
        return True
    if _STILL_TO_COME.search(text, sentence_start, mention.start):
        return True  # "whether North Korea will conduct an additional launch around … on the 16th"
    if _SINCE.search(text, max(sentence_start, mention.start - 12), mention.start):
        return not _FIRST_SINCE.search(text, sentence_start, mention.start)  # "the first launch since Aug. 16"
    return statement_day(text, mention, sentence_start) or _NOT_A_LAUNCH.search(
        text, max(sentence_start, mention.start - 40), mention.start) is not None


def _names_a_launch(text: str, sentence: Sentence, mention: DateMention) -> bool:
    """'the Aug. 29 launch', a launch word in the same clause before 'on Aug. 29', or 'on July 4, North Korea
    launched …'."""
    before = text[max(sentence.start, mention.start - 12) : mention.start]
    if _THE_BEFORE.search(before) and _NOUN_AFTER.match(text, mention.end, sentence.end):
        return True
    if not _ON_BEFORE.search(before):
        return False
    if _VERB_AFTER.match(text, mention.end, sentence.end) or _FLEW_AFTER.match(text, mention.end, sentence.end):
        return True  # "on July 4, North Korea launched its first ICBM", "on May 31, exploded on its launcher"
    clause = text[max(sentence.start, mention.start - LAUNCH_GAP) : mention.start]
    clause = re.split(r"[;:]|\bsaid\b|\bwhile\b|\bbut\b", clause)[-1]
    return _LAUNCH_WORD.search(clause) is not None
