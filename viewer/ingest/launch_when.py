"""When a launch happened: its date and time from the launch sentences, resolved against the article's date (a
dateline, a day heading, the lede), each written claim kept with its words."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from viewer.ingest.article import Article
from viewer.ingest.body_stamps import body_stamps
from viewer.ingest.claims import attribution
from viewer.ingest.datelines import HEAD_CHARS
from viewer.ingest.findings import ArticleDraft, DraftClaim
from viewer.ingest.launch_nouns import launch_row, row_times
from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.launch_tables import in_launch_table
from viewer.ingest.other_moments import (
    another_moment,
    corrected_clock,
    corrects,
    log_clock,
    not_the_launchs_day,
    not_the_launchs_time,
)
from viewer.ingest.quoted import in_quotation_marks
from viewer.ingest.referred_days import referred_day
from viewer.ingest.sentences import Sentence
from viewer.ingest.statement_days import PLUPERFECT, said_day, statement_day
from viewer.ingest.times import (
    KOREAS_DAY,
    WEEKDAY_NAMES,
    DateMention,
    TimeMention,
    announced_windows,
    find_dates,
    find_times,
    not_ahead,
    resolve,
    zone_offset,
)

# A sentence about the launch (where claims are looked for)
ABOUT_LAUNCH = re.compile(r"\b(?:launch\w*|test(?:ed|s)?|rocket|missiles?|satellites?|projectile|fired|object|"
                          r"payload|warhead|ICBM|IRBM|SRBM|SLBM|"
                          # (and a report's "Outcome: failure")
                          r"orbit\w*|flew|travel\w*|altitude|apogee|(?:in|mid)[- ]flight|outcome|"
                          # (a rocket's stage: "admitted that the third stage had failed")
                          r"(?:first|second|third|upper)[- ]stages?|"
                          # (what became of it: "Officials said it appeared to have exploded in the air")
                          r"explod(?:ed|es|ing)|blew\s+up|broke\s+(?:up|apart)|disintegrat(?:ed|ing)|"
                          # (a log's row names the rocket: "2023-08-23  1850Z  Chollima-1  Sohae  FAILURE")
                          r"Unha|Chollima|Hwasong|Pukguksong|Taepodong|Musudan|Hwasal|Pulhwasal)\b",
                          re.IGNORECASE)
_LAUNCH_VERB = re.compile(r"\b(?:launch(?:ed|es|ing)?|fir(?:ed|es|ing)|lift(?:ed|s)?\s+off|lifted-off|took\s+off)\b",
                          re.IGNORECASE)


def launch_when(draft: ArticleDraft, text: str, report: LaunchReport, article: Article, lead_day: date | None = None
          ) -> None:
    """The launch date and time from the launch sentences, resolved against the article's date. A time the text
    zones ('0049 GMT') wins over a bare one ('9:49 a.m.'), whose zone is the dateline's or the launch site's. With no
    day in the launch sentences, ``lead_day`` (another missile of the lead launch's story), else the lede's."""
    reference = article.published or _undated_reference(text, report)
    stamps = body_stamps(text, article.header_end, article.published)
    dates = []
    for s in report.related:
        if s in report.listed:
            continue  # a row of a timeline the story lists: another launch's date
        day = next((value for end, value in reversed(stamps) if end <= s.start), reference)  # a live blog's day
        ahead = day + timedelta(days=1) if day and article.day_behind and day == article.published else None
        # (not the dateline's date; but a full date in a headline that states the launch, above a page's stamp:
        # "Incident log: 2026-01-19 cruise missile firing off Nampo")
        # (a launch table's row: the date column only, in the year its heading gives)
        tabled = in_launch_table(text, s.start)
        lo, hi = tabled.date_cell if tabled else (s.start, s.end)
        if tabled and tabled.year:
            day = date(tabled.year, 12, 31) if not day or day.year != tabled.year else day
        found = [d for d in find_dates(text, lo, hi, day, weekday_reference=ahead)
                  if (d.start >= article.header_end or (s in report.anchors and s.end <= article.header_end and d.label[
                      :4].isdigit() and not in_quotation_marks(text, d.start)))
                  and not statement_day(text, d, s.start)
                  and not _TIMED_AFTER_THE_LAUNCH.match(text, d.end, s.end)
                  and not _ANOTHER_LAUNCH_CLAUSE.search(text, max(s.start, d.start - 90), d.start)
                  and not _LAST_ONE.search(text, max(s.start, d.start - 110), d.start)
                  and not not_the_launchs_day(text, s.start, d.start)
                  # (the lead's: another launch drafted from that sentence takes that day as its own)
                  and not (lead_day is None and _earlier_launchs_day(text, d, s.start))]
        if not found and s in report.anchors:  # "… was fired that morning": the day the sentences before name
            found = referred_day(text, s, article.header_end, day)
        dates += [(d, s) for d in found]
    dates = _in_announced_window(text, dates, article.published)
    dates = [(not_ahead(text, d, article.published), s) for d, s in dates]
    # A sentence telling what had happened before ("On Monday, North Korea had extended its launch window") dates
    # that, not the launch, unless it states the launch itself.
    launch_dates = [(d, s) for d, s in dates if s in report.anchors or not PLUPERFECT.search(text, s.start, s.end)]
    # (a day named as Korea's, "earlier today (Oct. 31 local time in Korea)", over the writer's day)
    launch_dates.sort(key=lambda pair: (not _names_the_launch(text, pair[0], pair[1].start),
                                        KOREAS_DAY.match(text, pair[0].end, pair[1].end) is None))
    resolved = next((d.value for d, s in launch_dates if d.value and not _other_zone_date(text, d, s, article)), None)
    if resolved is None and not launch_dates and article.published is not None:
        # no launch sentence names a day: the lede's ("… failed on Monday night when the rocket blew up"), else
        # the story's own ("launched … at 5:57 a.m." in a story of the day)
        # (the day heading a digest's or live blog's entry; another missile the story tells with no day of its own:
        # the lead launch's day, ``lead_day``)
        heading = next((value for end, value in reversed(stamps) if end <= report.anchors[0].start), None)
        resolved = heading or lead_day or _lede_day(text, article, reference) or article.published
        # "the JCS said on Thursday that the North had fired …" in a Friday story: not launched after it was told
        told = [d.value for s in report.related for d in find_dates(text, s.start, s.end, reference)
                if d.value and d.start >= article.header_end and said_day(text, d, s.start)
                and not _RELATIVE_DAY.match(text, d.start)]  # "says yesterday's launch": whose yesterday is unsure
        if told and resolved and min(told) < resolved:
            resolved = min(told)
    draft.date = resolved
    for mention, sentence in dates:
        value = mention.value.isoformat() if mention.value else mention.label
        draft.claims.append(DraftClaim("date", value, attribution(text, sentence, mention.start),
                                       [(mention.start, mention.end)]))
    best: tuple[tuple[bool, ...], datetime, TimeMention] | None = None
    written: date | None = None  # the local day written beside the launch's clock time, in its sentence
    fixed: datetime | None = None
    # (a launch day told only in another zone, "on Saturday evening, Washington time": that zone's clock falls on it)
    abroad = set() if resolved else {d.value for d, s in launch_dates if d.value and _other_zone_date(
        text, d, s, article)}
    if not launch_dates and article.day_behind and resolved is not None and resolved == article.published:
        resolved = _on_the_writers_day(text, report, article, resolved)
        draft.date = resolved
    for sentence in report.related:
        verb = _LAUNCH_VERB.search(text, sentence.start, sentence.end)
        times = find_times(text, sentence.start, sentence.end, article.zone or "local time")
        if in_launch_table(text, sentence.start):  # a launch table's row: its time column (launch_tables)
            times = row_times(text, sentence, article.zone or "local time")
        elif "|" in text[sentence.start : sentence.end] and (sentence in report.rows or launch_row(text, sentence)):
            # "| 2023-12-17 | 22:38 | SRBM |": the row's time column
            times += [t for t in row_times(text, sentence, article.zone or "local time")
                      if not any(o.start < t.end and t.start < o.end for o in times)]
        for time in times:
            if not_the_launchs_time(text, sentence, time):
                continue
            same = [(d, s) for d, s in dates if s == sentence and d.value]
            foreign = {d for d, s in same if _other_zone_date(text, d, s, article)}
            moment = _moment(time, same, resolved, foreign)
            if moment is None and len(abroad) == 1 and time.zone not in LOCAL_ZONES and not time.assumed:
                moment = resolve(time, min(abroad))
            if moment and sentence in report.anchors and time.zone not in LOCAL_ZONES and any(
                    re.fullmatch(r"[\s,]*(?:on\s+)?", text[time.end : d.start]) for d in foreign):
                fixed = fixed or moment  # "(2239 GMT Thursday)": a clock with its own zone's day, a fixed instant
            value = moment.isoformat() if moment else time.label
            # The launch's time: in a sentence stating the launch, after its verb, zoned by the text, first (a log
            # line's opening clock last: "2214Z  FLASH: … fired" under "2219Z  … detected at 2211Z").
            # (a sentence correcting an earlier one first: "CORRECTION to 3/9: the launch time was 17:22 KST")
            rank = (not corrects(text, sentence), log_clock(text, time), sentence not in report.anchors,
                    verb is None or time.start < verb.start(), time.assumed)
            if moment and (best is None or rank < best[0]):
                best = (rank, moment, time)
                written = None if rank[1] else _written_beside(time, same, foreign)
            span = (time.start - 3, time.end) if text[max(0, time.start - 3) : time.start] == "at " else (
                time.start, time.end)
            by = attribution(text, sentence, time.start)
            draft.claims.append(DraftClaim("time", value, f"{by}; zone assumed" if time.assumed else by, [span]))
    # (a later line withdrawing that clock for another, in a sentence not drafted from: "JCS says 7:23, not 7:22")
    draft.time = best[1] + corrected_clock(text, best[2]) if best else None
    if fixed is not None and draft.time is not None and abs(draft.time - fixed) == timedelta(days=1):
        # the launch's local clock put on a day inferred from elsewhere, a day off the instant another zone's clock
        # and day fix ("at 7:39 a.m. local time (2239 GMT Thursday)"): the instant, and its local date
        draft.time = fixed
        draft.date = fixed.astimezone(timezone(zone_offset("local time", fixed.date()) or timedelta(hours=9))).date()
    if written is not None and launch_dates and not any(
            d.value == draft.date for d, s in launch_dates if s in report.anchors and not _writers_relative_day(
                text, d, s, article)):
        # "We begin tonight …" (the anchor's evening in New York), then "launched at 10:15 this morning local time":
        # the day written with the launch's own clock time, in a sentence stating it, over a day that no sentence
        # stating the launch gives but the writer's own 'tonight'
        draft.date = written
    part = next(((d, s) for d, s in dates if d.part_of_day), None)
    if draft.time is None and part is not None:  # "on Monday night", no clock time: keep the time of day
        mention, sentence = part
        draft.claims.append(DraftClaim("time_of_day", mention.part_of_day, attribution(text, sentence, mention.start),
                                       [(mention.start, mention.end)]))
    if draft.date is None and draft.time is not None:  # the launch's local date, from a time in another zone
        local = draft.time.astimezone(timezone(zone_offset("local time", draft.time.date()) or timedelta(hours=9)))
        draft.date = local.date()


def _writers_relative_day(text: str, mention: DateMention, sentence: Sentence, article: Article) -> bool:
    """'We begin tonight …', 'Today's launch' in a story dated hours behind Korea: the writer's day, which can be the
    day before Korea's (not 'this morning local time', said as Korea's)."""
    return bool(article.day_behind and _RELATIVE_DAY.match(text, mention.start)
                and not KOREAS_DAY.match(text, mention.end, sentence.end))


def _on_the_writers_day(text: str, report: LaunchReport, article: Article, day: date) -> date:
    """A story dated hours behind Korea that names no day for the launch but times it in a zone of its own too ('at
    6.57am local time (22.57 BST)' in a live blog of Thursday 14 September, BST): that clock falls on the story's
    day, and the launch's local date follows from the instant (Friday 15 September in Korea)."""
    for sentence in [*report.anchors, *(s for s in report.related if s not in report.anchors)]:
        for time in find_times(text, sentence.start, sentence.end, article.zone or "local time"):
            if time.assumed or time.zone in LOCAL_ZONES or another_moment(text, sentence, time) or log_clock(
                    text, time):
                continue
            moment = resolve(time, day)
            if moment is None:
                return day
            return moment.astimezone(timezone(zone_offset("local time", moment.date()) or timedelta(hours=9))).date()
    return day


# "met at 1 a.m. on Saturday, about 80 minutes after the launch": the day of something timed after the launch, which
# can be the day after it
_TIMED_AFTER_THE_LAUNCH = re.compile(r"[\s,;(]*(?:some\s+|about\s+|around\s+|nearly\s+|roughly\s+|just\s+)?"
                                     r"(?:\d+|an?|one|two|three|several|few|[\w-]+\s+and\s+a\s+half)\s+"
                                     r"(?:minutes?|hours?)\s+(?:after|following)\s+the\s+(?:launch|firing|test|lift-?off)",
                                     re.IGNORECASE)
# "from the same place as the launch that flew over Hokkaido on Aug. 29": the day of the launch compared with
_ANOTHER_LAUNCH_CLAUSE = re.compile(r"\b(?:as|like|than|to)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:launch|missile|"
                                    r"rocket|test|one|ICBM|satellite)\s+(?:that|which)\b[^,;.()]{0,70}$",
                                    re.IGNORECASE)
# "the last one, on 29 August, was also launched from Sunan", "the previous launch on May 3": the day of the launch
# before this one
# (or "The last launch of a ballistic missile by Pyongyang was recorded on November 5, 2024"; "the other was 16 March")
_LAST_ONE = re.compile(r"\bthe\s+(?:last|previous|earlier|prior)\s+(?:[\w-]+\s+){0,2}?(?:one|launch|missile|rocket|"
                       r"test|time|firing|flight|overflight)\b(?:\s+(?:of|by)\s+[^,.;]{0,50}?)?,?\s*(?:(?:was|came)\s+"
                       r"(?:(?:recorded|conducted|carried\s+out|made|reported|detected)\s+)?)?(?:on\s+|in\s+)?$"
                       r"|\bthe\s+other(?:\s+(?:one|launch|time))?\s+(?:was|came)\s+(?:on\s+)?$",  # "the other was …"
                       re.IGNORECASE)


def _lede_day(text: str, article: Article, reference: date | None) -> date | None:
    """The day the first sentence after the dateline gives, when it is about a launch and says when."""
    start = article.header_end + len(text[article.header_end : article.header_end + 500]) - len(
        text[article.header_end : article.header_end + 500].lstrip())  # the lede's first word, past blank lines
    start = _past_head_lines(text, start)
    end = _LEDE_END.search(text, start, start + 500)
    stop = end.start() + 1 if end else min(len(text), start + 500)
    if not ABOUT_LAUNCH.search(text, start, stop):
        return None
    ahead = reference + timedelta(days=1) if reference and article.day_behind else None
    days = [d for d in find_dates(text, start, stop, reference, weekday_reference=ahead)
            if d.value and not statement_day(text, d, start)
            and not _ANOTHER_LAUNCH_CLAUSE.search(text, max(start, d.start - 90), d.start)
            and not _earlier_launchs_day(text, d, start) and not not_the_launchs_day(text, start, d.start)]
    # "The government on Monday defended the alert sent during last Thursday's missile launch": the day the launch
    # is named by (not "The latest firing follows Tuesday's launch": another one)
    days.sort(key=lambda d: not _names_the_launch(text, d, start))
    return days[0].value if days else None


# A paragraph that ends no sentence: a page's section label ("WORLD"), a headline, a byline ("By a Staff
# Correspondent"), set between a printed page's stamp and its lede
_HEAD_LINES = re.compile(r"(?:[^\n]{1,120}\n){0,2}[^\n]{1,120}(?<![.!?:\"'\u201d])[ \t]*\n[ \t]*\n\s*")
HEAD_LINES_CHARS = 400  # how far past a stamp the lede may start


def _past_head_lines(text: str, start: int) -> int:
    """Where the lede starts: past the short paragraphs after a page's stamp that end no sentence."""
    at = start
    while (head := _HEAD_LINES.match(text, at)) is not None and head.end() - start <= HEAD_LINES_CHARS:
        at = head.end()
    return at


_NAMES_THE_LAUNCH = re.compile(r"(?<=['\u2019]s)\s+(?:[\w-]+\s+){0,3}?(?:launch|test|firing|missile|rocket)"
                               r"|['\u2019]s\s+(?:[\w-]+\s+){0,3}?(?:launch|test|firing|missile|rocket)", re.IGNORECASE)
_COMPARED_BEFORE = re.compile(r"\b(?:follow\w*|after|since|before|than|like|as|previous|earlier|last\s+week)\s+"
                              r"(?:last\s+)?$", re.IGNORECASE)


def _names_the_launch(text: str, mention: DateMention, start: int) -> bool:
    """'… during last Thursday's missile launch': a day that names the launch, which is the launch's day over the
    other days of its sentence (not 'The latest firing follows Tuesday's launch': another one)."""
    return bool(_NAMES_THE_LAUNCH.match(text, mention.end)
                and not _COMPARED_BEFORE.search(text, max(start, mention.start - 30), mention.start))


def _earlier_launchs_day(text: str, mention: DateMention, start: int) -> bool:
    """'This follows Sunday night's SRBM launch', 'a day after Tuesday's test': the day of the launch compared
    with, not of this one."""
    return bool(_NAMES_THE_LAUNCH.match(text, mention.end)
                and _COMPARED_BEFORE.search(text, max(start, mention.start - 30), mention.start)) or bool(
        _AFTER_FIRING.search(text, max(start, mention.start - 90), mention.start))


# "hours after it fired a shorter-range weapon late last night", "a day after launching two cruise missiles on
# Sunday": the day of the launch before (not "said it placed a satellite in orbit after launching it late on Tuesday")
_AFTER_FIRING = re.compile(r"\b(?:(?:hours?|days?|weeks?|months?)\s+after|since)\s+"
                           r"(?:it|North\s+Korea|Pyongyang|the\s+North)?\s*"
                           r"(?:had\s+)?(?:fired|launched|test-fired|firing|launching|test-firing)\b[^.;,]{0,60}$",
                           re.IGNORECASE)


_RELATIVE_DAY = re.compile(r"(?i)yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)")
_LEDE_END = re.compile(r"[.!?](?=\s+[A-Z\"\u201c])|\n\s*\n")


def _undated_reference(text: str, report: LaunchReport) -> date | None:
    """For an article with no dateline, the date yearless dates and weekdays resolve against: a full date in its
    headline ('Hwasong-18 launch of 18 December 2023'), else a full date anywhere in it that falls on the very
    weekday the launch sentences name (the two agree, so neither is a history date). Not its published date."""
    head = next((d.value for d in find_dates(text, 0, min(len(text), HEAD_CHARS), None, weekdays=False)
                 if d.value and d.label[:4].isdigit()), None)
    if head is not None:
        return head
    named = {d.label for s in report.related for d in find_dates(text, s.start, s.end, None) if d.label in
             WEEKDAY_NAMES}
    return next((d.value for d in find_dates(text, 0, len(text), None, weekdays=False)
                 if d.value and WEEKDAY_NAMES[d.value.weekday()] in named), None)


def _in_announced_window(text: str, dates: list[tuple[DateMention, Sentence]], published: date | None
                         ) -> list[tuple[DateMention, Sentence]]:
    """A weekday resolved against a dateline that falls after the launch window the article cites ('announced
    … between August 24th and 31st'; a re-post or crawl date) is that weekday's first day in the window."""
    windows = announced_windows(text, published)
    if not windows or published is None:
        return dates
    fixed = []
    for mention, sentence in dates:
        if mention.value is not None and mention.label in WEEKDAY_NAMES and not any(
                low <= mention.value <= high for low, high in windows):
            low, high = next((w for w in windows if w[1] < published), (None, None))
            if low is not None and high is not None:
                day = low + timedelta(days=(WEEKDAY_NAMES.index(mention.label) - low.weekday()) % 7)
                if day <= high:
                    mention = DateMention(mention.start, mention.end, day, mention.label)
        fixed.append((mention, sentence))
    return fixed


def _other_zone_date(text: str, mention: DateMention, sentence: Sentence, article: Article) -> bool:
    """'(2239 GMT Thursday)', '6:23 p.m. Eastern time on Monday': the day of a time in a zone other than the launch
    site's, not the launch's local date."""
    if KOREAS_DAY.match(text, mention.end, sentence.end):
        return False  # "6 p.m. Eastern, which was Wednesday morning in Pyongyang": Korea's day, said so
    if _ZONED_DAY.match(text, mention.end, sentence.end):
        return True  # "early Tuesday, Hawaii time": that zone's day, whatever the story's dateline
    if article.day_behind and _OUR_TIME.match(text, mention.end, sentence.end):
        return True  # "fired an ICBM again last night, our time" in a Washington briefing
    if any(t.zone not in LOCAL_ZONES for t in find_times(text, mention.start, mention.end)):
        return True  # "172324Z DEC 23": a date-time group's day is UTC's
    after = [t for t in find_times(text, mention.end, min(sentence.end, mention.end + 20)) if re.fullmatch(
        r",?\s*(?:at\s+)?", text[mention.end : t.start])]
    if after and after[0].zone not in LOCAL_ZONES:
        return True  # "30 May, 2127 UTC", "Dec. 12 at 0049 GMT": the day of the time in that zone
    # "8:40 p.m. Monday Eastern", "7:29 p.m. Eastern Standard Time on February 6"
    near = max(sentence.start, mention.start - OTHER_ZONE_CHARS)
    times = [t for t in find_times(text, near, sentence.end) if t.start < mention.start]
    return bool(times) and times[-1].zone not in LOCAL_ZONES and not re.search(
        r"[.;)]", text[times[-1].end : mention.start])  # "(2210 GMT) on Thursday": the bracket closed first


OTHER_ZONE_CHARS = 45  # from a zoned clock time to the day it is on
_OUR_TIME = re.compile(r",?\s+our\s+time\b", re.IGNORECASE)  # the writer's zone, in a story dated behind Korea
# A day said to be another zone's, named: "early Tuesday, Hawaii time", "Monday night, Eastern time"
_ZONED_DAY = re.compile(r",?\s+(?:Hawaii(?:an)?|Eastern|Pacific|Central|Mountain|Alaska|Washington|New\s+York|U\.S\.|"
                        r"American|London|British|UK|European|GMT|UTC|Greenwich)\s+time\b", re.IGNORECASE)
LOCAL_ZONES = ("KST", "JST", "Pyongyang time", "local time")


def _moment(time: TimeMention, same_sentence: list[tuple[DateMention, Sentence]], launch_day: date | None,
            foreign_dates: set[DateMention]) -> datetime | None:
    """The instant of a clock time. A launch-zone time ignores the day written for another zone ('07:10 local
    time (2210 GMT Wednesday)'); a time in another zone whose day is not its own ('7:10 a.m. (2210 GMT) on
    Thursday') falls on whichever UTC day makes the launch's local date the one written."""
    local = time.zone in LOCAL_ZONES
    candidates = [(d, s) for d, s in same_sentence if not (local and d in foreign_dates)]
    day = _day_for(time, candidates, launch_day)
    def distance(pair: tuple[DateMention, Sentence]) -> int:
        return min(abs(pair[0].start - time.end), abs(time.start - pair[0].end))

    own_day = bool(candidates) and not local and min(candidates, key=distance)[0] in foreign_dates
    if local or own_day or day is None:
        return resolve(time, day)
    for shift in (0, -1, 1):  # the written day is the launch's local date
        moment = resolve(time, day + timedelta(days=shift))
        offset = zone_offset("local time", day)
        if moment is not None and offset is not None and moment.astimezone(timezone(offset)).date() == day:
            return moment
    return resolve(time, day)


def _written_beside(time: TimeMention, same_sentence: list[tuple[DateMention, Sentence]],
                    foreign_dates: set[DateMention]) -> date | None:
    """The launch site's day written in a clock time's sentence ('at 10:15 this morning local time', 'At 2238 hrs KST
    on 17 December'), when the time is the launch site's own; None for a time in another zone or a day of it."""
    if time.zone not in LOCAL_ZONES:
        return None
    local = [(d, s) for d, s in same_sentence if d not in foreign_dates and d.value is not None]
    return _day_for(time, local, None) if local else None


def _day_for(time: TimeMention, same_sentence: list[tuple[DateMention, Sentence]], launch_day: date | None
             ) -> date | None:
    """The day a clock time falls on: the date written nearest it in its sentence ('at 7:39 a.m. (2239 GMT
    Thursday)' puts the GMT time on Thursday), else the launch's date."""
    if not same_sentence:
        return launch_day
    nearest = min(same_sentence, key=lambda pair: min(abs(pair[0].start - time.end), abs(time.start - pair[0].end)))
    return nearest[0].value
