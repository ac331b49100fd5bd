"""A test's story read as launchmap reads an article file, and drafted."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import draft_article
from viewer.ingest.article import Article, article_from_bytes
from viewer.ingest.findings import ArticleDraft


def read(text: str) -> Article:
    return article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story")


def drafted(text: str) -> ArticleDraft:
    draft = draft_article(read(text))
    assert draft is not None
    return draft
