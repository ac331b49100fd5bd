"""Write a bundle as GeoJSON into any folder: article paths made relative to it, or the text carried inline."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from viewer.io.bundle.writer import write_bundle
from viewer.io.progress import Progress, no_progress
from viewer.model.bundle import Bundle


def write_geojson(bundle: Bundle, path: str | Path, progress: Progress = no_progress) -> None:
    """Write ``bundle`` as an event bundle at ``path``, atomically, its articles reachable from there."""
    path = Path(path)
    write_bundle(relocated(bundle, path.parent), path)
    progress(1, 1)


def relocated(bundle: Bundle, folder: Path) -> Bundle:
    """The bundle as written into ``folder``: article paths made relative to it where the article is inside it,
    else the text carried inline (the reader reads articles only from inside a bundle's folder; an article
    from a GeoPackage or KML has no file at all)."""
    documents = {}
    base = bundle.path.parent if bundle.path else None
    for key, document in bundle.documents.items():
        article = (base / document.path) if base is not None and document.path else None
        if document.text_inline:
            documents[key] = document
        elif document.text is not None and article is not None and article.is_file():  # text first: a path that
            # was not read may be one no file can have (thousands of characters: stat() raises ENAMETOOLONG)
            resolved, target = article.resolve(), folder.resolve()
            if not resolved.is_relative_to(target):
                documents[key] = replace(document, text_inline=True)
                continue
            moved = os.path.relpath(resolved, target)
            documents[key] = replace(document, path=Path(moved).as_posix())
        elif document.text is not None:
            documents[key] = replace(document, text_inline=True)
        else:
            documents[key] = document
    return replace(bundle, documents=documents)
