"""A test's story read as launchmap reads an article file, and drafted; or written to a file and ingested."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import draft_article, ingest_files
from viewer.ingest.article import Article, article_from_bytes
from viewer.ingest.findings import ArticleDraft
from viewer.model.bundle import Bundle


def read(text: str) -> Article:
    return article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story")


def drafted(text: str) -> ArticleDraft:
    draft = draft_article(read(text))
    assert draft is not None
    return draft


def ingested(folder: Path, text: str) -> Bundle:
    """The story written to a file in ``folder`` and ingested as `launchmap ingest` reads it."""
    path = folder / "story.txt"
    path.write_text(text, encoding="utf-8")
    return ingest_files([path])
