"""One article → the launch it reports: site, flight, alerts, zones, time and claims, each with its passages."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from datetime import datetime

from viewer.ingest.alerts import find_warning_areas, find_zones_and_points
from viewer.ingest.article import Article
from viewer.ingest.body_stamps import body_stamps
from viewer.ingest.claims import attribution, outcome_claims
from viewer.ingest.directions import direction_claim
from viewer.ingest.failure import add_failure_area
from viewer.ingest.findings import ArticleDraft, DraftClaim, DraftFeature
from viewer.ingest.flight import find_flight, passing_flight
from viewer.ingest.footnotes import footnotes, notes_apart
from viewer.ingest.launch import detect_launch, foreign_launch_sentences
from viewer.ingest.launch_claims import add_claims
from viewer.ingest.launch_clauses import in_other_launchs_clause
from viewer.ingest.launch_mentions import another_things_day, launch_days, launch_days_before, names_launching
from viewer.ingest.launch_passages import paragraphs_named_by_day
from viewer.ingest.launch_report import LaunchReport, clause_around, describe, space_of
from viewer.ingest.launch_sections import heads_a_section, heads_section_of, section_sentences, within_own_section
from viewer.ingest.launch_tables import in_launch_table
from viewer.ingest.launch_when import launch_when
from viewer.ingest.mend import draft_on_original
from viewer.ingest.notice_draft import draft_notice
from viewer.ingest.notices import quoted_warnings, read_notice
from viewer.ingest.other_launches import (
    ORDINAL,
    SAME_SITE,
    candidate_sentences,
    follow_ups,
    is_another_launch,
    ordinal_clause,
    same_launch,
    times_of_several,
    told_later,
)
from viewer.ingest.passing import passing_mentions
from viewer.ingest.places import PlaceMatcher, PlaceMention, shipped_matcher
from viewer.ingest.roundup_segments import lead_of_runs, roundup_runs, with_run_day
from viewer.ingest.row_launches import paragraphs_of_rows, summary_lead
from viewer.ingest.said_launches import with_said_day
from viewer.ingest.sentences import Sentence, split_sentences
from viewer.ingest.sites import find_site
from viewer.ingest.times import DateMention, find_dates

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
    notice = read_notice((plain := article.mended(debris=False)).text)  # its wrapping undone; spans mapped back
    if notice is not None:
        if not article.title or article.title == notice.name or not article.title.startswith(notice.series):
            article.title = notice.name
        return draft_on_original(draft_notice(notice, plain.text), plain)
    mended = article.mended()  # extraction debris mended once, before every finder; spans mapped back
    draft = draft_article(replace(article, text=mended.text, header_end=mended.offset(article.header_end)), matcher)
    return draft_on_original(draft, mended) if draft is not None else None


def draft_article(article: Article, matcher: PlaceMatcher | None = None) -> ArticleDraft | None:
    """The launch ``article`` reports, drafted; None when it reports none."""
    matcher = matcher or shipped_matcher()
    text = article.text
    sentences = split_sentences(text)
    report = detect_launch(text, sentences, article.published)
    if report is None:
        return None
    report = within_own_section(text, report, article.published)  # a notebook's heading per launch
    noted = notes_apart(report, footnotes(text, sentences))  # a paper's launches, each cited to its note
    places = matcher.find(text)
    draft = _draft_report(article, report, sentences, places, matcher)
    groups: list[tuple[list[Sentence], ArticleDraft]] = [(own, _draft_other(article, describe(text, LaunchReport(
        own, own, space_of(text, own, report.space)), whole_text=False), places, matcher, draft)) for own in noted]
    stamps = body_stamps(text, article.header_end, article.published)  # a digest's or live blog's day headings
    quoted = quoted_warnings(text)  # a warning quoted as broadcast: its "ROCKET LAUNCHING …" line is its window
    for sentence, ordinal in candidate_sentences(text, report, sentences, stamps):
        if heads_section_of(text, sentence, report.anchors[0].start, article.published):
            continue  # the heading of the lead launch's own section
        if any(begin <= sentence.start < finish for begin, finish in quoted):
            continue
        own_space = space_of(text, [sentence], report.space)
        other = _draft_other(article, describe(text, LaunchReport([sentence], [sentence], own_space),
                                               whole_text=False), places, matcher, draft)
        tabled = in_launch_table(text, sentence.start) is not None and in_launch_table(
            text, report.anchors[0].start) is not None  # a row of the table the lead launch is a row of
        headed = other.date is not None and other.date != draft.date and heads_a_section(
            text, sentence, article.published)  # "1. Launch of 17 December" / "2. Launch of 18 December"
        if not is_another_launch(other, draft, ordinal or tabled) and not headed and not (
                sentence in report.anchors and told_later(text, sentence)):
            continue
        # (two rows of a table of launches are two launches, however close in time)
        group = next((g for g in groups if same_launch(g[1], other) and not (
            tabled and any(in_launch_table(text, t.start) for t in g[0]))), None)
        if group is None:
            groups.append(([sentence], other))
        else:
            group[0].append(sentence)
    for own, _ in groups:  # "… a second missile was fired … It flew only about 120 km. The JCS said the second missile
        own.extend(follow_ups(text, own, sentences, {t for g in groups for t in g[0]}))  # … had failed"
    for own, _ in groups:  # a notebook's launch heading: the lines of its section
        taken = {s for g in groups for s in g[0]} | set(report.anchors[:1])
        for heading in [s for s in own if s in report.rows]:
            own.extend(s for s in section_sentences(text, heading, sentences, article.published) if s not in taken)
    if groups:  # "The 4 October event stands apart. The missile … J-Alert warnings for Hokkaido …": that launch's
        taken = {s for g in groups for s in g[0]} | set(report.anchors[:1])
        named = paragraphs_named_by_day(text, sentences, [g[1].date for g in groups], taken, article.published)
        for index, own in named.items():
            groups[index][0].extend(own)
    if groups and report.rows:  # a timeline's entry tells its launch in the row's paragraph ("1) Chollima-1, 30 May …
        paragraphs_of_rows(text, report, sentences, groups)  # The rocket flew south from the Sohae coastal pad …")
    runs = roundup_runs(text, sentences, report, article.published, article.header_end)  # a prose round-up: one
    groups = [(own, replace(draft, date=day)) for day, own in runs] or groups  # launch per run of its sentences
    if groups:  # a story of several launches: the main one without the others' sentences, then each other one
        apart = {s for g in groups for s in g[0]}
        sentences, report = _clauses_apart(text, sentences, report, groups, apart)
        # (every sentence stating a launch told a row's: the rows left, if any, are the main launch's)
        anchors = [s for s in report.anchors if s not in apart] or [s for s in report.rows if s not in apart]
        if anchors:
            related = [s for s in report.related if s not in apart]
            main = describe(text, LaunchReport(anchors, related, report.space,
                                               rows=[s for s in report.rows if s not in apart]), whole_text=False)
            draft = _draft_report(article, main, sentences, places, matcher, apart)
        for own, _ in groups:
            other_report = describe(text, LaunchReport(own, own, space_of(text, own, report.space),
                                                       rows=[s for s in own if s in report.rows]), whole_text=False)
            other = _draft_other(article, other_report, places, matcher, draft, alerts=True)
            draft.others.append(with_run_day(runs, own, other, article))  # (a round-up's run: on its day)
        if not anchors:  # every sentence stating a launch tells a row's: the rows are the story's launches
            draft, draft.others = draft.others[0], draft.others[1:]
        run = lead_of_runs(draft, runs, draft.others) if anchors else None  # (the lead's run its main launch)
        if summary_lead(text, draft, report, anchors, groups) or run is not None:
            draft, draft.others = draft.others[run or 0], [o for o in draft.others if o is not draft.others[run or 0]]
    foreign = foreign_launch_sentences(text, sentences)
    known = [d.date for d in (draft, *draft.others) if d.date is not None]
    # the lede's sentence too when it opens with the dateline ("SEOUL, Oct. 8 (Yonhap) -- …, its first launch since
    # it tested a Hwasong-19 on Sept. 3"), its dates after the dateline
    passing = [(s, m) for s, m in passing_mentions(text, [s for s in sentences if s.end > article.header_end and (
        s not in foreign)], article.published, known, after=article.header_end) if not another_things_day(text, m, s)]
    if not groups and report.vehicle_span and any(s.start <= report.vehicle_span[0] < s.end for s, _ in passing):
        # the vehicle named was the earlier launch's ("on July 4, North Korea launched its first ICBM, a Hwasong-14")
        lead = describe(text, LaunchReport(report.anchors, report.related, report.space), whole_text=False)
        draft = _draft_report(article, lead, sentences, places, matcher)
    draft.others.extend(_told_in_one_sentence(text, report, draft))
    # any other launch told with its day, in whatever form of sentence the story-shaped rules above did not read
    known += [m.value for _, m in passing if m.value is not None]
    told = launch_days(text, [s for s in sentences if s.end > article.header_end and s not in foreign],
                       article.published, known, after=article.header_end)
    known += [m.value for _, m in told if m.value is not None]  # "a day after it launched a shorter-range missile"
    told += launch_days_before(text, [s for s in sentences if s not in foreign], draft.date, known)
    draft.others.extend(_draft_passing(article, report, sentence, mention, places, matcher, draft)
                        for sentence, mention in passing)
    for sentence, mention in told:
        other = _draft_passing(article, report, sentence, mention, places, matcher, draft)
        # a log's clock where no word of launching is ("0020Z 25 May  Japan MOD: two missiles fell …"): not the launch's
        if other.time is not None and not names_launching(text, sentence):
            other.time = None
            other.claims = [c for c in other.claims if c.property not in ("time", "time_of_day")]
        draft.others.append(other)
    for launch in (draft, *draft.others):  # a clock time read on another launch's day is not this launch's time
        if launch.time is not None and launch.date is not None and abs((launch.time.date() - launch.date).days) > 1:
            launch.time = None
            launch.claims = [c for c in launch.claims if c.property != "time"]
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
    own_space = space_of(text, [clause_around(text, sentence, mention.start)], report.space)
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
        if sentence in report.rows:
            continue  # a timeline's row is one launch event ("two … missiles from Kwail, at 5:24 and 5:36 a.m.")
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
    launch_when(draft, text, report, article)
    if article.inferred_year is not None:  # a yearless dateline: say what pinned the year the dates resolve in
        pinned = article.inferred_year
        draft.claims.append(DraftClaim("dateline_year", pinned.day.year, f"inferred: {pinned.why}", [pinned.span]))
    coordinates = find_zones_and_points(text, sentences)
    # (not the places of the other launches' sentences: 'the only facility named' may be another launch's)
    mine = [p for p in places if not any(s.start <= p.start < s.end for s in apart or ()) and not (
        in_other_launchs_clause(text, p.start))]  # nor a place of another launch's clause ('days after it fired …')
    site = next((f for f in coordinates if f.kind == "launch_site"), None) or find_site(
        text, report, mine, matcher, draft.date)
    if site is not None:
        draft.features.append(site)
    own = [s for s in sentences if s not in (apart or set())]  # not the other launches' sentences
    draft.features.extend(find_flight(text, own, report, places, matcher, site))
    if site is None:  # "fired a missile into the sea off its east coast", no site: the direction as a claim
        direction_claim(draft, text, report.related, matcher)
    # (an alert told in another launch's sentences is that launch's: a timeline's "J-Alert: Okinawa" on each row)
    tabled = bool(report.anchors) and all(in_launch_table(text, s.start) for s in report.anchors)  # a table's row:
    draft.features.extend(find_warning_areas(text, report.anchors if tabled else own, places))  # not a note on others
    draft.features.extend(f for f in coordinates if f.kind != "launch_site")
    add_claims(draft, text, own, report, article.published, lead=True)
    add_failure_area(draft, text, report, matcher, site)
    return draft


def _draft_other(article: Article, report: LaunchReport, places: list[PlaceMention], matcher: PlaceMatcher,
                 main: ArticleDraft, alerts: bool = False) -> ArticleDraft:
    """Another launch the story reports, drafted from its own sentences only: when, where ('from the same area'
    is the main launch's site), which way and how it ended; with ``alerts``, the warning areas its sentences
    name."""
    text = article.text
    draft = _named(text, report)
    launch_when(draft, text, report, article, main.date)
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
        salvo = (main.features, told.span()) if told and not from_elsewhere and draft.date == main.date else None
        draft.features.extend(passing_flight(text, report, own, matcher, site, SHORTEST_PATH_KM, salvo))
    else:
        direction_claim(draft, text, report.related, matcher)
    if alerts:
        draft.features.extend(find_warning_areas(text, report.related, places))
    add_claims(draft, text, report.related, report, article.published)
    return with_said_day(report.related[0], draft, article) if report.related else draft


SHORTEST_PATH_KM = 50.0
_ANOTHER_SITE = re.compile(r"\bfrom\s+(?:a|an|another)\s+(?:separate|different|second|other)\s+", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:near\s+|the\s+|an?\s+\w+\s+(?:near|in)\s+)?(?:\w+\s+)?$", re.IGNORECASE)


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
