"""Every launch a text tells with a day, sentence by sentence: a word of launching (or a rocket and what it did) and a
calendar day in the same sentence, the day resolved against the document's date, kept apart from whether the
sentence tells a launch that happened (told_as_happened) — not one that is forecast, supposed, denied or wished.

This is the general step under the story-shaped rules (a lead launch, a table, a digest's entries): any launch those
left out, written in any form of sentence, as long as it names its day ("Earlier tries in 2023: 31 May (fell in
Yellow Sea) and 24 Aug", "13 APR 2012 attempt: broke up after L/O", "the first of the series, on April 15, …,
exploded seconds after lift-off"). A story whose opening denies any launch (denies_launch) drafts none."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta

from viewer.ingest.day_years import nearest_year
from viewer.ingest.launch_actors import after_anothers_launch
from viewer.ingest.launch_day_model import launch_day_model
from viewer.ingest.passing import not_a_launch_day
from viewer.ingest.sentences import Sentence
from viewer.ingest.times import DateMention, find_dates

# a word that tells a launch: the verb, the noun, an attempt at one, its lift-off
_LAUNCH_CUE = re.compile(
    r"(?<!\w-)\b(?:(?:test-)?(?:launch(?:ed|es|ing)?|fired|firings?)|test-fire[sd]?|salvos?|attempts?|tries|tried|"
    r"lift(?:ed|s)?[- ]off|liftoff|L/O|blast(?:ed)?\s+off)\b"
    r"(?!\s+(?:pad|site|window|facility|complex|station|vehicle|tubes?|ground|cent(?:er|re)|drill))",
    re.IGNORECASE)
# a rocket or missile and what it did that day: "a Chollima-1 … placed the satellite in orbit", "(fell in Yellow Sea)"
_ROCKET = re.compile(r"\b(?:missiles?|rockets?|projectiles?|ICBMs?|IRBMs?|SRBMs?|SLBMs?|Unha[\w-]*|Chollima[\w-]*|"
                     r"Hwasong[\w-]*|Taepodong[\w-]*|Musudans?|Nodongs?|Rodongs?|Scuds?|KN-\d+|Pukguksong[\w-]*|"
                     r"Kwangmyongsong[\w-]*|Malligyong[\w-]*)\b", re.IGNORECASE)
_DID = re.compile(r"\b(?:flew|fell|splashed|landed|crashed|exploded|blew\s+(?:up|apart)|broke\s+(?:up|apart)|"
                  r"failed|reached\s+orbit|(?:placed|put)\s+(?:\w+\s+){0,3}?in(?:to)?\s+orbit|disintegrated)\b",
                  re.IGNORECASE)

# not a launch that happened: a forecast, a supposition, a denial, a wish, a question
_NOT_HAPPENED = re.compile(
    r"\b(?:will|would|could|might|should|shall|if|unless|whether|may(?=\s+(?:\w+\s+)?(?:launch|fire|conduct|test))|"
    r"plan(?:s|ned|ning)?|expected|scheduled|intends?|intended|aims?\s+to|prepar\w+|ready\s+to|"
    r"notional|hypothetical|scenario|simulated|imagined|war[- ]game|tabletop|"
    r"no\s+(?:launch|missile|rocket)|not\s+(?:launch|fire|test|a\s+(?:launch|missile|rocket))|"
    r"(?:did|does|has|have)\s*n[o']t|never|denied|false|hoax|fake|rumou?r\w*)\b",
    re.IGNORECASE)


# a day listed after another: "from May 28 and June 1", "on 3, 5 and 9 May" (a day of the list: ditto)
_LISTED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:on\s+)?", re.IGNORECASE)


_DIGIT = re.compile(r"\d")


def names_a_launch(text: str, sentence: Sentence) -> bool:
    """Whether the sentence has a word of launching, or names a rocket and what it did."""
    return bool(_LAUNCH_CUE.search(text, sentence.start, sentence.end)) or (
        bool(_ROCKET.search(text, sentence.start, sentence.end)) and bool(_DID.search(text, sentence.start,
                                                                                      sentence.end)))


def names_launching(text: str, sentence: Sentence) -> bool:
    """Whether the sentence has a word of launching itself ('fired', 'lift-off', 'attempt'), not only what a rocket
    did: a clock time there can be the launch's."""
    return bool(_LAUNCH_CUE.search(text, sentence.start, sentence.end))


def told_as_happened(text: str, sentence: Sentence) -> bool:
    """Whether the sentence tells something that happened: not a forecast ('will launch'), a supposition ('if it
    fired'), a war game's notional launch, a denial ('did not launch') or a question."""
    said = text[sentence.start : sentence.end].rstrip()
    return not said.endswith("?") and not _NOT_HAPPENED.search(text, sentence.start, sentence.end)


def _day_written_whole(text: str, mention: DateMention) -> bool:
    return re.search(r"(?:19|20)\d\d", text[mention.start : mention.end]) is not None


# "Earlier tries in 2023: 31 May …": the year the days before it in the sentence are in
# "in this photo released on Nov. 19 by KCNA", "the footage aired on 3 May": the day a picture or a report came out
_RELEASED_ON = re.compile(r"\b(?:released|published|posted|aired|broadcast|carried|distributed|issued|taken|captured|"
                          r"acquired|photographed)\s+(?:\w+\s+){0,2}?(?:on\s+)?$", re.IGNORECASE)
# "one taken on 21 August, three days before the launch": a day told by its distance from the launch is not its day
_DAYS_FROM_LAUNCH = re.compile(r",?\s+(?:(?:a|one|two|three|four|five|six|seven|\d{1,2}|several|a\s+few)\s+)"
                               r"(?:hours?|days?|weeks?)\s+(?:before|after|ahead\s+of)\s+(?:it\b|(?:the|its|that)\s+"
                               r"(?:[\w-]+\s+){0,3}?(?:launch|firing|test|lift-?off)\b)", re.IGNORECASE)
# (not "On April 16, a day after a huge military parade, a missile …": the launch's day, told by another event's)
_IN_YEAR = re.compile(r"\b(?:in|of|during)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-/.]\d)")


def _in_year_named(text: str, sentence: Sentence, mention: DateMention, day: date, dated: date | None
                   ) -> date | None:
    """A yearless day in a sentence that names its year before it ('tries in 2030: 14 March') is in that year; one
    after a day written with its year ('PYONGYANG, Nov. 18, 2022 — … on Nov. 19') in the year nearest that day."""
    named = list(_IN_YEAR.finditer(text, sentence.start, mention.start))
    anchor = date(int(named[-1].group("year")), 7, 1) if named else dated
    if anchor is None:
        return day
    return nearest_year(day, anchor, (0, -1, 1) if not named else (0,))


def candidate_days(text: str, sentence: Sentence, reference: date | None, after: int = 0) -> Iterator[DateMention]:
    """The calendar days written in ``sentence`` (not before offset ``after``) that could be a launch's: resolved, on
    or before ``reference`` (the document's date; a document with none: only days written with their year), a
    yearless day in the year the sentence names before it; not a day that is not a launch's (said, met, planned,
    a picture's, since), nor one listed after such a day."""
    passed_over: DateMention | None = None  # the sentence's last day that is not a launch's
    dated: date | None = None  # the sentence's last day written with its year
    for mention in find_dates(text, max(sentence.start, after), sentence.end, reference, weekdays=False):
        day = mention.value
        if day is not None and not _day_written_whole(text, mention):
            day = _in_year_named(text, sentence, mention, day, dated)
            mention = replace(mention, value=day)
        elif day is not None:
            dated = day
        if day is None or (reference is None and not _day_written_whole(text, mention)):
            continue
        if reference is not None and day > reference:
            continue
        listed = passed_over is not None and _LISTED.fullmatch(text, passed_over.end, mention.start) is not None
        passed_over = None
        if listed or not_a_launch_day(text, mention, sentence.start) or another_things_day(text, mention, sentence):
            passed_over = mention  # "imagery from May 28 and June 1": both days the pictures'
            continue
        yield mention


# "The images of 21 and 26 August bracket the launch", "imagery from 3 May": the pictures' days
_PICTURES_OF = re.compile(r"\b(?:images?|imagery|photos?|photographs?|pictures?|footage|scenes?)\s+(?:of|from|dated)\s+"
                          r"(?:[0-3]?\d(?:st|nd|rd|th)?\s*(?:and|&|,)\s*)?$", re.IGNORECASE)


def another_things_day(text: str, mention: DateMention, sentence: Sentence) -> bool:
    """A day the sentence gives something else: a picture taken or a statement released on it, or told by its
    distance from the launch ('one taken on 21 August, three days before the launch')."""
    before = max(sentence.start, mention.start - 40)
    return bool(_RELEASED_ON.search(text, before, mention.start) or _PICTURES_OF.search(text, before, mention.start)
                or _DAYS_FROM_LAUNCH.match(text, mention.end, sentence.end))


def launch_days(text: str, sentences: Iterable[Sentence], reference: date | None, known: list[date],
                after: int = 0) -> list[tuple[Sentence, DateMention]]:
    """Each launch told with a calendar day in ``sentences`` (candidate_days), one per day, more than a day from
    every launch already drafted (``known``), in a sentence told as happened that names a launch, or whose day the
    learned model (launch_day_model) scores a launch's."""
    model = launch_day_model()
    found: list[tuple[Sentence, DateMention]] = []
    taken = list(known)
    for sentence in sentences:
        if not _DIGIT.search(text, sentence.start, sentence.end):
            continue  # (a calendar day is written with its number)
        named = names_a_launch(text, sentence)
        if (not named and model is None) or not told_as_happened(text, sentence):
            continue
        for mention in candidate_days(text, sentence, reference, after):
            assert mention.value is not None  # candidate_days yields resolved days only
            if any(abs((mention.value - other).days) <= 1 for other in taken):
                continue
            if named or (model is not None and model.is_launch_day(text, sentence, mention)):
                found.append((sentence, mention))
                taken.append(mention.value)
    return found


# "a day after it launched a shorter-range missile", "three days after the North fired a rocket carrying …", "a day
# after Wednesday's record barrage", "three days after Pyongyang's latest attempt to launch a spy satellite": an
# earlier launch, counted back from the launch the sentence tells
_DAYS_AFTER = re.compile(
    r"\b(?P<count>a|one|two|three|four|five|six|\d)\s+days?\s+after\s+(?P<between>(?:[\w'\u2019.-]+\s+){0,5}?)"
    r"(?:(?:test-)?(?:fired|launched)|(?:launch|test-?fire|firing|barrage|salvo|attempt)s?|"
    # "a day after the SRBM off Wonsan": the missile itself, told as flown
    r"(?:SRBM|MRBM|IRBM|ICBM|SLBM|missile|rocket)s?(?!\s+(?:parade|display|factory|base|units?|programm?e?|engine|"
    r"launchers?|sites?|drill|exercise|talks)))\b", re.IGNORECASE)
_FOLLOWED = re.compile(r"\b(?:followed|follows|came\s+after|comes\s+after|following)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r";|,\s+(?:and|but|while|as)\b")
_RELATIVE_HINT = re.compile(r"days?\s+after|follow|c[ao]mes?\s+after", re.IGNORECASE)  # either form, cheaply
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_OTHER_COUNTRY = re.compile(r"\b(?:South\s+Korea|Seoul|Japan|Tokyo|U\.S\.|United\s+States|Washington|China|Russia)\b")


def launch_days_before(text: str, sentences: Iterable[Sentence], lead_day: date | None, known: list[date]
                       ) -> list[tuple[Sentence, DateMention]]:
    """Each earlier launch told by its distance in days from the lead launch ('a day after it launched a
    shorter-range missile'): on that many days before ``lead_day``, when no launch drafted (``known``) is on it or
    next to it; not another country's ('two days after South Korea launched its own satellite')."""
    found: list[tuple[Sentence, DateMention]] = []
    if lead_day is None:
        return found
    taken = list(known)
    hints = [m.start() for m in _RELATIVE_HINT.finditer(text)]
    for sentence in sentences:
        if not any(sentence.start <= at < sentence.end for at in hints) or not told_as_happened(text, sentence):
            continue
        for m in _DAYS_AFTER.finditer(text, sentence.start, sentence.end):
            between = m.group("between")
            if find_dates(text, m.start("between"), m.end("between"), lead_day):
                continue  # "a day after Wednesday's record barrage": the day is named, and read where days are
            if (_OTHER_COUNTRY.search(between) and not re.search(r"\b(?:said|reported|says)\b", between)) or (
                    after_anothers_launch(text, m.start(), m.end())):
                continue  # (and "a day after South's rocket test", launch_actors)
            count = m.group("count").lower()
            day = lead_day - timedelta(days=int(count) if count.isdigit() else _COUNTS[count])
            # (the distance is the story's own: a day before the lead launch is another launch, not the lead's day
            # read in another zone)
            if any(abs((day - other).days) <= (0 if other == lead_day else 1) for other in taken):
                continue
            clause_end = text.find(";", m.end(), sentence.end)  # its own clause: not the lead's direction or site
            own = Sentence(m.start(), sentence.end if clause_end < 0 else clause_end, sentence.paragraph)
            found.append((own, DateMention(m.start(), m.end(), day, day.isoformat())))
            taken.append(day)
        followed = _FOLLOWED.search(text, sentence.start, sentence.end)
        if followed is None or not names_a_launch(text, Sentence(followed.end(), sentence.end, sentence.paragraph)):
            continue
        # "The launch followed a short-range ballistic missile that the North fired … on Thursday morning": a day
        # named after 'followed' (a weekday too, read back from the lead launch's) is the earlier launch's
        for mention in find_dates(text, followed.end(), sentence.end, lead_day):
            earlier = mention.value
            if earlier is None or earlier >= lead_day or not_a_launch_day(text, mention, sentence.start):
                continue
            if any(abs((earlier - other).days) <= (0 if other == lead_day else 1) for other in taken):
                continue
            rest = _CLAUSE_END.search(text, mention.end, sentence.end)  # not "…, and a barrage that … failed"
            found.append((Sentence(followed.start(), rest.start() if rest else sentence.end, sentence.paragraph),
                          mention))
            taken.append(earlier)
    return found

# A story that opens by saying nothing was launched ("No North Korean rocket was launched yesterday", "North Korea
# did not launch a missile") is about a false alarm or a launch that did not happen; what it quotes is not a launch.
_NO_LAUNCH = re.compile(r"\b(?:No\s+(?:[\w-]+\s+){0,3}?(?:rockets?|missiles?|projectiles?|satellites?)\s+"
                        r"(?:was|were|has\s+been|had\s+been)\s+(?:launched|fired)"
                        r"|(?:did\s+not|didn['\u2019]t|never)\s+(?:launch|fire)\s+(?:a|an|any)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:rockets?|missiles?|projectiles?|satellites?)"
                        # a drill's or exercise's report: "No real missile was involved", "said no launch had been
                        # detected"
                        r"|[Nn]o\s+(?:real|actual|live)\s+(?:rockets?|missiles?)\s+(?:was|were)\s+(?:involved|used|"
                        r"fired|launched)|\b[Nn]o\s+(?:actual\s+|real\s+)?launch\s+(?:had|has)\s+been\s+detected)\b")
LEDE_PARAGRAPHS = 6  # masthead, date, headline and deck, then the lede


def denies_launch(text: str, sentences: list[Sentence]) -> bool:
    """The story's opening says no launch took place."""
    return any(_NO_LAUNCH.search(text, s.start, s.end) for s in sentences if s.paragraph < LEDE_PARAGRAPHS)
