"""Clock times in a launch's sentences that are not its lift-off: another moment (a message sent, the landing), a
bound ('shortly before 8 a.m.'), a correction's withdrawn figure, a post's own stamp; and the sentence that corrects
an earlier one, whose time wins. Days likewise: a correction's withdrawn day ('fired on Monday, not on Sunday'), the
day of a story or page ('An article on Tuesday about the launch')."""

from __future__ import annotations

import re
from datetime import timedelta

from viewer.ingest.sentences import Sentence
from viewer.ingest.times import TimeMention

# The time of something else than the lift-off, told in a launch sentence: a message or alert sent, a statement
# released, a briefing held, the missile's landing ("before landing at 8:52 a.m.", "splashed down at …"), a window
_ANOTHER_MOMENT = re.compile(r"\b(?:sent|issued|released|published|posted|broadcast|aired|held|briefing|landing|landed|"
                             r"reported|announced|confirmed|warned|alerted|notified|sounded|went\s+(?:out|off)|"
                             # (a notice's window: "The window … opened only at 1500Z that day")
                             r"opened|opens|closed|closes|"
                             r"splashed\s+down|splashing\s+down|came\s+down|coming\s+down|impact\w*|fell|falling)\s+"
                             # (not "announced that at about 7:50 this morning North Korea fired": what was said)
                             r"(?:(?!that\b)[\w-]+\s+){0,3}?(?:at|around|about|shortly\s+after|shortly\s+before|"
                             r"just\s+after)\s+(?:about\s+|around\s+|approximately\s+)?$", re.IGNORECASE)
# "fired … shortly before 8 a.m.", "just before 6 p.m. Eastern": the launch came before that clock time, at a minute
# the words do not give
_BOUND_BEFORE = re.compile(r"\bbefore\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
# "shortly after 10:40 p.m. local time on Tuesday (13:42 GMT)": a bound the launch came after, its minute in brackets
_BOUND_AFTER = re.compile(r"\b(?:shortly|just|soon)\s+after\s+$", re.IGNORECASE)
_EXACT_IN_BRACKETS = re.compile(r"[^()\n]{0,40}?\(\s*(?:[01]?\d|2[0-3])[:.]?[0-5]\d\b")
# A correction's withdrawn figure: "misstated the time of the launch as 3:50 p.m.", "incorrectly gave the time as …"
_CORRECTED = re.compile(r"\b(?:misstated|misreported|incorrectly\s+(?:said|stated|gave|reported)|erroneously\s+"
                        r"(?:said|stated|gave|reported))\b[^.;]*$", re.IGNORECASE)
# "… the launch time was 17:22 KST (= 08:22 UTC), not 16:22": the figure after 'not' is the one withdrawn
_NOT_BEFORE = re.compile(r"(?:,|\brather\s+than|\binstead\s+of)?\s*\bnot\s+(?:at\s+|on\s+)?(?:about\s+|around\s+)?$",
                         re.IGNORECASE)
# A post's or a quoted post's own stamp on a line of its own: "  — @watcher · Feb 18, 2023 · 12:44 AM PST",
# "  (Feb 18, 2023 · 18:52 JST)": when it was posted, not when the missile flew
_POST_STAMP_LINE = re.compile(r"[ \t]*(?:(?:\u2014|\u2013|--?)[ \t]*@[\w.]+[ \t]*[\u00b7|,]|"
                              r"\([^()\n]*\u00b7[^()\n]*\)[ \t]*(?:\r?\n|$))")
# A chat message's own stamp opening its line: "[7:36 AM] Name: …", "[22:14] name: …": when it was written, not when
# the missile flew (a log line's clock, "0020Z 12 May  two missiles were fired", can be the launch's)
_ENTRY_STAMP = re.compile(r"[ \t]*\[(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:[ \t]*[AaPp]\.?[Mm]\.?)?\]")
# A sentence headed as a correction: "CORRECTION to 3/9: the launch time was 17:22 KST", "Correction: …" (not a row's
# "J-Alert corrected")
_CORRECTION = re.compile(r"[^\w\n]{0,6}(?:\d{1,2}/\d{1,2}[ \t]+)?[^\w\n]{0,6}(?:CORRECTION|Correction)[ \t]*(?::|to\b)")
# what a correction withdraws: "Correction: An earlier version of this story gave the launch time as 6:57 a.m."
_GAVE_AS = re.compile(r"\b(?:gave|stated|put|reported|said|had)\s+(?:the\s+)?(?:launch\s+)?time\s+(?:as|at)\s+"
                      r"[\"\u201c]?(?:about\s+|around\s+)?$", re.IGNORECASE)


# The time the missile passed over a place: "passed over Okinawa Prefecture at about 09:39 JST"
_PASSED_OVER = re.compile(r"\b(?:passed|passing|overflew|crossed|crossing|flew|flying)\s+(?:over|above|across)\s+"
                          r"(?:[\w-]+\s+){0,4}?(?:at|around|about)\s+(?:about\s+|around\s+)?$", re.IGNORECASE)


def another_moment(text: str, sentence: Sentence, time: TimeMention) -> bool:
    """'a text message sent at 8:15 a.m.', 'before landing at 8:52 a.m.', 'passed over Okinawa at about 9:39': the
    time of something else."""
    before = max(sentence.start, time.start - 60)
    return _ANOTHER_MOMENT.search(text, max(sentence.start, time.start - 40), time.start) is not None or (
        _PASSED_OVER.search(text, before, time.start) is not None)


def not_the_launchs_time(text: str, sentence: Sentence, time: TimeMention) -> bool:
    if another_moment(text, sentence, time):
        return True
    if _BOUND_BEFORE.search(text, max(sentence.start, time.start - 30), time.start):
        return True  # "shortly before 8 a.m.": a bound the launch came before, not its time
    if _BOUND_AFTER.search(text, max(sentence.start, time.start - 30), time.start) and _EXACT_IN_BRACKETS.match(
            text, time.end, sentence.end):
        return True  # "shortly after 10:40 p.m. local time (13:42 GMT)": the bound, with the minute beside it
    if _CORRECTED.search(text, max(sentence.start, time.start - 80), time.start):
        return True  # "An earlier version misstated the time of the launch as 3:50 p.m.": the wrong one
    if _NOT_BEFORE.search(text, max(sentence.start, time.start - 30), time.start):
        return True  # "17:22 KST, not 16:22"
    if corrects(text, sentence) and _GAVE_AS.search(text, max(sentence.start, time.start - 60), time.start):
        return True  # "Correction: An earlier version gave the launch time as 6:57 a.m."
    line = text.rfind("\n", 0, time.start) + 1
    stamp = _ENTRY_STAMP.match(text, line)
    if stamp is not None and stamp.end() >= time.end:
        return True  # "[7:36 AM] Name: launched around 7:22": the message's time, not the launch's
    return _POST_STAMP_LINE.match(text, line) is not None


# A log line's own clock opening it: "2214Z  FLASH: North Korea fired …", "0531L  Pager: …"
_LOG_CLOCK = re.compile(r"[ \t]*(?:[01]\d|2[0-3])[0-5]\d[ZL]?(?=[ \t])")


def log_clock(text: str, time: TimeMention) -> bool:
    """Whether the time is the clock opening a log's line ('2214Z  FLASH: … fired 2 x SRBM'): when the entry was
    written, which is the launch's only when the log gives no other ('launches detected at 2211Z' ranks first)."""
    line = text.rfind("\n", 0, time.start) + 1
    stamp = _LOG_CLOCK.match(text, line)
    return stamp is not None and stamp.end() >= time.end


def corrects(text: str, sentence: Sentence) -> bool:
    """Whether the sentence says it corrects an earlier one (its time wins over the earlier sentence's): headed as a
    correction, or setting one clock time against another ('JCS says 7:23, not 7:22')."""
    return _CORRECTION.match(text, sentence.start, sentence.end) is not None or _CLOCK_NOT_CLOCK.search(
        text, sentence.start, sentence.end) is not None


_CLOCK_NOT_CLOCK = re.compile(r"\b(?P<hour>[01]?\d|2[0-3])[:.]?(?P<minute>[0-5]\d)"
                              r"(?:[ \t]*(?:[ap]\.?m\.?|[A-Z]{1,4}))?,?[ \t]+not[ \t]+(?:at[ \t]+)?"
                              r"(?P<was_hour>[01]?\d|2[0-3])[:.]?(?P<was_minute>[0-5]\d)\b")


# (a correction of another moment's clock: "the alert went out at 7:25, not 7:22")
_OTHER_EVENT = re.compile(r"\b(?:alert\w*|warning|sirens?|land\w*|fell|splash\w*|impact|statement|briefing|"
                          r"announc\w*)\b", re.IGNORECASE)


def corrected_clock(text: str, time: TimeMention) -> timedelta:
    """How far a later line moves the launch's clock, when it sets another against it as written ('JCS says 7:23,
    not 7:22' after 'launched around 7:22'): the correction's minus the withdrawn one; zero when none does."""
    for m in _CLOCK_NOT_CLOCK.finditer(text, time.end):
        was = (int(m.group("was_hour")), int(m.group("was_minute")))
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if was in ((time.hour, time.minute), (time.hour % 12, time.minute)) and not _OTHER_EVENT.search(line):
            minutes = int(m.group("hour")) * 60 + int(m.group("minute")) - (was[0] * 60 + was[1])
            if abs(minutes) <= 90:  # a mistyped minute or hour, not another event's time
                return timedelta(minutes=minutes)
    return timedelta()


# "An article on Tuesday about North Korea's latest missile launch", "a story published on Monday", "Wednesday's
# business page": the day a story ran, not the launch's
_STORYS_DAY = re.compile(r"\b(?:article|story|report|headline|caption|column|piece|editorial|post|page|edition|"
                         r"broadcast)\s+(?:(?:published|posted|run|printed|aired)\s+)?(?:on|of)\s+(?:the\s+)?$",
                         re.IGNORECASE)


# "The launches come a day after Wednesday's record barrage": the day counted from, another day than the launch's
_COUNTED_FROM = re.compile(r"\b(?:a|one|two|three|several|\d+)\s+(?:days?|weeks?)\s+(?:after|before)\s+(?:the\s+)?$",
                           re.IGNORECASE)


def not_the_launchs_day(text: str, start: int, at: int) -> bool:
    """The day written at ``at`` is withdrawn ('not on Sunday'), a story's ('An article on Tuesday') or the one a
    count of days runs from ('a day after Wednesday's barrage')."""
    before = max(start, at - 40)
    return bool(_NOT_BEFORE.search(text, before, at) or _STORYS_DAY.search(text, before, at)
                or _COUNTED_FROM.search(text, before, at))
