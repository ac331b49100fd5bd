"""Drafting many documents on several cores — the same `draft_document` in worker processes, in order — or on
a Dask cluster for archives beyond one machine (the optional `launchmap[scale]` extra)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from viewer.ingest.article import Article
from viewer.ingest.draft import draft_document
from viewer.ingest.findings import ArticleDraft
from viewer.ingest.places import shipped_matcher

PER_WORKER_MINIMUM = 100  # fewer documents than this per extra process do not repay starting it


def default_jobs(count: int) -> int:
    """All cores for a large batch; one process for a few dozen documents, where starting workers costs more."""
    return max(1, min(os.cpu_count() or 1, count // PER_WORKER_MINIMUM))


Progress = Callable[[int, int], None]  # (documents drafted, of how many); may raise to stop the drafting


def _draft_chunk(articles: Sequence[Article], progress: Progress | None = None) -> list[ArticleDraft | None]:
    drafts = []
    for done, article in enumerate(articles):
        if progress is not None:
            progress(done, len(articles))
        drafts.append(draft_document(article))
    if progress is not None:
        progress(len(articles), len(articles))
    return drafts


def draft_all(articles: Sequence[Article], jobs: int | None = None,
              progress: Progress | None = None) -> list[ArticleDraft | None]:
    """``draft_document`` of every article, in order, on ``jobs`` processes (None: see default_jobs). ``progress``
    is called before each document when drafting in this process (the window's import, behind its dialog)."""
    jobs = default_jobs(len(articles)) if jobs is None else max(1, jobs)
    if jobs == 1 or len(articles) < 2:
        return _draft_chunk(articles, progress)
    shipped_matcher()  # built once here; forked workers inherit it instead of reading the gazetteer again
    size = max(1, -(-len(articles) // (jobs * 4)))  # a few chunks per worker evens out long and short articles
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return [draft for chunk in pool.map(_draft_chunk, chunks) for draft in chunk]


def draft_on_dask(articles: Sequence[Article], address: str, chunk: int = 200) -> list[ArticleDraft | None]:
    """``draft_document`` of every article on the Dask cluster at ``address`` (a scheduler address, or a
    ``distributed.LocalCluster``), in order. Raises ImportError when dask.distributed is not installed."""
    from distributed import Client

    chunks = [list(articles[i : i + chunk]) for i in range(0, len(articles), chunk)]
    with Client(address) as client:
        futures = client.map(_draft_chunk, chunks, pure=False)
        return [draft for done in client.gather(futures) for draft in done]
