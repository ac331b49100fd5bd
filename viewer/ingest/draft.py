"""One article → the launch it reports: site, flight, alerts, zones, time and claims, each with its passages."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from viewer.geo import geodesic
from viewer.ingest.alerts import find_warning_areas, find_zones_and_points
from viewer.ingest.article import Article
from viewer.ingest.claims import attribution, orbit_claims, outcome_claims
from viewer.ingest.datelines import HEAD_CHARS, body_stamps
from viewer.ingest.directions import stated_direction
from viewer.ingest.eez import eez_claims
from viewer.ingest.failure import add_failure_area
from viewer.ingest.findings import ArticleDraft, DraftClaim, DraftFeature
from viewer.ingest.flight import find_flight
from viewer.ingest.launch import LaunchReport, describe, detect_launch, foreign_launch_sentences, space_of
from viewer.ingest.measures import find_altitudes, find_distances
from viewer.ingest.notice_draft import draft_notice
from viewer.ingest.notices import read_notice
from viewer.ingest.other_launches import (
    ORDINAL,
    SAME_SITE,
    candidate_sentences,
    is_another_launch,
    ordinal_clause,
    same_launch,
    times_of_several,
    told_later,
)
from viewer.ingest.passing import passing_mentions
from viewer.ingest.places import PlaceMatcher, PlaceMention, shipped_matcher
from viewer.ingest.sentences import Sentence, split_sentences
from viewer.ingest.sites import find_site
from viewer.ingest.times import (
    KOREAS_DAY,
    PLUPERFECT,
    WEEKDAY_NAMES,
    DateMention,
    TimeMention,
    announced_windows,
    find_dates,
    find_times,
    resolve,
    said_day,
    statement_day,
    zone_offset,
)

_ABOUT_LAUNCH = re.compile(r"\b(?:launch\w*|test(?:ed|s)?|rocket|missiles?|satellites?|projectile|fired|object|"
                           r"payload|warhead|ICBM|IRBM|SRBM|SLBM|"
                           r"orbit\w*|flew|travel\w*|altitude|apogee|(?:in|mid)[- ]flight)\b",
                           re.IGNORECASE)
_LAUNCH_VERB = re.compile(r"\b(?:launch(?:ed|es|ing)?|fir(?:ed|es|ing)|lift(?:ed|s)?\s+off|lifted-off|took\s+off)\b",
                          re.IGNORECASE)
_HISTORY = re.compile(r"\b(?:previous(?:ly)?|last year|(?:months|weeks|years) (?:after|ago|before)|in (?:19|20)\d\d)\b",
                      re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_]{2,}")


def classify(text: str) -> str:
    """'notice', 'article' or 'neither' (a table, a data file, a page of numbers: nothing to draft from)."""
    if read_notice(text) is not None:
        return "notice"
    sample = text[:20000]
    visible = sum(not c.isspace() for c in sample)
    letters = sum(c.isalpha() for c in sample)
    if len(_WORD.findall(sample)) >= 15 and letters >= 0.6 * max(visible, 1):
        return "article"
    return "neither"


def draft_document(article: Article, matcher: PlaceMatcher | None = None) -> ArticleDraft | None:
    """The draft of an article or a notice; None when it reports no launch (or is neither)."""
    notice = read_notice(article.text)
    if notice is not None:
        if not article.title or article.title == notice.name or not article.title.startswith(notice.series):
            article.title = notice.name
        return draft_notice(notice, article.text)
    return draft_article(article, matcher)


def draft_article(article: Article, matcher: PlaceMatcher | None = None) -> ArticleDraft | None:
    """The launch ``article`` reports, drafted; None when it reports none."""
    matcher = matcher or shipped_matcher()
    text = article.text
    sentences = split_sentences(text)
    report = detect_launch(text, sentences)
    if report is None:
        return None
    places = matcher.find(text)
    draft = _draft_report(article, report, sentences, places, matcher)
    groups: list[tuple[list[Sentence], ArticleDraft]] = []  # other launches, each with its sentences
    stamps = body_stamps(text, article.header_end, article.published)  # a digest's or live blog's day headings
    for sentence, ordinal in candidate_sentences(text, report, sentences, stamps):
        own_space = space_of(text, [sentence], report.space)
        other = _draft_other(article, describe(text, LaunchReport([sentence], [sentence], own_space),
                                               whole_text=False), places, matcher, draft)
        if not is_another_launch(other, draft, ordinal) and not (
                sentence in report.anchors and told_later(text, sentence)):
            continue
        group = next((g for g in groups if same_launch(g[1], other)), None)
        if group is None:
            groups.append(([sentence], other))
        else:
            group[0].append(sentence)
    if groups:  # a story of several launches: the main one without the others' sentences, then each other one
        apart = {s for g in groups for s in g[0]}
        sentences, report = _clauses_apart(text, sentences, report, groups, apart)
        anchors = [s for s in report.anchors if s not in apart]
        if anchors:
            related = [s for s in report.related if s not in apart]
            main = describe(text, LaunchReport(anchors, related, report.space), whole_text=False)
            draft = _draft_report(article, main, sentences, places, matcher, apart)
        for own, _ in groups:
            other_report = describe(text, LaunchReport(own, own, space_of(text, own, report.space)), whole_text=False)
            draft.others.append(_draft_other(article, other_report, places, matcher, draft))
    foreign = foreign_launch_sentences(text, sentences)
    known = [d.date for d in (draft, *draft.others) if d.date is not None]
    # the lede's sentence too when it opens with the dateline ("SEOUL, Oct. 8 (Yonhap) -- …, its first launch since
    # it tested a Hwasong-19 on Sept. 3"), its dates after the dateline
    passing = passing_mentions(text, [s for s in sentences if s.end > article.header_end and s not in foreign],
                               article.published, known, after=article.header_end)
    if not groups and report.vehicle_span and any(s.start <= report.vehicle_span[0] < s.end for s, _ in passing):
        # the vehicle named was the earlier launch's ("on July 4, North Korea launched its first ICBM, a Hwasong-14")
        lead = describe(text, LaunchReport(report.anchors, report.related, report.space), whole_text=False)
        draft = _draft_report(article, lead, sentences, places, matcher)
    draft.others.extend(_told_in_one_sentence(text, report, draft))
    draft.others.extend(_draft_passing(article, report, sentence, mention, places, matcher, draft)
                        for sentence, mention in passing)
    return draft


def _clauses_apart(text: str, sentences: list[Sentence], report: LaunchReport,
                   groups: list[tuple[list[Sentence], ArticleDraft]], apart: set[Sentence]
                   ) -> tuple[list[Sentence], LaunchReport]:
    """A clause of the lead's sentences that tells a missile drafted on its own ('…, and the second flew about 400
    km toward the East Sea') goes to that missile: the lead keeps the sentence up to the clause."""
    cut: dict[Sentence, Sentence] = {}
    for own, _ in groups:
        for sentence in report.related:
            if sentence in apart or sentence in cut:
                continue
            clause = ordinal_clause(text, sentence, own[0])
            if clause is not None:
                cut[sentence] = Sentence(sentence.start, clause.start, sentence.paragraph)
                own.append(clause)
                apart.add(clause)
    if not cut:
        return sentences, report
    def keep(items: list[Sentence]) -> list[Sentence]:
        return [cut.get(s, s) for s in items]
    return keep(sentences), LaunchReport(keep(report.anchors), keep(report.related), report.space)


def _draft_passing(article: Article, report: LaunchReport, sentence: Sentence, mention: DateMention,
                   places: list[PlaceMention], matcher: PlaceMatcher, main: ArticleDraft) -> ArticleDraft:
    """An earlier launch the story names in passing with its date: drafted from that sentence, on that day (with the
    time the sentence gives it, if any), and marked so."""
    text = article.text
    own_space = space_of(text, [sentence], report.space)
    other = _draft_other(article, describe(text, LaunchReport([sentence], [sentence], own_space),
                                           whole_text=False), places, matcher, main)
    if other.date != mention.value:  # its clock time, if any, was read against another day of the sentence
        other.time = None
        other.claims = [c for c in other.claims if c.property not in ("time", "time_of_day")]
    other.date = mention.value
    other.name = f"{other.name} (named in passing)"
    other.claims = [c for c in other.claims if c.property != "date"]
    by = attribution(text, sentence, mention.start)
    assert mention.value is not None  # passing_mentions keeps resolved days only
    other.claims.append(DraftClaim("date", mention.value.isoformat(), by, [(mention.start, mention.end)]))
    other.claims.append(DraftClaim("mention", "named in passing in a story of another launch",
                                   "the article (unattributed)", [(sentence.start, sentence.end)]))
    if other.outcome is None:  # "Previous SLBM tests, including one on July 9, ended in failure": history is the point
        found = outcome_claims(text, [sentence], other.space, earlier=True)
        if len({f.value for f in found}) == 1:
            other.outcome = str(found[0].value)
            other.claims.extend(DraftClaim(f.property, f.value, f.by, [(f.start, f.end)]) for f in found)
    return other


_INSTANT = re.compile(r"\d{4}-\d\d-\d\dT")  # a time claim resolved to an instant, not a label such as "05:34 KST"


def _told_in_one_sentence(text: str, report: LaunchReport, draft: ArticleDraft) -> list[ArticleDraft]:
    """Several missiles with a time each in one sentence about the lead launch ('two missiles …, the first at 4:29
    p.m. and the second at 4:49 p.m.'): the draft keeps the first; each later one is a launch of its own, with the
    lead's site, flight and claims but its own time."""
    for sentence in report.related:
        moments = [(c.spans[0][0], datetime.fromisoformat(c.value)) for c in draft.claims if c.property == "time"
                   and sentence.start <= c.spans[0][0] < sentence.end and _INSTANT.match(c.value)]
        several = times_of_several(text, sentence, moments)
        if several:
            break
    else:
        return []
    draft.time = several[0][1]
    others = []
    for offset, moment in several[1:]:
        other = copy.deepcopy(draft)
        other.others, other.time = [], moment
        other.claims = [c for c in other.claims if c.property != "time" or c.spans[0][0] == offset]
        others.append(other)
    first = several[0][0]
    draft.claims = [c for c in draft.claims if c.property != "time" or not any(c.spans[0][0] == o for o, _ in several)
                    or c.spans[0][0] == first]
    return others


def _draft_report(article: Article, report: LaunchReport, sentences: list[Sentence], places: list[PlaceMention],
                  matcher: PlaceMatcher, apart: set[Sentence] | None = None) -> ArticleDraft:
    text = article.text
    draft = _named(text, report)
    _when(draft, text, report, article)
    if article.inferred_year is not None:  # a yearless dateline: say what pinned the year the dates resolve in
        pinned = article.inferred_year
        draft.claims.append(DraftClaim("dateline_year", pinned.day.year, f"inferred: {pinned.why}", [pinned.span]))
    coordinates = find_zones_and_points(text, sentences)
    # (not the places of the other launches' sentences: 'the only facility named' may be another launch's)
    mine = [p for p in places if not any(s.start <= p.start < s.end for s in apart or ())]
    site = next((f for f in coordinates if f.kind == "launch_site"), None) or find_site(
        text, report, mine, matcher, draft.date)
    if site is not None:
        draft.features.append(site)
    own = [s for s in sentences if s not in (apart or set())]  # not the other launches' sentences
    draft.features.extend(find_flight(text, own, report, places, matcher, site))
    if site is None:  # "fired a missile into the sea off its east coast", no site: the direction as a claim
        _direction_claim(draft, text, report, matcher)
    draft.features.extend(find_warning_areas(text, sentences, places))
    draft.features.extend(f for f in coordinates if f.kind != "launch_site")
    _claims(draft, text, own, report, article.published, lead=True)
    add_failure_area(draft, text, report, matcher, site)
    return draft


def _draft_other(article: Article, report: LaunchReport, places: list[PlaceMention], matcher: PlaceMatcher,
                 main: ArticleDraft) -> ArticleDraft:
    """Another launch the story reports, drafted from its own sentences only: when, where ('from the same area'
    is the main launch's site), which way and how it ended."""
    text = article.text
    draft = _named(text, report)
    _when(draft, text, report, article, main.date)
    if main.date is not None and all(told_later(text, s) and not find_dates(text, s.start, s.end, None)
                                     for s in report.related):
        draft.date = main.date  # "About an hour later, two missiles were fired …": the lead launch's day
    own = [p for s in report.related for p in places if s.start <= p.start < s.end]  # not the main launch's site
    same = next((m for s in report.related for m in [SAME_SITE.search(text, s.start, s.end)] if m), None)
    main_site = next((f for f in main.features if f.kind == "launch_site"), None)
    # "The second, launched at 5:15 a.m., … possibly crashing on land near Pyongyang": one of the missiles the lead
    # sentence fired from its site, unless its own sentence says it came from elsewhere
    told = next((m for s in report.related for m in [ORDINAL.search(text, s.start, s.end)] if m), None)
    from_elsewhere = any(_FROM_BEFORE.search(text, max(0, p.start - 30), p.start) for p in own) or any(
        _ANOTHER_SITE.search(text, s.start, s.end) for s in report.related)
    if same is not None and main_site is not None:  # "a launch from the same area … debris falling near Pyongyang"
        site: DraftFeature | None = replace(main_site, spans=[same.span()], properties=dict(main_site.properties))
    elif told is not None and main_site is not None and not from_elsewhere:
        site = replace(main_site, spans=[*main_site.spans, told.span()], properties=dict(main_site.properties))
    else:
        site = find_site(text, report, own, matcher, draft.date)
    if site is not None:
        draft.features.append(site)
        # a path to debris 'near Pyongyang', a few km from the pad, says nothing of where the flight was headed
        draft.features.extend(f for f in find_flight(text, report.related, report, own, matcher, site)
                              if f.kind == "flight_path" and geodesic.length_km(f.geometry) >= SHORTEST_PATH_KM)
    else:
        _direction_claim(draft, text, report, matcher)
    _claims(draft, text, report.related, report, article.published)
    return draft


SHORTEST_PATH_KM = 50.0
_ANOTHER_SITE = re.compile(r"\bfrom\s+(?:a|an|another)\s+(?:separate|different|second|other)\s+", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:near\s+|the\s+|an?\s+\w+\s+(?:near|in)\s+)?(?:\w+\s+)?$", re.IGNORECASE)


def _direction_claim(draft: ArticleDraft, text: str, report: LaunchReport, matcher: PlaceMatcher) -> None:
    """A direction stated with no site to draw it from ('on an eastward path'), kept as a claim."""
    stated = stated_direction(text, report.related, matcher, None)
    if stated is not None:
        draft.claims.append(DraftClaim("direction_deg", stated.bearing, attribution(
            text, next(s for s in report.related if s.start <= stated.span[0] < s.end), stated.span[0]),
            [stated.span]))


def _named(text: str, report: LaunchReport) -> ArticleDraft:
    draft = ArticleDraft(name=_name(report), space=report.space, vehicle=report.vehicle)
    if report.vehicle and report.vehicle_span:
        draft.claims.append(DraftClaim("vehicle", report.vehicle, "the article (unattributed)", [report.vehicle_span]))
    if report.vehicle_class and report.class_span:
        draft.claims.append(DraftClaim("vehicle_class", report.vehicle_class, "the article (unattributed)",
                                       [report.class_span]))
    return draft


def _name(report: LaunchReport) -> str:
    subject = report.payload or report.vehicle
    if subject:
        return f"{subject} launch"
    if report.space:
        return "Satellite launch"
    label = report.vehicle_class
    return f"{label[0].upper()}{label[1:]} launch" if label else "Missile launch"


def _when(draft: ArticleDraft, text: str, report: LaunchReport, article: Article, lead_day: date | None = None
          ) -> None:
    """The launch date and time from the launch sentences, resolved against the article's date. A time the text
    zones ('0049 GMT') wins over a bare one ('9:49 a.m.'), whose zone is the dateline's or the launch site's. With no
    day in the launch sentences, ``lead_day`` (another missile of the lead launch's story), else the lede's."""
    reference = article.published or _undated_reference(text, report)
    stamps = body_stamps(text, article.header_end, article.published)
    dates = []
    for s in report.related:
        day = next((value for end, value in reversed(stamps) if end <= s.start), reference)  # a live blog's day
        ahead = day + timedelta(days=1) if day and article.day_behind and day == article.published else None
        dates += [(d, s) for d in find_dates(text, s.start, s.end, day, weekday_reference=ahead)
                  if d.start >= article.header_end and not statement_day(text, d, s.start)
                  and not _ANOTHER_LAUNCH_CLAUSE.search(text, max(s.start, d.start - 90), d.start)
                  and not _OTHER_EVENT.search(text, max(s.start, d.start - 50), d.start)]
    dates = _in_announced_window(text, dates, article.published)
    # A sentence telling what had happened before ("On Monday, North Korea had extended its launch window") dates
    # that, not the launch, unless it states the launch itself.
    launch_dates = [(d, s) for d, s in dates if s in report.anchors or not PLUPERFECT.search(text, s.start, s.end)]
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
    best: tuple[tuple[bool, bool, bool], datetime] | None = None
    for sentence in report.related:
        verb = _LAUNCH_VERB.search(text, sentence.start, sentence.end)
        for time in find_times(text, sentence.start, sentence.end, article.zone or "local time"):
            if _ANOTHER_MOMENT.search(text, max(sentence.start, time.start - 40), time.start):
                continue  # "a text message sent at 8:15 a.m.", "before landing at 8:52 a.m.": not the launch's time
            same = [(d, s) for d, s in dates if s == sentence and d.value]
            moment = _moment(time, same, resolved, {d for d, s in same if _other_zone_date(text, d, s, article)})
            value = moment.isoformat() if moment else time.label
            # The launch's time: in a sentence stating the launch, after its verb, zoned by the text, first.
            rank = (sentence not in report.anchors, verb is None or time.start < verb.start(), time.assumed)
            if moment and (best is None or rank < best[0]):
                best = (rank, moment)
            span = (time.start - 3, time.end) if text[max(0, time.start - 3) : time.start] == "at " else (
                time.start, time.end)
            by = attribution(text, sentence, time.start)
            draft.claims.append(DraftClaim("time", value, f"{by}; zone assumed" if time.assumed else by, [span]))
    draft.time = best[1] if best else None
    part = next(((d, s) for d, s in dates if d.part_of_day), None)
    if draft.time is None and part is not None:  # "on Monday night", no clock time: keep the time of day
        mention, sentence = part
        draft.claims.append(DraftClaim("time_of_day", mention.part_of_day, attribution(text, sentence, mention.start),
                                       [(mention.start, mention.end)]))
    if draft.date is None and draft.time is not None:  # the launch's local date, from a time in another zone
        local = draft.time.astimezone(timezone(zone_offset("local time", draft.time.date()) or timedelta(hours=9)))
        draft.date = local.date()


# The time of something else than the lift-off, told in a launch sentence: a message or alert sent, a statement
# released, a briefing held, the missile's landing ("before landing at 8:52 a.m.", "splashed down at …")
_ANOTHER_MOMENT = re.compile(r"\b(?:sent|issued|released|published|posted|broadcast|aired|held|briefing|landing|landed|"
                             r"reported|announced|confirmed|warned|alerted|notified|"
                             r"splashed\s+down|splashing\s+down|came\s+down|coming\s+down|impact\w*|fell|falling)\s+"
                             # (not "announced that at about 7:50 this morning North Korea fired": what was said)
                             r"(?:(?!that\b)[\w-]+\s+){0,2}?(?:at|around|about|shortly\s+after|shortly\s+before|"
                             r"just\s+after)\s+(?:about\s+|around\s+|approximately\s+)?$", re.IGNORECASE)
# "… was sworn in as South Korea's president on Wednesday", "talks that began on Monday": another event's day
_OTHER_EVENT = re.compile(r"\b(?:sworn\s+in|inaugurat\w*|took\s+office|elected|met|visited|arrived|summit|talks|"
                          r"began|started|opened|ended|closed|signed)\b[^.;,]{0,40}$", re.IGNORECASE)
# "from the same place as the launch that flew over Hokkaido on Aug. 29": the day of the launch compared with
_ANOTHER_LAUNCH_CLAUSE = re.compile(r"\b(?:as|like|than|to)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:launch|missile|"
                                    r"rocket|test|one|ICBM|satellite)\s+(?:that|which)\b[^,;.()]{0,70}$",
                                    re.IGNORECASE)


def _lede_day(text: str, article: Article, reference: date | None) -> date | None:
    """The day the first sentence after the dateline gives, when it is about a launch and says when."""
    start = article.header_end + len(text[article.header_end : article.header_end + 500]) - len(
        text[article.header_end : article.header_end + 500].lstrip())  # the lede's first word, past blank lines
    end = _LEDE_END.search(text, start, start + 500)
    stop = end.start() + 1 if end else min(len(text), start + 500)
    if not _ABOUT_LAUNCH.search(text, start, stop):
        return None
    ahead = reference + timedelta(days=1) if reference and article.day_behind else None
    return next((d.value for d in find_dates(text, start, stop, reference, weekday_reference=ahead)
                 if d.value and not statement_day(text, d, start)
                 and not _ANOTHER_LAUNCH_CLAUSE.search(text, max(start, d.start - 90), d.start)), None)


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
    near = max(sentence.start, mention.start - 30)
    times = [t for t in find_times(text, near, sentence.end) if t.start < mention.start]  # "8:40 p.m. Monday Eastern"
    return bool(times) and times[-1].zone not in ("KST", "JST", "Pyongyang time", "local time") and not re.search(
        r"[.;)]", text[times[-1].end : mention.start])  # "(2210 GMT) on Thursday": the bracket closed first


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


def _day_for(time: TimeMention, same_sentence: list[tuple[DateMention, Sentence]], launch_day: date | None
             ) -> date | None:
    """The day a clock time falls on: the date written nearest it in its sentence ('at 7:39 a.m. (2239 GMT
    Thursday)' puts the GMT time on Thursday), else the launch's date."""
    if not same_sentence:
        return launch_day
    nearest = min(same_sentence, key=lambda pair: min(abs(pair[0].start - time.end), abs(time.start - pair[0].end)))
    return nearest[0].value


def _dated_elsewhere(text: str, sentence: Sentence, day: date | None, published: date | None) -> bool:
    """A sentence whose own date is more than a day from the launch's (a statement's day aside)."""
    if day is None:
        return False
    return any(d.value is not None and abs((d.value - day).days) > 1 and not statement_day(text, d, sentence.start)
               for d in find_dates(text, sentence.start, sentence.end, published or day))


def _claims(draft: ArticleDraft, text: str, sentences: list[Sentence], report: LaunchReport,
            published: date | None, lead: bool = False) -> None:
    foreign = foreign_launch_sentences(text, sentences)  # "South Korea fired two missiles; one fell into the sea"
    about = [s for s in sentences if _ABOUT_LAUNCH.search(text, s.start, s.end) and not _HISTORY.search(
        text, s.start, s.end) and s not in foreign]
    current = [s for s in sentences if not _HISTORY.search(text, s.start, s.end)]  # "it did not land within the EEZ"
    # "On 16 March a missile exploded" in a story of the launch of 24 March: that launch's outcome, not this one's
    own_day = [s for s in about if not _dated_elsewhere(text, s, draft.date, published)]
    found_claims = outcome_claims(text, own_day, draft.space, lead=lead) + orbit_claims(text, about) + eez_claims(
        text, current)
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
    outcomes = {c.value for c in draft.claims if c.property == "outcome"}
    if len(outcomes) == 1 or outcomes == {"orbit", "success"}:
        draft.outcome = "orbit" if "orbit" in outcomes else next(iter(outcomes))
