"""How well dateutil and dateparser read this corpus's dates next to ingest's own rules: the published date from
an article's first lines and the launch's date from its launch sentences (relative to the published date).

Used by tools/evaluate_ingest.py --dates; the two libraries are optional (not dependencies of launchmap)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from viewer.ingest import read_files
from viewer.ingest.article import Article
from viewer.ingest.datelines import HEAD_CHARS
from viewer.ingest.draft import draft_article
from viewer.ingest.launch import detect_launch
from viewer.ingest.sentences import split_sentences

Reader = Callable[[Article], tuple[date | None, date | None]]  # (published, launch date)


def ours(article: Article) -> tuple[date | None, date | None]:
    draft = draft_article(article)
    return article.published, draft.date if draft else None


def _launch_sentences(article: Article) -> list[str]:
    report = detect_launch(article.text, split_sentences(article.text))
    return [article.text[s.start : s.end] for s in report.related] if report else []


def with_dateutil(article: Article) -> tuple[date | None, date | None]:
    import warnings

    from dateutil import parser

    warnings.simplefilter("ignore", parser.UnknownTimezoneWarning)
    published = None
    for line in article.text[:HEAD_CHARS].splitlines()[:8]:
        try:
            published = parser.parse(line, fuzzy=True).date()
            break
        except (ValueError, OverflowError):
            continue
    launch = None
    default = datetime.combine(published, datetime.min.time()) if published else None
    for sentence in _launch_sentences(article):
        try:
            launch = parser.parse(sentence, fuzzy=True, default=default).date() if default else parser.parse(
                sentence, fuzzy=True).date()
            break
        except (ValueError, OverflowError):
            continue
    return published, launch


def with_dateparser(article: Article) -> tuple[date | None, date | None]:
    from dateparser.search import search_dates

    head = search_dates(article.text[:HEAD_CHARS], languages=["en"])
    published = head[0][1].date() if head else None
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if published:
        settings["RELATIVE_BASE"] = datetime.combine(published, datetime.min.time())
    launch = None
    for sentence in _launch_sentences(article):
        found = search_dates(sentence, languages=["en"], settings=settings)
        if found:
            launch = found[0][1].date()
            break
    return published, launch


def compare(folder: Path) -> list[str]:
    """A table: for each reader, right/drafted/truth of the published and launch dates, and ms per article."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    names = [n for n in sorted(truth) if not n.startswith("_")]
    articles = {name: read_files([folder / name])[0] for name in names}
    readers: dict[str, Reader] = {"launchmap rules": ours}
    libraries: list[tuple[str, Reader, str]] = [("python-dateutil", with_dateutil, "dateutil"),
                                                ("dateparser", with_dateparser, "dateparser")]
    for label, reader, module in libraries:
        try:
            __import__(module)
            readers[label] = reader
        except ImportError:
            pass
    lines = ["| reader | published: right / found / truth | launch date: right / found / truth | ms per article "
             "(launchmap: the whole draft) |",
             "|---|---|---|---|"]
    for label, reader in readers.items():
        counts = [[0, 0, 0], [0, 0, 0]]
        for name in names:  # warm up: the gazetteer and GeoNames, dateparser's language data, compiled patterns
            reader(articles[name])
        started = time.perf_counter()
        for name in names:
            article = articles[name]
            article.published = _published_by(reader, article)
            got = reader(article)
            wanted = (truth[name].get("published"), next((t["date"] for t in truth[name]["launches"]), None))
            for index, (value, expected) in enumerate(zip(got, wanted, strict=True)):
                counts[index][1] += value is not None
                counts[index][2] += expected is not None
                counts[index][0] += value is not None and expected is not None and value.isoformat() == expected
        ms = (time.perf_counter() - started) * 1000 / len(names)
        lines.append(f"| {label} | {' / '.join(map(str, counts[0]))} | {' / '.join(map(str, counts[1]))} | "
                     f"{ms:.1f} |")
    return lines


def _published_by(reader: Reader, article: Article) -> date | None:
    """Each reader resolves the launch date against its own reading of the published date."""
    if reader is ours:
        return article.published
    fresh = Article(article.id, article.text, article.title, None, article.path, article.text_from_file,
                    article.header_end, article.zone)
    return reader(fresh)[0]


# Issue 17 item 1's regional forms, each alone, with what it says (date, clock) or None where it says no date or
# clock (a duration, a version, an order nothing settles): invented, the story dated 30 May 2031
FORMS_REFERENCE = date(2031, 5, 30)
FORMS: list[tuple[str, str | None, str | None]] = [
    ('2031년 5월 28일', '2031-05-28', None),
    ('2031.5.28.(수)', '2031-05-28', None),
    ('2031. 5. 28.', '2031-05-28', None),
    ('5월 28일', '2031-05-28', None),
    ('오늘(28일)', '2031-05-28', None),
    ('06시 14분경', None, '06:14'),
    ('오전 9:41', None, '09:41'),
    ('오후 11시', None, '23:00'),
    ('2031年5月28日', '2031-05-28', None),
    ('平成24年12月12日', '2012-12-12', None),
    ('令和13年5月28日(水)', '2031-05-28', None),
    ('R13.5.28', '2031-05-28', None),
    ('R13.5.28 (水)', '2031-05-28', None),
    ('H29.3.6 (Mon)', '2017-03-06', None),
    ('午前9時49分頃', None, '09:49'),
    ('午後11時42分', None, '23:42'),
    ('06時52分', None, '06:52'),
    ('28.05.2031', '2031-05-28', None),
    ('12.05.2031', '2031-05-12', None),
    ('at 0736 hours', None, '07:36'),
    ("3 o'clock 17 minutes of dawn", None, '03:17'),
    ('18.05.2031, 06:05', '2031-05-18', '06:05'),
    # what says no date or clock
    ('3시간 동안', None, None),
    ('約3時間', None, None),
    ('日本政府', None, None),
    ('07/12/2031', None, None),
    ('firmware R5.7.12.3', None, None),
    ('1500 hours of flight', None, None),
    ('3日間', None, None),
]


def _ours_on_form(text: str) -> tuple[str | None, str | None]:
    from viewer.ingest.times import find_dates, find_times

    dates = [d.value for d in find_dates(text, 0, len(text), FORMS_REFERENCE, weekdays=False) if d.value]
    times = find_times(text, 0, len(text), "KST")
    return (dates[0].isoformat() if dates else None,
            f"{times[0].hour:02d}:{times[0].minute:02d}" if times else None)


def _dateparser_on_form(text: str) -> tuple[str | None, str | None]:
    import dateparser

    base = datetime.combine(FORMS_REFERENCE, datetime.min.time())
    found = dateparser.parse(text, languages=["ko", "ja", "en", "ru", "de"],
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    if found is None:
        return None, None
    clock = f"{found.hour:02d}:{found.minute:02d}" if (found.hour, found.minute) != (0, 0) else None
    return found.date().isoformat(), clock


def compare_forms() -> list[str]:
    """A table: for ingest's rules and dateparser (if installed), of FORMS' dates and clocks the right / read /
    said counts (a clock alone scored on its clock), the forms that say no date or clock but were read as one, and
    microseconds per form."""
    readers: dict[str, Callable[[str], tuple[str | None, str | None]]] = {"launchmap rules": _ours_on_form}
    try:
        __import__("dateparser")
        readers["dateparser"] = _dateparser_on_form
    except ImportError:
        pass
    lines = ["| reader | dates: right / read / said | clocks: right / read / said | of 7 saying none, read | "
             "us per form |", "|---|---|---|---|---|"]
    for label, reader in readers.items():
        for text, _, _ in FORMS:  # warm up
            reader(text)
        counts = [[0, 0, 0], [0, 0, 0]]
        wrong_reads = 0
        started = time.perf_counter()
        for text, *wanted in FORMS:
            got = reader(text)
            for index in (0, 1):
                if index == 0 and wanted[0] is None and wanted[1] is not None:
                    continue  # a clock alone: the day a library fills in beside it is its default, not a reading
                counts[index][0] += got[index] is not None and got[index] == wanted[index]
                counts[index][1] += got[index] is not None
                counts[index][2] += wanted[index] is not None
            wrong_reads += wanted == [None, None] and got != (None, None)
        us = (time.perf_counter() - started) * 1e6 / len(FORMS)
        lines.append(f"| {label} | {' / '.join(map(str, counts[0]))} | {' / '.join(map(str, counts[1]))} | "
                     f"{wrong_reads} | {us:.0f} |")
    return lines
