"""Days in a launch sentence that are not the launch's: when something was said ('the JCS said on Thursday'), when
another event began or ended ('drills, which began on March 13'), when a picture was taken ('imagery from June 4')."""

from __future__ import annotations

import re

from viewer.ingest.times import DateMention

# "North Korea said Wednesday it had …", "On Monday, North Korea's state media said the missile …": the day of a
# statement, not of the launch it reports
# "warned fishermen and ships on Friday that debris … may have fallen": the day of the warning, not the launch
_SAID_BEFORE = re.compile(r"\b(?:said|says|announced|reported|confirmed|told\s+\w+|claimed|stated|"
                          r"(?:warned|urged|advised|relayed|issued|posted|published)"
                          r"(?:\s+(?!the\s+(?:launch|rocket|missile))\w+){0,3})"
                          r"\s+(?:on\s+)?$",
                          re.IGNORECASE)
# (the subject saying it, not "On Sept. 28, it fired what it claimed was …": a launch on that day; or giving notice
# of a launch or changing its window: "On Monday the North extended its launch window to 29 December"; not a
# timeline's "March 6 - Four extended-range Scuds")
_SAID_AFTER = re.compile(r"[\s,]*(?:(?!(?:fired|launched|test-fired|fires|launches)\b)[\w'\u2019.-]+\s+){0,4}?"
                         r"(?:said|says|reported|announced|claimed|notified|extended|postponed|delayed)\b(?!-)",
                         re.IGNORECASE)
_OPENING = re.compile(r"\s*(?:(?:On|Early|Late|Later)\s+)?", re.IGNORECASE)
PLUPERFECT = re.compile(r"\bhad\s+(?:already\s+|earlier\s+)?(?:been|\w+ed|begun|flown|shown|taken|given|made)\b",
                        re.IGNORECASE)


# Another event's day, the one place this is told (dates of launches and of statements use it alike): "drills, which
# began on March 13", "talks that opened Monday", "… was sworn in as South Korea's president on Wednesday", "the
# summit ended on Friday", "mourning his mother, who died on Tuesday" (a person's day, not the launch's); but "the
# attempt ended on Tuesday night" is the launch's own day
OTHER_EVENT = re.compile(r"(?<!attempt\s)(?<!launch\s)(?<!flight\s)(?<!test\s)"
                         r"\b(?:sworn\s+in|inaugurat\w*|took\s+office|elected|met|visited|arrived|summit|talks|"
                         r"began|begun|begins|started|starts|opened|opens|ended|ends|closed|closes|signed|kicked\s+off|"
                         r"took\s+place|(?:was|were)\s+held|died|passed\s+away|was\s+(?:born|buried))\b[^.;,]{0,40}$",
                         re.IGNORECASE)
OTHER_EVENT_CHARS = 50  # from the event's word to the date: one clause

# the day a picture was taken ("Commercial satellite imagery from June 4 shows … after the failed launch on May 27")
# (not the figure of speech: "It was a different picture on April 13, when …")
_PICTURE_BEFORE = re.compile(r"(?<!different\s)(?<!similar\s)(?<!bigger\s)(?<!mixed\s)(?<!whole\s)(?<!clearer\s)"
                             r"\b(?:imagery|images?|photos?|photographs?|pictures?|footage|video)\s+"
                             r"(?:(?:taken|captured|acquired|collected|dated|shot)\s+)?(?:from|of|on|dated)\s+$",
                             re.IGNORECASE)


# "The federation today called on the governments to …", "Tokyo on Friday urged …": a day right before a statement's
# verb is the statement's
_STATEMENT_RIGHT_AFTER = re.compile(r"\s+(?:(?:also|again|formally|publicly)\s+)?(?:called\s+(?:on|for)|urged|demanded|"
                                    r"condemned|protested|welcomed|warned|said|says|announced|told|asked)\b")


# "cruised underwater … from March 21 to 23", "exercises from 13 to 23 March": the first day of a span, not a launch's
# (an announced window, "between May 31 and June 11", is told apart where launch days are read: launch_when)
_SPAN_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_SPAN_TO = re.compile(r"\s*(?:to|through|until|till|-|\u2013)\s*(?:[A-Z][a-z]{2,8}\.?\s+)?[0-3]?\d\b")


# A launch window moved, and the day it was moved on: "The window was extended to Dec. 29 on Monday", "postponed the
# launch until 22 April": days of the window, not a launch's (a clause runs on past an abbreviation's stop: "Dec. 29")
_WINDOW_MOVED = re.compile(r"\b(?:extended|extends|extending|postponed|postpones|delayed|delays|pushed\s+back|"
                           r"moved|brought\s+forward|shifted)\b(?:[^.;,]|\.(?=\s*\d)){0,40}$", re.IGNORECASE)


# A page's own stamp: "Sheet: launches 2022 (last modified 4 Feb 2022)", "updated on 5 March", "retrieved 2 May"
_PAGE_STAMP_BEFORE = re.compile(r"\b(?:last\s+)?(?:modified|updated|edited|revised|saved|accessed|retrieved)"
                                r"(?:\s+on)?[ \t]*:?[ \t]*$", re.IGNORECASE)
# A day something is planned for: "plans for Friday, when the new tone will sound", "a siren test still on for Friday"
_PLANNED_FOR = re.compile(r"\bfor\s+(?:next\s+|this\s+)?$", re.IGNORECASE)


# A source's day in brackets after its name: "KCNA (23 March) reported that …", "KCNA (19 Dec): Hwasong-18 …"
_SOURCES_DAY = re.compile(r"[ \t]*\)[ \t]*(?::|(?:[\w'\u2019.-]+\s+){0,2}?(?:said|says|reported|reports|announced|"
                          r"claimed|claims|stated|confirmed)\b)", re.IGNORECASE)


def said_day(text: str, mention: DateMention, sentence_start: int) -> bool:
    """Whether the date is the day something was said ('the JCS said on Thursday that …')."""
    return bool(_SAID_BEFORE.search(text, max(sentence_start, mention.start - 40), mention.start))


def statement_day(text: str, mention: DateMention, sentence_start: int) -> bool:
    """Whether the date is when something was said, or when something other than a launch began or ended
    ('exercises, which began on March 13'), or when a picture was taken ('imagery from June 4'), or where a span of
    days starts ('from March 21 to 23'), or a launch window moved and the day it was ('extended to Dec. 29 on
    Monday'), or a day something is planned for ('plans for Friday'), or a page's own stamp ('last modified 4 Feb
    2022'), or a source's in brackets ('KCNA (23 March) reported'), not when the launch happened."""
    before = max(sentence_start, mention.start - 40)
    if (_SAID_BEFORE.search(text, before, mention.start) or _PICTURE_BEFORE.search(text, before, mention.start)
            or _STATEMENT_RIGHT_AFTER.match(text, mention.end)
            or (text[max(0, mention.start - 1) : mention.start] == "(" and _SOURCES_DAY.match(text, mention.end))
            or (_SPAN_FROM.search(text, max(sentence_start, mention.start - 8), mention.start)
                and _SPAN_TO.match(text, mention.end))
            or OTHER_EVENT.search(text, max(sentence_start, mention.start - OTHER_EVENT_CHARS), mention.start)
            or _PAGE_STAMP_BEFORE.search(text, max(sentence_start, mention.start - 25), mention.start)
            or _PLANNED_FOR.search(text, max(sentence_start, mention.start - 12), mention.start)
            or _WINDOW_MOVED.search(text, max(sentence_start, mention.start - OTHER_EVENT_CHARS), mention.start)):
        return True
    # a date opening the sentence and its subject saying something ("On Monday, state media said the missile …"),
    # not a date after the verb ("fired … on Monday night, the military said")
    return bool(_OPENING.fullmatch(text, sentence_start, mention.start)) and bool(
        _SAID_AFTER.match(text, mention.end, mention.end + 50))
