"""Ingest: article text (.txt, .md, .html) and official notices (NAVAREA, HYDROPAC, NOTAM) → a draft bundle whose
every feature cites the words it came from."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from viewer.ingest.article import SUFFIXES, Article, ArticleError, read_article
from viewer.ingest.assemble import build_bundle
from viewer.ingest.draft import classify, draft_article, draft_document
from viewer.ingest.findings import ArticleDraft
from viewer.ingest.notices import line_of
from viewer.model.bundle import Bundle

__all__ = ["SUFFIXES", "Article", "ArticleError", "article_paths", "classify", "draft_article", "draft_document",
           "ingest_articles", "ingest_files", "read_article",
           "read_files"]


def article_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named, folders expanded to the articles inside them (sorted), in order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            found.append(path)
    return found


def problems_of(article: Article, draft: ArticleDraft | None) -> list[str]:
    """'FILE:LINE: message' for what could not be read, and one line for a file that is neither article nor
    notice."""
    name = str(article.path) if article.path else article.id
    if draft is None and classify(article.text) == "neither":
        return [f"{name}:1: neither an article nor a notice (no prose, no notice number); nothing drafted"]
    return [f"{name}:{line_of(article.text, at)}: {message}" for at, message in (draft.problems if draft else [])]


def ingest_articles(articles: Iterable[Article], base: Path | None = None, problems: list[str] | None = None,
                    jobs: int | None = 1, dask: object | None = None,
                    progress: Callable[[int, int], None] | None = None) -> Bundle:
    """The draft bundle of already-read articles and notices; ``base`` is the folder the bundle will be written to,
    ``jobs`` the number of processes (None: all cores for a large batch). What could not be read is appended to
    ``problems`` as 'FILE:LINE: message' lines. ``dask`` (a scheduler address or cluster) drafts on Dask. ``progress``
    (documents done, of how many) is called as each is drafted in this process."""
    from viewer.ingest.parallel import draft_all, draft_on_dask

    articles = list(articles)
    drafted = (draft_on_dask(articles, dask) if dask is not None  # type: ignore[arg-type]
               else draft_all(articles, jobs, progress))
    drafts = list(zip(articles, drafted, strict=True))
    if problems is not None:
        for article, draft in drafts:
            problems.extend(problems_of(article, draft))
    return build_bundle(drafts, base)


def read_files(paths: Iterable[str | Path], published: date | None = None,
               problems: list[str] | None = None) -> list[Article]:
    """Read article and notice files, each with an id unique among them. A file that is not usable text raises
    ArticleError, or, given ``problems``, is left out and said there in one line naming it (the rest are read)."""
    ids: set[str] = set()
    articles = []
    for path in article_paths(paths):
        try:
            article = read_article(path, published=published)
        except ArticleError as error:
            if problems is None:
                raise
            problems.append(f"{error}; nothing drafted from it")
            continue
        stem, number = article.id, 2
        while article.id in ids:  # two files of one name in different folders
            article.id, number = f"{stem}-{number}", number + 1
        ids.add(article.id)
        articles.append(article)
    return articles


def ingest_files(paths: Iterable[str | Path], base: Path | None = None, published: date | None = None,
                 problems: list[str] | None = None, jobs: int | None = 1) -> Bundle:
    """Read and draft article and notice files (raises ArticleError on the first that is not usable text)."""
    return ingest_articles(read_files(paths, published), base, problems, jobs)
