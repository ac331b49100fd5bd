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
