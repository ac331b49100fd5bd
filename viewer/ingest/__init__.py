"""Ingest: article text (.txt, .md, .html) → a draft bundle whose every feature cites the words it came from."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from viewer.ingest.article import SUFFIXES, Article, ArticleError, read_article
from viewer.ingest.assemble import build_bundle
from viewer.ingest.draft import draft_article
from viewer.model.bundle import Bundle

__all__ = ["SUFFIXES", "Article", "ArticleError", "article_paths", "draft_article", "ingest_articles",
           "ingest_files", "read_article"]


def article_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named, folders expanded to the articles inside them (sorted), in order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            found.append(path)
    return found


def ingest_articles(articles: Iterable[Article], base: Path | None = None) -> Bundle:
    """The draft bundle of already-read articles; ``base`` is the folder the bundle will be written to."""
    return build_bundle([(article, draft_article(article)) for article in articles], base)


def ingest_files(paths: Iterable[str | Path], base: Path | None = None, published: date | None = None) -> Bundle:
    """Read and draft article files (raises ArticleError on the first that is not usable text)."""
    files = article_paths(paths)
    ids: set[str] = set()
    articles = []
    for path in files:
        article = read_article(path, published=published)
        stem, number = article.id, 2
        while article.id in ids:  # two files of one name in different folders
            article.id, number = f"{stem}-{number}", number + 1
        ids.add(article.id)
        articles.append(article)
    return ingest_articles(articles, base)
